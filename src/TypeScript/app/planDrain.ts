/**
 * The drain's getInputData: read the open outbox with one paged search, coalesce it per record,
 * read the current state with one search per record type, and plan batches (one map key per
 * batch). No write per outbox entry: the outbox is append-only and a cursor on the state record
 * says how far it was drained. The units of each read and write are on the ports (app/ports.ts).
 *
 * Race: an entry with a lower id may commit after the cursor moved past it (ids are allocated
 * before commit). It is not lost: the sweep re-enqueues records modified since its watermark.
 */
import { PAUSE_WORDS, pauseCause } from '../domain/pauseCause';
import { CHURNED_COMPANY_MESSAGE } from './pushBatch';
import { otherKeyHolders } from './keyHolders';
import { coalesce, workItem, type WorkItem } from '../domain/coalesce';
import type { SyncConfig } from '../domain/config';
import { planBatches } from '../domain/plan';
import { takeLease } from '../domain/pushLease';
import { customerInScope } from '../domain/scope';
import type { CustomerSnapshot } from '../domain/types';
import { companiesWaiting, deferContacts, waitingEntry } from '../domain/waiting';
import { encodeBatchKey, hasReport } from '../domain/workBatch';
import { liveLease, startRequestedFullSync } from './leaseCoordination';
import { countNotes, noteEntries, planReport, warningEntries } from './notes';
import { pauseHolds } from './pause';
import { tasksOf, type PlanDeps, type PushTask } from './pushTasks';
import { foldPushPending } from './runStats';

export type DrainStatus = 'not_configured' | 'disabled' | 'misconfigured' | 'paused' | 'idle' | 'planned' | 'deferred';

