/**
 * Where one customer or contact stands with Freshsuccess, for its page's subtab: out of the
 * settings' scope (checked with the drain's own searches, so a saved search counts), or what its
 * queue entries say (domain/recordSyncStatus.ts), with what holds sending up (a pause, sync
 * switched off). Null when no settings are saved (nothing to say yet).
 */
import { PAUSE_WORDS, pauseCause } from '../domain/pauseCause';
import { OUT_OF_SCOPE, recordSyncStatus, type RecordEntry, type RecordSyncStatus } from '../domain/recordSyncStatus';
import { contactInScope, customerInScope } from '../domain/scope';
import type { SyncConfig } from '../domain/config';
import type { ContactSnapshot, CustomerSnapshot, RecordKind } from '../domain/types';
import { pauseHolds } from './pause';
import type { ConfigStore, SnapshotReader, StateStore } from './ports';

export interface RecordStatusDeps {
  config: ConfigStore;
  state: StateStore;
  snapshots: Pick<SnapshotReader, 'customersByIds' | 'contactsByIds'>;
  /** The record's newest queue entries. */
  entries: (kind: RecordKind, id: string) => RecordEntry[];
}

/** A record as the drain's scoped searches read it, and whether the drain would send it now. */
export interface ScopedRecord {
  inScope: boolean;
  /** The customer (or the contact's company) found by the drain's scoped customer search, else null. */
  customer: CustomerSnapshot | null;
  contact: ContactSnapshot | null;
}

/** The customer search with the scope, or the contact's and its company's (10 units each, 1 more with a saved search). */
export function readScoped(kind: RecordKind, id: string, config: SyncConfig, snapshots: RecordStatusDeps['snapshots']): ScopedRecord {
  if (kind === 'customer') {
    const customer = snapshots.customersByIds([id], config)[0] ?? null;
    return { inScope: customer !== null && customerInScope(customer, config.scope), customer, contact: null };
  }
  if (!config.scope.syncContacts) return { inScope: false, customer: null, contact: null };
  const contact = snapshots.contactsByIds([id], config)[0] ?? null;
  if (!contact?.company) return { inScope: false, customer: null, contact };
  const company = snapshots.customersByIds([contact.company.id], config)[0] ?? null;
  return { inScope: company !== null && contactInScope(contact, config.scope, new Set([company.keys.id])), customer: company, contact };
}

export function recordStatus(kind: RecordKind, id: string, deps: RecordStatusDeps): RecordSyncStatus | null {
  const loaded = deps.config.load();
  if (!loaded) return null;
  const { config } = loaded;
  if (!readScoped(kind, id, config, deps.snapshots).inScope) return OUT_OF_SCOPE;
  const state = deps.state.read();
  const holdUp = pauseHolds(state.pausedAt, config) ? `pushing is paused (${PAUSE_WORDS[pauseCause(state.pauseMessage)].why})` : !config.enabled ? 'sync is switched off in the settings' : null;
  return recordSyncStatus(deps.entries(kind, id), {
    drainCursor: state.drainCursor,
    retentionDays: config.purgeAfterDays,
    fullSyncDoneAt: state.fullSync?.status === 'done' ? state.fullSync.startedAt : null,
    holdUp,
  });
}
