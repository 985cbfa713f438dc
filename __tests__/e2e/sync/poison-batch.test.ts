/**
 * Closing RETRY entries is paid for in the invocation that pushed their records (2 units each).
 * An outage while batches were one record each leaves one RETRY entry per record; after the
 * admin raises the batch size, one 520-record batch would close 520 entries (1,040 units of a map
 * invocation's 1,000: SSS_USAGE_LIMIT_EXCEEDED). The plan cuts such work into batches that close
 * at most 100 entries each (domain/pushBudget.ts), so it all lands in one run.
 *
 * The poison-batch guard stays for invocations that die anyway (app/failedBatches.ts): summarize
 * parks what such an invocation left open as one RETRY entry with backoff, the cursor moves on,
 * and the next run sends it.
 */
import { ACCOUNTS_PATH, OUTBOX, SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const COUNT = 520;
let h: SyncHarness;

beforeEach(async () => {
  h = await startSyncHarness({ config: { batchMaxRecords: 1 } });
});

afterEach(async () => {
  await h?.stop();
});

/** An outage while batches were one record each: one RETRY entry per customer, then the batch size is raised and the retries come due. */
async function outage(count: number): Promise<number[]> {
  await h.fake.injectFaults([{ kind: 'status', status: 503, times: count, method: 'POST', path: ACCOUNTS_PATH }]);
  const ids = Array.from({ length: count }, (_, i) => h.createCustomer({ companyname: `Parked ${i + 1} BV` }));
  h.processQueue();
  expect(h.outbox().filter((e) => e.status === 'RETRY')).toHaveLength(count);
  await h.fake.clearFaults();
  h.configure({ batchMaxRecords: 2500 });
  const retriesDue = Math.max(...h.queued().retries);
  h.advanceTime(retriesDue - h.rt.clock.nowMs() + 1);
  return ids;
}

test('520 due retries after an outage land in one run, in batches whose closes fit the map invocation', async () => {
  const ids = await outage(COUNT);
  const mark = await h.requestMark();
  h.startDrain();
  h.processQueue();

  expect(h.rt.logs.map((l) => `${l.title} ${l.details}`).join('\n')).not.toMatch(/SSS_USAGE_LIMIT_EXCEEDED|Usage Limit Exceeded/);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.state()?.lastRun).toMatchObject({ failedBatches: 0, retried: 0, dead: 0, sent: COUNT });
  const accounts = new Set((await h.accounts()).map((a) => a.account_id));
  for (const id of ids) expect(accounts.has(String(id))).toBe(true);
  // 520 entries at most 100 closes per batch: 6 even batches, 6 POSTs.
  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
  expect(posts).toHaveLength(6);
});

test('an invocation that dies anyway is parked, the cursor moves on, and everything lands on the next run', async () => {
  const count = 150;
  const ids = await outage(count);
  const mark = await h.requestMark();
  h.startDrain();
  // getInputData only; then someone deletes a RETRY entry the first batch will close, so its
  // invocation dies after its POST (the record is gone: an uncaught error).
  h.processQueue({ maxSteps: 1 });
  const victim = h.outbox().find((e) => e.status === 'RETRY' && e.recordIds[0] === String(ids[0]))!;
  h.rt.ui.delete(OUTBOX.type, victim.id);
  h.processQueue();

  const errors = h.logs(SCRIPTS.drain.scriptId).filter((l) => l.level === 'ERROR').map((l) => `${l.title} ${l.details}`).join('\n');
  expect(errors).toMatch(/RCRD_DNE|does not exist|not exist/i);
  const parked = h.outbox().filter((e) => e.status === 'RETRY');
  expect(parked).toHaveLength(1);
  expect(parked[0]!.recordIds.length).toBeGreaterThan(0);
  expect(parked[0]!.recordIds.length).toBeLessThan(count);
  expect(ids.map(String)).toEqual(expect.arrayContaining(parked[0]!.recordIds));
  expect(h.state()?.lastRun).toMatchObject({ failedBatches: 1, retried: parked[0]!.recordIds.length });
  expect(parked[0]!.notBefore!).toBeGreaterThan(h.rt.clock.nowMs());
  expect(parked[0]!.lastError).toMatch(/stopped with an error/);

  h.runDrainUntilIdle();
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);
  const accounts = new Set((await h.accounts()).map((a) => a.account_id));
  for (const id of ids) expect(accounts.has(String(id))).toBe(true);
  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
  expect(posts.length).toBeGreaterThanOrEqual(3);
});
