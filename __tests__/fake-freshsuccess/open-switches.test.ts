/**
 * Every [open] point of the contract is a named switch with each of its answers, and the
 * pessimistic profile answers each the hardest way for a client (individual switches still
 * override it). What a client sees under each answer is asserted here; the engine's behaviour
 * under both is asserted by the end-to-end sync suites.
 */
import { defaultConfig, PESSIMISTIC } from '../../emulator/fake-freshsuccess/config';
import { startFakeFreshsuccessProcess } from '../../emulator/fake-freshsuccess';
import { account, JOINED } from './http';
import { useFakeFreshsuccess } from './support/useFake';

const fake = useFakeFreshsuccess();

// A tenant may leave out an empty failed_results (omitEmptyFailedResults, pessimistic).
const failures = (r: { json: Record<string, unknown> }) => (r.json.failed_results ?? []) as Array<Record<string, unknown>>;

describe('missing single items (missingItem)', () => {
  it.each([
    ['GET', 'accounts/NOPE'],
    ['DELETE', 'accounts/NOPE'],
    ['DELETE', 'accounts/NOPE/dimension_labels/Tier'],
  ])('%s %s: HTTP 404 by default, 200 + status_is_ok:false "Account not found" on statusNotOk', async (method, path) => {
    const call = () => (method === 'GET' ? fake.api.get(path) : fake.api.del(path));
    const default404 = await call();
    expect(default404.status).toBe(404);
    expect(default404.json).toEqual({ status_is_ok: false, message: 'Account not found: NOPE' });

    await fake.control.configure({ missingItem: 'statusNotOk' });
    const envelope = await call();
    expect(envelope.status).toBe(200);
    expect(envelope.json).toEqual({ status_is_ok: false, message: 'Account not found' });
  });

  it('PUT of a missing account follows the same switch', async () => {
    await fake.control.configure({ missingItem: 'statusNotOk' });
    const r = await fake.api.put('accounts/NOPE', { data: { tier: 'Gold' } });
    expect([r.status, r.json]).toEqual([200, { status_is_ok: false, message: 'Account not found' }]);
  });

  it('an unknown removal path is 404 "Unknown endpoint" under both answers: it is never "already gone"', async () => {
    await fake.api.post('accounts', { records: [account('A1')] });
    for (const missingItem of ['http404', 'statusNotOk'] as const) {
      await fake.control.configure({ missingItem });
      const r = await fake.api.del('accounts/A1/dimension_events/Renewal');
      expect(r.status).toBe(404);
      expect(r.json.message).toMatch(/^Unknown endpoint/);
    }
  });
});

describe('removing a dimension the account does not hold (missingDimension)', () => {
  beforeEach(async () => {
    await fake.api.post('accounts', { records: [account('A1', { custom_label_dimensions: [{ key: 'Tier', value: 'Gold' }] })] });
  });

  it('succeeds by default (idempotent)', async () => {
    expect((await fake.api.del('accounts/A1/dimension_labels/Other')).json).toEqual({ status_is_ok: true });
  });

  it('is not found on notFound, as a 404 or in the envelope per missingItem; a held key is still removed', async () => {
    await fake.control.configure({ missingDimension: 'notFound' });
    const r404 = await fake.api.del('accounts/A1/dimension_labels/Other');
    expect([r404.status, r404.json.status_is_ok]).toEqual([404, false]);
    await fake.control.configure({ missingItem: 'statusNotOk' });
    const envelope = await fake.api.del('accounts/A1/dimension_values/Other');
    expect([envelope.status, envelope.json]).toEqual([200, { status_is_ok: false, message: 'Dimension not found' }]);
    expect((await fake.api.del('accounts/A1/dimension_labels/Tier')).json).toEqual({ status_is_ok: true });
    expect((await fake.control.account('A1'))?.dimensions.labels).toEqual({});
  });
});

