/**
 * After capture the User Event tries to start the drain. A clerk whose role may not schedule
 * scripts cannot start it: the save still succeeds and its change is queued, and the scheduled
 * safety net (every 15 minutes) starts the drain, so the change arrives within one period.
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

test('a save by a role without scheduling permission is queued and pushed by the 15-minute safety net', async () => {
  const clerk = h.rt.createUser({ firstname: 'Casey', lastname: 'Clerk', email: 'casey@example.com', role: '1042', roleId: 'customrole_sales_clerk', permissions: { LIST_CUSTJOB: 3 } });
  const id = h.saveAs('USERINTERFACE').create('customer', { companyname: 'Clerk Entered Ltd', subsidiary: '1' }, { user: clerk });

  expect(h.outboxFor('customer', id)).toEqual([expect.objectContaining({ event: 'create', status: 'PENDING' })]);
  const drains = () => h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === SCRIPTS.drain.scriptId && t.deploymentId === SCRIPTS.drain.onDemand);
  expect(drains()).toEqual([]);
  h.processQueue();
  expect(await h.accountOf(id)).toBeUndefined();
  // No error reached the execution log: a refused submit is normal.
  expect(h.rt.logs.filter((l) => l.level === 'ERROR')).toEqual([]);

  h.advanceTime(15 * 60_000);
  expect(drains().length).toBeGreaterThanOrEqual(1);
  expect((await h.accountOf(id))?.fields.name).toBe('Clerk Entered Ltd');
});
