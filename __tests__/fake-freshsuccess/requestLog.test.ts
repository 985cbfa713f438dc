/** The fake's request log stays bounded by count and by the size of the bodies it keeps. */
import { FakeFreshsuccess, LOG_BODY_BYTES_LIMIT } from '../../emulator/fake-freshsuccess/fake';

function logPost(fake: FakeFreshsuccess, bodyBytes: number): void {
  const entry = fake.beginRequest({ at: 0, method: 'POST', url: '/api/v2/accounts', path: '/api/v2/accounts', host: 'api-us.freshsuccess.com', region: 'us', auth: 'query', bodyBytes: 0 });
  entry.bodyBytes = bodyBytes; // known once the body is read, as the server sets it
}

test('old entries are dropped once the kept bodies pass the byte limit; the newest stay', () => {
  const fake = new FakeFreshsuccess();
  const tenMb = 10 * 1024 * 1024;
  for (let i = 0; i < 20; i++) logPost(fake, tenMb);
  const kept = fake.requests();
  expect(kept.length).toBeGreaterThanOrEqual(6);
  expect(kept.length).toBeLessThan(20);
  // Bodies before the newest one (whose size the limit cannot know yet) stay within the limit.
  expect(kept.slice(0, -1).reduce((n, e) => n + e.bodyBytes, 0)).toBeLessThanOrEqual(LOG_BODY_BYTES_LIMIT);
  expect(kept.at(-1)?.seq).toBe(20);
  // The gap shows: the first kept entry is not seq 1.
  expect(kept[0]!.seq).toBe(20 - kept.length + 1);
});

test('small requests are bounded by count (2,000 by default)', () => {
  const fake = new FakeFreshsuccess();
  for (let i = 0; i < 2_100; i++) logPost(fake, 100);
  const kept = fake.requests();
  expect(kept).toHaveLength(2_000);
  expect(kept[0]!.seq).toBe(101);
});

test('the summary counts what the fake holds and the writes it accepted, as the full listings do', () => {
  const fake = new FakeFreshsuccess();
  const joined = Date.UTC(2025, 0, 1);
  const refused = fake.seed({ accounts: [{ account_id: 'A1', name: 'One', join_date: joined }, { account_id: 'A2', name: 'Two', join_date: joined }], contacts: [{ account_id: 'A1', user_id: 'U1', email: 'u1@example.test' }] });
  expect(refused).toEqual({ accounts: [], contacts: [] });
  expect(fake.store.upsertAccounts([{ account_id: 'A1', name: 'One again', join_date: joined }], fake.config)).toEqual([]);
  const summary = fake.store.summary();
  const all = [...fake.store.allAccounts(), ...fake.store.allContacts()];
  expect(summary).toEqual({ accounts: 2, contacts: 1, writes: all.reduce((n, r) => n + r.writeCount, 0) });
  expect(summary.writes).toBeGreaterThan(0);
});
