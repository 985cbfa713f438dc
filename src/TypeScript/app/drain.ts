/**
 * The drain, in three steps matching the Map/Reduce stages:
 *  planDrain (getInputData) — read due entries with one paged search, coalesce per record, read
 *    current state with one search per record type, plan batches (one map key per batch);
 *  pushBatch (map: accounts; reduce: contacts — the shuffle is a barrier, so accounts land first);
 *  finishDrain (summarize) — advance the cursor, record stats, submit a follow-up run while
 *    entries remain (to the other on-demand deployment: one cannot re-submit itself).
 *
 * Budget for 1,000 changed records (platform doc §1 units): planning ≈ config 1 + state 1 +
 * outbox 5 + 5 + one search per record type 10 each; one POST per 1,000 records 10; summarize
 * state write 2 (which also clears the queued mark) + count 5. No write per outbox entry: an append-only outbox and a cursor.
 *
 * Race: an entry with a lower id may commit after the cursor moved past it (ids are allocated
 * before commit). It is not lost: the sweep re-enqueues records modified since its watermark.
 */
import { coalesce, type WorkItem } from '../domain/coalesce';
import type { SyncConfig } from '../domain/config';
import { planBatches } from '../domain/plan';
import { customerInScope } from '../domain/scope';
import type { CustomerSnapshot, NewOutboxEntry } from '../domain/types';
import { companiesWaiting, deferContacts, type Deferral } from '../domain/waiting';
import { decodeBatchKey, encodeBatchKey, type WorkBatch } from '../domain/workBatch';
import { parkFailed } from './failedBatches';
import { countNotes, noteEntries } from './notes';
import { leaseLive, takeLease, type PushLease, type TaskState } from '../domain/pushLease';
import type { Clock, ConfigStore, DrainTrigger, JobControl, Logger, OutboxStore, RunStats, SnapshotReader, StateStore, SyncState } from './ports';
import type { BatchResult } from './pushBatch';

/** What travels from getInputData to map: the batch and the config it was planned with. */
export interface DrainTask {
  batch: WorkBatch | null;
  config: SyncConfig;
  /**
   * Account batches only: for each company, the contact batches holding its contacts. When the
   * company fails here, map tells those batches (through the shuffle) to hold the contacts back.
   */
  dependents?: Record<string, string[]>;
}

/** What an account batch that failed tells a contact batch, as a second value of its key. */
export interface WaitNotice {
  waitFor: Record<string, number>;
}

/** One task per batch, account batches knowing which contact batches depend on their companies. */
export function tasksOf(batches: readonly WorkBatch[], config: SyncConfig): Record<string, DrainTask> {
  const tasks: Record<string, DrainTask> = {};
  const batchOfCompany = new Map<string, string>();
  for (const b of batches) {
    tasks[b.key] = { batch: b, config };
    if (b.kind === 'accounts') for (const op of b.ops) batchOfCompany.set(op.recordId, b.key);
  }
  for (const b of batches) {
    if (b.kind !== 'contacts') continue;
    for (const op of b.ops) {
      const accountKey = op.companyId === null ? undefined : batchOfCompany.get(op.companyId);
      const task = accountKey ? tasks[accountKey] : undefined;
      if (!task || op.companyId === null) continue;
      const dependents = (task.dependents = task.dependents ?? {});
      const keys = (dependents[op.companyId] = dependents[op.companyId] ?? []);
      if (!keys.includes(b.key)) keys.push(b.key);
    }
  }
  return tasks;
}

/** Deferred contacts as one RETRY entry, due when their companies are. */
export function waitingEntry(deferral: Deferral, now: number, source: string): NewOutboxEntry {
  const tombstones: NewOutboxEntry['tombstones'] = {};
  const previousCompanies: NewOutboxEntry['previousCompanies'] = {};
  const previousKeys: Record<string, string> = {};
  let attempt = 0;
  for (const item of deferral.items) {
    if (item.tombstone) tombstones[item.recordId] = item.tombstone;
    const prev = item.previousAccountIds[0];
    if (prev) previousCompanies[item.recordId] = prev;
    const oldKey = item.previousKeys?.[item.previousKeys.length - 1];
    if (oldKey) previousKeys[item.recordId] = oldKey;
    attempt = Math.max(attempt, item.attempt);
  }
  return {
    kind: 'contact', recordIds: deferral.items.map((i) => i.recordId), event: 'update', changedFields: [], capturedAt: now, source,
    attempt, notBefore: deferral.notBefore, status: 'RETRY', lastError: 'Waiting for its company, whose push is being retried', hint: '', tombstones, previousCompanies, previousKeys,
  };
}

