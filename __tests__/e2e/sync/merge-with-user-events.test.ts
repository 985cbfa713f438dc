/**
 * Whether User Events fire on a duplicate merge is [open] (platform doc §3). lifecycle.test.ts
 * covers the default (they do not); here they do: the merged-away customer's delete is captured
 * at once, and the contacts moved by the merge (which fire nothing) still follow via the sweep.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

const MINUTE = 60_000;
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ account: { runtime: { userEventsFireOnMerge: true } } });
  h.advanceTime(15 * MINUTE);
});

afterAll(async () => {
  await h?.stop();
});

test('a merge with User Events on: the delete is captured at once, the moved contact follows', async () => {
  const survivor = h.createCustomer({ companyname: 'Globex Corporation' });
  const duplicate = h.createCustomer({ companyname: 'Globex Corp' });
  const moved = h.createContact({ firstname: 'Hank', lastname: 'Scorpio', company: String(duplicate), email: 'hank@globex.test' });
  h.runDrainUntilIdle();

  h.advanceTime(MINUTE);
  h.rt.mergeCustomers(duplicate, survivor);
  expect(h.outboxFor('customer', duplicate).at(-1)).toMatchObject({ event: 'delete', status: 'PENDING' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(duplicate))?.isActive).toBe(false);

  h.advanceTime(15 * MINUTE);
  h.runDrainUntilIdle();
  expect(await h.contactOf(moved)).toMatchObject({ account_id: String(survivor), isActive: true, previousAccountIds: [String(duplicate)] });
  expect((await h.accountOf(survivor))?.isActive).toBe(true);
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});
