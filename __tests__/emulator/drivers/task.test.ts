/** N/task: submit rules, permissions, the processor queue and checkStatus. */
import { ChildServer, startChildServer } from './support/child-server';
import { deployment, items, MR, mrWorld, SS } from './support/mr-setup';
import type { ScriptUser } from '../../../emulator/runtime/services';
import { asScript } from './support/real-runtime';
import { SCHEDULING_PERMISSION, SUITESCRIPT_PERMISSION } from '../../../emulator/runtime/task/install';

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

const CLERK: ScriptUser = { id: 7, role: 'customrole_fsc_clerk', roleId: '1042', email: 'c@example.com', name: 'Clerk' };
const params = { custscript_fx_items: items([{ group: 'a' }, { group: 'b' }, { group: 'a' }]) };

function nameOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { name: string }).name;
  }
  return 'no error';
}

test('one unfinished instance per deployment: MAP_REDUCE_ALREADY_RUNNING until it completes', () => {
  const w = mrWorld(server.origin);
  w.submit({ deploymentId: 'customdeploy_fx_mr', params });
  expect(nameOf(() => w.submit({ deploymentId: 'customdeploy_fx_mr', params }))).toBe('MAP_REDUCE_ALREADY_RUNNING');
  w.task.processQueue({ maxSteps: 2 }); // running now, not finished
  expect(nameOf(() => w.submit({ deploymentId: 'customdeploy_fx_mr', params }))).toBe('MAP_REDUCE_ALREADY_RUNNING');
  w.task.processQueue();
  expect(w.submit({ deploymentId: 'customdeploy_fx_mr', params })).toMatch(/^MAPREDUCETASK_/);
  // Each submit attempt cost 20 units, refused or not.
  expect(w.rt.ledger.total({ scriptId: 'customscript_fx_sl' }).units).toBe(80);
});

test('without deploymentId the first free NOTSCHEDULED deployment runs; none free → NO_DEPLOYMENTS_AVAILABLE', () => {
  const w = mrWorld(server.origin);
  const a = w.submit({ params });
  const b = w.submit({ params });
  expect([w.task.queue.find(a)?.deploymentId, w.task.queue.find(b)?.deploymentId]).toEqual(['customdeploy_fx_mr', 'customdeploy_fx_mr2']);
  expect(nameOf(() => w.submit({ params }))).toBe('NO_DEPLOYMENTS_AVAILABLE');
});

test('a SCHEDULED or undeployed deployment cannot be submitted from code; an unknown script is refused', () => {
  const w = mrWorld(server.origin, {
    deployments: [
      deployment('customdeploy_fx_sched', { status: 'SCHEDULED' }),
      deployment('customdeploy_fx_off', { isDeployed: false }),
    ],
  });
  expect(nameOf(() => w.submit({ deploymentId: 'customdeploy_fx_sched' }))).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
  expect(nameOf(() => w.submit({ deploymentId: 'customdeploy_fx_off' }))).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
  expect(nameOf(() => w.submit({ scriptId: 'customscript_nope' }))).toBe('INVALID_ID');
  expect(w.task.queue.tasks).toEqual([]);
});

test('submitting needs Administrator or the SuiteScript Scheduling permission; the job runs as the submitter', () => {
  const refused = mrWorld(server.origin);
  expect(nameOf(() => refused.submit({ deploymentId: 'customdeploy_fx_mr', params }, CLERK))).toBe('INSUFFICIENT_PERMISSION');
  expect(refused.task.queue.tasks).toEqual([]);

  const allowed = mrWorld(server.origin, { schedulingRoles: ['customrole_fsc_clerk'] });
  const id = allowed.submit({ deploymentId: 'customdeploy_fx_mr', params }, CLERK);
  expect(allowed.task.queue.find(id)?.submittedBy?.role).toBe('customrole_fsc_clerk');

  // The same through the user's permissions: both are needed.
  const onlyScripting = { ...CLERK, permissions: { [SUITESCRIPT_PERMISSION]: 4 } };
  const both = { ...CLERK, permissions: { [SUITESCRIPT_PERMISSION]: 4, [SCHEDULING_PERMISSION]: 4 } };
  const byPermission = mrWorld(server.origin);
  expect(nameOf(() => byPermission.submit({ deploymentId: 'customdeploy_fx_mr', params }, onlyScripting))).toBe('INSUFFICIENT_PERMISSION');
  expect(byPermission.submit({ deploymentId: 'customdeploy_fx_mr', params }, both)).toMatch(/^MAPREDUCETASK_/);
});