export type DrainStatus = 'not_configured' | 'disabled' | 'misconfigured' | 'paused' | 'idle' | 'planned' | 'deferred';

/** The live lease on the state record, if any (task states from checkStatus when it names a task). */
export function liveLease(state: SyncState, now: number, jobs?: JobControl): PushLease | null {
  const lease = state.pushLease ?? null;
  const taskState = (id: string): TaskState => (jobs ? jobs.taskState(id) : 'unknown');
  return lease && leaseLive(lease, now, taskState) ? lease : null;
}

/**
 * A full sync stood back for a drain (fullSyncRequestedAt): start it now that no drain pushes, and
 * take the lease on its behalf with its task id, so a drain arriving meanwhile stands back. true
 * when the full sync is on its way (this run must not push).
 */
export function startRequestedFullSync(state: SyncState, now: number, deps: { state: StateStore; jobs?: JobControl; log: Logger }): boolean {
  if (state.fullSyncRequestedAt === null || state.fullSyncRequestedAt === undefined || !deps.jobs) return false;
  const started = deps.jobs.submitFullSync();
  if (started.result === 'submitted') {
    deps.state.update({ pushLease: takeLease('fullsync', now, started.taskId ?? undefined), fullSyncRequestedAt: null });
    deps.log.audit('FreshSync: starting the full sync that waited for the drain', started.taskId ?? '');
    return true;
  }
  return started.result === 'already_running';
}

export interface DrainPlan {
  status: DrainStatus;
  tasks: Record<string, DrainTask>;
  entriesRead: number;
  items: number;
  notes: { skipped: number; dead: number; ignored: number };
  warnings: string[];
}

/** What planning a run reads and writes: the drain's and the full sync's getInputData alike. */
export interface PlanDeps {
  /** getInputData re-run after a server restart: reports it already wrote are not written again. */
  restarted?: boolean;
  config: ConfigStore;
  state: StateStore;
  outbox: OutboxStore;
  snapshots: SnapshotReader;
  clock: Clock;
  log: Logger;
  /** Task states for the push lease and, in a drain, starting a full sync that waited (optional: without it, leases end at `until`). */
  jobs?: JobControl;
  /** The deployment running this drain (its lease names it; another deployment's live drain lease makes it stand back). */
  deployment?: string;
}

/** Customers pushed now whose scope fields changed, when the scope filters on them. */
function enteringScope(items: readonly WorkItem[], customers: ReadonlyMap<string, CustomerSnapshot>, config: SyncConfig): string[] {
  const filtered = config.scope.stages.length > 0 || config.scope.subsidiaries.length > 0;
  if (!filtered || !config.scope.syncContacts) return [];
  return items
    .filter((i) => i.kind === 'customer' && !i.deleted && i.changedFields.some((f) => f === 'stage' || f === 'subsidiary'))
    .filter((i) => {
      const c = customers.get(i.recordId);
      return c !== undefined && customerInScope(c, config.scope);
    })
    .map((i) => i.recordId);
}

/**
 * A pause set by a 401/403 holds until the config record changes after it (e.g. a new key).
 * NetSuite shows last-modified times to the minute, so a change in the pause's own minute counts
 * as after it: at worst one extra attempt, which pauses again if the key is still refused.
 */
export function pauseHolds(pausedAt: number | null, config: SyncConfig): boolean {
  if (pausedAt === null) return false;
  return config.lastModified === null || config.lastModified < Math.floor(pausedAt / 60_000) * 60_000;
}

