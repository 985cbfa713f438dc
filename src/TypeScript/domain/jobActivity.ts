/**
 * What each job is doing now, whoever started it, read from what the jobs leave on the state
 * record (no script-instance search: its columns are not confirmed). The full sync and the drain
 * say it with the push lease (running) and their queued marks; the reconcile with the run it
 * writes in getInputData; the sweep with its watermark. A mark left by a job that died is not
 * believed forever: past a bound, or once its task is known to have finished, it is "stale" and
 * the page says the job looks stopped (and a new start is allowed).
 *
 * The sweep leaves no start mark: it runs a few seconds every 15 minutes and cannot be started
 * from the page, so a mark (2 units a run) would almost never be seen. A sweep that stops running
 * shows all the same, as overdue, from the watermark each finished sweep writes.
 */
import { LEASE_TTL_MS, leaseLive, type PushLease, type TaskState } from './pushLease';
import { utcMinute } from './timeText';

export type ActivityJob = 'fullsync' | 'drain' | 'reconcile' | 'sweep';
export type Phase = 'running' | 'queued' | 'stale' | 'idle';

/** What a full sync leaves on the state record about how far it is (app/ports.ts FullSyncState adds its resume point). */
export interface FullSyncMark {
  startedAt: number;
  status: 'partial' | 'done';
  /** A sliced full sync (domain/fullSyncSlice.ts): records read through the last slice that landed, of about how many. */
  progress?: { read: number; about: number };
  /** The next slice was handed over (a later run continues by itself). */
  continues?: boolean;
  /** Why the last run stopped before its slice landed (reading NetSuite failed), in NetSuite's words. */
  error?: string;
  /** Parts (slices) landed so far. */
  parts?: number;
  /** When the last part's summarize ended. */
  endedAt?: number;
  /** The task id of the part this one handed over to (task.checkStatus tells whether it is still queued). */
  next?: string;
}

/** What a reconcile's getInputData leaves while it runs; its summarize clears it. */
export interface ReconcileRun {
  startedAt: number;
  /** Freshsuccess pages and NetSuite id ranges to compare, once planned. */
  pages?: number;
  ranges?: number;
}

/** A task the admin page submitted itself (task.checkStatus; percent of a running Map/Reduce). */
export interface PageTask {
  job: 'fullsync' | 'drain' | 'reconcile';
  submittedAt: number;
  status: string;
  /** The Map/Reduce stage, while it runs. */
  stage?: string | null;
  percent: number | null;
}

export interface ActivityInputs {
  now: number;
  pushLease?: PushLease | null;
  drainQueuedAt?: number | null;
  fullSync: FullSyncMark | null;
  fullSyncRequestedAt?: number | null;
  reconcileRun?: ReconcileRun | null;
  lastReconcileAt?: number | null;
  sweepWatermark: number | null;
  /** Whether the sweep runs at all (it does nothing while sync is switched off or unset). */
  syncEnabled: boolean | null;
  pageTasks: readonly PageTask[];
  /** task.checkStatus (0 units): for lease and hand-over task ids. */
  taskState: (taskId: string) => TaskState;
}

export interface JobActivity {
  job: ActivityJob;
  phase: Phase;
  /** When it started or was queued (running, queued, stale). */
  since: number | null;
  /** One sentence for the page. */
  text: string;
  /** Share of the whole job done, 0-100, when known (the full sync's records). */
  percent: number | null;
}

/** A drain queued longer than this has not been taken by a processor: the drain trigger's mark bound. */
export const DRAIN_QUEUED_TTL_MS = 10 * 60_000;
/** A full sync asked for (standing back for a drain, or a part handed over) and not started by then looks lost. */
export const FULLSYNC_QUEUED_TTL_MS = LEASE_TTL_MS.fullsync;
/** A reconcile without a result after this long has died (a million records take far less). */
export const RECONCILE_TTL_MS = 6 * 3600_000;
/** The sweep runs every 15 minutes: three missed runs mean it does not run. */
export const SWEEP_OVERDUE_MS = 45 * 60_000;

export const JOB_NAME: Record<ActivityJob, string> = { fullsync: 'Full sync', drain: 'Drain (push queued changes)', reconcile: 'Reconcile', sweep: 'Sweep (changes saves did not capture)' };

/** A moment as the page writes it (domain/timeText.ts). */
export const when = utcMinute;

function pageTask(i: ActivityInputs, job: PageTask['job']): PageTask | null {
  return i.pageTasks.find((t) => t.job === job) ?? null;
}

const UNFINISHED = ['PENDING', 'PROCESSING'];

