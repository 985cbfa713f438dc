/** The push lease in the drain, the full sync and the safety net, over the in-memory ports. */
import { finishDrain } from '../../../src/TypeScript/app/finishDrain';
import { planDrain } from '../../../src/TypeScript/app/planDrain';
import { nudgeDrain } from '../../../src/TypeScript/app/safetyNet';
import { planFullSync } from '../../../src/TypeScript/app/fullSync';
import type { JobControl } from '../../../src/TypeScript/app/ports';
import { takeLease, type TaskState } from '../../../src/TypeScript/domain/pushLease';
import { customer } from '../fixtures';
import { World } from './world';

class FakeJobs implements JobControl {
  submitted = 0;
  states = new Map<string, TaskState>();
  submitFullSync() {
    this.submitted++;
    const taskId = `MAPREDUCETASK_${this.submitted}`;
    this.states.set(taskId, 'running');
    return { result: 'submitted' as const, taskId };
  }
  taskState(taskId: string): TaskState {
    return this.states.get(taskId) ?? 'unknown';
  }
}

function world() {
  const w = new World();
  for (const id of ['1', '2', '3']) w.snapshots.customers.set(id, customer(id));
  w.capture({ kind: 'customer', id: '1', type: 'create', newValues: { companyname: 'One' } });
  return { w, jobs: new FakeJobs() };
}

const planDeps = (w: World, jobs: JobControl) => ({ config: w.config, state: w.state, outbox: w.outbox, snapshots: w.snapshots, clock: w.clock, log: w.log, jobs });

describe('drain', () => {
  test('takes the lease when it has work and releases it in summarize', () => {
    const { w, jobs } = world();
    const plan = planDrain(planDeps(w, jobs));
    expect(plan.status).toBe('planned');
    expect(w.state.state.pushLease).toMatchObject({ holder: 'drain', since: w.clock.now() });
    finishDrain({ keys: Object.keys(plan.tasks), failedKeys: [], results: [] }, { state: w.state, outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log });
    expect(w.state.state.pushLease).toBeNull();
  });

  test('stands back while a full sync holds a live lease: nothing written, the entry stays queued', () => {
    const { w, jobs } = world();
    w.state.state.pushLease = takeLease('fullsync', w.clock.now());
    const before = JSON.stringify(w.state.state);
    const plan = planDrain(planDeps(w, jobs));
    expect(plan.status).toBe('deferred');
    expect(plan.tasks).toEqual({});
    expect(JSON.stringify(w.state.state)).toBe(before);
    expect(w.outbox.entries.filter((e) => e.status === 'PENDING')).toHaveLength(1);
  });

  test("takes over a full sync's lease whose task finished", () => {
    const { w, jobs } = world();
    jobs.states.set('MAPREDUCETASK_77', 'finished');
    w.state.state.pushLease = takeLease('fullsync', w.clock.now(), 'MAPREDUCETASK_77');
    expect(planDrain(planDeps(w, jobs)).status).toBe('planned');
    expect(w.state.state.pushLease?.holder).toBe('drain');
  });

  test('a full sync waiting for it is started instead, with the lease taken on its behalf', () => {
    const { w, jobs } = world();
    w.state.state.fullSyncRequestedAt = w.clock.now() - 1000;
    expect(planDrain(planDeps(w, jobs)).status).toBe('deferred');
    expect(jobs.submitted).toBe(1);
    expect(w.state.state).toMatchObject({ fullSyncRequestedAt: null, pushLease: { holder: 'fullsync', taskId: 'MAPREDUCETASK_1' } });
  });
});

describe('full sync', () => {
  test('takes the lease before reading and leaves it for summarize', () => {
    const { w, jobs } = world();
    expect(planFullSync(planDeps(w, jobs)).status).toBe('planned');
    expect(w.state.state.pushLease?.holder).toBe('fullsync');
  });

  test('stands back while a drain pushes and leaves a request', () => {
    const { w, jobs } = world();
    w.state.state.pushLease = takeLease('drain', w.clock.now());
    const plan = planFullSync(planDeps(w, jobs));
    expect(plan.status).toBe('waiting');
    expect(plan.tasks).toEqual({});
    expect(w.state.state).toMatchObject({ fullSyncRequestedAt: w.clock.now(), pushLease: { holder: 'drain' } });
  });

  test('started on a request, it keeps the task id the engine recorded', () => {
    const { w, jobs } = world();
    w.state.state.fullSyncRequestedAt = w.clock.now() - 1000;
    planDrain(planDeps(w, jobs));
    planFullSync(planDeps(w, jobs));
    expect(w.state.state.pushLease).toMatchObject({ holder: 'fullsync', taskId: 'MAPREDUCETASK_1' });
  });
});

describe('safety net', () => {
  test('does not start a drain while a full sync pushes; starts a waiting full sync once no drain does', () => {
    const { w, jobs } = world();
    const deps = { config: w.config, state: w.state, outbox: w.outbox, trigger: w.trigger, clock: w.clock, jobs, log: w.log };
    w.state.state.pushLease = takeLease('fullsync', w.clock.now());
    const drainsBefore = w.trigger.submitted;
    expect(nudgeDrain(deps)).toEqual({ due: 0, submitted: false });
    expect(w.trigger.submitted).toBe(drainsBefore);
    w.state.state.pushLease = null;
    w.state.state.fullSyncRequestedAt = w.clock.now();
    nudgeDrain(deps);
    expect(jobs.submitted).toBe(1);
    expect(w.trigger.submitted).toBe(drainsBefore);
  });
});
