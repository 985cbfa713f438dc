/**
 * Starting the full sync, reconcile and drain from the admin page, and their progress. Task ids
 * of what this page submitted are kept for a day in N/cache (1 unit to read, 1 to write), so any
 * administrator opening the page sees them. checkStatus costs nothing; each Map/Reduce status
 * getter costs 10, so only a running Map/Reduce is asked for its percentage (≤ 30 units a view:
 * the full sync, the reconcile and the drain are all Map/Reduce scripts).
 *
 * What runs whoever started it comes from the state record (domain/jobActivity.ts): this adds
 * only task.checkStatus of the lease's and the next full-sync part's task ids (0 units).
 */
import * as cache from 'N/cache';
import * as task from 'N/task';
import type { JobKind, JobProgress } from '../app/adminStatusView';
import type { SyncState, TriggerResult } from '../app/ports';
import { jobActivities, type JobActivity } from '../domain/jobActivity';
import { netsuiteJobControl } from './jobControl';
import { REMOVE_EXTRAS_PARAM } from './reconcileJob';
import { SCRIPTS } from './schema';
import { trySubmit } from './taskSubmit';
import { parseJson } from './values';

const JOBS_KEY = 'admin_jobs';
const DAY_S = 24 * 3600;

export type Tracked = Partial<Record<JobKind, { taskId: string; at: number }>>;

function store(): cache.Cache {
  return cache.getCache({ name: 'fsc_admin', scope: cache.Scope.PROTECTED });
}

/** What this page submitted in the last day (N/cache, 1 unit). */
export function tracked(): Tracked {
  return parseJson<Tracked>(store().get({ key: JOBS_KEY }), {});
}

function statusOf(taskId: string): task.MapReduceScriptTaskStatus | null {
  try {
    return task.checkStatus({ taskId }) as task.MapReduceScriptTaskStatus;
  } catch {
    return null; // unknown or expired task id
  }
}

const UNFINISHED = ['PENDING', 'PROCESSING'];

function create(job: JobKind, options: { removeExtras?: boolean }) {
  if (job === 'reconcile') {
    return task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.reconcile.scriptId, deploymentId: SCRIPTS.reconcile.onDemand, params: { [REMOVE_EXTRAS_PARAM]: options.removeExtras === true } });
  }
  const s = job === 'fullsync' ? { scriptId: SCRIPTS.fullSync.scriptId, deploymentId: SCRIPTS.fullSync.onDemand } : { scriptId: SCRIPTS.drain.scriptId, deploymentId: SCRIPTS.drain.onDemand };
  return task.create({ taskType: task.TaskType.MAP_REDUCE, ...s });
}

/** Submits one job (20 units). Never throws: the result says what happened. `jobs`: tracked(), when already read. */
export function submitJob(job: JobKind, options: { removeExtras?: boolean } = {}, now = Date.now(), jobs: Tracked = tracked()): { result: TriggerResult; errorName: string } {
  const known = jobs[job];
  // A second submit of a running deployment is refused with a generic code; what this page started is known.
  if (known && UNFINISHED.includes(String(statusOf(known.taskId)?.status ?? ''))) return { result: 'already_running', errorName: '' };
  const submitted = trySubmit(() => create(job, options).submit());
  if (submitted.taskId !== null) {
    jobs[job] = { taskId: submitted.taskId, at: now };
    try {
      store().put({ key: JOBS_KEY, value: JSON.stringify(jobs), ttl: DAY_S });
    } catch {
      // The job runs all the same; the page only cannot show its progress.
    }
  }
  return { result: submitted.result, errorName: submitted.errorName };
}

/** Progress of what this page submitted in the last day; `percent`: ask a running Map/Reduce (10 units each). */
export function jobProgress(jobs: Tracked = tracked(), percent = true): JobProgress[] {
  const out: JobProgress[] = [];
  for (const job of ['fullsync', 'reconcile', 'drain'] as const) {
    const known = jobs[job];
    if (!known) continue;
    const s = statusOf(known.taskId);
    if (!s) continue;
    const status = String(s.status);
    let stage: string | null = null;
    let done: number | null = null;
    if (status === 'PROCESSING' && percent) {
      stage = s.stage ? String(s.stage) : null;
      done = s.getPercentageCompleted(); // 10 units
    }
    out.push({ job, submittedAt: known.at, status, stage, percent: done });
  }
  return out;
}

/** What every job does now, from the state record and the page's own tasks (0 units more). */
export function activitiesNow(state: SyncState | null, syncEnabled: boolean | null, jobs: readonly JobProgress[], now: number): JobActivity[] {
  const control = netsuiteJobControl();
  return jobActivities({
    now,
    pushLease: state?.pushLease ?? null,
    drainQueuedAt: state?.drainQueuedAt ?? null,
    fullSync: state?.fullSync ?? null,
    fullSyncRequestedAt: state?.fullSyncRequestedAt ?? null,
    reconcileRun: state?.reconcileRun ?? null,
    lastReconcileAt: state?.lastReconcile?.at ?? null,
    sweepWatermark: state?.sweepWatermark ?? null,
    syncEnabled,
    pageTasks: jobs,
    taskState: (id) => control.taskState(id),
  });
}
