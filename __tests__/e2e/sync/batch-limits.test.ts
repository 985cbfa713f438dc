/**
 * Batches are capped by count and by bytes (both configurable), and a 413 from Freshsuccess
 * (its body limit is [open]) splits the batch instead of losing or dead-lettering it.
 */
import { ACCOUNTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

async function accountPosts(mark: number) {
  return (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
}

test('no POST is over the byte cap or the record cap, and every record lands once', async () => {
  h.configure({ batchMaxRecords: 7, batchMaxBytes: 10_000 });
  // About 1.5 kB per record: seven of them are over 10,000 bytes, so the byte cap must cut first.
  const long = (what: string, i: number) => `${what} ${i} ${'x'.repeat(280)}`;
  const ids = Array.from({ length: 40 }, (_, i) => h.createCustomer({
    companyname: long('Capped Batch Ltd', i), billaddr1: long('Street', i), billcity: long('City', i), billstate: long('State', i), url: `https://example.com/${'p'.repeat(280)}`,
  }));
  const mark = await h.requestMark();
  h.runDrainUntilIdle();

  const posts = await accountPosts(mark);
  expect(posts.length).toBeGreaterThan(Math.ceil(40 / 7));
  for (const p of posts) {
    expect(p.bodyBytes).toBeLessThanOrEqual(10_000);
    expect((p.body as { records: unknown[] }).records.length).toBeLessThanOrEqual(7);
  }
  const sent = posts.flatMap((p) => (p.body as { records: Array<{ account_id: string }> }).records.map((r) => r.account_id));
  expect(sent.sort()).toEqual(ids.map(String).sort());
  h.configure({ batchMaxRecords: '', batchMaxBytes: '' });
});

test('a 413 splits the batch; everything lands, nothing is dead-lettered', async () => {
  await h.fake.injectFaults([{ kind: 'too_large', times: 1, method: 'POST', path: ACCOUNTS_PATH }]);
  const ids = Array.from({ length: 6 }, (_, i) => h.createCustomer({ companyname: `Too Large ${i} plc` }));
  const mark = await h.requestMark();
  h.runDrainUntilIdle();

  const posts = await accountPosts(mark);
  expect(posts[0]?.status).toBe(413);
  expect(posts.length).toBeGreaterThanOrEqual(3);
  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  for (const id of ids) expect(accounts.get(String(id))?.writeCount).toBe(1);
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});

test('a tenant that refuses big batches outright (batch-level status_is_ok:false): halves until they fit, all land', async () => {
  await h.fake.configure({ maxBatchRecords: 5 });
  const ids = Array.from({ length: 12 }, (_, i) => h.createCustomer({ companyname: `Small Batches ${i} BV` }));
  const mark = await h.requestMark();
  h.runDrainUntilIdle();
  await h.fake.configure({ maxBatchRecords: 0 });

  const posts = await accountPosts(mark);
  expect((posts[0]?.response as { status_is_ok: boolean }).status_is_ok).toBe(false);
  const accepted = posts.filter((p) => (p.response as { status_is_ok: boolean }).status_is_ok);
  expect(accepted.length).toBeGreaterThan(0);
  for (const p of accepted) expect((p.body as { records: unknown[] }).records.length).toBeLessThanOrEqual(5);
  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  for (const id of ids) expect(accounts.get(String(id))?.writeCount).toBe(1);
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});