export function planDrain(deps: PlanDeps): DrainPlan {
  const empty = (status: DrainStatus): DrainPlan => ({ status, tasks: {}, entriesRead: 0, items: 0, notes: { skipped: 0, dead: 0, ignored: 0 }, warnings: [] });
  const loaded = deps.config.load();
  if (!loaded) return empty('not_configured');
  const { config, problems } = loaded;
  if (!config.enabled) return empty('disabled');
  if (problems.length > 0 || !config.secret) {
    deps.log.error('FreshSync settings have problems: nothing is pushed until they are fixed', problems.map((p) => p.message).join('\n'));
    return empty('misconfigured');
  }
  const state = deps.state.read();
  // A run that pushes nothing clears the queued mark now (2, only when set): its summarize does
  // not write, and the mark would keep saves from submitting for nothing. Saves refused while
  // this run ends wait for the next one or the safety net, as they always did.
  const ending = (status: DrainStatus): DrainPlan => {
    if (state.drainQueuedAt) deps.state.update({ drainQueuedAt: null });
    return empty(status);
  };
  if (pauseHolds(state.pausedAt, config)) return ending('paused');
  if (state.pausedAt !== null) {
    deps.state.update({ pausedAt: null, pauseMessage: '' });
    deps.log.audit('Settings changed since Freshsuccess refused the key: pushing resumes', state.pauseMessage);
  }
  const now = deps.clock.now();
  // One bulk request at a time per endpoint: a full sync pushing holds the lease, and this drain
  // stands back without writing anything (its entries stay queued; the safety net or the next
  // save starts a drain after the full sync).
  const lease = liveLease(state, now, deps.jobs);
  if (lease?.holder === 'fullsync') {
    deps.log.audit('FreshSync drain waits: a full sync is pushing', `since ${new Date(lease.since).toISOString()}`);
    return empty('deferred');
  }
  // The other on-demand deployment's drain still pushing (a save started this one while the
  // queued mark was evicted): stand back; that drain's summarize counts these entries and
  // submits a follow-up run. A lease of this deployment is this run's own or a dead run's.
  if (lease?.holder === 'drain' && lease.deployment && deps.deployment && lease.deployment !== deps.deployment) {
    deps.log.audit('FreshSync drain waits: another drain run is pushing', `${lease.deployment} since ${new Date(lease.since).toISOString()}`);
    return empty('deferred');
  }
  if (startRequestedFullSync(state, now, deps)) return empty('deferred');
  const open = deps.outbox.readOpen(state.drainCursor);
  const entries = open.filter((e) => e.status !== 'RETRY' || (e.notBefore ?? 0) <= now);
  if (entries.length === 0) return ending('idle');
  // Taken as soon as there is work, before the slower snapshot searches, so a full sync starting
  // now sees it (2 units); summarize releases it in its one state write. A drain's own lease
  // left by a crashed or restarted run is simply taken again. No compare-and-set exists for
  // submitFields: two runs starting within the same moment could both push once ([open] risk, small).
  deps.state.update({ pushLease: takeLease('drain', now, undefined, deps.deployment) });
  let planMax = state.drainCursor;
  for (const e of entries) if (e.status === 'PENDING' && e.id > planMax) planMax = e.id;

  const items = coalesce(entries);
  const live = (kind: WorkItem['kind']) => items.filter((i) => i.kind === kind && !i.deleted).map((i) => i.recordId);
  const customerIds = live('customer');
  const contactIds = live('contact');
  const customers = new Map((customerIds.length > 0 ? deps.snapshots.customersByIds(customerIds, config) : []).map((s) => [s.keys.id, s]));
  const contacts = new Map((contactIds.length > 0 ? deps.snapshots.contactsByIds(contactIds, config) : []).map((s) => [s.id, s]));
  const runId = `drain-${now}`;
  // A company entering scope (stage or subsidiary changed) or re-keyed (its account_id changed)
  // brings its existing contacts along: they will not be saved again for this. A re-keyed
  // company's contacts leave its old account_id like a moved contact.
  const entering = enteringScope(items, customers, config);
  const oldKeys = new Map(items.filter((i) => i.kind === 'customer' && !i.deleted && (i.previousKeys ?? []).length > 0).map((i) => [i.recordId, i.previousKeys ?? []]));
  const bringing = [...new Set([...entering, ...oldKeys.keys()])];
  if (bringing.length > 0 && config.scope.syncContacts) {
    const byId = new Map(items.filter((i) => i.kind === 'contact').map((i) => [i.recordId, i]));
    for (const c of deps.snapshots.contactsOfCompanies(bringing, config)) {
      let item = byId.get(c.id);
      if (!item) {
        item = { kind: 'contact', recordId: c.id, deleted: false, tombstone: null, previousAccountIds: [], pendingIds: [], retryEntryIds: [], attempt: 0, changedFields: [] };
        items.push(item);
        contacts.set(c.id, c);
      }
      for (const old of oldKeys.get(c.company?.id ?? '') ?? []) if (!item.previousAccountIds.includes(old)) item.previousAccountIds.push(old);
    }
  }
  // Contacts of a company whose retry is not due yet wait for it (see domain/waiting.ts).
  const contactItems = deferContacts(
    items.filter((i) => i.kind === 'contact'),
    contacts,
    companiesWaiting(open, now),
    new Set(items.filter((i) => i.kind === 'customer').map((i) => i.recordId)),
  );
  const plan = planBatches({
    runId, config, now, planMax,
    customers: items.filter((i) => i.kind === 'customer').map((item) => ({ item, snapshot: customers.get(item.recordId) ?? null })),
    contacts: contactItems.now.map((item) => ({ item, snapshot: contacts.get(item.recordId) ?? null })),
  });

  const reported = noteEntries(plan.notes, now, runId);
  if (contactItems.deferred) reported.push(waitingEntry(contactItems.deferred, now, runId));
  // Keyed by the plan's last entry, which a re-run of the same plan shares (the clock does not).
  const origin = `drain-notes:${planMax}`;
  if (reported.length > 0 && !(deps.restarted && deps.outbox.hasOrigin(origin))) deps.outbox.append(reported, origin);
  // Retry entries whose records are no longer pushed (now dead, skipped or ignored) are done.
  const inBatches = new Set(plan.batches.flatMap((b) => b.retryEntryIds));
  const orphanRetries = [...new Set(items.flatMap((i) => i.retryEntryIds))].filter((id) => !inBatches.has(id));
  if (orphanRetries.length > 0) deps.outbox.close(orphanRetries);

  const tasks = tasksOf(plan.batches, config);
  // Nothing to push but entries were read: a mark key still carries the cursor to summarize.
  if (plan.batches.length === 0) tasks[encodeBatchKey({ letter: 'M', seq: 0, records: 0, minPending: 0, planMax })] = { batch: null, config };
  return {
    status: 'planned', tasks, entriesRead: entries.length, items: items.length, notes: countNotes(plan.notes),
    warnings: plan.warnings.map((w) => `${w.recordId}: ${w.message}`),
  };
}

