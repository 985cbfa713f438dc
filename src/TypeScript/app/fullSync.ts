/**
 * Full sync: every in-scope customer and contact through the same planning and push path as the
 * drain. Resumable: the state record keeps, per record type, the internal id after which a new
 * run continues; a run only moves it when every batch of that type finished.
 *
 * Cost: one search per record type read with each() (SnapshotReader.eachCustomerPage), one POST
 * per batch (up to the batch size setting, DEFAULT_BATCH by default), plus a fixed part per run
 * (settings, lease, summarize's one write); the ports state each step's units. Invocations: one
 * map per account batch; contacts one map (write-through) + one reduce.
 */
import { workItem, type WorkItem } from '../domain/coalesce';
import type { SyncConfig } from '../domain/config';
import { DEFAULT_SLICE, encodeSliceMark, sliceMarkOf, type SliceLimits, type SliceMark, type TypeCursor } from '../domain/fullSyncSlice';
import { planBatches, type PlanNote, type PlanWarning } from '../domain/plan';
import { utf8Length } from '../domain/batching';
import { takeLease } from '../domain/pushLease';
import type { ContactSnapshot, CustomerSnapshot } from '../domain/types';
import { decodeBatchKey } from '../domain/workBatch';
import { liveLease } from './leaseCoordination';
import { countNotes, noteEntries, planReport, warningEntries } from './notes';
import { pauseHolds } from './pause';
import type { Clock, DrainTrigger, FullSyncState, JobControl, Logger, RunStats, StateStore } from './ports';
import { stageInput, type StageSummary } from './pushStages';
import { tasksOf, type PlanDeps, type PushTask } from './pushTasks';
import { foldPushPending, foldRunStats, frozenCompaniesAfter, pushActivityAfter, stateOnce } from './runStats';

export interface FullSyncPlan {
  /** waiting: a drain is pushing; this run stood back and the next drain or the safety net starts it again. */
  status: 'not_configured' | 'disabled' | 'misconfigured' | 'paused' | 'planned' | 'waiting';
  runId: string;
  tasks: Record<string, PushTask>;
  /** The tasks as getInputData returns them (JSON values), when planning already wrote them to size the slice. */
  input?: Record<string, string>;
  customers: number;
  contacts: number;
}

/**
 * A full-sync item. Its "pending id" is the record's internal id: batch keys then carry the lowest
 * internal id of each batch, which is where a crashed batch's type resumes.
 */
function item(kind: 'customer' | 'contact', id: string): WorkItem {
  return workItem(kind, id, { pendingIds: [Number(id)] });
}

/** What one slice read: records in id order, and whether each type was read to its end. */
interface SliceRead {
  customers: CustomerSnapshot[];
  contacts: ContactSnapshot[];
  customersDone: boolean;
  contactsDone: boolean;
}

/** Pushes a page without spreading it into a call (a spread of 100,000 rows overflows the stack). */
function appendAll<T>(into: T[], page: readonly T[]): void {
  for (const row of page) into.push(row);
}

/** Up to `max` rows of one record type, page by page; `done` when the type was read to its end. */
function readUpTo<T>(each: (visit: (page: T[]) => boolean) => void, max: number): { rows: T[]; done: boolean } {
  const rows: T[] = [];
  let stopped = false;
  each((page) => {
    appendAll(rows, page);
    stopped = rows.length >= max;
    return !stopped;
  });
  if (rows.length > max) rows.length = max;
  return { rows, done: !stopped };
}

/** Reads up to `max` records after the resume point: customers first, contacts with the room left. */
function readSlice(deps: PlanDeps, config: SyncConfig, resume: FullSyncState | null, max: number): SliceRead {
  const read: SliceRead = { customers: [], contacts: [], customersDone: resume?.customersDone ?? false, contactsDone: resume?.contactsDone ?? false };
  if (!read.customersDone) {
    const r = readUpTo<CustomerSnapshot>((visit) => deps.snapshots.eachCustomerPage(config, resume?.customerAfter ?? null, visit), max);
    read.customers = r.rows;
    read.customersDone = r.done;
  }
  if (!config.scope.syncContacts) read.contactsDone = true;
  const room = max - read.customers.length;
  if (read.customersDone && !read.contactsDone && room > 0) {
    const r = readUpTo<ContactSnapshot>((visit) => deps.snapshots.eachContactPage(config, resume?.contactAfter ?? null, visit), room);
    read.contacts = r.rows;
    read.contactsDone = r.done;
  }
  return read;
}

