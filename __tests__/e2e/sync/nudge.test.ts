/**
 * After capture the User Event tries to start the drain. The capture User Events run as
 * Administrator (runasrole on their deployments), so a clerk whose own role may not schedule
 * scripts still queues the change and starts the drain at once. Were runasrole not honoured, the
 * clerk's save still succeeds and the 15-minute sweep and safety net bring the change over.
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

const clerk = () => h.rt.createUser({ firstname: 'Casey', lastname: 'Clerk', email: `casey${Math.floor(h.rt.clock.nowMs() / 1000)}@example.com`, role: '1042', roleId: 'customrole_sales_clerk', permissions: { LIST_CUSTJOB: 3, LIST_CONTACT: 3 } });
const drains = () => h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === SCRIPTS.drain.scriptId && t.deploymentId === SCRIPTS.drain.onDemand);

test("a clerk's save is queued and starts the drain at once: capture runs as Administrator", async () => {
  const before = drains().length;
  const id = h.saveAs('USERINTERFACE').create('customer', { companyname: 'Clerk Entered Ltd', subsidiary: '1' }, { user: clerk() });
  expect(h.outboxFor('customer', id)).toEqual([expect.objectContaining({ event: 'create', status: 'PENDING' })]);
  expect(drains().length).toBe(before + 1);
  h.processQueue();
  expect((await h.accountOf(id))?.fields.name).toBe('Clerk Entered Ltd');
  expect(h.rt.logs.filter((l) => l.level === 'ERROR')).toEqual([]);
});

test('were runasrole not honoured, the save still succeeds and the 15-minute sweep brings the change over', async () => {
  for (const s of h.rt.project.scripts.filter((x) => x.scriptId === 'customscript_fsc_ue_customer')) {
    for (const d of s.deployments) d.runAsRole = undefined;
  }
  const id = h.saveAs('USERINTERFACE').create('customer', { companyname: 'Unprivileged Capture Ltd', subsidiary: '1' }, { user: clerk() });
  // The clerk's role may not write the outbox: capture fails (logged), the save stands.
  expect(h.rt.store.find('customer', id)).toBeDefined();
  expect(h.outboxFor('customer', id)).toEqual([]);
  expect(h.rt.logs.some((l) => l.level === 'ERROR' && /could not queue customer/.test(l.title))).toBe(true);
  h.advanceTime(15 * 60_000);
  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.fields.name).toBe('Unprivileged Capture Ltd');
});