export interface DrainSummary {
  /** Every key the map stage saw (mapSummary.keys). */
  keys: readonly string[];
  /** Keys whose map or reduce invocation ended in an uncaught error. */
  failedKeys: readonly string[];
  /** Results written by the push invocations. */
  results: readonly BatchResult[];
}

export interface FinishDeps {
  state: StateStore;
  outbox: OutboxStore;
  trigger: DrainTrigger;
  clock: Clock;
  log: Logger;
}

export interface FinishReport {
  cursor: number | null;
  stats: RunStats;
  remaining: number;
  resubmitted: boolean;
}

/**
 * The cursor moves to the plan's highest entry unless an invocation crashed: then it stops just
 * below the lowest entry of the crashed batches, so they are read again (upserts are idempotent).
 */
export function nextCursor(keys: readonly string[], failedKeys: readonly string[]): number | null {
  const decoded = keys.map(decodeBatchKey).filter((k): k is NonNullable<typeof k> => k !== null);
  if (decoded.length === 0) return null;
  let cursor = Math.max(...decoded.map((k) => k.planMax));
  for (const key of failedKeys) {
    const k = decodeBatchKey(key);
    if (k && k.minPending > 0) cursor = Math.min(cursor, k.minPending - 1);
  }
  return cursor;
}

