import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

describe('N/cache', () => {
  test('values are strings, ttl runs on the simulated clock (minimum 300 s), loader fills a miss', () => {
    const rt = fixtureRuntime();
    inExecution(rt, () => {
      const cache = n(rt, 'N/cache').getCache({ name: 'settings', scope: 'PROTECTED' });
      cache.put({ key: 'obj', value: { a: 1 }, ttl: 10 });
      expect(cache.get({ key: 'obj' })).toBe('{"a":1}');
      let loads = 0;
      expect(cache.get({ key: 'lazy', loader: () => { loads++; return 'loaded'; } })).toBe('loaded');
      expect(cache.get({ key: 'lazy', loader: () => { loads++; return 'again'; } })).toBe('loaded');
      expect(loads).toBe(1);
    });
    rt.clock.advance(299_000);
    inExecution(rt, () => expect(n(rt, 'N/cache').getCache({ name: 'settings', scope: 'PROTECTED' }).get({ key: 'obj' })).toBe('{"a":1}'));
    rt.clock.advance(2_000);
    inExecution(rt, () => {
      const cache = n(rt, 'N/cache').getCache({ name: 'settings', scope: 'PROTECTED' });
      expect(cache.get({ key: 'obj' })).toBeNull();
      expect(cache.get({ key: 'lazy' })).toBe('loaded');
      cache.remove({ key: 'lazy' });
      expect(cache.get({ key: 'lazy' })).toBeNull();
      expect(() => cache.get({})).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
    });
  });
});

describe('N/encode', () => {
  test.each([
    ['Müller 東京', 'UTF_8', 'BASE_64', 'TcO8bGxlciDmnbHkuqw='],
    ['TcO8bGxlciDmnbHkuqw=', 'BASE_64', 'UTF_8', 'Müller 東京'],
    ['user:pä?ss>', 'UTF_8', 'BASE_64_URL_SAFE', 'dXNlcjpww6Q_c3M-'],
    ['hi', 'UTF_8', 'HEX', '6869'],
    ['6869', 'HEX', 'UTF_8', 'hi'],
  ])('%s from %s to %s', (input, from, to, out) => {
    const rt = fixtureRuntime();
    expect(n(rt, 'N/encode').convert({ string: input, inputEncoding: from, outputEncoding: to })).toBe(out);
  });

  test('bad input is refused', () => {
    const rt = fixtureRuntime();
    const encode = n(rt, 'N/encode');
    expect(() => encode.convert({ string: 'zz', inputEncoding: 'HEX', outputEncoding: 'UTF_8' })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_ARG' }));
    expect(() => encode.convert({ inputEncoding: 'UTF_8', outputEncoding: 'HEX' })).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
  });
});

describe('N/format', () => {
  const at = new Date(Date.UTC(2026, 0, 5, 15, 7, 9));

  test('formats and parses with the user preference (default M/D/YYYY, h:mm a, UTC)', () => {
    const format = n(fixtureRuntime(), 'N/format');
    expect(format.format({ value: at, type: format.Type.DATE })).toBe('1/5/2026');
    expect(format.format({ value: at, type: format.Type.DATETIME })).toBe('1/5/2026 3:07 pm');
    expect(format.format({ value: at, type: format.Type.DATETIMETZ })).toBe('1/5/2026 3:07:09 pm');
    expect((format.parse({ value: '1/5/2026', type: format.Type.DATE }) as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect((format.parse({ value: '1/5/2026 3:07 pm', type: format.Type.DATETIME }) as Date).toISOString()).toBe('2026-01-05T15:07:00.000Z');
    expect(format.parse({ value: '2/31/2026', type: format.Type.DATE })).toBe('2/31/2026');
  });

  test('other preferences and time zones', () => {
    const format = n(fixtureRuntime({ preferences: { dateFormat: 'DD.MM.YYYY', timeFormat: 'H:mm', timeZone: 'Europe/Berlin' } }), 'N/format');
    expect(format.format({ value: at, type: format.Type.DATETIME })).toBe('05.01.2026 16:07');
    expect((format.parse({ value: '05.01.2026 16:07', type: format.Type.DATETIME }) as Date).toISOString()).toBe('2026-01-05T15:07:00.000Z');
    expect(format.format({ value: at, type: format.Type.DATE, timezone: 'Asia/Tokyo' })).toBe('06.01.2026');
  });
});

describe('N/email', () => {
  test('messages are captured with the addresses they went to, 20 units each (sendBulk 10)', () => {
    const rt = fixtureRuntime();
    const used = inExecution(rt, (ex) => {
      n(rt, 'N/email').send({ author: rt.admin.id, recipients: ['ops@example.com', rt.admin.id], subject: 'Sync stopped', body: 'Freshsuccess refused the key.' });
      n(rt, 'N/email').sendBulk({ author: rt.admin.id, recipients: 'ops@example.com', subject: 'Digest', body: '...' });
      return ex.meter.used;
    });
    expect(used).toBe(30);
    expect(rt.emails[0]).toEqual(expect.objectContaining({ recipients: ['ops@example.com', rt.admin.id], to: ['ops@example.com', 'admin@example.com'], subject: 'Sync stopped', scriptId: 'customscript_fx_probe' }));
  });

  test('as strict as NetSuite: the author is an employee, at most 10 recipients, each an entity with an email or an address', () => {
    const rt = fixtureRuntime();
    const noMail = rt.store.insert('employee', { firstname: 'No', lastname: 'Mail', entityid: 'No Mail', isinactive: false, subsidiary: '1' }).id;
    const customer = rt.store.insert('customer', { companyname: 'Acme', entityid: 'Acme', isperson: false, subsidiary: '1' }).id;
    const base = { author: rt.admin.id, recipients: 'ops@example.com', subject: 's', body: 'b' };
    const refused = (o: Record<string, unknown>) => {
      try {
        inExecution(rt, () => n(rt, 'N/email').send(o));
        return 'sent';
      } catch (e) {
        return (e as { name: string }).name;
      }
    };
    expect(refused({ ...base, author: undefined })).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(refused({ ...base, recipients: [] })).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(refused({ ...base, subject: '' })).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(refused({ ...base, author: customer })).toBe('SSS_AUTHOR_MUST_BE_EMPLOYEE');
    expect(refused({ ...base, author: 'admin@example.com' })).toBe('SSS_AUTHOR_MUST_BE_EMPLOYEE');
    expect(refused({ ...base, recipients: Array.from({ length: 8 }, (_, i) => `r${i}@example.com`), cc: ['c@example.com'], bcc: ['b@example.com', 'x@example.com'] })).toBe('SSS_MAX_RECIPIENTS_EXCEEDED');
    expect(refused({ ...base, recipients: [noMail] })).toBe('SSS_INVALID_RECIPIENT');
    expect(refused({ ...base, recipients: ['not an address'] })).toBe('SSS_INVALID_RECIPIENT');
    expect(refused({ ...base, recipients: Array.from({ length: 10 }, (_, i) => `r${i}@example.com`) })).toBe('sent');
    // -5: the account's administrator, as scripts commonly send.
    expect(refused({ ...base, author: -5, recipients: -5 })).toBe('sent');
    expect(rt.emails.at(-1)).toMatchObject({ author: rt.admin.id, to: ['admin@example.com'] });
    expect(rt.emails).toHaveLength(2);
  });
});