/** "Part 2 of about 3", from the parts landed and the records per part so far. */
function partsText(fs: FullSyncMark, part: number): string {
  const landed = fs.parts ?? 0;
  if (!fs.progress || landed === 0 || fs.progress.read === 0) return `part ${part}`;
  const estimate = Math.max(part, Math.ceil(fs.progress.about / (fs.progress.read / landed)));
  return `part ${part} of about ${estimate}`;
}

function recordsDone(fs: FullSyncMark | null): { text: string; percent: number | null } {
  if (!fs?.progress || fs.progress.about <= 0) return { text: '', percent: null };
  const percent = Math.min(100, Math.floor((fs.progress.read * 100) / fs.progress.about));
  return { text: `${fs.progress.read} of about ${fs.progress.about} records done (${percent} %)`, percent };
}

/** NetSuite's own figures for a run this page started: "; this part: stage MAP, 37 % done". */
function ownPercent(t: PageTask | null, what: string): string {
  if (!t || t.status !== 'PROCESSING' || (t.percent === null && !t.stage)) return '';
  const figures = [t.stage ? `stage ${t.stage}` : '', t.percent !== null ? `${Math.round(t.percent)} % done` : ''].filter(Boolean).join(', ');
  return `; ${what}: ${figures}`;
}

export function fullSyncActivity(i: ActivityInputs): JobActivity {
  const base = { job: 'fullsync' as const };
  const fs = i.fullSync;
  const resuming = fs !== null && fs.status === 'partial';
  const part = resuming ? (fs.parts ?? 0) + 1 : 1;
  const done = resuming ? recordsDone(fs) : { text: '', percent: null };
  const lease = i.pushLease ?? null;
  const mine = pageTask(i, 'fullsync');
  if (lease?.holder === 'fullsync') {
    if (leaseLive(lease, i.now, i.taskState)) {
      const before = done.text ? `; ${done.text} before it` : '';
      return { ...base, phase: 'running', since: lease.since, percent: done.percent, text: `Full sync: running ${resuming ? partsText(fs, part) : 'part 1'} since ${when(lease.since)}${before}${ownPercent(mine, 'this part')}.` };
    }
    return { ...base, phase: 'stale', since: lease.since, percent: done.percent, text: `Full sync: the part started ${when(lease.since)} stopped without finishing (no word for over ${LEASE_TTL_MS.fullsync / 3600_000} hours, or its task ended). Start the full sync again to continue from where the last part landed.` };
  }
  const requested = i.fullSyncRequestedAt ?? null;
  if (requested !== null) {
    if (i.now - requested < FULLSYNC_QUEUED_TTL_MS) {
      return { ...base, phase: 'queued', since: requested, percent: done.percent, text: `Full sync: ${resuming ? partsText(fs, part) : 'part 1'} waiting since ${when(requested)} for the drain that is pushing or for a free processor; it starts by itself${done.text ? ` (${done.text})` : ''}.` };
    }
  }
  if (fs && resuming && fs.continues) {
    const at = fs.endedAt ?? fs.startedAt;
    const next = fs.next ? i.taskState(fs.next) : 'unknown';
    if (next !== 'finished' && i.now - at < FULLSYNC_QUEUED_TTL_MS) {
      return { ...base, phase: 'queued', since: at, percent: done.percent, text: `Full sync: ${partsText(fs, part)} waiting for a free processor (handed over ${when(at)}); ${done.text || 'part way'}.` };
    }
    return { ...base, phase: 'stale', since: at, percent: done.percent, text: `Full sync: the next part was handed over ${when(at)} and has not run; ${done.text || 'part way'}. Start the full sync again to continue from there.` };
  }
  if (mine && UNFINISHED.includes(mine.status)) {
    return { ...base, phase: mine.status === 'PENDING' ? 'queued' : 'running', since: mine.submittedAt, percent: null, text: `Full sync: ${mine.status === 'PENDING' ? 'waiting for a free processor' : 'starting'} (submitted ${when(mine.submittedAt)}).` };
  }
  if (!fs) return { ...base, phase: 'idle', since: null, percent: null, text: 'Full sync: not running; none has run yet.' };
  if (fs.status === 'done') {
    const all = fs.progress ? ` (${fs.progress.read} records in ${fs.parts ?? 1} part(s), 100 %)` : ' (100 %)';
    return { ...base, phase: 'idle', since: null, percent: fs.progress ? 100 : null, text: `Full sync: not running; the last one finished ${when(fs.endedAt ?? fs.startedAt)}${all}.` };
  }
  return { ...base, phase: 'idle', since: null, percent: done.percent, text: `Full sync: not running; the last one stopped part way${done.text ? ` (${done.text})` : ''}. Start it again to continue from there.` };
}