export interface DrainPlan {
  status: DrainStatus;
  tasks: Record<string, PushTask>;
  entriesRead: number;
  items: number;
  notes: { skipped: number; dead: number; ignored: number };
  warnings: string[];
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
 * Companies made active again: a tenant that takes no contacts on churned accounts refused their
 * contacts while they were inactive (reported as SKIPPED), so the contacts are sent with them.
 * A comeback no capture saw as one (an import with scripts off) is caught by the state's list of
 * churned companies whose contacts wait (see `back` in planDrain).
 */
function reactivated(items: readonly WorkItem[], customers: ReadonlyMap<string, CustomerSnapshot>, config: SyncConfig): string[] {
  if (!config.scope.syncContacts) return [];
  return items
    .filter((i) => i.kind === 'customer' && !i.deleted && i.changedFields.includes('isinactive') && customers.get(i.recordId)?.isInactive === false)
    .map((i) => i.recordId);
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
    deps.log.audit(`Settings changed since ${PAUSE_WORDS[pauseCause(state.pauseMessage)].who}: pushing resumes`, state.pauseMessage);
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
  deps.state.update({ pushLease: takeLease('drain', now, undefined, deps.deployment), ...foldPushPending(state) });
  let planMax = state.drainCursor;
  for (const e of entries) if (e.status === 'PENDING' && e.id > planMax) planMax = e.id;

  const items = coalesce(entries);
  const live = (kind: WorkItem['kind']) => items.filter((i) => i.kind === kind && !i.deleted).map((i) => i.recordId);
  const customerIds = live('customer');
  const contactIds = live('contact');
  const customers = new Map((customerIds.length > 0 ? deps.snapshots.customersByIds(customerIds, config) : []).map((s) => [s.keys.id, s]));
  const contacts = new Map((contactIds.length > 0 ? deps.snapshots.contactsByIds(contactIds, config) : []).map((s) => [s.id, s]));
  const runId = `drain-${now}`;
  // A company entering scope (stage or subsidiary changed), made active again, or re-keyed (its
  // account_id changed) brings its existing contacts along: they will not be saved again for
  // this. A re-keyed company's contacts leave its old account_id like a moved contact.
  const entering = [...enteringScope(items, customers, config), ...reactivated(items, customers, config)];
  const oldKeys = new Map(items.filter((i) => i.kind === 'customer' && !i.deleted && (i.previousKeys ?? []).length > 0).map((i) => [i.recordId, i.previousKeys ?? []]));
  // A churned company whose contacts were refused (the state lists it) and that this run pushes
  // active is back, however NetSuite got there (a save, an import with scripts off the sweep
  // caught, an edit after such an import): it brings the contacts refused for its churn (one
  // outbox search, 10 units, only then). Brought along, or deleted, it leaves the list (2).
  const waiting = new Set(config.scope.syncContacts ? state.frozenCompanies ?? [] : []);
  const listed = items.filter((i) => i.kind === 'customer' && waiting.has(i.recordId));
  const back = listed.filter((i) => !i.deleted && customers.get(i.recordId)?.isInactive === false).map((i) => i.recordId);
  const settled = new Set([...back, ...listed.filter((i) => i.deleted).map((i) => i.recordId)]);
  const quietlyBack = new Set(back.filter((id) => !entering.includes(id) && !oldKeys.has(id)));
  const frozen = quietlyBack.size > 0 ? new Set(deps.outbox.skippedRecords('contact', CHURNED_COMPANY_MESSAGE)) : new Set<string>();
  if (settled.size > 0) deps.state.update({ frozenCompanies: [...waiting].filter((id) => !settled.has(id)) });
  const bringing = [...new Set([...entering, ...oldKeys.keys(), ...quietlyBack])];
  if (bringing.length > 0 && config.scope.syncContacts) {
    const byId = new Map(items.filter((i) => i.kind === 'contact').map((i) => [i.recordId, i]));
    for (const c of deps.snapshots.contactsOfCompanies(bringing, config)) {
      // A company back from churn unseen brings only the contacts refused for it.
      if (quietlyBack.has(c.company?.id ?? '') && !frozen.has(c.id)) continue;
      let item = byId.get(c.id);
      if (!item) {
        item = workItem('contact', c.id);
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
  // A saved-search scope applies to contacts through their company: one scoped search of the
  // companies not read above (those were read with it) tells which it keeps.
  let companiesInScope: Set<string> | undefined;
  if (config.scope.savedSearchId && contactItems.now.length > 0) {
    companiesInScope = new Set(customers.keys());
    const unread = [...new Set(contactItems.now.map((i) => contacts.get(i.recordId)?.company?.id).filter((id): id is string => id !== undefined && !customers.has(id)))];
    if (unread.length > 0) for (const c of deps.snapshots.customersByIds(unread, config)) companiesInScope.add(c.keys.id);
  }
  const planned = new Set(contactItems.now.map((i) => i.recordId));
  const otherHolders = otherKeyHolders(deps.snapshots, config, { customers, contacts: new Map([...contacts].filter(([id]) => planned.has(id))) });
  const plan = planBatches({
    runId, config, now, planMax, companiesInScope, otherKeyHolders: otherHolders,
    customers: items.filter((i) => i.kind === 'customer').map((item) => ({ item, snapshot: customers.get(item.recordId) ?? null })),
    contacts: contactItems.now.map((item) => ({ item, snapshot: contacts.get(item.recordId) ?? null })),
  });

  const reported = [...noteEntries(plan.notes, now, runId, items), ...warningEntries(plan.warnings, now, runId)];
  if (contactItems.deferred) reported.push(waitingEntry(contactItems.deferred, now, runId));
  // Keyed by the plan's last entry, which a re-run of the same plan shares (the clock does not).
  const origin = `drain-notes:${planMax}`;
  if (reported.length > 0 && !(deps.restarted && deps.outbox.hasOrigin(origin))) deps.outbox.append(reported, origin);
  // Retry entries whose records are no longer pushed (now dead, skipped or ignored) are done.
  const inBatches = new Set(plan.batches.flatMap((b) => b.retryEntryIds));
  const orphanRetries = [...new Set(items.flatMap((i) => i.retryEntryIds))].filter((id) => !inBatches.has(id));
  if (orphanRetries.length > 0) deps.outbox.close(orphanRetries);

  const report = planReport(plan.notes, plan.warnings);
  const tasks = tasksOf(plan.batches, config, report);
  // Nothing to push but entries were read: a mark key still carries the cursor (and the plan's report) to summarize.
  if (plan.batches.length === 0) tasks[encodeBatchKey({ letter: 'M', seq: 0, records: 0, minPending: 0, planMax, ...(hasReport(report) ? { report } : {}) })] = { batch: null, config };
  return {
    status: 'planned', tasks, entriesRead: entries.length, items: items.length, notes: countNotes(plan.notes),
    warnings: plan.warnings.map((w) => `${w.recordId}: ${w.message}`),
  };
}
