/**
 * The SuiteCloud processor queue. Submitted and scheduled instances wait here until a test or
 * driver calls `process()`; nothing runs on its own, so tests are deterministic. With P
 * processors (2 without SuiteCloud Plus) the first P unfinished instances advance in turn, one
 * stage each per round; later ones stay PENDING until a processor frees up.
 */
import type { ScriptUser } from '../services';
import { ExhaustHook, MapReduceJob, RestartHook } from '../map-reduce/job';
import { ScheduledScriptJob } from './scheduledJob';

export type TaskKind = 'MAP_REDUCE' | 'SCHEDULED_SCRIPT';

export interface QueuedTask {
  taskId: string;
  kind: TaskKind;
  scriptId: string;
  deploymentId: string;
  submittedAt: Date;
  submittedBy?: ScriptUser;
  /** 'task' for task.submit(), 'schedule' for a recurrence. */
  origin: 'task' | 'schedule';
  job: MapReduceJob | ScheduledScriptJob;
}

export interface ProcessOptions {
  /** Stop after this many stage steps (to observe an instance mid-way). */
  maxSteps?: number;
  /** Restart hooks for Map/Reduce instances that start during this call. */
  restarts?: (RestartHook & { deploymentId?: string })[];
  /** Map/Reduce invocations that start with their governance nearly spent (ExhaustHook), for instances that start during this call. */
  exhausts?: (ExhaustHook & { deploymentId?: string })[];
  /**
   * Guard against a queue that never drains (a script re-submitting itself forever): fail once
   * this many instances have started in one call. Default 1,000.
   */
  maxInstances?: number;
}

export class ProcessorQueue {
  readonly tasks: QueuedTask[] = [];

  constructor(readonly processors: number) {
    if (!Number.isInteger(processors) || processors < 1) throw new Error('processors must be a positive integer');
  }

  add(task: QueuedTask): void {
    this.tasks.push(task);
  }

  find(taskId: string): QueuedTask | undefined {
    return this.tasks.find((t) => t.taskId === taskId);
  }

  /** The deployment's instance that is queued or running, if any. */
  unfinished(scriptId: string, deploymentId: string): QueuedTask | undefined {
    return this.tasks.find((t) => t.scriptId === scriptId && t.deploymentId === deploymentId && !t.job.done);
  }

  pending(): QueuedTask[] {
    return this.tasks.filter((t) => !t.job.done);
  }

  /** A second unfinished instance of the deployment: one a Map/Reduce queued for itself, waiting for the current one. */
  deferred(scriptId: string, deploymentId: string): QueuedTask | undefined {
    return this.tasks.filter((t) => t.scriptId === scriptId && t.deploymentId === deploymentId && !t.job.done)[1];
  }

  /** Unfinished instances that may start or continue: not those waiting for an earlier instance of their deployment. */
  private runnable(): QueuedTask[] {
    const busy = new Set<string>();
    const out: QueuedTask[] = [];
    for (const t of this.tasks) {
      if (t.job.done) continue;
      const key = `${t.scriptId}\u0000${t.deploymentId}`;
      if (busy.has(key)) continue;
      busy.add(key);
      out.push(t);
    }
    return out;
  }

  /** Runs queued instances until the queue is empty (or maxSteps stage steps were taken). */
  process(options: ProcessOptions = {}): number {
    let steps = 0;
    let started = 0;
    const max = options.maxSteps ?? Number.POSITIVE_INFINITY;
    const maxInstances = options.maxInstances ?? 1000;
    for (;;) {
      const running = this.runnable().slice(0, this.processors);
      if (running.length === 0 || steps >= max) return steps;
      for (const t of running) {
        if (steps >= max) return steps;
        if (t.job.status === 'PENDING') {
          started += 1;
          if (started > maxInstances) {
            throw new Error(`the processor queue did not drain after ${maxInstances} instances; does a script keep submitting work?`);
          }
        }
        if (t.job instanceof MapReduceJob && t.job.status === 'PENDING') {
          for (const h of options.restarts ?? []) {
            if (h.deploymentId === undefined || h.deploymentId === t.deploymentId) {
              t.job.addRestart({ stage: h.stage, afterInvocations: h.afterInvocations });
            }
          }
          for (const h of options.exhausts ?? []) {
            if (h.deploymentId === undefined || h.deploymentId === t.deploymentId) {
              t.job.addExhaust({ stage: h.stage, afterInvocations: h.afterInvocations, leaveUnits: h.leaveUnits });
            }
          }
        }
        t.job.step();
        steps += 1;
      }
    }
  }
}
