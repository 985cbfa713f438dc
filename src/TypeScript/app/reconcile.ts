/**
 * Reconcile: compares what Freshsuccess holds with what NetSuite would push now and queues the
 * differences (missing and drifted records) through the normal drain. Extras are reported; they
 * are queued as deletions only with `removeExtras`, because Freshsuccess may hold accounts that
 * come from other systems.
 *
 * It runs as a Map/Reduce (domain/reconcileWork.ts): getInputData plans pages and id ranges, map
 * compares one Freshsuccess page or lists one NetSuite range, reduce finds the missing ids of a
 * range, summarize queues and reports. Cost: getInputData about 2·log2(pages) GETs per list to
 * find its last page plus 3 searches per type (25 units) and 2 state writes (the run's progress
 * mark, 4 units); a page's map 1 GET (up to 3 on
 * transient answers) and 1-2 searches (10 units each; 5 with keys that can repeat); a range's map
 * 1-2 searches; summarize 6 units per queued entry.
 */
import type { SyncConfig } from '../domain/config';
import { accountIdFor } from '../domain/identity';
import { mapContact, mapCustomer } from '../domain/mapping';
import { compareAccounts, compareContacts, missingOf, removableDimensions, type PageFindings } from '../domain/reconcile';
import {
  bucketKey, byRange, ENDPOINT_OF, findingsKey, idRanges, isFindingsKey, pageKey, parseBucketKey, rangeBounds, rangeKey,
  type BucketValue, type Findings, type IdRanges, type ReconcileItem,
} from '../domain/reconcileWork';
import { contactInScope, customerInScope } from '../domain/scope';
import type { ContactSnapshot, NewOutboxEntry, RecordKind, Tombstone } from '../domain/types';
import type { FreshsuccessClient } from '../freshsuccess/client';
import { newEntry } from '../domain/outboxEntry';
import type { StageWrite } from './pushStages';
import type { Clock, ConfigStore, DrainTrigger, Logger, OutboxStore, ReconcileCounts, SnapshotReader, StateStore } from './ports';

export interface ReconcileDeps {
  config: ConfigStore;
  snapshots: SnapshotReader;
  client: (config: SyncConfig) => FreshsuccessClient;
  outbox: OutboxStore;
  trigger: DrainTrigger;
  clock: Clock;
  log: Logger;
  /** Where the outcome is kept for the admin page (2 units). */
  state: StateStore;
  /**
   * Whether a page's map has the governance left to read one more page (a GET and its look-ups,
   * about 100 units at worst): the last page found may have grown while the run went on.
   */
  canReadMore?: () => boolean;
}

export interface ReconcileReport {
  /** disabled: sync is switched off; the differences are reported and nothing is queued. */
  status: 'not_configured' | 'misconfigured' | 'failed' | 'disabled' | 'done';
  message: string;
  accounts: ReconcileCounts | null;
  contacts: ReconcileCounts | null;
  queued: number;
}

/** What travels from getInputData to a map: the item and the settings it was planned with. */
export interface ReconcileTask {
  item: ReconcileItem;
  config: SyncConfig;
}

/** Record ids per queued entry: a JSON list of 10,000 ids stays far under the outbox field's 1,000,000 characters. */
const IDS_PER_ENTRY = 10_000;
/**
 * Extras per deletion entry: each carries a tombstone (account_id, user_id, time) in another field
 * of 1,000,000 characters, about 170 characters each with e-mail user ids.
 */
const EXTRAS_PER_ENTRY = 2_000;

/** Pages a map reads past the last one getInputData found, when the list grew meanwhile. */
const FOLLOW_PAGES = 20;

function record(deps: ReconcileDeps, report: ReconcileReport, removeExtras: boolean): ReconcileReport {
  if (report.status === 'not_configured') return report;
  const { status, message, accounts, contacts, queued } = report;
  // The same write ends the run for the admin page's progress.
  deps.state.update({ lastReconcile: { at: deps.clock.now(), status, message, accounts, contacts, queued, removedExtras: removeExtras && status === 'done' }, reconcileRun: null });
  return report;
}

const EMPTY: ReconcileReport = { status: 'not_configured', message: '', accounts: null, contacts: null, queued: 0 };

/**
 * The index of the last page of a Freshsuccess list (a page shorter than the page size; it may
 * be empty), found by doubling then halving: about 2·log2(pages) GETs. A refusal ends it with the
 * reason.
 */
