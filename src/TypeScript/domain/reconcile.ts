/**
 * Compares what Freshsuccess holds with what NetSuite would push now. Missing and drifted
 * records are re-queued; extras (active in Freshsuccess, unknown to NetSuite's scope) are
 * reported, and re-queued as deletions only when the admin asks for it, because Freshsuccess
 * may hold accounts from other systems.
 */
import type { CustomFieldMapping } from './config';
import type { AccountPayload, ContactPayload, Dimension } from './types';

export interface Difference {
  recordId: string;
  fields: string[];
  /**
   * NetSuite fields to queue as changed so the drain sends their removal: a parent Freshsuccess
   * still holds for a top-level customer ('parent'), a mapped custom field Freshsuccess still
   * holds a value for while NetSuite's is empty (its field id).
   */
  clear: string[];
}

/** The mapping's dimension keys by array name, with the NetSuite field each comes from. */
export type MappedDimensions = Partial<Record<(typeof DIMENSIONS)[number], ReadonlyMap<string, string>>>;

export interface ReconcileDiff {
  /** NetSuite record ids missing in Freshsuccess. */
  missing: string[];
  drifted: Difference[];
  /** Freshsuccess keys (account_id, or account_id + user_id) with no NetSuite counterpart. */
  extra: Array<{ accountId: string; userId?: string }>;
}

type FsRecord = Record<string, unknown>;
const DIMENSIONS = ['custom_label_dimensions', 'custom_value_dimensions', 'custom_event_dimensions'] as const;
const isDimension = (name: string): name is (typeof DIMENSIONS)[number] => (DIMENSIONS as readonly string[]).includes(name);
/** Fields Freshsuccess reads back under another name, or not at all. */
const READ_NAME: Record<string, string> = { stage: 'current_stage' };
const NOT_COMPARED = new Set(['account_id', 'user_id', 'inactive_time']);

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : v);
  return norm(a) === norm(b);
}

/** Freshsuccess may return dimensions as an array of {key,value} or as an object; null: not returned. */
function heldDimensions(held: unknown): Map<string, unknown> | null {
  const map = new Map<string, unknown>();
  if (Array.isArray(held)) for (const d of held as Array<{ key?: unknown; value?: unknown }>) map.set(String(d.key), d.value);
  else if (held && typeof held === 'object') for (const [k, v] of Object.entries(held as object)) map.set(k, v);
  else return null;
  return map;
}

function dimensionDrift(sent: Dimension<unknown>[] | undefined, held: unknown): boolean {
  if (!sent || sent.length === 0) return false;
  const map = heldDimensions(held);
  return map === null || sent.some((d) => !map.has(d.key) || !same(map.get(d.key), d.value));
}

/**
 * What Freshsuccess holds that NetSuite no longer sends: a parent (the customer is top-level
 * now) and values of mapped dimensions that are empty in NetSuite. Keys the mapping does not
 * name may come from other systems and are left alone.
 */
function leftBehind(sent: AccountPayload | ContactPayload, held: FsRecord, mapped: MappedDimensions, account: boolean): { fields: string[]; clear: string[] } {
  const fields: string[] = [];
  const clear: string[] = [];
  const heldParent = held['parent_account_id'];
  if (account && (sent as AccountPayload).parent_account_id === undefined && typeof heldParent === 'string' && heldParent !== '') {
    fields.push('parent_account_id');
    clear.push('parent');
  }
  for (const name of DIMENSIONS) {
    const keys = mapped[name];
    const map = keys ? heldDimensions(held[name]) : null;
    if (!keys || !map) continue;
    const sentKeys = new Set(((sent as unknown as Record<string, Dimension<unknown>[] | undefined>)[name] ?? []).map((d) => d.key));
    const stale = [...keys].filter(([key]) => !sentKeys.has(key) && map.has(key) && !same(map.get(key), ''));
    if (stale.length === 0) continue;
    if (!fields.includes(name)) fields.push(name);
    for (const [, fieldId] of stale) if (!clear.includes(fieldId)) clear.push(fieldId);
  }
  return { fields, clear };
}

