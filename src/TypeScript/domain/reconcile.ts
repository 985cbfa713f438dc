/**
 * Compares what Freshsuccess holds with what NetSuite would push now. Missing and drifted
 * records are re-queued; extras (active in Freshsuccess, unknown to NetSuite's scope) are
 * reported, and re-queued as deletions only when the admin asks for it, because Freshsuccess
 * may hold accounts from other systems.
 */
import type { AccountPayload, ContactPayload, Dimension } from './types';

export interface Difference {
  recordId: string;
  fields: string[];
}

export interface ReconcileDiff {
  /** NetSuite record ids missing in Freshsuccess. */
  missing: string[];
  drifted: Difference[];
  /** Freshsuccess keys (account_id, or account_id + user_id) with no NetSuite counterpart. */
  extra: Array<{ accountId: string; userId?: string }>;
}

type FsRecord = Record<string, unknown>;
const DIMENSIONS = ['custom_label_dimensions', 'custom_value_dimensions', 'custom_event_dimensions'];
/** Fields Freshsuccess reads back under another name, or not at all. */
const READ_NAME: Record<string, string> = { stage: 'current_stage' };
const NOT_COMPARED = new Set(['account_id', 'user_id', 'inactive_time']);

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : v);
  return norm(a) === norm(b);
}

function dimensionDrift(sent: Dimension<unknown>[] | undefined, held: unknown): boolean {
  if (!sent || sent.length === 0) return false;
  // Freshsuccess may return dimensions as an array of {key,value} or as an object.
  const map = new Map<string, unknown>();
  if (Array.isArray(held)) for (const d of held as Array<{ key?: unknown; value?: unknown }>) map.set(String(d.key), d.value);
  else if (held && typeof held === 'object') for (const [k, v] of Object.entries(held as object)) map.set(k, v);
  else return true;
  return sent.some((d) => !map.has(d.key) || !same(map.get(d.key), d.value));
}

function driftedFields(sent: AccountPayload | ContactPayload, held: FsRecord): string[] {
  const fields: string[] = [];
  for (const [name, value] of Object.entries(sent)) {
    if (NOT_COMPARED.has(name)) continue;
    if (DIMENSIONS.includes(name)) {
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

export function diffAccounts(netsuite: ReadonlyArray<{ recordId: string; payload: AccountPayload }>, freshsuccess: readonly FsRecord[]): ReconcileDiff {
  const held = new Map<string, FsRecord>();
  for (const r of freshsuccess) held.set(String(r['account_id']), r);
  const diff: ReconcileDiff = { missing: [], drifted: [], extra: [] };
  const known = new Set<string>();
  for (const { recordId, payload } of netsuite) {
    known.add(payload.account_id);
    const h = held.get(payload.account_id);
    if (!h) diff.missing.push(recordId);
    else {
      const fields = driftedFields(payload, h);
      if (fields.length > 0) diff.drifted.push({ recordId, fields });
    }
  }
  for (const [accountId, r] of held) if (!known.has(accountId) && active(r)) diff.extra.push({ accountId });
  return diff;
}

export function diffContacts(netsuite: ReadonlyArray<{ recordId: string; payload: ContactPayload }>, freshsuccess: readonly FsRecord[]): ReconcileDiff {
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
      const fields = driftedFields(payload, current);
      if (fields.length > 0) diff.drifted.push({ recordId, fields });
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
