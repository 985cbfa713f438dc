/**
 * Transient Freshsuccess failures are retried until everything lands, nothing lost and nothing
 * dead-lettered: bursts of 5xx, and 429 with Retry-After (honoured as a floor for the next
 * attempt). Timeouts and dropped connections: timeouts.test.ts.
 */
import { ACCOUNTS_PATH, CONTACTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';
import { expectInSync, newCompany } from '../support/companies';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterEach(async () => {
  await h.fake.clearFaults();
});

afterAll(async () => {
  await h?.stop();
});

test('a burst of 5xx on both endpoints is retried with growing backoff until everything lands', async () => {
  await h.fake.injectFaults([
    { kind: 'status', status: 503, times: 3, method: 'POST', path: ACCOUNTS_PATH },
    { kind: 'status', status: 502, times: 2, method: 'POST', path: CONTACTS_PATH },
  ]);
  const mark = await h.requestMark();
  const records = [newCompany(h, 'Outage One Inc', 2), newCompany(h, 'Outage Two Inc', 1)];

  const report = h.runDrainUntilIdle();

  expect(await h.fake.pendingFaults()).toEqual([]);
  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST');
  expect(posts.filter((r) => r.status === 503)).toHaveLength(3);
  expect(posts.filter((r) => r.status === 502)).toHaveLength(2);
  // Each failed attempt left a retry entry, due later each time (exponential backoff).
  const retries = h.outbox().filter((e) => /HTTP 50[23]/.test(e.lastError)).sort((a, b) => a.id - b.id);
  expect(retries.length).toBeGreaterThanOrEqual(3);
  for (const kind of ['customer', 'contact']) {
    const ofKind = retries.filter((e) => e.kind === kind);
    expect(ofKind.map((e) => e.attempt)).toEqual(ofKind.map((_, i) => i + 1));
    // Default backoff: base 60 s doubled per attempt, "equal jitter" keeps it in [half, full].
    for (const e of ofKind) {
      const full = 60_000 * 2 ** (e.attempt - 1);
      expect((e.notBefore ?? 0) - e.capturedAt).toBeGreaterThanOrEqual(full / 2);
      expect((e.notBefore ?? 0) - e.capturedAt).toBeLessThanOrEqual(full);
    }
  }
  expect(report.elapsedMs).toBeGreaterThan(0);
  await expectInSync(h, records);
  for (const r of records) expect((await h.accountOf(r.company))?.writeCount).toBe(1);
});

test('429 with Retry-After: nothing is sent again before the server said, then it lands', async () => {
  await h.fake.injectFaults([{ kind: 'rate_limit', retryAfter: 300, times: 1, method: 'POST', path: ACCOUNTS_PATH }]);
  const record = newCompany(h, 'Rate Limited LLC', 1);
  const saidAt = h.rt.clock.nowMs();
  h.processQueue();

  const retry = h.outboxFor('customer', record.company).find((e) => e.status === 'RETRY');
  expect(retry?.lastError).toMatch(/429/);
  // The default backoff for a first retry is at most one minute; the server asked for five.
  expect(retry!.notBefore!).toBeGreaterThanOrEqual(saidAt + 300_000);

  const mark = await h.requestMark();
  h.advanceTime(240_000); // the 15-minute safety net may run meanwhile: it must not push early
  h.startDrain();
  h.processQueue();
  expect((await h.requestsSince(mark)).filter((r) => r.path === ACCOUNTS_PATH)).toEqual([]);

  h.runDrainUntilIdle();
  await expectInSync(h, [record]);
});

test('a Freshsuccess that keeps failing: after the configured attempts the records are dead-lettered, not dropped', async () => {
  h.configure({ mappingJson: JSON.stringify({ retry: { maxAttempts: 3 } }) });
  await h.fake.injectFaults([{ kind: 'status', status: 500, times: 50, method: 'POST', path: ACCOUNTS_PATH }]);
  const mark = await h.requestMark();
  const record = newCompany(h, 'Never Lands Ltd', 0);
  h.runDrainUntilIdle();

  const dead = h.outboxFor('customer', record.company).filter((e) => e.status === 'DEAD');
  expect(dead).toHaveLength(1);
  expect(dead[0]?.lastError).toMatch(/500/);
  // "maxAttempts: 3" means three requests, and the dead letter says how many were made.
  const attempts = (await h.requestsSince(mark)).filter((r) => r.path === ACCOUNTS_PATH);
  expect(dead[0]?.lastError).toMatch(new RegExp(`after ${attempts.length} attempts`));
  expect(attempts.map((r) => r.status)).toEqual([500, 500, 500]);
  expect(dead[0]?.hint).not.toBe('');
  expect(await h.accountOf(record.company)).toBeUndefined();
  await h.fake.clearFaults();
  h.configure({ mappingJson: '' });
});
