/**
 * The live local account's SuiteCloud processors. In NetSuite a submitted Map/Reduce or
 * scheduled script starts within moments when one of the account's processors is free; the
 * runtime's queue runs only when asked (tests stay deterministic), so `npm start` asks here: a
 * short timer takes a few stage steps whenever something is queued, whoever queued it (the admin
 * page, a save's User Event, a scheduled deployment). Steps are taken in small slices so the
 * Suitelet server, on the same thread, keeps answering between them. One line is printed per
 * finished task.
 */
import type { LocalAccount } from '../localAccount';
import type { QueuedTask } from '../runtime/task/queue';

export interface ProcessorLoopOptions {
  /** How often the queue is looked at (ms of real time). */
  intervalMs?: number;
  /** Stage steps per look: small, so pages keep answering while a long job runs. */
  stepsPerTick?: number;
  /** Where finished-task lines go. */
  print?: (line: string) => void;
  /** Extra words for a finished task (what the SuiteApp says it pushed), if any. */
  describe?: (task: QueuedTask) => string;
}

export interface ProcessorLoop {
  /** Resolves once nothing is queued or running (for tests and scripted demos). */
  idle(): Promise<void>;
  stop(): void;
}

interface Watched {
  unitsBefore: number;
  requestsBefore: number;
}

/** One line for a finished task: script, deployment, status, HTTPS requests and units it used. */
function finishedLine(task: QueuedTask, at: Date, units: number, requests: number, extra: string): string {
  const status = task.job.status;
  const tail = extra ? `; ${extra}` : '';
  return `[${at.toISOString()}] ${task.scriptId} (${task.deploymentId}) ${status}: ${requests} HTTPS request(s), ${units} units${tail}`;
}

export function startProcessorLoop(account: LocalAccount, options: ProcessorLoopOptions = {}): ProcessorLoop {
  const intervalMs = options.intervalMs ?? 250;
  const steps = options.stepsPerTick ?? 5;
  const print = options.print ?? ((line: string) => console.log(line));
  const queue = account.drivers.task.queue;
  const watched = new Map<QueuedTask, Watched>();
  const reported = new Set<QueuedTask>();
  let waiters: Array<() => void> = [];

  const unitsOf = (t: QueuedTask) => account.usage.total({ scriptId: t.scriptId, deploymentId: t.deploymentId }).units;
  const requestsOf = (t: QueuedTask) => account.httpLog.filter((e) => e.scriptId === t.scriptId && e.deploymentId === t.deploymentId).length;

  const tick = () => {
    const pending = queue.pending();
    // Units and requests are counted per deployment: one instance of a deployment runs at a time.
    for (const t of pending) if (!watched.has(t)) watched.set(t, { unitsBefore: unitsOf(t), requestsBefore: requestsOf(t) });
    if (pending.length > 0) account.processQueue({ maxSteps: steps });
    for (const [t, w] of watched) {
      if (!t.job.done || reported.has(t)) continue;
      reported.add(t);
      watched.delete(t);
      print(finishedLine(t, account.rt.clock.now(), unitsOf(t) - w.unitsBefore, requestsOf(t) - w.requestsBefore, options.describe?.(t) ?? ''));
    }
    if (queue.pending().length === 0 && waiters.length > 0) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  };
  const timer = setInterval(tick, intervalMs);
  return {
    idle: () => (queue.pending().length === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    stop: () => clearInterval(timer),
  };
}
