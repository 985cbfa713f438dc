/**
 * Answers slower than the client's timeout and dropped connections, before or after the server
 * wrote, are retried until Freshsuccess holds the current state: nothing lost, nothing dead. The
 * runtime's N/https total timeout (NetSuite: 45 s) is set short for this file only.
 */
import type { Fault } from '../../../emulator/fake-freshsuccess/types';
import { ACCOUNTS_PATH, CONTACTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';
import { expectInSync, newCompany } from '../support/companies';

/** Long enough for a normal local answer on a busy 2-core machine, short for a test. */
const CLIENT_TIMEOUT_MS = 1_000;
const SLOW_ANSWER_MS = 2_500;

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ account: { https: { totalTimeoutMs: CLIENT_TIMEOUT_MS } } });
});

afterAll(async () => {
  await h?.stop();
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
  const records = [newCompany(h, 'Slow Network Pty', 2), newCompany(h, 'Flaky Link Pty', 1)];

  h.runDrainUntilIdle();

  expect(await h.fake.pendingFaults()).toEqual([]);
  expect(h.httpLog.map((c) => c.outcome)).toEqual(expect.arrayContaining(['SSS_REQUEST_TIME_EXCEEDED']));
  // Let the late answers finish on the server before reading its log and data.
  await new Promise((r) => setTimeout(r, SLOW_ANSWER_MS));
  const seen = await h.requestsSince(mark);
  expect(seen.filter((r) => r.clientGone).length).toBeGreaterThanOrEqual(1);
  // Retries re-sent the current state, so the late writes changed nothing.
  await expectInSync(h, records);
});
