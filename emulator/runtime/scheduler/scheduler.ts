/**
 * Scheduled deployments on the simulated clock. `advance(ms)` walks the clock forward through
 * every due time of every SCHEDULED, deployed deployment; at each one it queues an instance
 * unless the deployment already has one queued or running (NetSuite keeps one instance per
 * deployment, so a slow job or a long jump of the clock never causes a catch-up storm), and by
 * default runs the processor queue right there, so instances finish before the next due time.
 * If the clock was moved without the scheduler, `advance(0)` handles what came due meanwhile as
 * a single check.
 */
import type { RuntimeServices } from '../services';
import type { QueuedTask } from '../task/queue';
import type { TaskHandle } from '../task/install';
import { nextRunAfter } from './recurrence';

export interface AdvanceOptions {
  /** Run the queue at each due time (default true); false only queues. */
  runQueue?: boolean;
}

export interface ScheduleEvent {
  at: Date;
  deploymentId: string;
  /** The queued instance, or null when skipped because one was still unfinished. */
  taskId: string | null;
}

export class Scheduler {
  /** Each due time met, with what happened. */
  readonly history: ScheduleEvent[] = [];
  private lastMs: number;

  constructor(private readonly rt: RuntimeServices, private readonly tasks: TaskHandle) {
    this.lastMs = rt.clock.nowMs();
  }

  advance(ms: number, options: AdvanceOptions = {}): QueuedTask[] {
    if (ms < 0) throw new Error('the clock only moves forward');
    const target = this.rt.clock.nowMs() + ms;
    const queued: QueuedTask[] = [];
    // The clock may have been moved by someone else since the last call: every due time already
    // in the past collapses into one check now (NetSuite keeps one instance per deployment).
    const missed = this.dueUpTo(this.rt.clock.nowMs());
    if (missed.length > 0) {
      this.queueDue(missed, this.rt.clock.nowMs(), queued);
      this.lastMs = this.rt.clock.nowMs();
      if (options.runQueue !== false) this.tasks.processQueue();
    }
    for (;;) {
      const due = this.nextDue();
      if (!due || due.at > target) break;
      if (due.at > this.rt.clock.nowMs()) this.rt.clock.set(new Date(due.at));
      this.queueDue(due.deployments, due.at, queued);
      this.lastMs = due.at;
      if (options.runQueue !== false) this.tasks.processQueue();
      // A script may have moved the clock past later due times: those collapse into one check.
      this.lastMs = Math.max(this.lastMs, Math.min(this.rt.clock.nowMs(), target) - 1);
    }
    if (target > this.rt.clock.nowMs()) this.rt.clock.set(new Date(target));
    this.lastMs = target;
    return queued;
  }

  private queueDue(deployments: ReturnType<TaskHandle['deployments']>, at: number, queued: QueuedTask[]): void {
    for (const d of deployments) {
      const busy = this.tasks.queue.unfinished(d.scriptId, d.deploymentId);
      const task = busy ? null : this.tasks.enqueueScheduled(d);
      if (task) queued.push(task);
      this.history.push({ at: new Date(at), deploymentId: d.deploymentId, taskId: task?.taskId ?? null });
    }
  }

  /** Deployments with a due time after the last one handled and at or before `ms`. */
  private dueUpTo(ms: number): ReturnType<TaskHandle['deployments']> {
    return this.tasks.deployments().filter((d) => {
      if (!d.recurrence || !d.isDeployed || d.status !== 'SCHEDULED') return false;
      const t = nextRunAfter(d.recurrence, this.lastMs);
      return t !== null && t <= ms;
    });
  }

  /** The earliest due time after the last one handled, with every deployment due then. */
  private nextDue() {
    let at = Number.POSITIVE_INFINITY;
    let deployments: ReturnType<TaskHandle['deployments']> = [];
    for (const d of this.tasks.deployments()) {
      if (!d.recurrence || !d.isDeployed || d.status !== 'SCHEDULED') continue;
      const t = nextRunAfter(d.recurrence, this.lastMs);
      if (t === null) continue;
      if (t < at) {
        at = t;
        deployments = [d];
      } else if (t === at) deployments.push(d);
    }
    return deployments.length ? { at, deployments } : null;
  }
}
