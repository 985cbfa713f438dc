/**
 * The safety net for what User Events never see (CSV imports with server scripts off, saves
 * inside other User Events, merges, deletes): customers and contacts modified since the
 * watermark minus an overlap, and the deleted-record log. Records a User Event already captured
 * after their last modification are not queued again. Everything caught goes into one entry per
 * record type (ids listed inside), so a large catch costs a few entries, not one per record.
 * Also purges drained outbox entries past their retention (once a day), while governance remains,
 * and mails the alerts (app/raiseAlerts.ts): it runs every quarter hour anyway, so saves pay nothing.
 */
import { countActivity } from '../domain/activityWindow';
import type { NewOutboxEntry, RecordKind, Tombstone } from '../domain/types';
import type { ChangeFinder, Clock, ConfigStore, DrainTrigger, Logger, OutboxStore, StateStore } from './ports';
import { unknownChanges } from '../domain/changeDetection';
import { newEntry } from '../domain/outboxEntry';
import { raiseAlerts, type AlertDeps } from './raiseAlerts';
import { sameIncidents } from '../domain/alerts';

export interface SweepDeps {
  config: ConfigStore;
  state: StateStore;
  outbox: OutboxStore;
  finder: ChangeFinder;
  trigger: DrainTrigger;
  clock: Clock;
  log: Logger;
  /** Whether enough governance remains to keep purging (NFT-style predicate). */
  canContinue: () => boolean;
  alerts: AlertDeps;
}

export interface SweepReport {
  status: 'not_configured' | 'disabled' | 'swept';
  since: number | null;
  caught: { customer: number; contact: number; deletions: number };
  /** Deleted-record rows that carried no record id: those deletes are not queued by the sweep. */
  deletedWithoutId: number;
  alreadyCaptured: number;
  purged: number;
  /** Alert messages sent by this run. */
  alertsSent: number;
}

function entry(kind: RecordKind, recordIds: string[], event: 'update' | 'delete', now: number, tombstones: Record<string, Tombstone> = {}): NewOutboxEntry {
  // Which fields changed is unknown here (an import with scripts off, its parent deleted).
  return newEntry({ kind, recordIds, event, capturedAt: now, source: 'SWEEP', tombstones, changedFields: unknownChanges(kind, event) });
}