export function finishDrain(summary: DrainSummary, deps: FinishDeps): FinishReport {
  const now = deps.clock.now();
  const stats: RunStats = { at: now, kind: 'drain', batches: 0, sent: 0, failedBatches: summary.failedKeys.length, retried: 0, dead: 0, skipped: 0, ignored: 0, warnings: 0 };
  const reported = new Set(summary.results.map((r) => r.key));
  let paused = false;
  for (const r of summary.results) {
    stats.sent += r.sent;
    stats.retried += r.retried;
    stats.dead += r.dead;
    paused = paused || r.paused;
  }
  // Batches that finished without failures report nothing (no write, no extra invocation): count them from their keys.
  for (const key of summary.keys) {
    const k = decodeBatchKey(key);
    if (!k || k.letter === 'M') continue;
    stats.batches++;
    if (!reported.has(key) && !summary.failedKeys.includes(key)) stats.sent += k.records;
  }
  // A batch whose invocation died does not hold the cursor (it would fail the same way every
  // run): its work waits as RETRY entries with backoff (app/failedBatches.ts).
  const cursor = nextCursor(summary.keys, []);
  if (cursor === null) return { cursor, stats, remaining: 0, resubmitted: false };
  // Read the state only when a batch failed: summarize has no settings lookup to share (1 unit),
  // and a clean 600 + 400 drain already costs exactly 60.
  if (summary.failedKeys.length > 0) stats.retried += parkFailed(summary.failedKeys, deps.state.read(), now, deps.outbox);
  // The queued mark goes in this write, before anything is counted: a save that saw the mark
  // appended its entry before this point, so the count below sees it (netsuite/drainTrigger.ts).
  deps.state.update({ drainCursor: cursor, lastRun: stats, pushLease: null, drainQueuedAt: null });
  if (summary.failedKeys.length > 0) deps.log.error('Drain batches failed unexpectedly; their records wait as retry entries', summary.failedKeys.join('\n'));
  if (paused) return { cursor, stats, remaining: 0, resubmitted: false };
  const remaining = deps.outbox.countDue(cursor, now);
  const resubmitted = remaining > 0 && deps.trigger.resubmit() === 'submitted';
  // The follow-up run is queued: saves made until its summarize need not submit (2).
  if (resubmitted) deps.state.update({ drainQueuedAt: now });
  return { cursor, stats, remaining, resubmitted };
}

export interface NudgeDeps {
  config: ConfigStore;
  state: StateStore;
  outbox: OutboxStore;
  trigger: DrainTrigger;
  clock: Clock;
  /** Optional: starts a full sync that waited for a drain; reads task states for the lease. */
  jobs?: JobControl;
  log?: Logger;
}

/**
 * The safety net (scheduled every 15 minutes): submits the drain when entries are due, sync is on
 * and it is not paused. Cost: state 1 + config 1 + count 5, plus the submit (20) only when needed.
 */
export function nudgeDrain(deps: NudgeDeps): { due: number; submitted: boolean } {
  const state = deps.state.read();
  // Sync switched off: changes stay queued; no drain is started for nothing (config 1).
  const loaded = deps.config.load();
  if (!loaded || !loaded.config.enabled) return { due: 0, submitted: false };
  // Paused by a refused key: only a settings change since then makes a new attempt worthwhile.
  if (state.pausedAt !== null && pauseHolds(state.pausedAt, loaded.config)) return { due: 0, submitted: false };
  const now = deps.clock.now();
  const lease = liveLease(state, now, deps.jobs);
  // A full sync pushing: a drain would only stand back. Later quarter hours start it.
  if (lease?.holder === 'fullsync') return { due: 0, submitted: false };
  if (!lease && deps.log && startRequestedFullSync(state, now, { state: deps.state, jobs: deps.jobs, log: deps.log })) return { due: 0, submitted: false };
  const due = deps.outbox.countDue(state.drainCursor, now);
  return { due, submitted: due > 0 && deps.trigger.submit() === 'submitted' };
}
