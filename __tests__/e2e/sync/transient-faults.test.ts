/**
 * Transient Freshsuccess failures are retried until everything lands, nothing lost and nothing
 * dead-lettered: bursts of 5xx, 429 with Retry-After (honoured as a floor for the next attempt),
 * answers slower than the client's timeout (the runtime's N/https total timeout is set short) and
 * dropped connections, before or after the server wrote.
 */
import type { Fault } from '../../../emulator/fake-freshsuccess/types';
import { ACCOUNTS_PATH, CONTACTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';

/** N/https gives up after this long (NetSuite: 45 s); the fake's slow answers take longer. */
const CLIENT_TIMEOUT_MS = 600;
const SLOW_ANSWER_MS = 1_500;

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ account: { https: { totalTimeoutMs: CLIENT_TIMEOUT_MS } } });
});

afterEach(async () => {
  await h.fake.clearFaults();
});

afterAll(async () => {
  await h?.stop();
});

/** A company with contacts, saved in the UI; returns their ids. */
function newCompany(name: string, contacts: number): { company: number; contacts: number[] } {
  const company = h.createCustomer({ companyname: name, phone: '+1 212 555 0000' });
  const ids = Array.from({ length: contacts }, (_, i) =>
    h.createContact({ firstname: 'Pat', lastname: `${name.split(' ')[0]}${i}`, company: String(company), email: `pat${i}@${company}.test` }));
  return { company, contacts: ids };
}

/** Freshsuccess holds exactly what NetSuite holds for these records. */
async function expectInSync(companies: Array<{ company: number; contacts: number[] }>): Promise<void> {
  for (const c of companies) {
    const ns = h.rt.ui.get('customer', c.company)!.values;
    expect((await h.accountOf(c.company))?.fields).toMatchObject({ name: ns.companyname, phone: ns.phone });
    for (const id of c.contacts) {
      const v = h.rt.ui.get('contact', id)!.values;
      expect(await h.contactOf(id)).toMatchObject({ account_id: String(c.company), fields: expect.objectContaining({ email: v.email }) });
    }
  }
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
}

test('a burst of 5xx on both endpoints is retried with growing backoff until everything lands', async () => {
  await h.fake.injectFaults([
    { kind: 'status', status: 503, times: 3, method: 'POST', path: ACCOUNTS_PATH },
    { kind: 'status', status: 502, times: 2, method: 'POST', path: CONTACTS_PATH },
  ]);
  const mark = await h.requestMark();
  const records = [newCompany('Outage One Inc', 2), newCompany('Outage Two Inc', 1)];

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
  await expectInSync(records);
  for (const r of records) expect((await h.accountOf(r.company))?.writeCount).toBe(1);
});

test('429 with Retry-After: nothing is sent again before the server said, then it lands', async () => {
  await h.fake.injectFaults([{ kind: 'rate_limit', retryAfter: 300, times: 1, method: 'POST', path: ACCOUNTS_PATH }]);
  const record = newCompany('Rate Limited LLC', 1);
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
  await expectInSync([record]);
});

test('answers slower than the client timeout and dropped connections are retried; nothing is lost', async () => {
  const faults: Fault[] = [
    // Processed, then answered after the client gave up: written, but the client cannot know.
    { kind: 'delay', ms: SLOW_ANSWER_MS, times: 1, method: 'POST', path: ACCOUNTS_PATH },
    // Connection dropped before anything was written.
    { kind: 'drop', times: 1, method: 'POST', path: ACCOUNTS_PATH },
    // Waits, then writes and answers: the client is long gone.
    { kind: 'delay', ms: SLOW_ANSWER_MS, beforeWrite: true, times: 1, method: 'POST', path: CONTACTS_PATH },
    // Written, then the answer is lost.
    { kind: 'drop', afterWrite: true, times: 1, method: 'POST', path: CONTACTS_PATH },
  ];
  await h.fake.injectFaults(faults);
  const mark = await h.requestMark();
  const records = [newCompany('Slow Network Pty', 2), newCompany('Flaky Link Pty', 1)];

  h.runDrainUntilIdle();

  expect(await h.fake.pendingFaults()).toEqual([]);
  const timedOut = h.httpLog.filter((c) => c.outcome !== 'ok');
  expect(timedOut.map((c) => c.outcome)).toEqual(expect.arrayContaining(['SSS_REQUEST_TIME_EXCEEDED']));
  // Let the late answers finish on the server before reading its log and data.
  await new Promise((r) => setTimeout(r, SLOW_ANSWER_MS));
  const seen = await h.requestsSince(mark);
  expect(seen.filter((r) => r.clientGone).length).toBeGreaterThanOrEqual(1);
  // Retries re-sent the current state, so the late writes changed nothing.
  await expectInSync(records);
});