function lastPage(client: FreshsuccessClient, kind: RecordKind): number | string {
  const endpoint = ENDPOINT_OF[kind];
  // Read as the page maps read (a transient answer is asked again): one 503 must not stop the run.
  const probe = (page: number): boolean | string => {
    try {
      return readPage(client, kind, page).last;
    } catch (e) {
      return (e as Error).message;
    }
  };
  let full = -1; // highest page known to be full
  let last = 0; // a page known to be the last or past it
  for (let page = 0; ; page = page === 0 ? 1 : page * 2) {
    const isLast = probe(page);
    if (typeof isLast === 'string') return isLast;
    if (isLast) {
      last = page;
      break;
    }
    full = page;
    if (page >= 1 << 24) return `${endpoint}: more than ${1 << 24} pages`;
  }
  while (last - full > 1) {
    const mid = Math.floor((full + last) / 2);
    const isLast = probe(mid);
    if (typeof isLast === 'string') return isLast;
    if (isLast) last = mid;
    else full = mid;
  }
  return last;
}

/** getInputData's answer: the maps' work, or why the run ended before any (already recorded for the admin page). */
export interface ReconcilePlan {
  tasks: Record<string, ReconcileTask>;
  ended: ReconcileReport | null;
}

/** getInputData: the settings, the last page of each Freshsuccess list, and NetSuite's id ranges. */
export function planReconcile(deps: ReconcileDeps, options: { removeExtras: boolean }): ReconcilePlan {
  const loaded = deps.config.load();
  if (!loaded) return { tasks: {}, ended: EMPTY };
  const { config, problems } = loaded;
  if (problems.length > 0 || !config.secret) {
    return { tasks: {}, ended: record(deps, { ...EMPTY, status: 'misconfigured', message: problems.map((p) => p.message).join('; ') }, options.removeExtras) };
  }
  // Says it runs (2 units), then what it compares (2): the admin page shows it, whoever started it.
  const startedAt = deps.clock.now();
  deps.state.update({ reconcileRun: { startedAt } });
  const client = deps.client(config);
  const kinds: RecordKind[] = config.scope.syncContacts ? ['customer', 'contact'] : ['customer'];
  const tasks: Record<string, ReconcileTask> = {};
  let pageCount = 0;
  let rangeCount = 0;
  for (const kind of kinds) {
    const last = lastPage(client, kind);
    if (typeof last === 'string') {
      deps.log.error('Reconcile stopped: reading Freshsuccess failed', last);
      return { tasks: {}, ended: record(deps, { ...EMPTY, status: 'failed', message: last }, options.removeExtras) };
    }
    const ranges = idRanges(deps.snapshots.idBounds(kind, config));
    for (let page = 0; page <= last; page++) tasks[pageKey(kind, page)] = { item: { kind, page, last: page === last, ranges }, config };
    if (ranges) for (let range = 0; range < ranges.count; range++) tasks[rangeKey(kind, range)] = { item: { kind, range, ranges }, config };
    pageCount += last + 1;
    rangeCount += ranges?.count ?? 0;
  }
  deps.state.update({ reconcileRun: { startedAt, pages: pageCount, ranges: rangeCount } });
  return { tasks, ended: null };
}

/**
 * Contacts whose company is in scope: the company's stage and subsidiary come joined on the
 * contact; a saved-search scope is asked for the companies (one id-only search, none without one).
 */
function contactsInScope<C extends { company: { id: string } | null } & Pick<ContactSnapshot, 'companyStage' | 'companySubsidiary'>>(contacts: readonly C[], config: SyncConfig, snapshots: SnapshotReader): C[] {
  const companies = [...new Set(contacts.flatMap((c) => (c.company ? [c.company.id] : [])))];
  if (companies.length === 0) return [];
  const kept = snapshots.customersKept(companies, config) ?? new Set(companies);
  return contacts.filter((c) => contactInScope(c, config.scope, kept));
}

/** One Freshsuccess page against the NetSuite records (in scope) that carry its keys. */
function comparePage(kind: RecordKind, results: ReadonlyArray<Record<string, unknown>>, config: SyncConfig, deps: ReconcileDeps): PageFindings {
  const now = deps.clock.now();
  if (kind === 'customer') {
    const keys = [...new Set(results.map((r) => String(r['account_id'])))];
    const found =
      config.accountIdSource.kind === 'internalid' ? deps.snapshots.customersByIds(keys.filter((k) => /^\d+$/.test(k)), config) : deps.snapshots.customersWithKeys(keys, config);
    const netsuite = found.filter((c) => customerInScope(c, config.scope)).map((c) => ({ recordId: c.keys.id, payload: mapCustomer(c, config, now).payload }));
    return compareAccounts(netsuite, results, removableDimensions(config.mapping.customer.custom));
  }
  const userIds = [...new Set(results.map((r) => String(r['user_id'])))];
  const found = config.userIdSource === 'email' ? deps.snapshots.contactsWithUserIds(userIds, config) : deps.snapshots.contactsByIds(userIds.filter((k) => /^\d+$/.test(k)), config);
  const netsuite = contactsInScope(found, config, deps.snapshots).map((c) => ({ recordId: c.id, payload: mapContact(c, accountIdFor(c.company!, config.accountIdSource), config).payload }));
  return compareContacts(netsuite, results);
}

