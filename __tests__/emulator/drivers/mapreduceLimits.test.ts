/**
 * NetSuite's documented Map/Reduce limits as the runtime enforces them: persisted data across
 * stages, invocation time per stage, and the submit rules for a Map/Reduce that submits its own
 * deployment (deferred, no task id, runs with the submitter's role).
 */
import { ChildServer, startChildServer } from './support/child-server';
import { deployment, items, mrWorld } from './support/mr-setup';
import { fixtureScript } from './support/compile-fixture';
import type { ScriptUser } from '../../../emulator/runtime/services';
import { MapReduceJob } from '../../../emulator/runtime/map-reduce/job';
import { MAX_PERSISTED_BYTES } from '../../../emulator/runtime/map-reduce/limits';

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

const twenty = items(Array.from({ length: 20 }, (_, i) => ({ group: `g${i % 3}` })));

function jobOf(w: ReturnType<typeof mrWorld>, taskId: string): MapReduceJob {
  const job = w.task.queue.find(taskId)?.job;
  if (!(job instanceof MapReduceJob)) throw new Error(`no Map/Reduce instance ${taskId}`);
  return job;
}

test('the documented persisted-data limit is 200 MB', () => {
  expect(MAX_PERSISTED_BYTES).toBe(200 * 1024 * 1024);
});

test('getInputData returning more than the persisted-data limit fails with PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED and goes to summarize', () => {
  const w = mrWorld(server.origin, { persistedLimitBytes: 300 });
  const id = w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: twenty } });
  w.task.processQueue();
  const job = jobOf(w, id);
  expect(JSON.parse(job.inputStats.error ?? '{}').name).toBe('PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED');
  expect(w.logs('map')).toEqual([]);
  expect(w.summary().inputError).toMatch(/exceeds the limit of 300 bytes/);
  expect(job.status).toBe('COMPLETE');
});

test('under the limit the same input runs through, and the instance reports the most data it persisted', () => {
  const w = mrWorld(server.origin, { persistedLimitBytes: 5000 });
  const id = w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: twenty } });
  w.task.processQueue();
  const job = jobOf(w, id);
  expect(job.inputStats.error).toBeNull();
  expect(w.logs('map')).toHaveLength(20);
  // The input pairs are the largest moment: 20 keys and their JSON items.
  expect(job.maxPersistedBytes).toBeGreaterThan(300);
  expect(job.maxPersistedBytes).toBeLessThanOrEqual(5000);
});

test('a map invocation that runs past 5 minutes is ended with SSS_TIME_LIMIT_EXCEEDED and its writes are lost', () => {
  const w = mrWorld(server.origin, { invocationMs: (stage) => (stage === 'map' ? 5 * 60_000 + 1 : 0) });
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items([{ group: 'a' }]) } });
  w.task.processQueue();
  const s = w.summary();
  // The fixture's retryCount is 1: the pair runs twice and fails twice.
  expect(s.mapErrors).toEqual([
    ['0', 'SSS_TIME_LIMIT_EXCEEDED', 1],
    ['0', 'SSS_TIME_LIMIT_EXCEEDED', 2],
  ]);
  expect(s.output).toEqual([]);
});

test('a map invocation of exactly 5 minutes, or a reduce of 15, is within its limit', () => {
  const w = mrWorld(server.origin, { invocationMs: (stage) => (stage === 'map' ? 5 * 60_000 : 15 * 60_000) });
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items([{ group: 'a' }]) } });
  w.task.processQueue();
  expect(w.summary().mapErrors).toEqual([]);
  expect(w.summary().output).toEqual([['a', '1']]);
});

describe('a Map/Reduce that submits its own deployment', () => {
  const SELF = 'customscript_fx_mr_self';
  const CLERK: ScriptUser = { id: 7, role: 'customrole_fsc_clerk', roleId: '1042', email: 'c@example.com', name: 'Clerk' };

  function world() {
    const w = mrWorld(server.origin, { schedulingRoles: ['customrole_fsc_clerk'] });
    w.rt.defineScript({
      scriptId: SELF,
      name: 'Self-submitting MR',
      scriptType: 'MAPREDUCE',
      scriptFile: fixtureScript('mr_self_fixture'),
      parameters: [{ scriptId: 'custscript_fx_round', fieldType: 'INTEGER' }],
      deployments: [deployment('customdeploy_fx_self')],
    });
    return w;
  }

  test('is not refused: the new run gets no task id, waits until the current one completes, and runs as the submitter', () => {
    const w = world();
    const first = w.submit({ scriptId: SELF, deploymentId: 'customdeploy_fx_self' }, CLERK);
    // Until map: getInputData, then the map stage that submits.
    w.task.processQueue({ maxSteps: 2 });
    const queued = w.task.queue.tasks.filter((t) => t.scriptId === SELF);
    expect(queued.map((t) => t.job.status)).toEqual(['PROCESSING', 'PENDING']);
    // Processors are free, yet the second instance waits for the first.
    w.task.processQueue({ maxSteps: 2 });
    expect(queued.map((t) => t.job.status)).toEqual(['PROCESSING', 'PENDING']);
    w.task.processQueue();
    expect(w.logs<{ round: number; taskId: string | null }>('submitted')).toEqual([
      { round: 1, taskId: null },
      { round: 2, taskId: null },
    ]);
    expect(w.logs<string>('end')).toEqual([1, 2, 3]);
    expect(w.logs<{ round: number; role: string }>('start')).toEqual([1, 2, 3].map((round) => ({ round, role: 'customrole_fsc_clerk' })));
    expect(w.task.queue.find(first)?.job.status).toBe('COMPLETE');
  });

  test('another script submitting that deployment while it runs is still refused with MAP_REDUCE_ALREADY_RUNNING', () => {
    const w = world();
    w.submit({ scriptId: SELF, deploymentId: 'customdeploy_fx_self' }, CLERK);
    w.task.processQueue({ maxSteps: 1 });
    let name = 'no error';
    try {
      w.submit({ scriptId: SELF, deploymentId: 'customdeploy_fx_self' }, CLERK);
    } catch (e) {
      name = (e as { name: string }).name;
    }
    expect(name).toBe('MAP_REDUCE_ALREADY_RUNNING');
  });
});
