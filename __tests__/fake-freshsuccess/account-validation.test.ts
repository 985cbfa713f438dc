/**
 * Record-level rules for /accounts (docs/freshsuccess-api-contract.md §2, §4, §6, §10): each failing record is
 * listed in failed_results with its message and keys, the batch still answers status_is_ok:true
 * with HTTP 200, and the failing record leaves the state exactly as it was.
 */
import { account, JOINED, send, TEST_KEY, basic } from './http';
import { useFakeFreshsuccess } from './support/useFake';

// An existing account: updates are checked against it staying unchanged.
const fake = useFakeFreshsuccess({}, { accounts: [account('EXISTING', { phone: '555-0100' })] });

/** Posts one record, expects it to fail with `message`, and the stored accounts to be unchanged. */
async function expectRejected(record: unknown, message: string | RegExp): Promise<void> {
  const before = await fake.control.accounts();
  const r = await fake.api.post('accounts', { records: [record] });
  expect(r.status).toBe(200);
  expect(r.json.status_is_ok).toBe(true);
  const failed = r.json.failed_results as Array<Record<string, unknown>>;
  expect(failed).toHaveLength(1);
  if (typeof message === 'string') expect(failed[0]?.message).toContain(message);
  else expect(failed[0]?.message).toMatch(message);
  expect(failed[0]?.record).toBe(0);
  expect(await fake.control.accounts()).toEqual(before);
}

describe('required fields on insert', () => {
  it.each(['account_id', 'name', 'join_date'])('rejects an insert without %s', async (field) => {
    const record = account('NEW');
    delete record[field];
    await expectRejected(record, `Missing/invalid required field(s) for Accounts insert: '${field}'`);
  });

  it('names every missing field in one message', async () => {
    await expectRejected({ account_id: 'NEW' }, "Missing/invalid required field(s) for Accounts insert: 'name', 'join_date'");
  });

  it('treats an empty string account_id as missing', async () => {
    await expectRejected(account(''), "'account_id'");
  });

  it('lets an update of an existing account carry account_id plus changed fields only', async () => {
    const r = await fake.api.post('accounts', { records: [{ account_id: 'EXISTING', phone: '555-0199' }] });
    expect(r.json).toEqual({ status_is_ok: true, failed_results: [] });
    const stored = await fake.control.account('EXISTING');
    expect(stored?.fields).toMatchObject({ name: 'Account EXISTING', join_date: JOINED, phone: '555-0199' });
    expect(stored?.writeCount).toBe(2);
  });
});

describe('types', () => {
  it.each([
    ['a numeric account_id', account('X', { account_id: 12345 }), 'Invalid type for property: account_id (expecting string)'],
    ['an ISO date', account('X', { join_date: '2024-01-15' }), 'Invalid type for property: join_date (expecting timestamp)'],
    ['a fractional timestamp', account('X', { renewal_date: 1.5e12 + 0.5 }), 'Invalid type for property: renewal_date (expecting timestamp)'],
    ['a numeric string for a number', account('X', { employees: '12' }), 'Invalid type for property: employees (expecting number)'],
    ['a non-finite number', account('X', { current_mrr: 'NaN' }), 'Invalid type for property: current_mrr (expecting number)'],
    ['a string for a boolean', account('X', { is_churned: 'true' }), 'Invalid type for property: is_churned (expecting boolean)'],
    ['a number for a string', account('X', { phone: 5550100 }), 'Invalid type for property: phone (expecting string)'],
  ])('rejects %s', async (_name, record, message) => {
    await expectRejected(record, message);
  });

  it('keeps account_id text exactly as sent: "123.0" is a different account from "123" (the float trap)', async () => {
    await fake.api.post('accounts', { records: [account('123'), account('123.0')] });
    expect((await fake.control.accounts()).map((a) => a.account_id)).toEqual(['EXISTING', '123', '123.0']);
  });
});

describe('unknown and read-only properties', () => {
  it('rejects an unknown top-level property, naming it (mapping typo)', async () => {
    await expectRejected(account('X', { billing_zip: '12345' }), 'Unknown property: billing_zip');
  });

  it('rejects an unknown property on an update too', async () => {
    await expectRejected({ account_id: 'EXISTING', phnoe: '1' }, 'Unknown property: phnoe');
  });

  it.each(['id', 'is_active', 'current_stage', 'current_health_score'])('rejects writing read-only %s', async (field) => {
    await expectRejected(account('X', { [field]: field === 'is_active' ? true : 'x' }), `Read-only property: ${field}`);
  });
});

