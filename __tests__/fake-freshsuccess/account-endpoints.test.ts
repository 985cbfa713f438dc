/** GET one/list with paging, PUT, DELETE (deactivation) and the removal sub-resources of /accounts. */
import { account } from './http';
import { useFakeFreshsuccess } from './support/useFake';

const fake = useFakeFreshsuccess();

const ids = (r: { json: Record<string, unknown> }) => (r.json.results as Array<{ account_id: string }>).map((a) => a.account_id);

describe('GET /accounts/{account_id}', () => {
  it('returns every property, dimensions and CSMs included', async () => {
    await fake.api.post('accounts', {
      records: [account('A/1', { tier: 'Gold', custom_value_dimensions: [{ key: 'Seats', value: 3 }], assigned_csms: [{ email: 'c@x.com' }] })],
    });
    const r = await fake.api.get(`accounts/${encodeURIComponent('A/1')}`);
    expect(r.status).toBe(200);
    expect(r.json.status_is_ok).toBe(true);
    expect(r.json.results).toEqual([
      expect.objectContaining({
        id: 1,
        account_id: 'A/1',
        tier: 'Gold',
        is_active: true,
        custom_label_dimensions: [],
        custom_value_dimensions: [{ key: 'Seats', value: 3 }],
        custom_event_dimensions: [],
        assigned_csms: [{ email: 'c@x.com' }],
      }),
    ]);
  });

  it('answers 404 with a message for a missing account', async () => {
    const r = await fake.api.get('accounts/NOPE');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ status_is_ok: false, message: 'Account not found: NOPE' });
  });
});

describe('GET /accounts paging', () => {
  beforeEach(async () => {
    await fake.control.configure({ maxPageSize: 2 });
    await fake.api.post('accounts', { records: ['E', 'B', 'D', 'A', 'C'].map((id) => account(id)) });
  });

  it('pages 0-based; a page shorter than max_page_size is the last', async () => {
    const pages = [];
    for (let page = 0; page < 4; page++) pages.push(await fake.api.get(`accounts?page=${page}`));
    expect(pages.map(ids)).toEqual([['E', 'B'], ['D', 'A'], ['C'], []]);
    expect(pages[1]?.json).toMatchObject({ status_is_ok: true, current_page: 1, max_page_size: 2 });
  });

  it('orders by a property in either direction', async () => {
    expect(ids(await fake.api.get('accounts?order_by=account_id&direction=asc&page=0'))).toEqual(['A', 'B']);
    expect(ids(await fake.api.get('accounts?order_by=account_id&direction=desc&page=1'))).toEqual(['C', 'B']);
  });

  it('a write between two pages is seen by the next page read (listings are re-sorted after any change)', async () => {
    expect(ids(await fake.api.get('accounts?order_by=account_id&page=0'))).toEqual(['A', 'B']);
    await fake.api.post('accounts', { records: [account('0')] });
    expect(ids(await fake.api.get('accounts?order_by=account_id&page=0'))).toEqual(['0', 'A']);
    await fake.api.del('accounts/A');
    expect(ids(await fake.api.get('accounts?order_by=account_id&page=0'))).toEqual(['0', 'B']);
    expect(ids(await fake.api.get('accounts?order_by=account_id&page=0&include_inactive=true'))).toEqual(['0', 'A']);
  });

  it('leaves dimensions and CSMs out unless asked with include=', async () => {
    const plain = (await fake.api.get('accounts')).json.results as Array<Record<string, unknown>>;
    expect(plain[0]).not.toHaveProperty('custom_label_dimensions');
    const withDims = (await fake.api.get('accounts?include=custom_label_dimensions,assigned_csms')).json.results as Array<Record<string, unknown>>;
    expect(withDims[0]).toMatchObject({ custom_label_dimensions: [], assigned_csms: [] });
    expect(withDims[0]).not.toHaveProperty('custom_value_dimensions');
  });

  it.each([
    ['page=-1', 'Invalid page: -1'],
    ['page=one', 'Invalid page: one'],
    ['order_by=colour', 'Invalid order_by: colour'],
    ['direction=up', 'Invalid direction: up'],
    ['include=custom_dimensions', 'Invalid include value(s): custom_dimensions'],
  ])('fails %s with status_is_ok:false', async (query, message) => {
    const r = await fake.api.get(`accounts?${query}`);
    expect(r.json.status_is_ok).toBe(false);
    expect(r.json.message).toContain(message);
  });

  it('defaults to 1000 per page', async () => {
    await fake.control.reset();
    await fake.api.post('accounts', { records: Array.from({ length: 1001 }, (_, i) => account(`P${i}`)) });
    const first = await fake.api.get('accounts');
    const second = await fake.api.get('accounts?page=1');
    expect(first.json.max_page_size).toBe(1000);
    expect(ids(first)).toHaveLength(1000);
    expect(ids(second)).toEqual(['P1000']);
  });
});