/** Keeps the first `keep` records of a slice (customers first): the rest waits for the next slice. */
function cutSlice(read: SliceRead, keep: number): SliceRead {
  if (keep < read.customers.length) return { customers: read.customers.slice(0, keep), contacts: [], customersDone: false, contactsDone: read.contactsDone && read.contacts.length === 0 };
  if (keep < read.customers.length + read.contacts.length) return { ...read, contacts: read.contacts.slice(0, keep - read.customers.length), contactsDone: false };
  return read;
}

interface PlannedSlice {
  tasks: Record<string, PushTask>;
  /** The tasks as stage data (stageInput). */
  input: Record<string, string>;
  notes: readonly PlanNote[];
  warnings: readonly PlanWarning[];
  bytes: number;
}

export function planFullSync(deps: PlanDeps, slice: SliceLimits = DEFAULT_SLICE): FullSyncPlan {
  const now = deps.clock.now();
  const runId = `fullsync-${now}`;
  const none = (status: FullSyncPlan['status']): FullSyncPlan => ({ status, runId, tasks: {}, customers: 0, contacts: 0 });
  const loaded = deps.config.load();
  if (!loaded) return none('not_configured');
  const { config, problems } = loaded;
  if (!config.enabled) return none('disabled');
  if (problems.length > 0 || !config.secret) return none('misconfigured');
  const state = deps.state.read();
  if (pauseHolds(state.pausedAt, config)) return none('paused');
  // One bulk request at a time per endpoint: a drain pushing holds the lease. Stand back and
  // leave a request (2 units): the next drain, or the safety net within 15 minutes, starts the
  // full sync again once the drain is done. Otherwise take the lease before the long reads
  // (2 units), keeping the task id when the engine started this run on a request.
  const lease = liveLease(state, now, deps.jobs);
  if (lease?.holder === 'drain') {
    deps.state.update({ fullSyncRequestedAt: now });
    deps.log.audit('FreshSync full sync waits: the drain is pushing', 'It starts again when the drain is done (at the latest with the 15-minute safety net).');
    return none('waiting');
  }
  deps.state.update({ pushLease: takeLease('fullsync', now, lease?.holder === 'fullsync' ? lease.taskId : undefined), fullSyncRequestedAt: null, ...foldPushPending(state) });
  const resume = state.fullSync && state.fullSync.status !== 'done' ? state.fullSync : null;

  let read = readSlice(deps, config, resume, slice.maxRecords);
  // A saved-search scope applies to contacts through their company: all the customers it keeps,
  // which this slice read only when it read every customer from the start.
  let companiesInScope: Set<string> | undefined;
  if (config.scope.savedSearchId && read.contacts.length > 0) {
    companiesInScope = new Set<string>();
    const all = companiesInScope;
    if (!resume) read.customers.forEach((c) => all.add(c.keys.id));
    else deps.snapshots.eachCustomerPage(config, null, (page) => page.forEach((c) => all.add(c.keys.id)));
  }
  const planSlice = (r: SliceRead): PlannedSlice => {
    const plan = planBatches({
      runId, config, now, planMax: 0, companiesInScope,
      customers: r.customers.map((s) => ({ item: item('customer', s.keys.id), snapshot: s })),
      contacts: r.contacts.map((s) => ({ item: item('contact', s.id), snapshot: s })),
    });
    const tasks = tasksOf(plan.batches, config, planReport(plan.notes, plan.warnings));
    // Written once: the same JSON sizes the slice and becomes the stage data.
    const input = stageInput(tasks);
    return { tasks, input, notes: plan.notes, warnings: plan.warnings, bytes: stageBytes(input) };
  };
  let planned = planSlice(read);
  // Past the stage-data bound, keep a share of the slice that fits (with a tenth to spare) and plan again.
  for (let records = read.customers.length + read.contacts.length; planned.bytes > slice.maxStageBytes && records > 1; records = read.customers.length + read.contacts.length) {
    read = cutSlice(read, Math.max(1, Math.floor((records * slice.maxStageBytes * 0.9) / planned.bytes)));
    planned = planSlice(read);
  }

  const reported = [...noteEntries(planned.notes, now, runId), ...warningEntries(planned.warnings, now, runId)];
  // Same run, same resume point, same origin: a re-run after a restart does not report twice.
  const origin = `fullsync-notes:${resume?.runId ?? 'start'}:${state.fullSync?.runId ?? ''}:${resume?.customerAfter ?? ''}:${resume?.contactAfter ?? ''}`;
  if (reported.length > 0 && !(deps.restarted && deps.outbox.hasOrigin(origin))) deps.outbox.append(reported, origin);
  if (planned.warnings.length > 0) deps.log.audit('Full sync: mapping warnings', planned.warnings.slice(0, 50).map((w) => `${w.recordId}: ${w.message}`).join('\n'));
  const n = countNotes(planned.notes);
  if (n.dead + n.skipped > 0) deps.log.audit('Full sync: records not sent', `${n.dead} invalid (dead letters), ${n.skipped} skipped (see the outbox)`);

  // A full sync that continues or will continue carries its slice to summarize on a mark key;
  // one that reads everything in one run needs none (and pays nothing for it).
  const tasks = planned.tasks;
  const sliced = resume !== null || !read.customersDone || !read.contactsDone;
  if (sliced) {
    const before = resume?.progress?.read ?? 0;
    const records = read.customers.length + read.contacts.length;
    const lastId = (rows: readonly { id: string }[], from: string | null | undefined): number => Number(rows.length > 0 ? rows[rows.length - 1]!.id : (from ?? 0));
    const about = resume?.progress?.about ?? aboutCount(deps, config, before + records);
    const mark: SliceMark = {
      customers: read.customersDone ? 'done' : lastId(read.customers.map((c) => ({ id: c.keys.id })), resume?.customerAfter),
      contacts: read.contactsDone ? 'done' : lastId(read.contacts, resume?.contactAfter),
      before,
      read: records,
      about,
      part: (resume?.parts ?? 0) + 1,
    };
    const markKey = encodeSliceMark(mark);
    tasks[markKey] = { batch: null, config };
    planned.input[markKey] = JSON.stringify(tasks[markKey]);
  }
  // Nothing for summarize to see: no summarize write will follow, so the lease is released here.
  if (Object.keys(tasks).length === 0) deps.state.update({ pushLease: null });
  return { status: 'planned', runId, tasks, input: planned.input, customers: read.customers.length, contacts: read.contacts.length };
}