describe('dimensions', () => {
  it('stores the three arrays by key, keeping only the latest value', async () => {
    await fake.api.post('accounts', {
      records: [
        account('D', {
          custom_label_dimensions: [{ key: 'Segment', value: 'SMB' }],
          custom_value_dimensions: [{ key: 'Seats', value: 12.5 }],
          custom_event_dimensions: [{ key: 'Onboarded', value: JOINED }],
        }),
      ],
    });
    await fake.api.post('accounts', { records: [{ account_id: 'D', custom_label_dimensions: [{ key: 'Segment', value: 'Mid-market' }] }] });
    const stored = await fake.control.account('D');
    expect(stored?.dimensions).toEqual({ labels: { Segment: 'Mid-market' }, values: { Seats: 12.5 }, events: { Onboarded: JOINED } });
  });

  it.each([
    ['not an array', { custom_label_dimensions: { Segment: 'SMB' } }, 'Invalid type for property: custom_label_dimensions'],
    ['an item without value', { custom_label_dimensions: [{ key: 'Segment' }] }, 'Invalid dimension custom_label_dimensions[0]'],
    ['an item with an extra key', { custom_value_dimensions: [{ key: 'Seats', value: 1, type: 'n' }] }, 'Invalid dimension custom_value_dimensions[0]'],
    ['an empty key', { custom_label_dimensions: [{ key: ' ', value: 'x' }] }, 'Invalid dimension key in custom_label_dimensions[0]'],
    ['a number in a label', { custom_label_dimensions: [{ key: 'Segment', value: 5 }] }, "Invalid type for custom_label_dimensions 'Segment' value (expecting string)"],
    ['a string in a value', { custom_value_dimensions: [{ key: 'Seats', value: '5' }] }, "Invalid type for custom_value_dimensions 'Seats' value (expecting number)"],
    ['an ISO date in an event', { custom_event_dimensions: [{ key: 'Onboarded', value: '2024-01-01' }] }, "Invalid type for custom_event_dimensions 'Onboarded' value (expecting timestamp)"],
  ])('rejects a dimension array with %s', async (_name, extra, message) => {
    await expectRejected(account('X', extra), message);
  });

  it('rejects text over 512 characters and accepts exactly 512', async () => {
    await expectRejected(
      account('X', { custom_label_dimensions: [{ key: 'Notes', value: 'é'.repeat(513) }] }),
      "Value too long for custom_label_dimensions 'Notes': 513 characters (max 512)",
    );
    const r = await fake.api.post('accounts', { records: [account('X', { custom_label_dimensions: [{ key: 'Notes', value: 'é'.repeat(512) }] })] });
    expect(r.json.failed_results).toEqual([]);
  });
});

describe('null values ([open]: configurable)', () => {
  it('rejects null by default, naming the property', async () => {
    await expectRejected({ account_id: 'EXISTING', phone: null }, 'Null value for property: phone');
    await expectRejected({ account_id: 'EXISTING', custom_label_dimensions: [{ key: 'K', value: null }] }, "Null value for custom_label_dimensions 'K'");
  });

  it("clears the value in 'clear' mode, but never a required field", async () => {
    await fake.control.configure({ nullValues: 'clear' });
    await fake.control.seed({ accounts: [{ account_id: 'EXISTING', custom_label_dimensions: [{ key: 'K', value: 'v' }] }] });
    const r = await fake.api.post('accounts', { records: [{ account_id: 'EXISTING', phone: null, custom_label_dimensions: [{ key: 'K', value: null }] }] });
    expect(r.json.failed_results).toEqual([]);
    const stored = await fake.control.account('EXISTING');
    expect(stored?.fields.phone).toBeUndefined();
    expect(stored?.dimensions.labels).toEqual({});
    await expectRejected({ account_id: 'EXISTING', name: null }, 'Cannot clear required property: name');
  });
});

