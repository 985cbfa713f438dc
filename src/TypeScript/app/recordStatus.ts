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
import type { RecordKind } from '../domain/types';
import { pauseHolds } from './pause';
import type { ConfigStore, SnapshotReader, StateStore } from './ports';

export interface RecordStatusDeps {
  config: ConfigStore;
  state: StateStore;
  snapshots: Pick<SnapshotReader, 'customersByIds' | 'contactsByIds'>;
  /** The record's newest queue entries. */
  entries: (kind: RecordKind, id: string) => RecordEntry[];
}

/** Whether the drain would send this record now: the customer search with the scope, or the contact's and its company's. */
function inScope(kind: RecordKind, id: string, config: SyncConfig, snapshots: RecordStatusDeps['snapshots']): boolean {
  if (kind === 'customer') {
    const customer = snapshots.customersByIds([id], config)[0];
    return customer !== undefined && customerInScope(customer, config.scope);
  }
  if (!config.scope.syncContacts) return false;
  const contact = snapshots.contactsByIds([id], config)[0];
  if (!contact?.company) return false;
  const company = snapshots.customersByIds([contact.company.id], config)[0];
  return company !== undefined && contactInScope(contact, config.scope, new Set([company.keys.id]));
}

export function recordStatus(kind: RecordKind, id: string, deps: RecordStatusDeps): RecordSyncStatus | null {
  const loaded = deps.config.load();
  if (!loaded) return null;
  const { config } = loaded;
  if (!inScope(kind, id, config, deps.snapshots)) return OUT_OF_SCOPE;
  const state = deps.state.read();
  const holdUp = pauseHolds(state.pausedAt, config) ? `pushing is paused (${PAUSE_WORDS[pauseCause(state.pauseMessage)].why})` : !config.enabled ? 'sync is switched off in the settings' : null;
  return recordSyncStatus(deps.entries(kind, id), {
    drainCursor: state.drainCursor,
    retentionDays: config.purgeAfterDays,
    fullSyncDoneAt: state.fullSync?.status === 'done' ? state.fullSync.startedAt : null,
    holdUp,
  });
}