/** About how many records the whole full sync covers: counted once, when it first needs more than one run (10 units). */
function aboutCount(deps: PlanDeps, config: SyncConfig, atLeast: number): number {
  const c = deps.snapshots.countInScope(config);
  return Math.max(atLeast, c.customers + c.contacts);
}

/** The stage data getInputData returns (keys and JSON values), in UTF-8 bytes as NetSuite counts it. */
function stageBytes(input: Record<string, string>): number {
  let n = 0;
  for (const [key, value] of Object.entries(input)) n += utf8Length(key) + utf8Length(value);
  return n;
}

export interface FullSyncSummary extends StageSummary {
  runId: string;
  startedAt: number;
  /** The state the run started from; read only when the run is partial (saves a read otherwise). */
  previous: () => FullSyncState | null;
}

export interface FinishFullSyncDeps {
  state: StateStore;
  trigger: DrainTrigger;
  clock: Clock;
  log: Logger;
  /** Hands a sliced full sync over to its next run (optional: without it the safety net starts it). */
  jobs?: JobControl;
}

/** Where a record type stands after the run: a crashed batch wins (resume just below it), then the slice's end. */
function typeAfter(failedAfter: string | null, sliceEnd: TypeCursor | undefined, previous: () => { after: string | null; done: boolean } | null): { after: string | null; done: boolean } {
  if (failedAfter !== null) return { after: failedAfter, done: false };
  if (sliceEnd === undefined) return { after: null, done: true };
  if (sliceEnd === 'done') return { after: null, done: true };
  return sliceEnd === 0 ? { after: previous()?.after ?? null, done: false } : { after: String(sliceEnd), done: false };
}

