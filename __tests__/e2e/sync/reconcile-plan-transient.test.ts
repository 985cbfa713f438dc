/**
 * getInputData's search for the last page reads a page again on a transient answer, as a page's
 * map does: one 503 while planning does not stop the run. (Found by review.)
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 12, contacts: 0 }, account: { fake: { maxPageSize: 5 } } });
  h.runFullSync();
  h.runDrainUntilIdle();
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

test('one 503 while planning is read again, as in a map', async () => {
  await h.fake.injectFaults([{ kind: 'status', status: 503, method: 'GET', path: '/api/v2/accounts', times: 1 }]);
  h.startReconcile();
  h.runDrainUntilIdle();
  const last = h.state()?.lastReconcile as { status: string; message: string } | null;
  expect(last).toMatchObject({ status: 'done', message: '' });
});
