/**
 * Cutting work into Freshsuccess batches: capped by record count and by body bytes (the real
 * body limit is [open], so both caps are configurable), parents before children.
 */
import type { BatchLimits } from './config';

const NOT_ASCII = /[^\x00-\x7f]/;

/** UTF-8 byte length without TextEncoder (not in the SuiteScript ES2019 lib). */
export function utf8Length(s: string): number {
  // ASCII is one byte a character: the engine's own regex scan finds the first other character
  // far faster than a character loop (most payload text is ASCII), and the loop starts there.
  const first = s.search(NOT_ASCII);
  if (first < 0) return s.length;
  let bytes = first;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `{"records":[` + `]}` around the records, plus one comma between each. */
const ENVELOPE_BYTES = 14;

export interface Sized<T> {
  item: T;
  bytes: number;
  /** Requests of its own the item needs besides the batch's one POST (e.g. DELETEs); 0 when absent. */
  requests?: number;
}

/**
 * Greedy, order-preserving. A single item above maxBytes gets a batch of its own (a 413 then
 * dead-letters it). `maxRequests` caps the items' own requests per batch (see domain/pushBudget.ts).
 */
export function cutGreedy<T>(items: readonly Sized<T>[], limits: BatchLimits, maxRequests = Number.POSITIVE_INFINITY): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = ENVELOPE_BYTES;
  let requests = 0;
  for (const { item, bytes: size, requests: own = 0 } of items) {
    const extra = size + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (current.length >= limits.maxRecords || bytes + extra > limits.maxBytes || requests + own > maxRequests)) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
      requests = 0;
    }
    bytes += size + (current.length > 0 ? 1 : 0);
    requests += own;
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * As few batches as the greedy cut, but of even sizes: N records needing k requests go as k
 * batches of about N/k (2,600 records at a cap of 2,500 → 1,300 + 1,300, not 2,500 + 100). The
 * request count never grows: when an even cut would need more batches (uneven record sizes
 * under the byte cap), the greedy cut is kept.
 */
export function cutBatches<T>(items: readonly Sized<T>[], limits: BatchLimits, maxRequests = Number.POSITIVE_INFINITY): T[][] {
  const greedy = cutGreedy(items, limits, maxRequests);
  const k = greedy.length;
  if (k <= 1) return greedy;
  let total = 0;
  let largest = 0;
  for (const s of items) {
    total += s.bytes + 1;
    largest = Math.max(largest, s.bytes);
  }
  const records = Math.ceil(items.length / k);
  const tries: BatchLimits[] = [
    { maxRecords: records, maxBytes: Math.min(limits.maxBytes, ENVELOPE_BYTES + Math.ceil(total / k) + largest) },
    { maxRecords: records, maxBytes: limits.maxBytes },
  ];
  for (const t of tries) {
    const even = cutGreedy(items, t, maxRequests);
    if (even.length <= k) return even;
  }
  return greedy;
}

/** Greedy, order-preserving: a new part starts when the next item would take it past `max` distinct keys. */
function cutDistinct<T>(items: readonly T[], keysOf: (item: T) => readonly number[], max: number): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let seen = new Set<number>();
  for (const item of items) {
    const keys = keysOf(item);
    const fresh = new Set(keys.filter((k) => !seen.has(k))).size;
    if (current.length > 0 && seen.size + fresh > max) {
      parts.push(current);
      current = [];
      seen = new Set<number>();
    }
    keys.forEach((k) => seen.add(k));
    current.push(item);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * Splits each batch so that none carries more than `max` distinct keys (the RETRY entries a batch
 * closes, each a write the invocation pays for), into even parts when that does not add parts.
 * An item whose own keys exceed `max` keeps a part of its own (it cannot be split).
 */
export function boundDistinct<T>(batches: readonly T[][], keysOf: (item: T) => readonly number[], max: number): T[][] {
  const out: T[][] = [];
  for (const batch of batches) {
    const greedy = cutDistinct(batch, keysOf, max);
    if (greedy.length <= 1) {
      out.push(...greedy);
      continue;
    }
    const total = new Set(batch.flatMap((item) => [...keysOf(item)])).size;
    const even = cutDistinct(batch, keysOf, Math.ceil(total / greedy.length));
    out.push(...(even.length <= greedy.length ? even : greedy));
  }
  return out;
}

/**
 * Depth of each account in the hierarchy formed by the accounts at hand (a parent outside the set
 * counts as already present). Cycles — possible in bad data — are cut rather than looped.
 */
export function hierarchyDepths(accounts: ReadonlyArray<{ account_id: string; parent_account_id?: string }>): Map<string, number> {
  const parentOf = new Map<string, string>();
  for (const a of accounts) parentOf.set(a.account_id, a.parent_account_id ?? '');
  const depths = new Map<string, number>();
  for (const a of accounts) {
    // Walk up while the parent is in the set; a repeat means a cycle, which is cut there.
    let depth = 0;
    const seen = new Set<string>([a.account_id]);
    let parent = parentOf.get(a.account_id) ?? '';
    while (parent !== '' && parentOf.has(parent) && !seen.has(parent)) {
      seen.add(parent);
      depth++;
      parent = parentOf.get(parent) ?? '';
    }
    depths.set(a.account_id, depth);
  }
  return depths;
}

/** Stable sort: parents before children, otherwise input order. */
export function parentsFirst<T>(items: readonly T[], account: (t: T) => { account_id: string; parent_account_id?: string }): T[] {
  const depths = hierarchyDepths(items.map(account));
  return items
    .map((item, i) => ({ item, i, d: depths.get(account(item).account_id) ?? 0 }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.item);
}
