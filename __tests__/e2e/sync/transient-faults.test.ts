/**
 * Transient Freshsuccess failures are retried until everything lands, nothing lost and nothing
 * dead-lettered: bursts of 5xx, 429 with Retry-After (honoured as a floor for the next attempt),
 * and an outage of a whole day. Timeouts and dropped connections: timeouts.test.ts.
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

test('a day-long outage: nothing is dead-lettered; retries settle at the capped delay, are flagged, and everything lands on recovery', async () => {
  await h.fake.injectFaults([
    { kind: 'status', status: 503, times: 500, method: 'POST', path: ACCOUNTS_PATH },
    { kind: 'status', status: 503, times: 500, method: 'POST', path: CONTACTS_PATH },
  ]);
  const records = [newCompany(h, 'Long Outage Ltd', 2), newCompany(h, 'Down All Day GmbH', 0)];
  const start = h.rt.clock.nowMs();
  h.processQueue();
  // A day of failures: each round moves the clock to the earliest retry and runs the drain.
  while (h.rt.clock.nowMs() - start < 24 * 3600_000) {
    const { retries } = h.queued();
    expect(retries.length).toBeGreaterThan(0);
    const due = Math.min(...retries);
    if (due > h.rt.clock.nowMs()) h.advanceTime(due - h.rt.clock.nowMs() + 1);
    h.startDrain();
    h.processQueue();
  }
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);
  const open = h.outbox().filter((e) => e.status === 'RETRY');
  const companies = open.filter((e) => e.kind === 'customer');
  expect(companies).toHaveLength(1);
  const latest = companies[0]!;
  // Past warnAfterAttempts (8 by default) the entry tells the admin what is going on.
  expect(latest.attempt).toBeGreaterThanOrEqual(8);
  expect(latest.hint).toMatch(/retried automatically/);
  // The delay is capped at 6 hours (equal jitter: 3 to 6 hours), not growing without bound.
  const delay = (latest.notBefore ?? 0) - latest.capturedAt;
  expect(delay).toBeGreaterThanOrEqual(3 * 3600_000);
  expect(delay).toBeLessThanOrEqual(6 * 3600_000);
  // Contacts wait for their company rather than failing on their own.
  expect(open.filter((e) => e.kind === 'contact').flatMap((e) => e.recordIds).sort()).toEqual(records[0]!.contacts.map(String).sort());

  await h.fake.clearFaults();
  h.runDrainUntilIdle();
  await expectInSync(h, records);
  for (const r of records) expect((await h.accountOf(r.company))?.writeCount).toBe(1);
});
