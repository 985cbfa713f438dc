/**
 * Capture at save time (User Event afterSubmit): decide whether a synced field really changed,
 * append ONE outbox entry, and nudge the drain. No HTTP. Budget: SAVE_UNITS
 * (netsuite/userEventCapture.ts) — the settings lookup, an optional lookup (an inline edit's
 * other fields, a company's key), the outbox entry's create and save, and the nudge: the queued
 * mark's read and, only when no drain is marked queued, the submit and the mark's set
 * (TRIGGER_UNITS, netsuite/drainTrigger.ts). The ports state each step's units.
 */
import { isChecked } from '../domain/checkbox';
import { decideCapture, normaliseValue, type FieldValues, type SaveType } from '../domain/changeDetection';
import type { SyncConfig } from '../domain/config';
import { watchedFields } from '../domain/fieldCatalog';
import { accountIdFor, userIdFor } from '../domain/identity';
import { nameOf } from '../domain/mapping';
import type { ChangeEvent, EntityKeys, RecordKind, Tombstone } from '../domain/types';
import type { Clock, ConfigStore, DrainTrigger, OutboxStore, SaveTimeLookup, TriggerResult } from './ports';
import { newEntry } from '../domain/outboxEntry';

/** Values, or a reader asked for exactly the fields the config needs (the adapter reads the record). */
export type Values = FieldValues | ((fields: readonly string[]) => FieldValues);

export interface SavedRecord {
  kind: RecordKind;
  /** null for User Event types the engine does not sync (view, copy, print...). */
  type: SaveType | null;
  id: string;
  /** Values of oldRecord (null on create). Dates as epoch ms. */
  oldValues: Values | null;
  /** Values of newRecord (null on delete). On xedit only the fields the inline edit carried. */
  newValues: Values | null;
  /** runtime.executionContext, kept on the entry (e.g. USERINTERFACE, CSVIMPORT). */
  executionContext: string;
}

export type CaptureResult =
  | { captured: false; reason: string }
  | { captured: true; event: ChangeEvent; changedFields: string[]; trigger: TriggerResult };

export interface CaptureDeps {
  config: ConfigStore;
  outbox: OutboxStore;
  lookup: SaveTimeLookup;
  trigger: DrainTrigger;
  clock: Clock;
}

/** Fields a delete's tombstone needs besides the watched ones. */
function tombstoneFields(kind: RecordKind, config: SyncConfig): string[] {
  if (kind === 'contact') return ['company', 'email'];
  const fields = ['entityid', 'datecreated', 'isperson', 'companyname', 'firstname', 'lastname'];
  if (config.accountIdSource.kind === 'field') fields.push(config.accountIdSource.fieldId);
  return fields;
}

function text(values: FieldValues, field: string): string {
  return normaliseValue(values[field]);
}

function customerKeys(id: string, values: FieldValues, config: SyncConfig): EntityKeys {
  const custom = config.accountIdSource.kind === 'field' ? text(values, config.accountIdSource.fieldId) : '';
  return { id, entityId: text(values, 'entityid'), customKey: custom };
}

/** The company's account_id: the internal id needs no lookup; other sources cost one (1 unit). */
function companyAccountId(companyId: string, config: SyncConfig, lookup: SaveTimeLookup): string {
  if (companyId === '') return '';
  if (config.accountIdSource.kind === 'internalid') return companyId;
  return accountIdFor(lookup.companyKeys(companyId, config), config.accountIdSource);
}

function tombstoneOf(saved: SavedRecord, old: FieldValues, config: SyncConfig, lookup: SaveTimeLookup, now: number): Tombstone {
  if (saved.kind === 'customer') {
    const keys = customerKeys(saved.id, old, config);
    const name = nameOf({
      isPerson: isChecked(old['isperson']),
      companyName: text(old, 'companyname'),
      firstName: text(old, 'firstname'),
      lastName: text(old, 'lastname'),
      entityId: keys.entityId,
    });
    const tomb: Tombstone = { accountId: accountIdFor(keys, config.accountIdSource), deletedAt: now };
    if (name !== '') tomb.name = name;
    const created = old['datecreated'];
    if (typeof created === 'number') tomb.joinDate = Math.trunc(created);
    return tomb;
  }
  const tomb: Tombstone = { userId: userIdFor({ id: saved.id, email: text(old, 'email') }, config.userIdSource), deletedAt: now };
  const accountId = companyAccountId(text(old, 'company'), config, lookup);
  if (accountId !== '') tomb.accountId = accountId;
  return tomb;
}