test('checkStatus: PENDING, then stage by stage with counts, then COMPLETE; getters cost 10 units each', () => {
  const w = mrWorld(server.origin);
  const id = w.submit({ deploymentId: 'customdeploy_fx_mr', params });
  const read = () =>
    w.status(id, (s) => ({
      status: s.status,
      stage: s.stage,
      pct: s.getPercentageCompleted(),
      totalMap: s.getTotalMapCount(),
      pendingMap: s.getPendingMapCount(),
      totalReduce: s.getTotalReduceCount(),
      pendingReduce: s.getPendingReduceCount(),
      output: s.getTotalOutputCount(),
    }));
  expect(read()).toEqual({ status: 'PENDING', stage: null, pct: 0, totalMap: 0, pendingMap: 0, totalReduce: 0, pendingReduce: 0, output: 0 });
  w.task.processQueue({ maxSteps: 1 });
  expect(read()).toMatchObject({ status: 'PROCESSING', stage: 'GET_INPUT', totalMap: 3, pendingMap: 3 });
  w.task.processQueue({ maxSteps: 1 });
  expect(read()).toMatchObject({ status: 'PROCESSING', stage: 'MAP', pct: 50, pendingMap: 0 });
  w.task.processQueue({ maxSteps: 1 });
  expect(read()).toMatchObject({ stage: 'SHUFFLE', totalReduce: 2, pendingReduce: 2 });
  w.task.processQueue();
  expect(read()).toEqual({ status: 'COMPLETE', stage: null, pct: 100, totalMap: 3, pendingMap: 0, totalReduce: 2, pendingReduce: 0, output: 2 });
  // 5 reads × 6 getters × 10 units, plus the 20-unit submit; checkStatus itself is free.
  expect(w.rt.ledger.total({ scriptId: 'customscript_fx_sl' }).units).toBe(5 * 6 * 10 + 20);
  expect(w.rt.ledger.total({ scriptId: 'customscript_fx_sl' }).byApi['N/task.MapReduceScriptTaskStatus.getPercentageCompleted']).toBe(50);
});

test('two processors: a third instance waits PENDING while two advance', () => {
  const w = mrWorld(server.origin, {
    deployments: [deployment('customdeploy_fx_1'), deployment('customdeploy_fx_2'), deployment('customdeploy_fx_3')],
  });
  const ids = ['customdeploy_fx_1', 'customdeploy_fx_2', 'customdeploy_fx_3'].map((d) => w.submit({ deploymentId: d, params }));
  w.task.processQueue({ maxSteps: 4 });
  expect(ids.map((id) => w.task.queue.find(id)?.job.status)).toEqual(['PROCESSING', 'PROCESSING', 'PENDING']);
  w.task.processQueue();
  expect(ids.map((id) => w.task.queue.find(id)?.job.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE']);
  expect(w.summaries()).toHaveLength(3);
});

test('an unknown task id and a missing taskType are refused', () => {
  const w = mrWorld(server.origin);
  expect(nameOf(() => w.status('MAPREDUCETASK_99', (s) => s))).toBe('INVALID_TASK_ID');
  const create = (w.task.module as { create(o: object): unknown }).create;
  expect(nameOf(() => asScript(w.rt, MR, () => create({})))).toBe('SSS_MISSING_REQD_ARGUMENT');
});

test('SCHEDULED_SCRIPT tasks run execute() once as ONDEMAND with 10,000 units; an uncaught error marks the task FAILED', () => {
  const w = mrWorld(server.origin, {
    scheduledDeployments: [deployment('customdeploy_fx_ss'), deployment('customdeploy_fx_ss_fail', { parameterValues: { custscript_fx_fail: 'T' } })],
  });
  const ok = w.submit({ taskType: 'SCHEDULED_SCRIPT', scriptId: SS, deploymentId: 'customdeploy_fx_ss' });
  const bad = w.submit({ taskType: 'SCHEDULED_SCRIPT', scriptId: SS, deploymentId: 'customdeploy_fx_ss_fail' });
  expect(ok).toMatch(/^SCHEDSCRIPT_/);
  expect(nameOf(() => w.submit({ taskType: 'SCHEDULED_SCRIPT', scriptId: SS, deploymentId: 'customdeploy_fx_ss' }))).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
  w.task.processQueue();
  expect(w.logs<string>('execute')).toEqual(['ONDEMAND', 'ONDEMAND']);
  expect([w.status(ok, (s) => s.status), w.status(bad, (s) => s.status)]).toEqual(['COMPLETE', 'FAILED']);
  expect(w.rt.ledger.total({ scriptId: SS })).toMatchObject({ units: 20, invocations: 2 });
});

test('a queue that never drains (a script re-submitting itself) fails loudly instead of hanging', () => {
  const again = { custscript_fx_resubmit: 'T' };
  const w = mrWorld(server.origin, {
    scheduledDeployments: [deployment('customdeploy_fx_ss_a', { parameterValues: again }), deployment('customdeploy_fx_ss_b', { parameterValues: again })],
  });
  w.submit({ taskType: 'SCHEDULED_SCRIPT', scriptId: SS });
  expect(() => w.task.processQueue({ maxInstances: 20 })).toThrow(/did not drain after 20 instances/);
  expect(w.logs<string>('execute')).toHaveLength(20);
});