/** Reads of one page a map tries before failing the run on a transient answer (a GET changes nothing: asking again is safe). */
const PAGE_ATTEMPTS = 3;

function readPage(client: FreshsuccessClient, kind: RecordKind, page: number): ReturnType<FreshsuccessClient['listPage']> {
  for (let attempt = 1; ; attempt++) {
    const p = client.listPage(ENDPOINT_OF[kind], page);
    if (p.verdict.kind === 'ok') return p;
    if (p.verdict.kind !== 'transient' || attempt >= PAGE_ATTEMPTS) {
      throw new Error(`${ENDPOINT_OF[kind]} page ${page}: ${p.verdict.kind}${'message' in p.verdict ? ` (${p.verdict.message})` : ''}${attempt > 1 ? ` after ${attempt} attempts` : ''}`);
    }
  }
}

/** map: compares a page (differences under the page's key, matched ids by range) or lists a range's ids in scope. */
export function reconcileMap(value: string, deps: ReconcileDeps): StageWrite[] {
  const { item, config } = JSON.parse(value) as ReconcileTask;
  if ('range' in item) return [{ key: bucketKey(item.kind, item.range), value: JSON.stringify({ n: idsInScope(item.kind, item.range, item.ranges, config, deps.snapshots) } satisfies BucketValue) }];
  const client = deps.client(config);
  const findings: Findings = { kind: item.kind, drifted: [], extra: [], read: 0 };
  const matched: string[] = [];
  // The last page found may have filled since: read on while pages come back full.
  for (let page = item.page, followed = 0; ; page++, followed++) {
    const p = readPage(client, item.kind, page);
    const found = comparePage(item.kind, p.results, config, deps);
    findings.drifted!.push(...found.drifted);
    findings.extra!.push(...found.extra);
    findings.read! += p.results.length;
    for (const id of found.matched) matched.push(id);
    // Pages not read now only make their NetSuite records look missing: they are queued again (upserts).
    if (!item.last || p.last || followed >= FOLLOW_PAGES || !(deps.canReadMore?.() ?? true)) break;
  }
  const writes: StageWrite[] = [{ key: findingsKey(item.kind, item.page), value: JSON.stringify(findings) }];
  for (const [range, ids] of byRange(matched, item.ranges)) writes.push({ key: bucketKey(item.kind, range), value: JSON.stringify({ m: ids } satisfies BucketValue) });
  return writes;
}

/** The ids in a range that the scope keeps, read without their payload columns. */
function idsInScope(kind: RecordKind, range: number, ranges: IdRanges, config: SyncConfig, snapshots: SnapshotReader): string[] {
  const { from, to } = rangeBounds(range, ranges);
  const rows = snapshots.scopeRowsInRange(kind, config, from, to);
  if (kind === 'customer') return rows.filter((r) => customerInScope(r, config.scope)).map((r) => r.id);
  if (!config.scope.syncContacts) return [];
  return contactsInScope(rows.map((r) => ({ id: r.id, company: r.company, companyStage: r.stage, companySubsidiary: r.subsidiary })), config, snapshots).map((r) => r.id);
}

/** reduce: a page's differences handed on; a range's missing ids (listed in scope, matched by no page). */
export function reconcileReduce(key: string, values: readonly string[]): StageWrite[] {
  if (isFindingsKey(key)) return values.map((value) => ({ key, value }));
  const bucket = parseBucketKey(key);
  if (!bucket) return [];
  const listed: string[] = [];
  const matched: string[] = [];
  for (const v of values) {
    const parsed = JSON.parse(v) as BucketValue;
    if ('n' in parsed) for (const id of parsed.n) listed.push(id);
    else for (const id of parsed.m) matched.push(id);
  }
  const missing = missingOf(listed, matched);
  return missing.length === 0 ? [] : [{ key, value: JSON.stringify({ kind: bucket.kind, missing } satisfies Findings) }];
}

/** What summarize sees of the run. */
export interface ReconcileOutcome {
  /** Every reduce output (Findings JSON). */
  output: readonly string[];
  /** Why the run is incomplete: input failed, or keys whose map or reduce failed. */
  failures: readonly string[];
  /** Whether getInputData planned anything (a run that could not start recorded why already). */
  planned: boolean;
}

interface Tally {
  missing: string[];
  drifted: Array<{ recordId: string; clear: string[] }>;
  extra: Array<{ accountId: string; userId?: string }>;
}