export function sweep(deps: SweepDeps): SweepReport {
  const report: SweepReport = { status: 'not_configured', since: null, caught: { customer: 0, contact: 0, deletions: 0 }, deletedWithoutId: 0, alreadyCaptured: 0, purged: 0, alertsSent: 0 };
  const loaded = deps.config.load();
  if (!loaded) return report;
  const { config } = loaded;
  if (!config.enabled) return { ...report, status: 'disabled' };
  const now = deps.clock.now();
  const state = deps.state.read();
  // First run: no history sweep (the full sync is the initial load), just this overlap window.
  const since = (state.sweepWatermark ?? now) - config.sweepOverlapMs;
  report.status = 'swept';
  report.since = since;

  const captured = new Map<string, number>();
  const capturedDeletes = new Set<string>();
  for (const c of deps.outbox.capturedSince(since)) {
    const key = `${c.kind}:${c.recordId}`;
    captured.set(key, Math.max(captured.get(key) ?? 0, c.capturedAt));
    if (c.event === 'delete') capturedDeletes.add(key);
  }
  const entries: NewOutboxEntry[] = [];
  const kinds: RecordKind[] = config.scope.syncContacts ? ['customer', 'contact'] : ['customer'];
  for (const kind of kinds) {
    const caught: string[] = [];
    for (const m of deps.finder.modifiedSince(kind, since)) {
      const at = captured.get(`${kind}:${m.id}`);
      if (at !== undefined && at >= m.lastModified) report.alreadyCaptured++;
      else caught.push(m.id);
    }
    report.caught[kind] = caught.length;
    if (caught.length > 0) entries.push(entry(kind, caught, 'update', now));
  }
  const deletions = new Map<RecordKind, { ids: string[]; tombstones: Record<string, Tombstone> }>();
  for (const d of deps.finder.deletedSince(since)) {
    if (d.kind === 'contact' && !config.scope.syncContacts) continue;
    if (d.id === '') {
      report.deletedWithoutId++;
      continue;
    }
    if (capturedDeletes.has(`${d.kind}:${d.id}`)) {
      report.alreadyCaptured++;
      continue;
    }
    const group = deletions.get(d.kind) ?? { ids: [], tombstones: {} };
    group.ids.push(d.id);
    // Only the internal id survives a delete: enough for the default key source. Other sources
    // (and a deleted contact's company) cannot be recovered; the planner reports those as skipped.
    const tomb: Tombstone = { deletedAt: d.deletedAt };
    if (d.kind === 'customer' && config.accountIdSource.kind === 'internalid') tomb.accountId = d.id;
    if (d.kind === 'contact' && config.userIdSource === 'internalid') tomb.userId = d.id;
    group.tombstones[d.id] = tomb;
    deletions.set(d.kind, group);
    report.caught.deletions++;
  }
  for (const [kind, group] of deletions) entries.push(entry(kind, group.ids, 'delete', now, group.tombstones));
  if (entries.length > 0) deps.outbox.append(entries);
  // Fail loud: rows without ids mean the sweep cannot see deletes; the status page says so until
  // a sweep reads ids again (a sweep that saw no deleted rows changes nothing).
  const deletedWithoutIdAt = report.deletedWithoutId > 0 ? now : report.caught.deletions > 0 || report.alreadyCaptured > 0 ? null : undefined;
  if (report.deletedWithoutId > 0) {
    deps.log.error('Sweep: deleted-record rows without a record id', `${report.deletedWithoutId} deleted customer/contact row(s) had no id; those deletes reach Freshsuccess only through capture and reconcile until the deleted-record search's id column is fixed.`);
  }
  // Settings with problems (only a scripts-off import or a sandbox copy can store them) mail nobody.
  const alerts = loaded.problems.length === 0 ? raiseAlerts(config, state, { ...deps.alerts, clock: deps.clock, log: deps.log }) : { alerts: state.alerts ?? {}, sent: 0 };
  report.alertsSent = alerts.sent;
  deps.state.update({
    ...(sameIncidents(alerts.alerts, state.alerts ?? {}) ? {} : { alerts: alerts.alerts }),
    ...(deletedWithoutIdAt !== undefined && deletedWithoutIdAt !== (state.deletedWithoutIdAt ?? null) ? { deletedWithoutIdAt } : {}),
    sweepWatermark: now,
    // Nothing caught: no new window (undefined leaves the field as it is).
    sweepActivity: countActivity(state.sweepActivity ?? null, now, { caught: report.caught.customer + report.caught.contact + report.caught.deletions }) ?? undefined,
    lastRun: { at: now, kind: 'sweep', batches: 0, sent: 0, failedBatches: 0, retried: 0, dead: 0, skipped: 0, ignored: 0, warnings: 0, detail: { customers: report.caught.customer, contacts: report.caught.contact, deletions: report.caught.deletions, deletedWithoutId: report.deletedWithoutId, alreadyCaptured: report.alreadyCaptured } },
  });
  if (entries.length > 0) {
    deps.log.audit('Sweep caught changes User Events did not see', JSON.stringify(report.caught));
    deps.trigger.submit();
  }
  // Purging once a day is plenty (its search costs 10 units even when nothing is old enough).
  const day = (ms: number) => Math.floor(ms / 86400_000);
  if (state.sweepWatermark === null || day(state.sweepWatermark) !== day(now)) {
    report.purged = deps.outbox.purge(now - config.purgeAfterDays * 86400_000, state.drainCursor, deps.canContinue);
  }
  return report;
}