/** The key the record had before this save, when the save changed it ('' otherwise). */
function previousKey(saved: SavedRecord, old: FieldValues, now: FieldValues, changed: readonly string[], config: SyncConfig): string {
  if (saved.kind === 'customer') {
    const source = config.accountIdSource;
    const field = source.kind === 'entityid' ? 'entityid' : source.kind === 'field' ? source.fieldId : null;
    if (field === null || !changed.includes(field)) return '';
    const before = accountIdFor(customerKeys(saved.id, old, config), source);
    return before !== accountIdFor(customerKeys(saved.id, now, config), source) ? before : '';
  }
  if (config.userIdSource !== 'email' || !changed.includes('email')) return '';
  const before = userIdFor({ id: saved.id, email: text(old, 'email') }, 'email');
  return before !== userIdFor({ id: saved.id, email: text(now, 'email') }, 'email') ? before : '';
}

export function captureChange(saved: SavedRecord, deps: CaptureDeps): CaptureResult {
  if (saved.type === null) return { captured: false, reason: 'event type not synced' };
  const loaded = deps.config.load();
  if (!loaded) return { captured: false, reason: 'not configured' };
  const { config } = loaded;
  // A config with problems still captures, and so does a disabled sync: changes queue up while
  // the admin fixes or pauses the settings, and are pushed once sync is on again.
  // Deletes the admin chose to ignore need no entry (and no drain).
  if (saved.type === 'delete' && config.deletePolicy[saved.kind] === 'ignore') return { captured: false, reason: 'delete policy is ignore' };
  const watched = watchedFields(saved.kind, config);
  const needed = [...new Set([...watched, ...tombstoneFields(saved.kind, config)])];
  const resolve = (v: Values | null): FieldValues | null => (v === null ? null : typeof v === 'function' ? v(needed) : v);
  const oldValues = resolve(saved.oldValues);
  let newValues = saved.type === 'delete' ? null : resolve(saved.newValues);
  if (saved.type === 'xedit' && newValues) {
    // An inline edit carries only the edited fields: complete the rest with one lookup (1 unit).
    const missing = watched.filter((f) => !(f in (newValues as FieldValues)));
    if (missing.length > 0) newValues = { ...deps.lookup.currentValues(saved.kind, saved.id, missing), ...newValues };
  }
  const decision = decideCapture({ kind: saved.kind, type: saved.type, oldValues, newValues, watched, scope: config.scope });
  if (!decision.capture) return { captured: false, reason: decision.reason };

  const now = deps.clock.now();
  const entry = newEntry({ kind: saved.kind, recordIds: [saved.id], event: decision.event, changedFields: decision.changedFields, capturedAt: now, source: saved.executionContext });
  if (decision.event === 'delete' && oldValues) {
    entry.tombstones[saved.id] = tombstoneOf(saved, oldValues, config, deps.lookup, now);
  }
  const oldKey = oldValues && newValues && decision.event !== 'create' ? previousKey(saved, oldValues, newValues, decision.changedFields, config) : '';
  if (oldKey !== '') entry.previousKeys = { [saved.id]: oldKey };
  if (saved.kind === 'contact' && decision.changedFields.includes('company') && oldValues) {
    const previous = companyAccountId(text(oldValues, 'company'), config, deps.lookup);
    if (previous !== '') entry.previousCompanies[saved.id] = previous;
  }
  deps.outbox.append([entry]);
  // After the append, never before: a drain's summarize counts entries only after removing the
  // queued mark, so seeing the mark here means that count includes this entry. Skipped when a
  // drain is marked queued or running; MAP_REDUCE_ALREADY_RUNNING or a role without scheduling
  // permission are normal too: the running drain submits a follow-up while entries remain, and
  // the scheduled deployment is the net.
  // Disabled: queued only. No drain is started for nothing; re-enabling and "Drain now" or the
  // 15-minute safety net pushes the queue.
  const trigger = config.enabled ? deps.trigger.nudge() : 'sync_disabled';
  return { captured: true, event: decision.event, changedFields: decision.changedFields, trigger };
}