function tallies(output: readonly string[]): Record<RecordKind, Tally> {
  const t: Record<RecordKind, Tally> = { customer: { missing: [], drifted: [], extra: [] }, contact: { missing: [], drifted: [], extra: [] } };
  for (const value of output) {
    const f = JSON.parse(value) as Findings;
    const into = t[f.kind];
    for (const id of f.missing ?? []) into.missing.push(id);
    for (const d of f.drifted ?? []) into.drifted.push({ recordId: d.recordId, clear: d.clear });
    for (const x of f.extra ?? []) into.extra.push(x);
  }
  return t;
}

const countsOf = (t: Tally): ReconcileCounts => ({ missing: t.missing.length, drifted: t.drifted.length, extra: t.extra.length });

/** Outbox entries for one record type's differences: at most IDS_PER_ENTRY ids each, EXTRAS_PER_ENTRY deletions. */
function reconcileEntries(kind: RecordKind, d: Tally, removeExtras: boolean, now: number): NewOutboxEntry[] {
  const entries: NewOutboxEntry[] = [];
  // Records whose drift needs a removal carry the fields to clear as changed (the plan sends a
  // removal only for changed fields); one entry per distinct set keeps the others plain.
  const groups = new Map<string, { clear: string[]; ids: string[] }>();
  const add = (id: string, clear: readonly string[]) => {
    const sorted = [...clear].sort();
    const key = sorted.join(',');
    const g = groups.get(key) ?? { clear: sorted, ids: [] };
    g.ids.push(id);
    groups.set(key, g);
  };
  for (const id of d.missing) add(id, []);
  for (const x of d.drifted) add(x.recordId, x.clear);
  for (const g of groups.values()) {
    for (let i = 0; i < g.ids.length; i += IDS_PER_ENTRY) entries.push(newEntry({ kind, recordIds: g.ids.slice(i, i + IDS_PER_ENTRY), capturedAt: now, source: 'RECONCILE', changedFields: g.clear }));
  }
  if (removeExtras) {
    for (let i = 0; i < d.extra.length; i += EXTRAS_PER_ENTRY) {
      const tombstones: Record<string, Tombstone> = {};
      const ids = d.extra.slice(i, i + EXTRAS_PER_ENTRY).map((x) => {
        const id = x.userId === undefined ? `fs:${x.accountId}` : `fs:${x.accountId}:${x.userId}`;
        tombstones[id] = x.userId === undefined ? { accountId: x.accountId, deletedAt: now } : { accountId: x.accountId, userId: x.userId, deletedAt: now };
        return id;
      });
      entries.push(newEntry({ kind, recordIds: ids, event: 'delete', capturedAt: now, source: 'RECONCILE', tombstones }));
    }
  }
  return entries;
}

/**
 * summarize: queues the differences and keeps the outcome. A run with a failed page or range
 * queues nothing: a page not compared would make its records look missing.
 */
export function finishReconcile(outcome: ReconcileOutcome, deps: ReconcileDeps, options: { removeExtras: boolean }): ReconcileReport {
  if (!outcome.planned && outcome.failures.length === 0) return EMPTY;
  if (outcome.failures.length > 0) {
    const message = `${outcome.failures.slice(0, 3).join('; ')}${outcome.failures.length > 3 ? ` (and ${outcome.failures.length - 3} more)` : ''}.`;
    deps.log.error('Reconcile stopped', outcome.failures.join('\n').slice(0, 3900));
    return record(deps, { ...EMPTY, status: 'failed', message: message.slice(0, 1000) }, options.removeExtras);
  }
  const loaded = deps.config.load();
  const config = loaded?.config;
  const t = tallies(outcome.output);
  const report: ReconcileReport = { status: 'done', message: '', accounts: countsOf(t.customer), contacts: config && !config.scope.syncContacts ? null : countsOf(t.contact), queued: 0 };
  // Sync switched off: report only. Queued entries would pile up and all go out when sync is
  // switched on again (captures keep queueing while off; a reconcile then is the way to catch up).
  if (!config?.enabled) {
    report.status = 'disabled';
    report.message = 'Sync is switched off: differences reported, nothing queued';
    deps.log.audit('Reconcile finished (sync switched off, nothing queued)', JSON.stringify({ accounts: report.accounts, contacts: report.contacts, queued: 0 }));
    return record(deps, report, options.removeExtras);
  }
  const now = deps.clock.now();
  const entries = [...reconcileEntries('customer', t.customer, options.removeExtras, now), ...reconcileEntries('contact', t.contact, options.removeExtras, now)];
  if (entries.length > 0) {
    deps.outbox.append(entries);
    deps.trigger.submit();
  }
  report.queued = entries.reduce((n, e) => n + e.recordIds.length, 0);
  deps.log.audit('Reconcile finished', JSON.stringify({ accounts: report.accounts, contacts: report.contacts, queued: report.queued }));
  return record(deps, report, options.removeExtras);
}
