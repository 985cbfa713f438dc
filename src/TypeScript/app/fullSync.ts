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
import { planBatches } from '../domain/plan';
import { takeLease } from '../domain/pushLease';
import type { ContactSnapshot, CustomerSnapshot } from '../domain/types';
import { decodeBatchKey } from '../domain/workBatch';
import { liveLease } from './leaseCoordination';
import { countNotes, noteEntries, planReport, warningEntries } from './notes';
import { pauseHolds } from './pause';
import type { Clock, DrainTrigger, FullSyncState, Logger, RunStats, StateStore } from './ports';
import type { StageSummary } from './pushStages';
import { tasksOf, type PlanDeps, type PushTask } from './pushTasks';
import { foldRunStats } from './runStats';

export interface FullSyncPlan {
  /** waiting: a drain is pushing; this run stood back and the next drain or the safety net starts it again. */
  status: 'not_configured' | 'disabled' | 'misconfigured' | 'paused' | 'planned' | 'waiting';
  runId: string;
  tasks: Record<string, PushTask>;
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

export function planFullSync(deps: PlanDeps): FullSyncPlan {
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
  deps.state.update({ pushLease: takeLease('fullsync', now, lease?.holder === 'fullsync' ? lease.taskId : undefined), fullSyncRequestedAt: null });
  const resume = state.fullSync && state.fullSync.status !== 'done' ? state.fullSync : null;

  const customers: CustomerSnapshot[] = [];
  if (!resume?.customersDone) deps.snapshots.eachCustomerPage(config, resume?.customerAfter ?? null, (page) => customers.push(...page));
  const contacts: ContactSnapshot[] = [];
  if (config.scope.syncContacts && !resume?.contactsDone) deps.snapshots.eachContactPage(config, resume?.contactAfter ?? null, (page) => contacts.push(...page));

  // A saved-search scope applies to contacts through their company: the customers read above
  // (with it) are those it keeps; a resumed run that read none reads their ids again.
  let companiesInScope: Set<string> | undefined;
  if (config.scope.savedSearchId && contacts.length > 0) {
    companiesInScope = new Set(customers.map((c) => c.keys.id));
    if (resume?.customersDone) deps.snapshots.eachCustomerPage(config, null, (page) => page.forEach((c) => companiesInScope?.add(c.keys.id)));
  }
  const plan = planBatches({
    runId, config, now, planMax: 0, companiesInScope,
    customers: customers.map((s) => ({ item: item('customer', s.keys.id), snapshot: s })),
    contacts: contacts.map((s) => ({ item: item('contact', s.id), snapshot: s })),
  });
  const reported = [...noteEntries(plan.notes, now, runId), ...warningEntries(plan.warnings, now, runId)];
  // Same run, same resume point, same origin: a re-run after a restart does not report twice.
  const origin = `fullsync-notes:${resume?.runId ?? 'start'}:${state.fullSync?.runId ?? ''}`;
  if (reported.length > 0 && !(deps.restarted && deps.outbox.hasOrigin(origin))) deps.outbox.append(reported, origin);
  if (plan.warnings.length > 0) deps.log.audit('Full sync: mapping warnings', plan.warnings.slice(0, 50).map((w) => `${w.recordId}: ${w.message}`).join('\n'));
  const n = countNotes(plan.notes);
  if (n.dead + n.skipped > 0) deps.log.audit('Full sync: records not sent', `${n.dead} invalid (dead letters), ${n.skipped} skipped (see the outbox)`);
  const tasks = tasksOf(plan.batches, config, planReport(plan.notes, plan.warnings));
  // Nothing to push: no summarize write will follow, so the lease is released here.
  if (plan.batches.length === 0) deps.state.update({ pushLease: null });
  return { status: 'planned', runId, tasks, customers: customers.length, contacts: contacts.length };
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
}

export function finishFullSync(summary: FullSyncSummary, deps: FinishFullSyncDeps): { state: FullSyncState; stats: RunStats } {
  const { stats } = foldRunStats('fullsync', deps.clock.now(), summary);
  // Resume each type just below its lowest crashed batch; batches are id-ordered within a
  // hierarchy level, so a resumed run may re-send some records (harmless upserts).
  const resumeAfter = (letter: 'A' | 'C'): string | null => {
    const mins = summary.failedKeys.map(decodeBatchKey).filter((k) => k !== null && k.letter === letter).map((k) => (k as { minPending: number }).minPending);
    return mins.length === 0 ? null : String(Math.max(0, Math.min(...mins) - 1));
  };
  const customerAfter = resumeAfter('A');
  const contactAfter = resumeAfter('C');
  const partial = customerAfter !== null || contactAfter !== null;
  const before = partial ? summary.previous() : null;
  const prev = before && before.status === 'partial' ? before : null;
  const fullSync: FullSyncState = {
    runId: summary.runId,
    startedAt: summary.startedAt,
    customerAfter: customerAfter ?? prev?.customerAfter ?? null,
    contactAfter: contactAfter ?? prev?.contactAfter ?? null,
    customersDone: customerAfter === null,
    contactsDone: contactAfter === null,
    status: partial ? 'partial' : 'done',
  };
  deps.state.update({ fullSync, lastRun: stats, pushLease: null });
  if (partial) deps.log.error('Full sync incomplete: run it again to resume', summary.failedKeys.join('\n'));
  // Records that failed transiently wait as retry entries: let the drain pick them up.
  if (stats.retried > 0) deps.trigger.submit();
  return { state: fullSync, stats };
}