function drift(recordId: string, sent: AccountPayload | ContactPayload, held: FsRecord, mapped: MappedDimensions, account: boolean): Difference | null {
  const fields = driftedFields(sent, held);
  const behind = leftBehind(sent, held, mapped, account);
  for (const f of behind.fields) if (!fields.includes(f)) fields.push(f);
  return fields.length === 0 ? null : { recordId, fields, clear: behind.clear };
}

function driftedFields(sent: AccountPayload | ContactPayload, held: FsRecord): string[] {
  const fields: string[] = [];
  for (const [name, value] of Object.entries(sent)) {
    if (NOT_COMPARED.has(name)) continue;
    if (isDimension(name)) {
      if (dimensionDrift(value as Dimension<unknown>[], held[name])) fields.push(name);
      continue;
    }
    const readName = READ_NAME[name] ?? name;
    // A field Freshsuccess does not echo back cannot be compared: not counted as drift.
    if (!(readName in held)) continue;
    if (!same(value, held[readName])) fields.push(name);
  }
  return fields;
}

function active(r: FsRecord): boolean {
  return r['is_active'] !== false && r['is_churned'] !== true && r['is_deleted'] !== true;
}

export function diffAccounts(netsuite: ReadonlyArray<{ recordId: string; payload: AccountPayload }>, freshsuccess: readonly FsRecord[], mapped: MappedDimensions = {}): ReconcileDiff {
  const held = new Map<string, FsRecord>();
  for (const r of freshsuccess) held.set(String(r['account_id']), r);
  const diff: ReconcileDiff = { missing: [], drifted: [], extra: [] };
  const known = new Set<string>();
  for (const { recordId, payload } of netsuite) {
    known.add(payload.account_id);
    const h = held.get(payload.account_id);
    if (!h) diff.missing.push(recordId);
    else {
      const d = drift(recordId, payload, h, mapped, true);
      if (d) diff.drifted.push(d);
    }
  }
  for (const [accountId, r] of held) if (!known.has(accountId) && active(r)) diff.extra.push({ accountId });
  return diff;
}

export function diffContacts(netsuite: ReadonlyArray<{ recordId: string; payload: ContactPayload }>, freshsuccess: readonly FsRecord[], mapped: MappedDimensions = {}): ReconcileDiff {
  const held = new Map<string, FsRecord[]>();
  for (const r of freshsuccess) {
    const userId = String(r['user_id']);
    held.set(userId, [...(held.get(userId) ?? []), r]);
  }
  const diff: ReconcileDiff = { missing: [], drifted: [], extra: [] };
  const known = new Set<string>();
  for (const { recordId, payload } of netsuite) {
    known.add(payload.user_id);
    const copies = held.get(payload.user_id) ?? [];
    const current = copies.find((c) => String(c['account_id']) === payload.account_id);
    if (!current) {
      diff.missing.push(recordId);
    } else {
      const d = drift(recordId, payload, current, mapped, false);
      if (d) diff.drifted.push(d);
    }
    // An active copy on another account: a move Freshsuccess kept as a second contact.
    for (const c of copies) {
      if (String(c['account_id']) !== payload.account_id && active(c)) diff.extra.push({ accountId: String(c['account_id']), userId: payload.user_id });
    }
  }
  for (const [userId, copies] of held) {
    if (known.has(userId)) continue;
    for (const c of copies) if (active(c)) diff.extra.push({ accountId: String(c['account_id']), userId });
  }
  return diff;
}

/**
 * The account dimension keys a mapping writes that a removal exists for, by array name: text
 * (labels) and number (values). Dates and contact dimensions have no removal (contract §6), so
 * a value left behind there could never be cleared and is not reported.
 */
export function removableDimensions(custom: readonly CustomFieldMapping[]): MappedDimensions {
  const arrayOf: Partial<Record<CustomFieldMapping['type'], (typeof DIMENSIONS)[number]>> = { text: 'custom_label_dimensions', number: 'custom_value_dimensions' };
  const out: Partial<Record<(typeof DIMENSIONS)[number], Map<string, string>>> = {};
  for (const m of custom) {
    const name = arrayOf[m.type];
    if (!name) continue;
    (out[name] = out[name] ?? new Map()).set(m.key, m.fieldId);
  }
  return out;
}
