/**
 * Decides, at save time, whether a change must reach Freshsuccess: only when a watched field
 * really changed (old vs new), on inactivation, and always on delete. Costs nothing: the User
 * Event hands over plain values read from oldRecord/newRecord.
 */
import { isChecked } from './checkbox';
import type { Scope } from './config';
import { stageAndSubsidiaryInScope } from './scope';
import type { ChangeEvent, RecordKind } from './types';

export type FieldValue = string | number | boolean | null | undefined | readonly string[];
export type FieldValues = Record<string, FieldValue>;

/** How the save happened, in the engine's words (User Event types mapped by the adapter). */
/**
 * In a change's fields: which fields changed is unknown (the sweep caught a change no User Event
 * saw). The plan then takes what a change it cannot see would need: an empty parent, as for a
 * seen un-parenting but without reporting a tenant's refusal of it (domain/plan.ts), and a
 * company active now brings its contacts along as a reactivated one does (app/planDrain.ts).
 */
export const CHANGES_UNKNOWN = '?';

/**
 * The changed fields of an update whose changes are unknown (the sweep's catches, a resync):
 * a customer's parent may have been cleared, which an upsert without the field would not undo.
 */
export function unknownChanges(kind: RecordKind, event: ChangeEvent): string[] {
  return kind === 'customer' && event === 'update' ? [CHANGES_UNKNOWN] : [];
}

export type SaveType = 'create' | 'edit' | 'xedit' | 'delete';

export interface SaveFacts {
  kind: RecordKind;
  type: SaveType;
  /** null on create. */
  oldValues: FieldValues | null;
  /** null on delete. On xedit, completed with current values for fields the inline edit did not carry. */
  newValues: FieldValues | null;
  watched: readonly string[];
  scope: Scope;
}

export type CaptureDecision =
  | { capture: false; reason: string }
  | { capture: true; event: ChangeEvent; changedFields: string[] };

/** Same value for sync purposes: '' = null = undefined, booleans as T/F, multiselects unordered. */
export function normaliseValue(v: FieldValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (Array.isArray(v)) return [...v].map(String).sort().join(',');
  return String(v).trim();
}

export function changedFields(oldValues: FieldValues, newValues: FieldValues, watched: readonly string[]): string[] {
  return watched.filter((f) => normaliseValue(oldValues[f]) !== normaliseValue(newValues[f]));
}

function inactive(values: FieldValues | null): boolean {
  return values !== null && isChecked(values['isinactive']);
}

function inScope(kind: RecordKind, values: FieldValues | null, scope: Scope): boolean {
  if (values === null) return false;
  if (kind === 'contact') return scope.syncContacts;
  return stageAndSubsidiaryInScope(normaliseValue(values['stage']), normaliseValue(values['subsidiary']), scope);
}

export function decideCapture(f: SaveFacts): CaptureDecision {
  if (f.kind === 'contact' && !f.scope.syncContacts) return { capture: false, reason: 'contacts are not synced' };
  if (f.type === 'delete') return { capture: true, event: 'delete', changedFields: [] };
  // A record leaving scope is still captured: the drain decides what leaving means.
  if (!inScope(f.kind, f.oldValues, f.scope) && !inScope(f.kind, f.newValues, f.scope)) {
    return { capture: false, reason: 'out of scope' };
  }
  if (f.type === 'create' || f.oldValues === null) {
    // A new record "changes" only the fields it has a value in: an empty one has nothing to
    // clear in Freshsuccess (no parent to unset, no dimension to DELETE, one request each).
    return { capture: true, event: 'create', changedFields: changedFields({}, f.newValues ?? {}, f.watched) };
  }
  const changed = changedFields(f.oldValues, f.newValues ?? {}, f.watched);
  if (changed.length === 0) return { capture: false, reason: 'no synced field changed' };
  const was = inactive(f.oldValues);
  const is = inactive(f.newValues);
  const event: ChangeEvent = !was && is ? 'inactivate' : was && !is ? 'reactivate' : 'update';
  return { capture: true, event, changedFields: changed };
}