export function finishFullSync(summary: FullSyncSummary, deps: FinishFullSyncDeps): { state: FullSyncState; stats: RunStats } {
  const now = deps.clock.now();
  const { stats, paused } = foldRunStats('fullsync', now, summary);
  // Resume each type just below its lowest crashed batch; batches are id-ordered within a
  // hierarchy level, so a resumed run may re-send some records (harmless upserts).
  const resumeAfter = (letter: 'A' | 'C'): string | null => {
    const mins = summary.failedKeys.map(decodeBatchKey).filter((k) => k !== null && k.letter === letter).map((k) => (k as { minPending: number }).minPending);
    return mins.length === 0 ? null : String(Math.max(0, Math.min(...mins) - 1));
  };
  const mark = sliceMarkOf(summary.keys);
  let before: FullSyncState | null | undefined;
  const prev = (): FullSyncState | null => {
    if (before === undefined) before = summary.previous();
    return before && before.status === 'partial' ? before : null;
  };
  const customers = typeAfter(resumeAfter('A'), mark?.customers, () => (prev() ? { after: prev()!.customerAfter, done: prev()!.customersDone } : null));
  const contacts = typeAfter(resumeAfter('C'), mark?.contacts, () => (prev() ? { after: prev()!.contactAfter, done: prev()!.contactsDone } : null));
  // Without a mark (one run read everything) a crash leaves the other type where it was.
  if (!mark && resumeAfter('A') === null && resumeAfter('C') !== null && prev() && !prev()!.customersDone) Object.assign(customers, { after: prev()!.customerAfter, done: false });
  if (!mark && resumeAfter('C') === null && resumeAfter('A') !== null && prev() && !prev()!.contactsDone) Object.assign(contacts, { after: prev()!.contactAfter, done: false });
  const partial = !customers.done || !contacts.done;
  const failed = summary.failedKeys.length > 0;
  const fullSync: FullSyncState = {
    runId: summary.runId,
    startedAt: summary.startedAt,
    customerAfter: customers.after,
    contactAfter: contacts.after,
    customersDone: customers.done,
    contactsDone: contacts.done,
    status: partial ? 'partial' : 'done',
  };
  // A crashed slice counts as not read: its records are read again when the full sync resumes.
  if (mark) fullSync.progress = { read: mark.before + (failed ? 0 : mark.read), about: mark.about };
  if (mark?.part !== undefined) fullSync.parts = failed ? mark.part - 1 : mark.part;
  fullSync.endedAt = now;
  // The next slice: a run that landed its slice hands over to the next one on its own deployment
  // (NetSuite queues a Map/Reduce's submission of itself until the current instance completes).
  // A refused hand-over leaves a request that the next drain or the safety net starts. A failed or
  // paused run stops the chain; starting a full sync again continues from the resume point.
  let requested = false;
  if (partial && mark && !failed && !paused) {
    fullSync.continues = true;
    const next = deps.jobs ? deps.jobs.submitFullSync() : { result: 'refused', taskId: null };
    requested = next.result !== 'submitted' && next.result !== 'already_running';
    // The admin page asks this task whether the next part is still queued (task.checkStatus, 0 units).
    if (next.taskId) fullSync.next = next.taskId;
    deps.log.audit('FreshSync full sync continues', `${fullSync.progress?.read ?? 0} of about ${fullSync.progress?.about ?? 0} records read; next run ${requested ? 'requested (the safety net starts it)' : 'submitted'}`);
  }
  const current = stateOnce(deps.state);
  deps.state.update({ fullSync, lastRun: stats, pushLease: null, ...(requested ? { fullSyncRequestedAt: now } : {}), ...(stats.sent > 0 ? { lastSentAt: now } : {}), ...frozenCompaniesAfter(summary, current), ...pushActivityAfter(stats) });
  if (partial && !fullSync.continues) deps.log.error('Full sync incomplete: run it again to resume', summary.failedKeys.join('\n'));
  // Records that failed transiently wait as retry entries: let the drain pick them up.
  if (stats.retried > 0) deps.trigger.submit();
  return { state: fullSync, stats };
}

/**
 * getInputData failed (reading NetSuite, or the plan): summarize sees no keys. The run's lease is
 * released so drains push again, and the resume point stays where the last slice landed; the
 * error is kept for the admin page. A lease held by a drain is left alone.
 */
export function fullSyncInputFailed(error: string, runId: string, startedAt: number, deps: FinishFullSyncDeps): FullSyncState {
  const state = deps.state.read();
  const prev = state.fullSync && state.fullSync.status === 'partial' ? state.fullSync : null;
  const fullSync: FullSyncState = {
    ...(prev ?? { customerAfter: null, contactAfter: null, customersDone: false, contactsDone: false }),
    runId: prev?.runId ?? runId,
    startedAt: prev?.startedAt ?? startedAt,
    status: 'partial',
    continues: false,
    error: error.slice(0, 500),
  };
  // The part this one was handed over to has run (and failed): nothing waits any more.
  delete fullSync.next;
  const ours = state.pushLease?.holder === 'fullsync';
  deps.state.update({ fullSync, ...(ours ? { pushLease: null } : {}) });
  deps.log.error('Full sync stopped: reading NetSuite failed; start it again to continue', error);
  return fullSync;
}
