/**
 * The payload preview of the admin page: what the drain would send for one customer or contact
 * now, worked out by the drain's own steps (planBatches: scope, mapping, validation, duplicate
 * keys; then sendable, as pushRecords does just before a request), never by a copy of them. It
 * also lists every value cut or left out, with why, from what those steps report.
 */
import { workItem } from './coalesce';
import type { SyncConfig } from './config';
import type { DimensionArrays } from './dimensions';
import { hintFor } from './hints';
import { accountIdFor } from './identity';
import { mapContact, mapCustomer } from './mapping';
import { planBatches, type PlanInput } from './plan';
import { REPLACED_REASON, sendable } from './sendable';
import type { ContactSnapshot, CustomerSnapshot, Omission, RecordKind } from './types';

/** The admin page's parameter naming the record to preview, as "customer:123" (like Resync now's). */
export const PREVIEW_PARAM = 'fsc_preview';

/** One dimension the payload carries, with the NetSuite field it comes from. */
export interface DimensionRow {
  key: string;
  /** What Freshsuccess makes of it: a text label, a number value, a date event. */
  type: 'text' | 'number' | 'date';
  value: string | number;
  /** The mapped NetSuite field, or '' when no mapping names this key (cannot happen today). */
  field: string;
}

/** A value cut, replaced or left out: the field, and a sentence naming it and saying why. */
export interface PreviewChange {
  field: string;
  text: string;
}

export type PayloadPreview =
  /** The settings leave the record out (or the scoped read did not find it): nothing is sent. */
  | { status: 'out_of_scope'; reason: string }
  /** In scope, but the drain would not send it: a dead letter or a skip, with the drain's reason. */
  | { status: 'refused'; outcome: 'dead' | 'skipped'; reason: string; hint: string }
  | {
      status: 'sent';
      endpoint: 'accounts' | 'account_contacts';
      /** The record exactly as it goes into the request's `records` list. */
      payload: object;
      dimensions: DimensionRow[];
      changes: PreviewChange[];
    };

export interface PreviewInput {
  kind: RecordKind;
  id: string;
  config: SyncConfig;
  now: number;
  /** The record read with the drain's scoped search (null: not found in scope). */
  customer?: CustomerSnapshot | null;
  contact?: ContactSnapshot | null;
  /** With a saved-search scope: the contact's company if that search keeps it (as the drain passes it). */
  companiesInScope?: ReadonlySet<string>;
  otherKeyHolders?: PlanInput['otherKeyHolders'];
}

const DIMENSION_TYPES: ReadonlyArray<[keyof DimensionArrays, DimensionRow['type']]> = [
  ['custom_label_dimensions', 'text'],
  ['custom_value_dimensions', 'number'],
  ['custom_event_dimensions', 'date'],
];

function dimensionRows(payload: DimensionArrays, kind: RecordKind, config: SyncConfig): DimensionRow[] {
  const rows: DimensionRow[] = [];
  for (const [name, type] of DIMENSION_TYPES) {
    for (const d of payload[name] ?? []) {
      // A boolean field is sent as a number (1/0): found by key among the number-like mappings.
      const mapping = config.mapping[kind].custom.find((m) => m.key === d.key && (m.type === type || (type === 'number' && m.type === 'boolean')));
      rows.push({ key: d.key, type, value: d.value, field: mapping?.fieldId ?? '' });
    }
  }
  return rows;
}

/** `custom_label_dimensions[0].value` → `dimension "notes"`, for the admin. */
function fieldName(path: string, payload: DimensionArrays): string {
  const m = /^(custom_(?:label|value|event)_dimensions)\[(\d+)\]/.exec(path);
  if (!m) return path;
  const d = payload[m[1] as keyof DimensionArrays]?.[Number(m[2])];
  return d ? `dimension "${d.key}"` : path;
}

/** What mapping alone says it left out (excluded, empty, no parent key): the drain's mapping, called again. */
function omissions(input: PreviewInput): Omission[] {
  const { config } = input;
  if (input.kind === 'customer') return input.customer ? mapCustomer(input.customer, config, input.now).omitted : [];
  const c = input.contact;
  return c?.company ? mapContact(c, accountIdFor(c.company, config.accountIdSource), config).omitted : [];
}

export function previewPayload(input: PreviewInput): PayloadPreview {
  const { kind, id, config } = input;
  const item = workItem(kind, id);
  const plan = planBatches({
    runId: 'preview',
    config,
    now: input.now,
    planMax: 0,
    companiesInScope: input.companiesInScope,
    otherKeyHolders: input.otherKeyHolders,
    customers: kind === 'customer' ? [{ item, snapshot: input.customer ?? null }] : [],
    contacts: kind === 'contact' ? [{ item, snapshot: input.contact ?? null }] : [],
  });
  const note = plan.notes.find((n) => n.recordId === id);
  if (note?.outcome === 'ignored') return { status: 'out_of_scope', reason: note.reason };
  if (note) return { status: 'refused', outcome: note.outcome, reason: note.reason, hint: note.hint };
  const upsert = plan.batches
    .flatMap((b) => b.ops as ReadonlyArray<{ op: string; role?: string; payload?: object }>)
    .find((op) => op.op === 'upsert' && op.role !== 'detach' && op.payload !== undefined);
  // A planned record always has its upsert; without one nothing would be sent.
  if (!upsert?.payload) return { status: 'out_of_scope', reason: 'nothing to send' };
  // As pushRecords checks each record just before its request.
  const ready = sendable(upsert.payload);
  if (!ready.ok) return { status: 'refused', outcome: 'dead', reason: ready.reason, hint: hintFor(ready.reason) };
  const payload = ready.payload as DimensionArrays;
  const changes: PreviewChange[] = [
    ...plan.warnings.filter((w) => w.recordId === id).map((w) => ({ field: w.field, text: w.reason })),
    ...ready.replaced.map((path) => fieldName(path, payload)).map((field) => ({ field, text: `${field}: ${REPLACED_REASON}` })),
    ...omissions(input).map((o) => ({ field: o.field, text: `${o.field}: ${o.reason}` })),
  ];
  return { status: 'sent', endpoint: kind === 'customer' ? 'accounts' : 'account_contacts', payload: ready.payload, dimensions: dimensionRows(payload, kind, config), changes };
}

/** How many custom fields the settings send as dimensions, against the plan's cap (null: not set). */
export interface CustomFieldCount {
  customer: number;
  contact: number;
  total: number;
  cap: number | null;
  /** How many more than the cap are mapped (0 when within it or no cap is set). */
  over: number;
}

export function customFieldCount(config: Pick<SyncConfig, 'mapping' | 'customFieldCap' | 'scope'>): CustomFieldCount {
  const customer = config.mapping.customer.custom.length;
  // What is sent: with contacts not synced, their custom fields never reach Freshsuccess.
  const contact = config.scope.syncContacts ? config.mapping.contact.custom.length : 0;
  const total = customer + contact;
  const cap = config.customFieldCap;
  return { customer, contact, total, cap, over: cap === null ? 0 : Math.max(0, total - cap) };
}
