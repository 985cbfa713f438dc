/** /account_contacts: required keys, Account not found, moves between accounts, deactivation, lists. */
import { account } from './http';
import { useFakeFreshsuccess } from './support/useFake';

const fake = useFakeFreshsuccess({}, { accounts: [account('ACME'), account('GLOBEX')] });

const contact = (userId: string, accountId = 'ACME', extra: Record<string, unknown> = {}) => ({
  account_id: accountId,
  user_id: userId,
  first_name: 'Zoë',
  last_name: 'Ångström',
  email: `${userId}@example.com`,
  ...extra,
});

async function expectRejected(record: unknown, failure: Record<string, unknown>): Promise<void> {
  const before = await fake.control.contacts();
  const r = await fake.api.post('account_contacts', { records: [record] });
  expect(r.status).toBe(200);
  expect(r.json).toEqual({ status_is_ok: true, failed_results: [{ record: 0, ...failure }] });
  expect(await fake.control.contacts()).toEqual(before);
}

describe('validation', () => {
  it('stores a valid contact with its keys and fields', async () => {
    const r = await fake.api.post('account_contacts', { records: [contact('C1', 'ACME', { is_primary: true, title: 'CFO' })] });
    expect(r.json).toEqual({ status_is_ok: true, failed_results: [] });
    expect(await fake.control.contacts()).toEqual([
      expect.objectContaining({ account_id: 'ACME', user_id: 'C1', isActive: true, writeCount: 1, fields: expect.objectContaining({ last_name: 'Ångström', is_primary: true }) }),
    ]);
  });

  it.each(['account_id', 'user_id'])('rejects a contact without %s', async (field) => {
    const record: Record<string, unknown> = contact('C1');
    delete record[field];
    await expectRejected(record, {
      message: `Missing/invalid required field(s) for Account contacts insert: '${field}'`,
      account_id: record.account_id,
      user_id: record.user_id,
    });
  });

  it('rejects a contact whose account does not exist', async () => {
    await expectRejected(contact('C1', 'NOPE'), { message: 'Account not found', account_id: 'NOPE', user_id: 'C1' });
  });

  it('accepts a contact of a deactivated account (it still exists)', async () => {
    await fake.api.del('accounts/GLOBEX');
    expect((await fake.api.post('account_contacts', { records: [contact('C1', 'GLOBEX')] })).json.failed_results).toEqual([]);
  });

  it('rejects unknown properties, naming them', async () => {
    await expectRejected(contact('C1', 'ACME', { mobile_phone: '1' }), { message: 'Unknown property: mobile_phone', account_id: 'ACME', user_id: 'C1' });
  });

  it('rejects wrong types and assigned_csms (an account-only property)', async () => {
    await expectRejected(contact('C1', 'ACME', { email_opt_out: 'no' }), {
      message: 'Invalid type for property: email_opt_out (expecting boolean)',
      account_id: 'ACME',
      user_id: 'C1',
    });
    await expectRejected(contact('C1', 'ACME', { assigned_csms: [] }), { message: 'Unknown property: assigned_csms', account_id: 'ACME', user_id: 'C1' });
  });

  it('checks contact dimension arrays like account ones', async () => {
    await expectRejected(contact('C1', 'ACME', { custom_event_dimensions: [{ key: 'Met', value: 1.5 }] }), {
      message: "Invalid type for custom_event_dimensions 'Met' value (expecting timestamp)",
      account_id: 'ACME',
      user_id: 'C1',
    });
  });
});

describe('moving a contact to another account ([open]: configurable)', () => {
  beforeEach(() => fake.api.post('account_contacts', { records: [contact('C1', 'ACME', { title: 'CFO' })] }));

  it("moves it in 'move' mode (default), keeping one contact", async () => {
    expect((await fake.api.post('account_contacts', { records: [contact('C1', 'GLOBEX')] })).json.failed_results).toEqual([]);
    const stored = await fake.control.contacts();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ account_id: 'GLOBEX', previousAccountIds: ['ACME'], fields: { title: 'CFO' }, writeCount: 2 });
  });

  it("fails the record in 'reject' mode", async () => {
    await fake.control.configure({ contactMove: 'reject' });
    await expectRejected(contact('C1', 'GLOBEX'), {
      message: 'Contact C1 belongs to account ACME; moving contacts is not allowed',
      account_id: 'GLOBEX',
      user_id: 'C1',
    });
  });

  it("leaves the old one in place in 'duplicate' mode (contacts keyed by account_id + user_id)", async () => {
    await fake.control.configure({ contactMove: 'duplicate' });
    await fake.api.post('account_contacts', { records: [contact('C1', 'GLOBEX')] });
    expect((await fake.control.contacts()).map((c) => [c.account_id, c.user_id])).toEqual([
      ['ACME', 'C1'],
      ['GLOBEX', 'C1'],
    ]);
  });
});

describe('deactivation and lists', () => {
  beforeEach(async () => {
    await fake.control.configure({ maxPageSize: 2 });
    await fake.api.post('account_contacts', {
      records: [contact('C1'), contact('C2', 'GLOBEX'), contact('C3', 'ACME', { custom_label_dimensions: [{ key: 'Persona', value: 'Champion' }] }), contact('C4')],
    });
  });

  it('deactivates with is_active:false and hides it from lists unless include_inactive', async () => {
    await fake.api.post('account_contacts', { records: [contact('C2', 'GLOBEX', { is_active: false })] });
    expect((await fake.control.contacts()).find((c) => c.user_id === 'C2')?.isActive).toBe(false);
    const users = async (q: string) => {
      const all: string[] = [];
      for (let page = 0; ; page++) {
        const r = await fake.api.get(`account_contacts?page=${page}${q}`);
        const results = r.json.results as Array<{ user_id: string }>;
        all.push(...results.map((c) => c.user_id));
        if (results.length < (r.json.max_page_size as number)) return all;
      }
    };
    expect(await users('')).toEqual(['C1', 'C3', 'C4']);
    expect(await users('&include_inactive=true')).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  it('returns dimensions only with include_dimensions=true, and filters by account_id', async () => {
    const plain = (await fake.api.get('account_contacts?account_id=ACME&page=1')).json.results as Array<Record<string, unknown>>;
    expect(plain).toEqual([expect.not.objectContaining({ custom_label_dimensions: expect.anything() })]);
    const rich = (await fake.api.get('account_contacts?account_id=ACME&page=1&include_dimensions=true')).json.results as Array<Record<string, unknown>>;
    expect(rich).toEqual([expect.objectContaining({ user_id: 'C4', custom_label_dimensions: [] })]);
    const c3 = (await fake.api.get('account_contacts?order_by=user_id&direction=desc&include_dimensions=1')).json.results as Array<Record<string, unknown>>;
    expect(c3[1]).toMatchObject({ user_id: 'C3', custom_label_dimensions: [{ key: 'Persona', value: 'Champion' }] });
  });
});
