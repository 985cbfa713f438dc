import { alertMail } from '../../../src/TypeScript/domain/alertMessage';
import { observe, parseIncidents, reviewIncidents, unsent, type AlertSettings, type Observation, type OpenIncidents } from '../../../src/TypeScript/domain/alerts';
import { parseConfig } from '../../../src/TypeScript/domain/config';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const HOUR = 3600_000;
const KEY_REFUSED = 'HTTP 401: Invalid API key';

/** A clock the tests move by hand. */
function clock(start = T0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const settings: AlertSettings = { recipients: ['7'], deadLetters: 5, waitingHours: 4 };
const calm = { pausedAt: null, pauseMessage: '', paused: false, deadLetters: 0, oldestWaitingAt: null };

/** Runs sweeps over what each one sees; returns the phases mailed per sweep. */
function sweeps(seenAt: Array<(now: number) => Observation>, c = clock(), step = 15 * 60_000) {
  let open: OpenIncidents = {};
  const mailed: string[][] = [];
  for (const seen of seenAt) {
    const r = reviewIncidents(open, seen(c.now()), c.now());
    mailed.push(r.due.map((d) => `${d.kind}:${d.phase}`));
    open = r.open;
    c.advance(step);
  }
  return { mailed, open };
}

describe('alert incidents', () => {
  const paused = (now: number) => observe(settings, { ...calm, pausedAt: T0, pauseMessage: KEY_REFUSED, paused: true }, now);
  const fine = (now: number) => observe(settings, calm, now);

  test('a pause is mailed once when it opens, not again within 24 hours, reminded after 24 hours, and its end is mailed', () => {
    const c = clock();
    let open: OpenIncidents = {};
    const at = (o: Observation) => {
      const r = reviewIncidents(open, o, c.now());
      open = r.open;
      return r.due.map((d) => d.phase);
    };
    expect(at(paused(c.now()))).toEqual(['open']);
    expect(open.paused).toMatchObject({ since: T0, mailedAt: T0, facts: { kind: 'paused', cause: 'key' } });
    // 95 sweeps later (23 h 45 min): nothing more.
    for (let i = 0; i < 95; i++) {
      c.advance(15 * 60_000);
      expect(at(paused(c.now()))).toEqual([]);
    }
    c.advance(15 * 60_000); // 24 h after the first mail
    expect(at(paused(c.now()))).toEqual(['remind']);
    c.advance(15 * 60_000);
    expect(at(paused(c.now()))).toEqual([]);
    c.advance(15 * 60_000);
    expect(at(fine(c.now()))).toEqual(['close']);
    expect(open).toEqual({});
    expect(at(fine(c.now()))).toEqual([]);
  });

  test('dead letters open at the threshold (not below) and close below it; each kind is its own incident', () => {
    const dead = (n: number) => (now: number) => observe(settings, { ...calm, deadLetters: n }, now);
    const { mailed } = sweeps([dead(4), dead(5), dead(9), dead(5), dead(4), dead(4)]);
    expect(mailed).toEqual([[], ['dead_letters:open'], [], [], ['dead_letters:close'], []]);
    const both = reviewIncidents({}, observe(settings, { ...calm, pausedAt: T0 - HOUR, pauseMessage: KEY_REFUSED, paused: true, deadLetters: 6 }, T0), T0);
    expect(both.due.map((d) => d.kind)).toEqual(['paused', 'dead_letters']);
  });

  test('the waiting incident opens when the oldest change is older than the setting, since that change', () => {
    const oldest = T0 - 4 * HOUR + 60_000;
    const seen = (now: number) => observe(settings, { ...calm, oldestWaitingAt: oldest }, now);
    const { mailed, open } = sweeps([seen, seen, seen]);
    expect(mailed).toEqual([[], ['waiting:open'], []]);
    expect(open.waiting?.since).toBe(oldest);
  });

  test('a threshold turned off forgets its incident without a message; a pause that no longer holds closes', () => {
    const open: OpenIncidents = { dead_letters: { since: T0, mailedAt: T0, facts: { kind: 'dead_letters', count: 6, threshold: 5 } } };
    const off = observe({ ...settings, deadLetters: null }, calm, T0 + HOUR);
    expect(reviewIncidents(open, off, T0 + HOUR)).toEqual({ due: [], open: {} });
    // Settings saved after the pause: paused is false even while pausedAt is still set.
    const lifted = observe(settings, { ...calm, pausedAt: T0, pauseMessage: KEY_REFUSED, paused: false }, T0);
    expect(lifted.paused).toBeNull();
  });

  test('a message that could not be sent is tried again at the next sweep; an end never mailed as begun is not mailed', () => {
    const c = clock();
    const first = reviewIncidents({}, paused(c.now()), c.now());
    const failed = unsent(first.open, first.due[0]!);
    expect(failed.paused?.mailedAt).toBeNull();
    c.advance(15 * 60_000);
    const again = reviewIncidents(failed, paused(c.now()), c.now());
    expect(again.due.map((d) => d.phase)).toEqual(['open']);
    expect(reviewIncidents(failed, fine(c.now()), c.now()).due).toEqual([]);
  });

  test('the stored memory survives a round trip; anything malformed is dropped', () => {
    const { open } = sweeps([paused]);
    expect(parseIncidents(JSON.parse(JSON.stringify(open)))).toEqual(open);
    expect(parseIncidents('nonsense')).toEqual({});
    expect(parseIncidents({ paused: { since: 'x' }, waiting: { since: 1, mailedAt: null, facts: { kind: 'paused' } } })).toEqual({});
  });
});

describe('alert mail', () => {
  test('says what happened, since when and where to fix it; the end says how long it lasted', () => {
    const r = reviewIncidents({}, observe(settings, { ...calm, pausedAt: T0 - 2 * HOUR, pauseMessage: KEY_REFUSED, paused: true }, T0), T0);
    const mail = alertMail(r.due[0]!, T0, 'https://123.app.netsuite.com/app/site/hosting/scriptlet.nl?script=1&deploy=1');
    expect(mail.subject).toBe('FreshSync: pushing to Freshsuccess is paused: Freshsuccess refused the key');
    expect(mail.body).toContain('Since 2026-01-05 07:00 UTC (2 h 0 min).');
    expect(mail.body).toContain('Fix the key or the data centre and save the settings');
    expect(mail.body).toContain('https://123.app.netsuite.com/app/site/hosting/scriptlet.nl?script=1&deploy=1');
    const end = reviewIncidents(r.open, observe(settings, calm, T0 + 3 * HOUR), T0 + 3 * HOUR);
    const closing = alertMail(end.due[0]!, T0 + 3 * HOUR, '/page');
    expect(closing.subject).toBe('FreshSync: resolved: pushing is no longer paused');
    expect(closing.body).toContain('It lasted from 2026-01-05 07:00 UTC to 2026-01-05 12:00 UTC (5 h 0 min).');
  });
});

describe('alert settings', () => {
  const base = { secretRef: 'custsecret_fsc_key' };
  test('recipients are employee ids, at most 10; thresholds plain whole numbers in range; empty is off', () => {
    expect(parseConfig(base).config.alerts).toEqual({ recipients: [], deadLetters: null, waitingHours: null });
    expect(parseConfig({ ...base, alertRecipients: '7, 12', alertDeadLetters: '10', alertWaitingHours: 24 }).config.alerts).toEqual({ recipients: ['7', '12'], deadLetters: 10, waitingHours: 24 });
    const problems = (raw: Record<string, unknown>) => parseConfig({ ...base, ...raw }).problems.map((p) => p.field);
    expect(problems({ alertRecipients: 'ops@example.com' })).toEqual(['alertRecipients']);
    expect(problems({ alertRecipients: Array.from({ length: 11 }, (_, i) => String(i + 1)).join(',') })).toEqual(['alertRecipients']);
    for (const bad of ['0', '0x10', '1e3', '2.5', '-1', '1000001']) expect(problems({ alertDeadLetters: bad })).toEqual(['alertDeadLetters']);
    for (const bad of ['0', '721', '1e2']) expect(problems({ alertWaitingHours: bad })).toEqual(['alertWaitingHours']);
    expect(parseConfig({ ...base, alertWaitingHours: '0x10' }).config.alerts.waitingHours).toBeNull();
  });
});
