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

/** What one page of Freshsuccess records shows against their NetSuite counterparts. */
export interface PageFindings {
  drifted: Difference[];
  extra: Array<{ accountId: string; userId?: string }>;
  /** NetSuite record ids Freshsuccess holds a current copy of: the ones not matched anywhere are missing. */
  matched: string[];
}

/**
 * Freshsuccess accounts against the NetSuite customers (in scope) that carry their account_ids.
 * Works page by page: an account with no counterpart is an extra, one with a counterpart is
 * compared; which NetSuite customers are missing needs every page (see `missingOf`).
 */
export function compareAccounts(netsuite: ReadonlyArray<{ recordId: string; payload: AccountPayload }>, freshsuccess: readonly FsRecord[], mapped: MappedDimensions = {}): PageFindings {
  const byKey = new Map<string, { recordId: string; payload: AccountPayload }>();
  for (const n of netsuite) byKey.set(n.payload.account_id, n);
  const found: PageFindings = { drifted: [], extra: [], matched: [] };
  for (const r of freshsuccess) {
    const accountId = String(r['account_id']);
    const n = byKey.get(accountId);
    if (!n) {
      if (active(r)) found.extra.push({ accountId });
      continue;
    }
    found.matched.push(n.recordId);
    const d = drift(n.recordId, n.payload, r, mapped, true);
    if (d) found.drifted.push(d);
  }
  return found;
}

/**
 * Freshsuccess contact copies against the NetSuite contacts (in scope) with their user_ids. The
 * copy on the contact's own account is compared; an active copy on another account (a move
 * Freshsuccess kept as a second contact) or of a user NetSuite does not know is an extra.
 */
export function compareContacts(netsuite: ReadonlyArray<{ recordId: string; payload: ContactPayload }>, freshsuccess: readonly FsRecord[], mapped: MappedDimensions = {}): PageFindings {
  const byUser = new Map<string, Array<{ recordId: string; payload: ContactPayload }>>();
  for (const n of netsuite) {
    const list = byUser.get(n.payload.user_id);
    if (list) list.push(n);
    else byUser.set(n.payload.user_id, [n]);
  }
  const found: PageFindings = { drifted: [], extra: [], matched: [] };
  for (const c of freshsuccess) {
    const userId = String(c['user_id']);
    const accountId = String(c['account_id']);
    const n = byUser.get(userId)?.find((x) => x.payload.account_id === accountId);
    if (!n) {
      if (active(c)) found.extra.push({ accountId, userId });
      continue;
    }
    found.matched.push(n.recordId);
    const d = drift(n.recordId, n.payload, c, mapped, false);
    if (d) found.drifted.push(d);
  }
  return found;
}

/** NetSuite record ids no Freshsuccess page matched. */
export function missingOf(netsuite: Iterable<string>, matched: Iterable<string>): string[] {
  const seen = new Set(matched);
  const missing: string[] = [];
  for (const id of netsuite) if (!seen.has(id)) missing.push(id);
  return missing;
}

/** The whole comparison when both sides fit in memory (small accounts, tests). */
export function diffAccounts(netsuite: ReadonlyArray<{ recordId: string; payload: AccountPayload }>, freshsuccess: readonly FsRecord[], mapped: MappedDimensions = {}): ReconcileDiff {
  const found = compareAccounts(netsuite, freshsuccess, mapped);
  return { missing: missingOf(netsuite.map((n) => n.recordId), found.matched), drifted: found.drifted, extra: found.extra };
}

export function diffContacts(netsuite: ReadonlyArray<{ recordId: string; payload: ContactPayload }>, freshsuccess: readonly FsRecord[], mapped: MappedDimensions = {}): ReconcileDiff {
  const found = compareContacts(netsuite, freshsuccess, mapped);
  return { missing: missingOf(netsuite.map((n) => n.recordId), found.matched), drifted: found.drifted, extra: found.extra };
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