describe('"" for an optional property (emptyStrings)', () => {
  beforeEach(async () => {
    await fake.api.post('accounts', { records: [account('A1', { tier: 'Gold', phone: '555' })] });
  });

  it('clear (default): the value is removed', async () => {
    const r = await fake.api.post('accounts', { records: [{ account_id: 'A1', tier: '' }] });
    expect(failures(r)).toEqual([]);
    expect((await fake.control.account('A1'))?.fields).not.toHaveProperty('tier');
  });

  it('keep: the old value stays, the record succeeds', async () => {
    await fake.control.configure({ emptyStrings: 'keep' });
    const r = await fake.api.post('accounts', { records: [{ account_id: 'A1', tier: '', phone: '556' }] });
    expect(failures(r)).toEqual([]);
    expect((await fake.control.account('A1'))?.fields).toMatchObject({ tier: 'Gold', phone: '556' });
  });

  it('reject: the record fails naming the property, nothing of it is written', async () => {
    await fake.control.configure({ emptyStrings: 'reject' });
    const r = await fake.api.post('accounts', { records: [{ account_id: 'A1', tier: '', phone: '556' }] });
    expect(failures(r)).toEqual([expect.objectContaining({ account_id: 'A1', message: 'Empty value for property: tier (send a value or omit it)' })]);
    expect((await fake.control.account('A1'))?.fields).toMatchObject({ tier: 'Gold', phone: '555' });
  });

  it('a required property can never be emptied', async () => {
    const r = await fake.api.post('accounts', { records: [{ account_id: 'A1', name: '' }] });
    expect(failures(r)[0]?.message).toBe('Cannot clear required property: name');
  });
});

describe('null values (nullValues)', () => {
  beforeEach(async () => {
    await fake.api.post('accounts', { records: [account('A1', { tier: 'Gold', custom_value_dimensions: [{ key: 'Seats', value: 3 }] })] });
  });

  it('reject (default) fails the record', async () => {
    const r = await fake.api.post('accounts', { records: [{ account_id: 'A1', tier: null }] });
    expect(failures(r)[0]?.message).toMatch(/^Null value for property: tier/);
  });

  it('keep ignores null: top-level and dimension values stay', async () => {
    await fake.control.configure({ nullValues: 'keep' });
    const r = await fake.api.post('accounts', { records: [{ account_id: 'A1', tier: null, custom_value_dimensions: [{ key: 'Seats', value: null }] }] });
    expect(failures(r)).toEqual([]);
    const stored = await fake.control.account('A1');
    expect([stored?.fields.tier, stored?.dimensions.values]).toEqual(['Gold', { Seats: 3 }]);
  });

  it('clear removes them', async () => {
    await fake.control.configure({ nullValues: 'clear' });
    await fake.api.post('accounts', { records: [{ account_id: 'A1', tier: null, custom_value_dimensions: [{ key: 'Seats', value: null }] }] });
    const stored = await fake.control.account('A1');
    expect([stored?.fields.tier, stored?.dimensions.values]).toEqual([undefined, {}]);
  });
});

describe('parent checking (parentAccount)', () => {
  beforeEach(async () => {
    await fake.api.post('accounts', { records: [account('P'), account('C', { parent_account_id: 'P' })] });
  });

  const post = (record: Record<string, unknown>) => fake.api.post('accounts', { records: [record] });

  it('ignore (default): unknown and empty parents are stored; "" un-parents', async () => {
    expect(failures(await post({ account_id: 'X', name: 'X', join_date: JOINED, parent_account_id: 'GHOST' }))).toEqual([]);
    expect(failures(await post({ account_id: 'C', parent_account_id: '' }))).toEqual([]);
    expect((await fake.control.account('C'))?.fields).not.toHaveProperty('parent_account_id');
  });

  it('require: an unknown parent fails; "" follows emptyStrings', async () => {
    await fake.control.configure({ parentAccount: 'require' });
    expect(failures(await post({ account_id: 'X', name: 'X', join_date: JOINED, parent_account_id: 'GHOST' }))[0]?.message).toBe('Parent account not found: GHOST');
    expect(failures(await post({ account_id: 'C', parent_account_id: '' }))).toEqual([]);
  });

  it('refuseEmpty: "" fails as a parent not found too, and nothing of the record is written', async () => {
    await fake.control.configure({ parentAccount: 'refuseEmpty' });
    const r = await post({ account_id: 'C', parent_account_id: '', tier: 'Gold' });
    expect(failures(r)[0]?.message).toBe('Parent account not found: (empty)');
    expect((await fake.control.account('C'))?.fields).toMatchObject({ parent_account_id: 'P' });
    expect((await fake.control.account('C'))?.fields).not.toHaveProperty('tier');
  });

  it('PUT follows the same check', async () => {
    await fake.control.configure({ parentAccount: 'refuseEmpty' });
    const r = await fake.api.put('accounts/C', { data: { parent_account_id: 'GHOST' } });
    expect(r.json).toEqual({ status_is_ok: false, message: 'Parent account not found: GHOST' });
  });
});

