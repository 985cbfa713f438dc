/**
 * Reconcile: pages Freshsuccess's accounts and contacts, compares them with what NetSuite would
 * push now, and queues the differences (missing and drifted records) through the normal drain.
 * Extras are reported; they are queued as deletions only with `removeExtras`, because
 * Freshsuccess may hold accounts that come from other systems.
 */
import type { SyncConfig } from '../domain/config';
import { accountIdFor } from '../domain/identity';
import { mapContact, mapCustomer } from '../domain/mapping';
import { diffAccounts, diffContacts, removableDimensions, type ReconcileDiff } from '../domain/reconcile';
import { contactInScope, customerInScope } from '../domain/scope';
import type { AccountPayload, ContactPayload, NewOutboxEntry, RecordKind, Tombstone } from '../domain/types';
import type { Endpoint, FreshsuccessClient } from '../freshsuccess/client';
import type { Clock, ConfigStore, DrainTrigger, Logger, OutboxStore, ReconcileCounts, SnapshotReader, StateStore } from './ports';
import { newEntry } from '../domain/outboxEntry';

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
}

export interface ReconcileReport {
  /** disabled: sync is switched off; the differences are reported and nothing is queued. */
  status: 'not_configured' | 'misconfigured' | 'failed' | 'disabled' | 'done';
  message: string;
  accounts: ReconcileCounts | null;
  contacts: ReconcileCounts | null;
  queued: number;
}

function readAll(client: FreshsuccessClient, endpoint: Endpoint): Array<Record<string, unknown>> | string {
  const all: Array<Record<string, unknown>> = [];
  for (let page = 0; page < 10_000; page++) {
    const p = client.listPage(endpoint, page);
    if (p.verdict.kind !== 'ok') return `${endpoint} page ${page}: ${p.verdict.kind}${'message' in p.verdict ? ` (${p.verdict.message})` : ''}`;
    all.push(...p.results);
    if (p.last) return all;
  }
  return all;
}

function counts(d: ReconcileDiff) {
  return { missing: d.missing.length, drifted: d.drifted.length, extra: d.extra.length };
}

function queue(kind: RecordKind, d: ReconcileDiff, removeExtras: boolean, now: number): NewOutboxEntry[] {
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
  for (const g of groups.values()) entries.push(newEntry({ kind, recordIds: g.ids, capturedAt: now, source: 'RECONCILE', changedFields: g.clear }));
  if (removeExtras && d.extra.length > 0) {
    const tombstones: Record<string, Tombstone> = {};
    const extraIds = d.extra.map((x) => {
      const id = x.userId === undefined ? `fs:${x.accountId}` : `fs:${x.accountId}:${x.userId}`;
      tombstones[id] = x.userId === undefined ? { accountId: x.accountId, deletedAt: now } : { accountId: x.accountId, userId: x.userId, deletedAt: now };
      return id;
    });
    entries.push(newEntry({ kind, recordIds: extraIds, event: 'delete', capturedAt: now, source: 'RECONCILE', tombstones }));
  }
  return entries;
}

/** Runs the reconcile and keeps its outcome on the state record; with no settings there is nothing to keep. */
export function reconcile(deps: ReconcileDeps, options: { removeExtras: boolean } = { removeExtras: false }): ReconcileReport {
  const report = compareAndQueue(deps, options);
  if (report.status !== 'not_configured') {
    const { status, message, accounts, contacts, queued } = report;
    deps.state.update({ lastReconcile: { at: deps.clock.now(), status, message, accounts, contacts, queued, removedExtras: options.removeExtras && status === 'done' } });
  }
  return report;
}

function compareAndQueue(deps: ReconcileDeps, options: { removeExtras: boolean }): ReconcileReport {
  const report: ReconcileReport = { status: 'not_configured', message: '', accounts: null, contacts: null, queued: 0 };
  const loaded = deps.config.load();
  if (!loaded) return report;
  const { config, problems } = loaded;
  if (problems.length > 0 || !config.secret) return { ...report, status: 'misconfigured', message: problems.map((p) => p.message).join('; ') };
  const now = deps.clock.now();
  const client = deps.client(config);

  const accounts: Array<{ recordId: string; payload: AccountPayload }> = [];
  // The customer search applies the saved-search scope; the ids it returns decide the contacts' scope.
  const companiesInScope = new Set<string>();
  deps.snapshots.eachCustomerPage(config, null, (page) => {
    for (const c of page) {
      if (!customerInScope(c, config.scope)) continue;
      companiesInScope.add(c.keys.id);
      accounts.push({ recordId: c.keys.id, payload: mapCustomer(c, config, now).payload });
    }
  });
  const fsAccounts = readAll(client, 'accounts');
  if (typeof fsAccounts === 'string') return { ...report, status: 'failed', message: fsAccounts };
  const accountDiff = diffAccounts(accounts, fsAccounts, removableDimensions(config.mapping.customer.custom));
  const entries = queue('customer', accountDiff, options.removeExtras, now);
  report.accounts = counts(accountDiff);

  if (config.scope.syncContacts) {
    const contacts: Array<{ recordId: string; payload: ContactPayload }> = [];
    deps.snapshots.eachContactPage(config, null, (page) => {
      for (const c of page) {
        if (!c.company || !contactInScope(c, config.scope, companiesInScope)) continue;
        contacts.push({ recordId: c.id, payload: mapContact(c, accountIdFor(c.company, config.accountIdSource), config).payload });
      }
    });
    const fsContacts = readAll(client, 'account_contacts');
    if (typeof fsContacts === 'string') return { ...report, status: 'failed', message: fsContacts };
    const contactDiff = diffContacts(contacts, fsContacts);
    entries.push(...queue('contact', contactDiff, options.removeExtras, now));
    report.contacts = counts(contactDiff);
  }
  // Sync switched off: report only. Queued entries would pile up and all go out when sync is
  // switched on again (captures keep queueing while off; a reconcile then is the way to catch up).
  if (!config.enabled) {
    report.status = 'disabled';
    report.message = 'Sync is switched off: differences reported, nothing queued';
    deps.log.audit('Reconcile finished (sync switched off, nothing queued)', JSON.stringify({ accounts: report.accounts, contacts: report.contacts, queued: 0 }));
    return report;
  }
  if (entries.length > 0) {
    deps.outbox.append(entries);
    deps.trigger.submit();
  }
  report.queued = entries.reduce((n, e) => n + e.recordIds.length, 0);
  report.status = 'done';
  deps.log.audit('Reconcile finished', JSON.stringify({ accounts: report.accounts, contacts: report.contacts, queued: report.queued }));
  return report;
}
