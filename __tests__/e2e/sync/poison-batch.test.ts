/**
 * A batch whose map invocation dies must not hold the drain or come back unchanged. The case is
 * a real one: an outage while batches were one record each leaves one RETRY entry per record;
 * after the admin raises the batch size they all go in one batch, and closing 520 retry entries
 * (2 units each) after its POST passes the 1,000 units of one map invocation
 * (SSS_USAGE_LIMIT_EXCEEDED). Summarize parks what that invocation left open as one RETRY entry
 * with backoff (app/failedBatches.ts); the next run sends it and the drain goes idle.
 */
import { ACCOUNTS_PATH, SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const COUNT = 520;
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ config: { batchMaxRecords: 1 } });
});

afterAll(async () => {
  await h?.stop();
});

test('a batch that exceeds its governance is parked, the cursor moves on, and everything lands on the next run', async () => {
  await h.fake.injectFaults([{ kind: 'status', status: 503, times: COUNT, method: 'POST', path: ACCOUNTS_PATH }]);
  const ids = Array.from({ length: COUNT }, (_, i) => h.createCustomer({ companyname: `Parked ${i + 1} BV` }));
  h.processQueue();
  expect(h.outbox().filter((e) => e.status === 'RETRY')).toHaveLength(COUNT);
  await h.fake.clearFaults();

  h.configure({ batchMaxRecords: 2500 });
  const retriesDue = Math.max(...h.queued().retries);
  h.advanceTime(retriesDue - h.rt.clock.nowMs() + 1);
  const mark = await h.requestMark();
  h.startDrain();
  h.processQueue();

  // The one big batch's invocation died after its POST...
  const errors = h.logs(SCRIPTS.drain.scriptId).filter((l) => l.level === 'ERROR').map((l) => `${l.title} ${l.details}`).join('\n');
  expect(errors).toMatch(/SSS_USAGE_LIMIT_EXCEEDED|Usage Limit Exceeded/);
  // ...and the retry entries it had not closed yet are parked as one RETRY entry with backoff
  // (its POST had landed; what it closed is done), not held below the cursor.
  const parked = h.outbox().filter((e) => e.status === 'RETRY');
  expect(parked).toHaveLength(1);
  const waiting = parked[0]!.recordIds;
  expect(waiting.length).toBeGreaterThan(0);
  expect(waiting.length).toBeLessThan(COUNT);
  expect(ids.map(String)).toEqual(expect.arrayContaining(waiting));
  expect(h.state()?.lastRun).toMatchObject({ failedBatches: 1, retried: waiting.length });
  expect(parked[0]!.notBefore!).toBeGreaterThan(h.rt.clock.nowMs());
  expect(parked[0]!.lastError).toMatch(/stopped with an error/);

  // The next run sends one batch with one retry entry to close: it fits, and the drain goes idle.
  h.runDrainUntilIdle();
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);
  const accounts = new Set((await h.accounts()).map((a) => a.account_id));
  for (const id of ids) expect(accounts.has(String(id))).toBe(true);
  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
  expect(posts).toHaveLength(2);
});