describe('contacts on deactivated accounts (contactsOnInactiveAccounts)', () => {
  beforeEach(async () => {
    await fake.api.post('accounts', { records: [account('A1')] });
    await fake.api.del('accounts/A1');
  });

  const contact = { account_id: 'A1', user_id: 'U1', email: 'u1@x.test' };

  it('accept (default): the contact is written', async () => {
    expect(failures(await fake.api.post('account_contacts', { records: [contact] }))).toEqual([]);
    expect(await fake.control.contacts()).toHaveLength(1);
  });

  it('reject: "Account not found", nothing written; a churned account refuses too, a re-activated one accepts', async () => {
    await fake.control.configure({ contactsOnInactiveAccounts: 'reject' });
    const r = await fake.api.post('account_contacts', { records: [contact] });
    expect(failures(r)).toEqual([expect.objectContaining({ message: 'Account not found', account_id: 'A1', user_id: 'U1' })]);
    await fake.api.post('accounts', { records: [{ account_id: 'A1', is_churned: false }] });
    expect(failures(await fake.api.post('account_contacts', { records: [contact] }))).toEqual([]);
    await fake.api.post('accounts', { records: [{ account_id: 'A1', is_churned: true, inactive_time: JOINED }] });
    expect(failures(await fake.api.post('account_contacts', { records: [{ ...contact, user_id: 'U2' }] }))[0]?.message).toBe('Account not found');
  });
});

describe('label length (labelMaxLength)', () => {
  const label = (n: number) => account('A1', { custom_label_dimensions: [{ key: 'Notes', value: 'x'.repeat(n) }] });

  it('512 by default; 400 under the pessimistic profile', async () => {
    expect(failures(await fake.api.post('accounts', { records: [label(512)] }))).toEqual([]);
    expect(failures(await fake.api.post('accounts', { records: [label(513)] }))[0]?.message).toMatch(/max 512/);
    await fake.control.configure({ profile: 'pessimistic' });
    expect(failures(await fake.api.post('accounts', { records: [label(400)] }))).toEqual([]);
    expect(failures(await fake.api.post('accounts', { records: [label(401)] }))[0]?.message).toMatch(/max 400/);
  });
});

describe('the record index in failed_results (failedResultIndex)', () => {
  it('present by default, absent when off', async () => {
    const bad = { account_id: 'B', name: 'B' };
    expect(failures(await fake.api.post('accounts', { records: [account('A'), bad] }))[0]).toHaveProperty('record', 1);
    await fake.control.configure({ failedResultIndex: false });
    const item = failures(await fake.api.post('accounts', { records: [account('A'), bad] }))[0];
    expect(item).toEqual({ account_id: 'B', message: "Missing/invalid required field(s) for Accounts insert: 'join_date'" });
  });
});

describe('type errors (typeErrors)', () => {
  const records = [account('A'), account('B', { employees: 'many' }), { account_id: 'C', name: 'C' }];

  it('record (default): only the wrong-typed record fails', async () => {
    const r = await fake.api.post('accounts', { records });
    expect(failures(r).map((f) => f.account_id)).toEqual(['B', 'C']);
    expect((await fake.control.accounts()).map((a) => a.account_id)).toEqual(['A']);
  });

  it('batch: the whole request fails with the type message, nothing written; a missing field alone stays a record failure', async () => {
    await fake.control.configure({ typeErrors: 'batch' });
    const r = await fake.api.post('accounts', { records });
    expect([r.status, r.json]).toEqual([200, { status_is_ok: false, message: 'Invalid type for property: employees (expecting number)' }]);
    expect(await fake.control.accounts()).toEqual([]);
    const contacts = await fake.api.post('account_contacts', { records: [{ account_id: 'A', user_id: 'U', is_primary: 'yes' }] });
    expect(contacts.json.status_is_ok).toBe(false);
    expect(failures(await fake.api.post('accounts', { records: [records[0], records[2]] })).map((f) => f.account_id)).toEqual(['C']);
  });
});

