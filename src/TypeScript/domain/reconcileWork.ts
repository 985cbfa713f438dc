/**
 * The reconcile's work as a Map/Reduce. Both sides are too large to hold at once in a large
 * account (1,000,000 contacts are hundreds of MB either way, past the 200 MB a Map/Reduce may
 * persist across its stages), so neither is carried whole:
 *
 * - one map per Freshsuccess page compares that page with its NetSuite counterparts, looked up by
 *   key, and keeps only what differs plus the NetSuite ids it matched;
 * - one map per range of NetSuite internal ids lists the records in scope there;
 * - one reduce per range subtracts the matched ids from the listed ones: those are missing.
 *
 * Stage data is then a few bytes per record (ids), not the records.
 */
import type { Difference } from './reconcile';
import type { RecordKind } from './types';

export type ListEndpoint = 'accounts' | 'account_contacts';

export const ENDPOINT_OF: Record<RecordKind, ListEndpoint> = { customer: 'accounts', contact: 'account_contacts' };

/**
 * Internal-id ranges of one record type: range i covers ids from `min + i * width` up to the
 * next range's start. The bounds are those of every record the scope could hold when the run
 * began; a record created later falls outside and is left to the next reconcile (it was queued
 * on save anyway).
 */
export interface IdRanges {
  min: number;
  max: number;
  width: number;
  count: number;
}

/** In-scope records a range is sized for: one map reads them in one or two searches. */
export const RECORDS_PER_RANGE = 2000;

/**
 * The widest range, in ids. Ranges are cut by id span, and ids are not spread evenly (a bulk
 * import takes one dense block of them), but a range can never hold more records than ids: at
 * 10,000 its map reads at most 3 pages of rows and checks at most 10,000 companies (100 units
 * with a saved-search scope), far within its 1,000.
 */
export const MAX_RANGE_IDS = 10_000;

/** Ranges at most: past this many (a span of over 200 million ids) they widen again rather than multiply. */
export const MAX_RANGES = 20_000;

export function idRanges(bounds: { min: number; max: number; count: number } | null): IdRanges | null {
  if (!bounds || bounds.count === 0 || bounds.max < bounds.min) return null;
  const span = bounds.max - bounds.min + 1;
  const bySize = Math.max(1, Math.min(Math.ceil(bounds.count / RECORDS_PER_RANGE), span));
  const width = Math.max(Math.min(Math.ceil(span / bySize), MAX_RANGE_IDS), Math.ceil(span / MAX_RANGES));
  return { min: bounds.min, max: bounds.max, width, count: Math.ceil(span / width) };
}

/** The range an internal id falls in, or null outside the bounds. */
export function rangeOf(id: number, r: IdRanges): number | null {
  if (!Number.isInteger(id) || id < r.min || id > r.max) return null;
  return Math.floor((id - r.min) / r.width);
}

export function rangeBounds(i: number, r: IdRanges): { from: number; to: number } {
  const from = r.min + i * r.width;
  return { from, to: Math.min(r.max, from + r.width - 1) };
}

/** A map's work: a Freshsuccess page, or a range of NetSuite ids. */
export type ReconcileItem =
  | { kind: RecordKind; page: number; last: boolean; ranges: IdRanges | null }
  | { kind: RecordKind; range: number; ranges: IdRanges };

/** Keys: getInputData's items, the reduce keys maps write, and what reduces hand to summarize. */
const BUCKET = /^RB\|(customer|contact)\|(\d+)$/;
const FINDINGS = /^RF\|(customer|contact)\|(\d+)$/;

export const pageKey = (kind: RecordKind, page: number): string => `RP|${kind}|${page}`;
export const rangeKey = (kind: RecordKind, range: number): string => `RN|${kind}|${range}`;
export const bucketKey = (kind: RecordKind, range: number): string => `RB|${kind}|${range}`;
/** A page's differences, under the page's own key (its reduce hands them on). */
export const findingsKey = (kind: RecordKind, page: number): string => `RF|${kind}|${page}`;
export const isFindingsKey = (key: string): boolean => FINDINGS.test(key);

const KEY = /^R([PNBF])\|(customer|contact)\|(\d+)$/;

/**
 * A failed key in words for the admin, or '' when its error names it already (a page's map says
 * which Freshsuccess page failed).
 */
export function workKeyText(key: string): string {
  const m = KEY.exec(key);
  if (!m) return key;
  const [, part, kind, n] = m;
  const range = `internal id range ${Number(n) + 1}`;
  switch (part) {
    case 'P': return '';
    case 'N': return `reading NetSuite's ${kind}s (${range})`;
    case 'B': return `finding the missing ${kind}s (${range})`;
    default: return `the ${kind} differences of Freshsuccess page ${Number(n) + 1}`;
  }
}

export function parseBucketKey(key: string): { kind: RecordKind; range: number } | null {
  const m = BUCKET.exec(key);
  return m ? { kind: m[1] as RecordKind, range: Number(m[2]) } : null;
}

/** A bucket's values: the ids NetSuite holds in scope there ('n'), or ids a page matched ('m'). */
export type BucketValue = { n: string[] } | { m: string[] };

/** What a page's map hands on (under its own key) and what each reduce writes for summarize. */
export interface Findings {
  kind: RecordKind;
  drifted?: Difference[];
  extra?: Array<{ accountId: string; userId?: string }>;
  missing?: string[];
  /** Freshsuccess records read (pages only). */
  read?: number;
}

/** Groups matched ids by the range they fall in (ids outside every range are dropped). */
export function byRange(ids: readonly string[], r: IdRanges | null): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!r) return out;
  for (const id of ids) {
    const i = rangeOf(Number(id), r);
    if (i === null) continue;
    const list = out.get(i);
    if (list) list.push(id);
    else out.set(i, [id]);
  }
  return out;
}
