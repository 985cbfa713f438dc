/**
 * The map of the last Freshsuccess page reads on when the list grew after getInputData, but only
 * while its governance lasts: with entity-id keys a page of 1,000 costs about 60 units, so 20 more
 * pages would pass the map's 1,000. The run must finish (pages left unread only make their
 * records look missing, queued again as upserts). (Found by review: the map ran out of units.)
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ config: { accountIdSource: 'entityid' }, sample: { customers: 20, contacts: 0 }, account: { fake: { maxPageSize: 1000 } } });
  h.runFullSync();
  h.runDrainUntilIdle();
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

test('a list that grew by 20 pages during the run is still reconciled', async () => {
  h.startReconcile();
  h.processQueue({ maxSteps: 1 }); // getInputData: one page per list
  const grown = Array.from({ length: 20_000 }, (_, i) => ({ account_id: `other-${i}`, name: `Other ${i}`, join_date: Date.UTC(2025, 0, 1) }));
  for (let i = 0; i < grown.length; i += 2000) await h.fake.seed({ accounts: grown.slice(i, i + 2000) });
  h.processQueue();
  const last = h.state()?.lastReconcile as { status: string; message: string } | null;
  expect(last?.message).toBe('');
  expect(last?.status).toBe('done');
  expect(h.usage(SCRIPTS.reconcile.scriptId, 'map')).toBeDefined();
}, 300_000);