describe('overlapping bulk requests on one endpoint (overlappingBulk)', () => {
  /** Starts a bulk POST whose answer the fake holds until the test releases it (it overlaps the next one every time). */
  async function slowPost(): Promise<{ first: Promise<{ status: number }> }> {
    await fake.control.injectFaults([{ kind: 'delay', ms: 60_000, method: 'POST', path: '/api/v2/accounts' }]);
    const first = fake.api.post('accounts', { records: [account('SLOW')] });
    await fake.delays.nextHeld();
    return { first };
  }

  it('serve (default): both are answered', async () => {
    const { first } = await slowPost();
    const second = await fake.api.post('accounts', { records: [account('FAST')] });
    await fake.delays.release();
    expect([second.status, (await first).status]).toEqual([200, 200]);
    expect((await fake.control.accounts()).map((a) => a.account_id).sort()).toEqual(['FAST', 'SLOW']);
  });

  it('refuse: the second is 429 and not written; the other endpoint and the next request are served', async () => {
    await fake.control.configure({ overlappingBulk: 'refuse' });
    const { first } = await slowPost();
    const second = await fake.api.post('accounts', { records: [account('FAST')] });
    expect(second.status).toBe(429);
    expect(second.json.status_is_ok).toBe(false);
    const contacts = await fake.api.post('account_contacts', { records: [{ account_id: 'SLOW', user_id: 'U' }] });
    expect(contacts.status).toBe(200);
    await fake.delays.release();
    expect((await first).status).toBe(200);
    expect((await fake.api.post('accounts', { records: [account('LATER')] })).status).toBe(200);
    expect((await fake.control.accounts()).map((a) => a.account_id)).toEqual(['SLOW', 'LATER']);
  });
});

describe('profiles', () => {
  it('pessimistic sets every listed switch; a switch beside it overrides; reset returns to the start-up profile', async () => {
    const config = await fake.control.configure({ profile: 'pessimistic', contactMove: 'reject' });
    expect(config).toMatchObject({ ...PESSIMISTIC, profile: 'pessimistic', contactMove: 'reject' });
    const back = await fake.control.configure({ profile: 'default' });
    const { apiKeys: _keys, ...defaults } = defaultConfig();
    expect(back).toMatchObject({ ...defaults, maxPageSize: back.maxPageSize });
    await fake.control.configure({ profile: 'pessimistic' });
    await fake.control.reset();
    expect((await fake.control.config()).profile).toBe('default');
  });

  it('answers every [open] point differently from the default profile', () => {
    const defaults = defaultConfig() as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(PESSIMISTIC)) {
      if (key !== 'nullValues') expect([key, value]).not.toEqual([key, defaults[key]]);
    }
  });

  it('an unknown profile is refused', async () => {
    await expect(fake.control.configure({ profile: 'gloomy' } as never)).rejects.toThrow(/profile must be one of/);
  });

  it('FAKE_FS_CONFIG reaches a fake started as a child process, under the caller\'s own options', async () => {
    const saved = process.env.FAKE_FS_CONFIG;
    process.env.FAKE_FS_CONFIG = '{"profile":"pessimistic"}';
    try {
      const child = await startFakeFreshsuccessProcess({ apiKeys: ['k'], contactsOnInactiveAccounts: 'accept' });
      try {
        expect(await child.control.config()).toMatchObject({ profile: 'pessimistic', missingItem: 'statusNotOk', contactsOnInactiveAccounts: 'accept' });
      } finally {
        await child.stop();
      }
    } finally {
      if (saved === undefined) delete process.env.FAKE_FS_CONFIG;
      else process.env.FAKE_FS_CONFIG = saved;
    }
  });
});
