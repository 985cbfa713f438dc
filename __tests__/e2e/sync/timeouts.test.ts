/**
 * Answers that never come before the client's timeout and dropped connections, before or after
 * the server wrote, are retried until Freshsuccess holds the current state: nothing lost, nothing
 * dead. The slow answers come from a proxy that holds them until the test releases them (after
 * the drain), so the client times out every time without the test racing a clock or sleeping.
 * The runtime's N/https total timeout (NetSuite: 45 s) is set short for this file only.
 */
import type { Fault } from '../../../emulator/fake-freshsuccess/types';
import { ACCOUNTS_PATH, CONTACTS_PATH, type SyncHarness } from '../support/syncHarness';
import { expectInSync, newCompany } from '../support/companies';
import type { HoldingProxy } from '../support/holdingProxy';
import { startHeldHarness, type HeldHarness } from '../support/heldHarness';

/** Long enough for a normal local answer on a busy 2-core machine; a held answer never comes. */
const CLIENT_TIMEOUT_MS = 1_000;

let h: SyncHarness;
let proxy: HoldingProxy;
let held: HeldHarness | undefined;

beforeAll(async () => {
  held = await startHeldHarness(CLIENT_TIMEOUT_MS);
  ({ h, proxy } = held);
});

afterAll(async () => {
  await held?.stop();
});

test('answers that come after the client timeout and dropped connections are retried; nothing is lost', async () => {
  // Each record type's first request meets a dropped connection at Freshsuccess, its retry a
  // held answer; the second retry goes through.
  await h.fake.injectFaults([
    // Connection dropped before anything was written.
    { kind: 'drop', times: 1, method: 'POST', path: ACCOUNTS_PATH },
    // Written, then the answer is lost.
    { kind: 'drop', afterWrite: true, times: 1, method: 'POST', path: CONTACTS_PATH },
  ] satisfies Fault[]);
  await proxy.hold([
    // Processed, then answered after the client gave up: written, but the client cannot know.
    { method: 'POST', path: ACCOUNTS_PATH, until: 'answered', skip: 1 },
    // Reaches Freshsuccess only after the client gave up (and after the next retry): a late write.
    { method: 'POST', path: CONTACTS_PATH, until: 'received', skip: 1 },
  ]);
  const records = [newCompany(h, 'Slow Network Pty', 2), newCompany(h, 'Flaky Link Pty', 1)];

  h.runDrainUntilIdle();

  expect(await h.fake.pendingFaults()).toEqual([]);
  const outcomes = (path: string) => h.httpLog.filter((c) => new URL(c.url).pathname === path).map((c) => c.outcome);
  // Then, after the ambiguity window, one late-write check per request whose outcome was unknown
  // (domain/lateWrites.ts): the records are sent once more from NetSuite's state.
  for (const path of [ACCOUNTS_PATH, CONTACTS_PATH]) {
    const seen = outcomes(path);
    expect(seen.slice(0, 3)).toEqual(['SSS_CONNECTION_CLOSED', 'SSS_REQUEST_TIME_EXCEEDED', 'ok']);
    expect(seen.slice(3).length).toBeGreaterThanOrEqual(2);
    expect(seen.slice(3).every((o) => o === 'ok')).toBe(true);
  }
  expect(h.outbox().filter((e) => e.status === 'RETRY' && e.lastError.startsWith('Sent again after a request whose outcome is unknown'))).toEqual([]);
  // The held requests go through now, long after the client gave up on them.
  const { released, unused } = await proxy.release();
  expect(unused).toEqual([]);
  expect(released).toEqual([
    { method: 'POST', path: ACCOUNTS_PATH, until: 'answered', clientGone: true },
    { method: 'POST', path: CONTACTS_PATH, until: 'received', clientGone: true },
  ]);
  // Retries re-sent the current state, so the late writes changed nothing.
  await expectInSync(h, records);
});
