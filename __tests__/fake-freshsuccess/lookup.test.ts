/**
 * The control API's lookups: some records by key from a tenant of any size, without the whole
 * listing; and the request log served as the JSON it keeps (bodies parsed back the same).
 */
import { useFakeFreshsuccess } from './support/useFake';

const joined = Date.UTC(2025, 0, 1);
const fake = useFakeFreshsuccess({}, {
  accounts: [{ account_id: 'A1', name: 'One', join_date: joined }, { account_id: 'A, 2', name: 'Two', join_date: joined }, { account_id: 'A3', name: 'Three', join_date: joined }],
  contacts: [{ account_id: 'A1', user_id: 'U1' }, { account_id: 'A3', user_id: 'U3' }],
});

test('accounts and contacts by key: only those asked for, unknown keys left out', async () => {
  expect((await fake.control.accounts(['A3', 'A, 2', 'NOPE', 'A3'])).map((a) => a.account_id)).toEqual(['A, 2', 'A3']);
  expect((await fake.control.contacts(['U3', 'U9'])).map((c) => [c.user_id, c.account_id])).toEqual([['U3', 'A3']]);
  expect((await fake.control.account('A1'))?.fields.name).toBe('One');
  expect(await fake.control.account('NOPE')).toBeUndefined();
  expect((await fake.control.accounts()).length).toBe(3);
});

test('a lookup without a list of ids is refused', async () => {
  const res = await fetch(`${fake.url}/__fake/accounts/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: 'A1' }) });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(JSON.stringify(await res.json())).toMatch(/lookup expects/);
});

test('the request log comes back with each body as it was posted', async () => {
  const records = [{ account_id: 'B1', name: 'Bee "quoted" \u00e9 \ud83d\ude00', join_date: joined }];
  await fake.api.post('accounts', { records });
  const [entry] = (await fake.control.requests()).filter((r) => r.method === 'POST');
  expect(entry?.body).toEqual({ records });
  expect(entry?.bodyBytes).toBeGreaterThan(0);
});

test('the request log without bodies still names the records each bulk POST carried', async () => {
  await fake.api.post('account_contacts', { records: [{ account_id: 'A1', user_id: 'U7' }, { account_id: 'A3' }] });
  await fake.api.post('accounts', { records: [{ account_id: 'A9', name: 'Nine', join_date: joined }] });
  const light = (await fake.control.requests(0, { bodies: false })).filter((r) => r.method === 'POST');
  expect(light.map((r) => [r.path, r.recordKeys, r.body])).toEqual([
    ['/api/v2/account_contacts', ['U7', ''], undefined],
    ['/api/v2/accounts', ['A9'], undefined],
  ]);
});
