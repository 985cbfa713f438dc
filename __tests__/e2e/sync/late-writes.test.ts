/**
 * A request the client gave up on may still be applied by Freshsuccess afterwards, behind a newer
 * change of the same record. The engine pushes such a request's records once more after the
 * ambiguity window (domain/lateWrites.ts), from NetSuite's state then, so the late write cannot
 * stand: a customer deleted meanwhile is deactivated again, a newer name is sent again. The late
 * writes come from a proxy that holds the request itself until the test releases it.
 */
import { AMBIGUITY_WINDOW_MS } from '../../../src/TypeScript/domain/lateWrites';
import { ACCOUNTS_PATH, type SyncHarness } from '../support/syncHarness';
import type { HoldingProxy } from '../support/holdingProxy';
import { startHeldHarness, type HeldHarness } from '../support/heldHarness';

let h: SyncHarness;
let proxy: HoldingProxy;
let held: HeldHarness | undefined;

beforeAll(async () => {
  held = await startHeldHarness(1_000);
  ({ h, proxy } = held);
});

afterAll(async () => {
  await held?.stop();
});

/** Runs the retries due before the late-write check, as the scheduled drain would, and not the check. */
function runRetriesBeforeTheCheck(since: number): void {
  const due = h.queued().retries.filter((t) => t < since + AMBIGUITY_WINDOW_MS);
  if (due.length === 0) return;
  const now = h.rt.clock.nowMs();
  const latest = Math.max(...due);
  if (latest > now) h.advanceTime(latest - now + 1);
  h.startDrain();
  h.processQueue();
}

test('a timed-out upsert applied after the customer was deleted: the delete is sent again after the window', async () => {
  const id = h.createCustomer({ companyname: 'Late Write Oy', phone: '+358 9 111 000' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.deactivated).toBe(false);

  await proxy.hold([{ method: 'POST', path: ACCOUNTS_PATH, until: 'received' }]);
  const sentAt = h.rt.clock.nowMs();
  h.rt.ui.update('customer', id, { phone: '+358 9 111 999' });
  h.processQueue();
  expect(h.httpLog.at(-1)?.outcome).toBe('SSS_REQUEST_TIME_EXCEEDED');
  // Deleted before the retry: the DELETE goes out and lands.
  h.rt.ui.delete('customer', id);
  h.processQueue();
  runRetriesBeforeTheCheck(sentAt);
  expect((await h.accountOf(id))?.deactivated).toBe(true);

  // Only now does Freshsuccess apply the request the client gave up on: the account is back.
  const { released } = await proxy.release();
  expect(released).toEqual([{ method: 'POST', path: ACCOUNTS_PATH, until: 'received', clientGone: true }]);
  expect((await h.accountOf(id))?.fields.phone).toBe('+358 9 111 999');

  h.runDrainUntilIdle();
  expect(h.rt.clock.nowMs()).toBeGreaterThanOrEqual(sentAt + AMBIGUITY_WINDOW_MS);
  const account = await h.accountOf(id);
  expect(account?.deactivated || account?.fields.is_churned === true).toBe(true);
  expect(h.outbox().filter((e) => e.status === 'RETRY' || e.status === 'DEAD')).toEqual([]);
});

test('a timed-out upsert applied after a newer name landed: the newer name is sent again after the window', async () => {
  const id = h.createCustomer({ companyname: 'First Name Ltd' });
  h.runDrainUntilIdle();

  await proxy.hold([{ method: 'POST', path: ACCOUNTS_PATH, until: 'received' }]);
  const sentAt = h.rt.clock.nowMs();
  h.rt.ui.update('customer', id, { companyname: 'Second Name Ltd' });
  h.processQueue();
  h.rt.ui.update('customer', id, { companyname: 'Third Name Ltd' });
  h.processQueue();
  runRetriesBeforeTheCheck(sentAt);
  expect((await h.accountOf(id))?.fields.name).toBe('Third Name Ltd');

  await proxy.release();
  expect((await h.accountOf(id))?.fields.name).toBe('Second Name Ltd');

  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.fields.name).toBe('Third Name Ltd');
  expect(h.outbox().filter((e) => e.status === 'RETRY' || e.status === 'DEAD')).toEqual([]);
});
