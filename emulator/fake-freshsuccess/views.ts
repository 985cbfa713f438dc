/**
 * How stored records look on the wire (GET), and list queries: 0-based pages, ordering,
 * include_inactive and the include options of docs/freshsuccess-api-contract.md §2.
 */
import { ACCOUNT_SCHEMA, CONTACT_SCHEMA } from './schema';
import type { Dimensions, StoredAccount, StoredContact } from './types';

const ACCOUNT_INCLUDES = [
  'custom_label_dimensions',
  'custom_value_dimensions',
  'custom_event_dimensions',
  'assigned_csms',
] as const;

type Json = Record<string, unknown>;

function dimensionArray(bucket: Record<string, string | number>) {
  return Object.entries(bucket).map(([key, value]) => ({ key, value }));
}

function dimensionsView(d: Dimensions, wanted: (name: string) => boolean): Json {
  const out: Json = {};
  if (wanted('custom_label_dimensions')) out.custom_label_dimensions = dimensionArray(d.labels);
  if (wanted('custom_value_dimensions')) out.custom_value_dimensions = dimensionArray(d.values);
  if (wanted('custom_event_dimensions')) out.custom_event_dimensions = dimensionArray(d.events);
  return out;
}

export function accountView(a: StoredAccount, includes: ReadonlySet<string> | 'all'): Json {
  const wanted = (name: string) => includes === 'all' || includes.has(name);
  return {
    id: a.id,
    ...a.fields,
    account_id: a.account_id,
    // Written as `stage`, read back as `current_stage` [client]; `stage` is echoed too.
    current_stage: a.fields.stage ?? null,
    current_health_score: null, // computed by Freshsuccess from usage: not modelled
    is_active: a.isActive,
    ...dimensionsView(a.dimensions, wanted),
    ...(wanted('assigned_csms') ? { assigned_csms: a.assignedCsms.map((email) => ({ email })) } : {}),
  };
}

export function contactView(c: StoredContact, withDimensions: boolean): Json {
  return {
    id: c.id,
    ...c.fields,
    account_id: c.account_id,
    user_id: c.user_id,
    is_active: c.isActive,
    ...(withDimensions ? dimensionsView(c.dimensions, () => true) : {}),
  };
}

/** Query-string booleans [doc]: integers other than 0 are true, "true"/"false" as written, anything else false. */
export function parseQueryBoolean(raw: string | null, fallback: boolean): boolean {
  if (raw === null) return fallback;
  if (/^[+-]?\d+$/.test(raw)) return Number(raw) !== 0;
  return raw === 'true';
}

export interface ListParams {
  page: number;
  orderBy: string;
  direction: 'asc' | 'desc';
  includeInactive: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ORDERABLE_ACCOUNT = new Set(['id', 'current_stage', 'is_active', ...Object.keys(ACCOUNT_SCHEMA.scalars)]);
const ORDERABLE_CONTACT = new Set(['id', 'is_active', ...Object.keys(CONTACT_SCHEMA.scalars)]);

export function parseListParams(query: URLSearchParams, entity: 'accounts' | 'contacts'): Parsed<ListParams> {
  const pageRaw = query.get('page') ?? '0';
  if (!/^\d+$/.test(pageRaw)) return { ok: false, message: `Invalid page: ${pageRaw} (expecting an integer >= 0)` };
  // Default order is creation order (internal id): stable, so paging never skips or repeats [open].
  const orderBy = query.get('order_by') ?? 'id';
  const orderable = entity === 'accounts' ? ORDERABLE_ACCOUNT : ORDERABLE_CONTACT;
  if (!orderable.has(orderBy)) return { ok: false, message: `Invalid order_by: ${orderBy}` };
  const direction = query.get('direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') {
    return { ok: false, message: `Invalid direction: ${direction} (expecting asc or desc)` };
  }
  return {
    ok: true,
    value: { page: Number(pageRaw), orderBy, direction, includeInactive: parseQueryBoolean(query.get('include_inactive'), false) },
  };
}

export function parseAccountIncludes(raw: string | null): Parsed<Set<string>> {
  const names = (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !(ACCOUNT_INCLUDES as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, message: `Invalid include value(s): ${unknown.join(', ')}` };
  return { ok: true, value: new Set(names) };
}

function compareValues(a: unknown, b: unknown): number {
  // Missing values sort last whatever the direction is applied to the rest.
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface Page {
  results: Json[];
  current_page: number;
  max_page_size: number;
}

/** A stored record as a listing sorts and filters it. */
interface Stored {
  id: number;
  isActive: boolean;
  account_id: string;
  user_id?: string;
}

/** The value a list is ordered by: read off the record for its keys, from its view otherwise. */
function orderKey<T extends Stored>(record: T, view: (r: T) => Json, orderBy: string): unknown {
  if (orderBy === 'id' || orderBy === 'account_id' || orderBy === 'user_id') return record[orderBy];
  if (orderBy === 'is_active') return record.isActive;
  return view(record)[orderBy];
}

/** The records a list shows (inactive ones only when asked), sorted as Freshsuccess does (ties broken by internal id). */
function ordered<T extends Stored>(records: readonly T[], view: (r: T) => Json, params: ListParams): T[] {
  const keyed: Array<{ record: T; key: unknown; id: number; active: boolean }> = [];
  for (const record of records) keyed.push({ record, key: orderKey(record, view, params.orderBy), id: record.id, active: record.isActive });
  const visible = params.includeInactive ? keyed : keyed.filter((k) => k.active);
  const sign = params.direction === 'desc' ? -1 : 1;
  visible.sort((a, b) => {
    const nullish = a.key === undefined || a.key === null || b.key === undefined || b.key === null;
    const c = nullish ? compareValues(a.key, b.key) : sign * compareValues(a.key, b.key);
    return c !== 0 ? c : a.id - b.id;
  });
  return visible.map((k) => k.record);
}

/**
 * Lists page by page. A listing is sorted once per store version and kept (one at a time), so a
 * tenant read page after page (a reconcile reads 1,100 pages of 1,000 at 1,000,000 contacts)
 * sorts once instead of once per page; only the page's own records are turned into views.
 */
export class Listings {
  private kept: { key: string; version: number; records: unknown[] } | null = null;

  page<T extends Stored>(key: string, version: number, records: () => readonly T[], view: (r: T) => Json, params: ListParams, maxPageSize: number): Page {
    const cacheKey = `${key}|${params.orderBy}|${params.direction}|${params.includeInactive}`;
    if (!this.kept || this.kept.key !== cacheKey || this.kept.version !== version) this.kept = { key: cacheKey, version, records: ordered(records(), view, params) };
    const start = params.page * maxPageSize;
    return { results: (this.kept.records as T[]).slice(start, start + maxPageSize).map(view), current_page: params.page, max_page_size: maxPageSize };
  }
}