export function drainActivity(i: ActivityInputs): JobActivity {
  const base = { job: 'drain' as const, percent: null };
  const lease = i.pushLease ?? null;
  if (lease?.holder === 'drain') {
    if (leaseLive(lease, i.now, i.taskState)) return { ...base, phase: 'running', since: lease.since, text: `Drain: pushing queued changes since ${when(lease.since)}.` };
    return { ...base, phase: 'stale', since: lease.since, text: `Drain: the run started ${when(lease.since)} stopped without finishing (no word for over an hour); the next drain takes over and nothing queued is lost.` };
  }
  const queued = i.drainQueuedAt ?? null;
  if (queued !== null && i.now - queued < DRAIN_QUEUED_TTL_MS) return { ...base, phase: 'queued', since: queued, text: `Drain: queued since ${when(queued)}, waiting for a free processor.` };
  const mine = pageTask(i, 'drain');
  if (mine && UNFINISHED.includes(mine.status)) return { ...base, phase: 'queued', since: mine.submittedAt, text: `Drain: ${mine.status === 'PENDING' ? 'waiting for a free processor' : 'reading the queue'} (submitted ${when(mine.submittedAt)}).` };
  if (queued !== null && i.now - queued < LEASE_TTL_MS.drain) return { ...base, phase: 'stale', since: queued, text: `Drain: queued ${when(queued)} and not started since; the scheduled drain (every 15 minutes) pushes the queue, nothing is lost.` };
  return { ...base, phase: 'idle', since: null, text: 'Drain: not running.' };
}

export function reconcileActivity(i: ActivityInputs): JobActivity {
  const base = { job: 'reconcile' as const, percent: null };
  const run = i.reconcileRun ?? null;
  const mine = pageTask(i, 'reconcile');
  if (run) {
    // Only time tells a dead run: the run cannot know its task id, and the page's own task may be an older one.
    if (i.now - run.startedAt < RECONCILE_TTL_MS) {
      const work = run.pages === undefined ? 'finding the Freshsuccess pages to compare' : `comparing ${run.pages} Freshsuccess page(s) and ${run.ranges ?? 0} NetSuite id range(s)`;
      return { ...base, phase: 'running', since: run.startedAt, text: `Reconcile: running since ${when(run.startedAt)}, ${work}${ownPercent(mine, 'now')}.` };
    }
    return { ...base, phase: 'stale', since: run.startedAt, text: `Reconcile: the run started ${when(run.startedAt)} has no result after ${RECONCILE_TTL_MS / 3600_000} hours: it stopped (its script's execution log says why). Start it again.` };
  }
  if (mine && UNFINISHED.includes(mine.status)) return { ...base, phase: mine.status === 'PENDING' ? 'queued' : 'running', since: mine.submittedAt, text: `Reconcile: ${mine.status === 'PENDING' ? 'waiting for a free processor' : 'starting'} (submitted ${when(mine.submittedAt)}).` };
  const last = i.lastReconcileAt ?? null;
  return { ...base, phase: 'idle', since: null, text: last === null ? 'Reconcile: not running; none has run yet.' : `Reconcile: not running; the last one ended ${when(last)} (its result is under Status and errors).` };
}

export function sweepActivity(i: ActivityInputs): JobActivity {
  const base = { job: 'sweep' as const, percent: null, since: null };
  if (i.syncEnabled !== true) return { ...base, phase: 'idle', text: 'Sweep: idle while sync is switched off or not set up.' };
  const last = i.sweepWatermark;
  if (last === null) return { ...base, phase: 'idle', text: 'Sweep: has not run yet (it runs every 15 minutes).' };
  if (i.now - last > SWEEP_OVERDUE_MS) {
    return { ...base, phase: 'stale', since: last, text: `Sweep: last ran ${when(last)}, over ${SWEEP_OVERDUE_MS / 60_000} minutes ago, though it runs every 15 minutes. Check that its deployment is scheduled and released; its execution log says why it stops.` };
  }
  return { ...base, phase: 'idle', text: `Sweep: last ran ${when(last)} (every 15 minutes).` };
}

/** Every job, in the page's order. */
export function jobActivities(i: ActivityInputs): JobActivity[] {
  return [fullSyncActivity(i), drainActivity(i), reconcileActivity(i), sweepActivity(i)];
}

/** Whether something moves, so the page refreshes its progress by itself. */
export function somethingRuns(activities: readonly JobActivity[]): boolean {
  return activities.some((a) => a.phase === 'running' || a.phase === 'queued');
}

/** A start of a job that runs or is queued is refused: what runs, since when. Null: it may start. */
export function busyRefusal(a: JobActivity): string | null {
  if (a.phase !== 'running' && a.phase !== 'queued') return null;
  const what = a.phase === 'running' ? 'already running' : 'already queued';
  return `${JOB_NAME[a.job]} is ${what} (since ${when(a.since)}), so it was not started again and nothing was submitted. ${a.text} Its progress shows under Sync control.`;
}