describe('stage, churn and CSMs', () => {
  it('accepts stage on write and reads it back as current_stage', async () => {
    await fake.api.post('accounts', { records: [account('S', { stage: 'Onboarding' })] });
    const r = await fake.api.get('accounts/S');
    expect(r.json.results).toEqual([expect.objectContaining({ stage: 'Onboarding', current_stage: 'Onboarding' })]);
  });

  it('marks a churned account inactive, keeping inactive_time, and re-activates on is_churned:false', async () => {
    const at = Date.UTC(2025, 5, 1);
    await fake.api.post('accounts', { records: [account('C', { is_churned: true, inactive_time: at, inactive_reason: 'Inactive in NetSuite' })] });
    expect(await fake.control.account('C')).toMatchObject({ isActive: false, fields: { inactive_time: at } });
    await fake.api.post('accounts', { records: [{ account_id: 'C', is_churned: false }] });
    expect((await fake.control.account('C'))?.isActive).toBe(true);
  });

  it('adds assigned CSMs (never removes by omission) and checks their shape', async () => {
    await fake.api.post('accounts', { records: [{ account_id: 'EXISTING', assigned_csms: [{ email: 'a@x.com' }] }] });
    await fake.api.post('accounts', { records: [{ account_id: 'EXISTING', assigned_csms: [{ email: 'b@x.com' }, { email: 'A@x.com' }] }] });
    expect((await fake.control.account('EXISTING'))?.assignedCsms).toEqual(['a@x.com', 'b@x.com']);
    await expectRejected({ account_id: 'EXISTING', assigned_csms: ['c@x.com'] }, 'Invalid assigned_csms[0]');
    await expectRejected({ account_id: 'EXISTING', assigned_csms: [{ email: 'not-an-email' }] }, 'Invalid assigned_csms[0]');
  });
});

describe('batches', () => {
  it('writes the good records of a mixed batch and reports the bad ones by index and account_id', async () => {
    const r = await fake.api.post('accounts', { records: [account('G1'), account('B1', { join_date: 'x' }), account('G2'), 'oops'] });
    expect(r.status).toBe(200);
    expect(r.json.status_is_ok).toBe(true);
    expect(r.json.failed_results).toEqual([
      { message: 'Invalid type for property: join_date (expecting timestamp)', account_id: 'B1', record: 1 },
      { message: 'Record must be a JSON object', record: 3 },
    ]);
    expect((await fake.control.accounts()).map((a) => a.account_id)).toEqual(['EXISTING', 'G1', 'G2']);
  });

  it.each([
    ['records missing', { data: [account('X')] }, 'Body must be {"records": [...]}'],
    ['records not an array', { records: account('X') }, 'Body must be {"records": [...]}'],
    ['an extra top-level key', { records: [account('X')], mode: 'upsert' }, 'Unknown top-level key(s) in body: mode'],
  ])('fails the whole batch with status_is_ok:false for %s', async (_name, body, message) => {
    const before = await fake.control.accounts();
    const r = await fake.api.post('accounts', body);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status_is_ok: false, message });
    expect(await fake.control.accounts()).toEqual(before);
  });

  it('fails a batch over maxBatchRecords as a whole', async () => {
    await fake.control.configure({ maxBatchRecords: 2 });
    const r = await fake.api.post('accounts', { records: [account('1'), account('2'), account('3')] });
    expect(r.json).toEqual({ status_is_ok: false, message: 'Too many records in one request: 3 (max 2)' });
    expect(await fake.control.accounts()).toHaveLength(1);
  });

  it('answers 400 for a body that is not JSON and 415 for another content type', async () => {
    const notJson = await send(fake.url, { method: 'POST', path: '/api/v2/accounts', headers: { ...basic(TEST_KEY), 'content-type': 'application/json' }, body: '{"records": [' });
    expect(notJson.status).toBe(400);
    expect(notJson.json).toEqual({ status_is_ok: false, message: 'Request body is not valid JSON' });
    const form = await send(fake.url, { method: 'POST', path: '/api/v2/accounts', headers: { ...basic(TEST_KEY), 'content-type': 'text/plain' }, body: JSON.stringify({ records: [account('X')] }) });
    expect(form.status).toBe(415);
    expect(await fake.control.accounts()).toHaveLength(1);
  });

  it('answers 400 for a GET with a body (GET and DELETE take only query parameters)', async () => {
    const r = await send(fake.url, { method: 'GET', path: '/api/v2/accounts', headers: basic(TEST_KEY), body: { page: 1 } });
    expect(r.status).toBe(400);
  });

  it('counts every accepted write, so tests can prove a change was pushed once', async () => {
    await fake.api.post('accounts', { records: [account('W')] });
    expect((await fake.control.account('W'))?.writeCount).toBe(1);
    await fake.api.post('accounts', { records: [account('W'), account('W', { phone: '1' })] });
    const stored = await fake.control.account('W');
    expect(stored?.writeCount).toBe(3);
    expect(stored?.updatedAt).toBeGreaterThanOrEqual(stored?.createdAt ?? Infinity);
  });
});