describe('DELETE /accounts/{account_id}', () => {
  beforeEach(async () => {
    await fake.api.post('accounts', { records: [account('KEEP'), account('GONE', { tier: 'Gold', custom_label_dimensions: [{ key: 'K', value: 'v' }] })] });
  });

  it('deactivates the account and keeps its data', async () => {
    const r = await fake.api.del('accounts/GONE');
    expect(r.json).toEqual({ status_is_ok: true });
    const stored = await fake.control.account('GONE');
    expect(stored).toMatchObject({ isActive: false, deactivated: true, fields: { tier: 'Gold' }, dimensions: { labels: { K: 'v' } } });
    expect((await fake.api.get('accounts/GONE')).json.results).toEqual([expect.objectContaining({ is_active: false, tier: 'Gold' })]);
  });

  it.each([
    ['', ['KEEP']],
    ['&include_inactive=true', ['KEEP', 'GONE']],
    ['&include_inactive=1', ['KEEP', 'GONE']],
    ['&include_inactive=-2', ['KEEP', 'GONE']],
    ['&include_inactive=0', ['KEEP']],
    ['&include_inactive=TRUE', ['KEEP']],
    ['&include_inactive=yes', ['KEEP']],
  ])('hides inactive accounts from lists unless include_inactive is true (%s)', async (query, expected) => {
    await fake.api.del('accounts/GONE');
    expect(ids(await fake.api.get(`accounts?page=0${query}`))).toEqual(expected);
  });

  it('answers 404 for a missing account', async () => {
    expect((await fake.api.del('accounts/NOPE')).status).toBe(404);
  });
});

describe('PUT /accounts/{account_id}', () => {
  beforeEach(() => fake.api.post('accounts', { records: [account('A', { phone: '1' })] }));

  it('modifies an existing account from {"data": {...}}', async () => {
    const r = await fake.api.put('accounts/A', { data: { phone: '2' } });
    expect(r.json).toEqual({ status_is_ok: true });
    expect((await fake.control.account('A'))?.fields.phone).toBe('2');
  });

  it('answers 404 for an account that does not exist (PUT never inserts)', async () => {
    expect((await fake.api.put('accounts/B', { data: account('B') })).status).toBe(404);
    expect(await fake.control.account('B')).toBeUndefined();
  });

  it('fails invalid data or a mismatching account_id without writing', async () => {
    expect((await fake.api.put('accounts/A', { data: { phone: 2 } })).json).toEqual({
      status_is_ok: false,
      message: 'Invalid type for property: phone (expecting string)',
    });
    expect((await fake.api.put('accounts/A', { data: { account_id: 'B' } })).json.status_is_ok).toBe(false);
    expect((await fake.api.put('accounts/A', { phone: '3' })).json).toEqual({ status_is_ok: false, message: 'Body must be {"data": {...}}' });
    expect(await fake.control.account('A')).toMatchObject({ fields: { phone: '1' }, writeCount: 1 });
  });
});

describe('removal sub-resources', () => {
  beforeEach(() =>
    fake.api.post('accounts', {
      records: [
        account('A', {
          assigned_csms: [{ email: 'a@x.com' }, { email: 'b@x.com' }],
          custom_label_dimensions: [{ key: 'Segment', value: 'SMB' }],
          custom_value_dimensions: [{ key: 'Seats', value: 4 }],
        }),
      ],
    }),
  );

  it('removes one assigned CSM', async () => {
    expect((await fake.api.del(`accounts/A/assigned_csms/${encodeURIComponent('a@x.com')}`)).json).toEqual({ status_is_ok: true });
    expect((await fake.control.account('A'))?.assignedCsms).toEqual(['b@x.com']);
  });

  it('removes a text and a number dimension', async () => {
    await fake.api.del('accounts/A/dimension_labels/Segment');
    await fake.api.del('accounts/A/dimension_values/Seats');
    expect((await fake.control.account('A'))?.dimensions).toEqual({ labels: {}, values: {}, events: {} });
  });

  it('answers 404 for a missing account and 405 for another verb', async () => {
    expect((await fake.api.del('accounts/NOPE/dimension_labels/Segment')).status).toBe(404);
    const wrongVerb = await fake.api.get('accounts/A/dimension_labels/Segment');
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.allow).toBe('DELETE');
  });
});

describe('parent accounts ([open]: configurable)', () => {
  it("stores any parent_account_id by default and requires the parent in 'require' mode, earlier in the batch counting", async () => {
    expect((await fake.api.post('accounts', { records: [account('CHILD0', { parent_account_id: 'NONE' })] })).json.failed_results).toEqual([]);
    await fake.control.configure({ parentAccount: 'require' });
    const r = await fake.api.post('accounts', {
      records: [account('PARENT'), account('CHILD1', { parent_account_id: 'PARENT' }), account('CHILD2', { parent_account_id: 'LATER' }), account('LATER')],
    });
    expect(r.json.failed_results).toEqual([{ message: 'Parent account not found: LATER', account_id: 'CHILD2', record: 2 }]);
  });
});

describe('[open] answer shapes', () => {
  it('can omit an empty failed_results (omitEmptyFailedResults) but never a non-empty one', async () => {
    await fake.control.configure({ omitEmptyFailedResults: true });
    expect((await fake.api.post('accounts', { records: [account('A')] })).json).toEqual({ status_is_ok: true });
    expect((await fake.api.post('accounts', { records: [{ account_id: 'B' }] })).json.failed_results).toHaveLength(1);
  });

  it('reads an is_deleted account as inactive', async () => {
    await fake.api.post('accounts', { records: [account('T', { is_deleted: true })] });
    expect(await fake.control.account('T')).toMatchObject({ isActive: false, deactivated: false });
  });
});

describe('unknown endpoints', () => {
  it('answers 404 JSON for endpoints the SuiteApp must not use', async () => {
    const r = await fake.api.post('account_users', { records: [] });
    expect(r.status).toBe(404);
    expect(r.json.status_is_ok).toBe(false);
  });
});
