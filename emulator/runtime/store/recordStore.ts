/**
 * The account's data: one table per store type, internal ids from counters, system dates from
 * the simulated clock, and the deleted-record log. It stores what it is given after
 * `validateRecord`; User Events and governance live a layer up (N/record, rt.records).
 *
 * Stored records are frozen snapshots: a write builds a new one (copy on write), a read hands
 * out the snapshot itself, so reads cost nothing per field and no reader can change the store
 * through what it read (N/record copies values into its Record, N/search presents them as text).
 * Date fields are held as epoch milliseconds (`toStored`); `plainValues` gives them back as Dates.
 */
import type { SimulatedClock } from '../services';
import type { ExecutionContextType } from '../execution';
import { nsError } from '../errors';
import { isEmpty, plainValues, toStored } from './fieldValues';
import { isDate } from '../values';
import type { RecordTypeSchema } from './schema';
import type { SchemaRegistry } from './schemaRegistry';

export interface StoredRecord {
  type: string;
  id: number;
  /** Stored form: date fields as epoch milliseconds (fieldValues.ts, toStored / plainValues). */
  values: Record<string, unknown>;
  /** Bumped by every write; a record saved from a stale load is refused (RCRD_HAS_BEEN_CHANGED). */
  version?: number;
}

export interface DeletedRecordEntry {
  /** Record type as scripts name it ('customer', 'lead', 'contact', 'customrecord_x'). */
  recordType: string;
  recordId: number;
  name: string;
  deletedDate: Date;
  context: ExecutionContextType | 'MERGE';
  deletedBy: number;
  externalId: string;
}

/** Entities share one id sequence in NetSuite: a customer and a contact never share an id. */
const ENTITY_TYPES = new Set(['customer', 'contact', 'employee']);

export class RecordStore {
  private readonly tables = new Map<string, Map<number, StoredRecord>>();
  /** Per table, its records in internal-id order; rebuilt lazily after a delete or an out-of-order insert. */
  private readonly ordered = new Map<string, StoredRecord[]>();
  private readonly counters = new Map<string, number>();
  readonly deletedLog: DeletedRecordEntry[] = [];
  /**
   * [open] Which deleted-record search columns yield the deleted record's internal id. NetSuite's
   * name for it is unconfirmed; tests model an account where `recordid` yields nothing.
   */
  deletedRecordIdColumns: readonly string[] = ['recordid', 'internalid'];

  constructor(readonly schemas: SchemaRegistry, private readonly clock: SimulatedClock) {}

  private table(type: string): Map<number, StoredRecord> {
    const t = type.toLowerCase();
    let table = this.tables.get(t);
    if (!table) {
      this.schemas.get(t); // throws INVALID_RCRD_TYPE for an unknown type
      table = new Map();
      this.tables.set(t, table);
    }
    return table;
  }

  private nextId(type: string): number {
    const key = ENTITY_TYPES.has(type) ? 'entity' : type;
    const n = (this.counters.get(key) ?? (key === 'entity' ? 100 : 0)) + 1;
    this.counters.set(key, n);
    return n;
  }

  exists(type: string, id: unknown): boolean {
    const n = toId(id);
    return n !== undefined && this.table(type).has(n);
  }

  /** The stored record (a frozen snapshot), or undefined. */
  find(type: string, id: unknown): StoredRecord | undefined {
    const n = toId(id);
    return n === undefined ? undefined : this.table(type).get(n);
  }

  get(type: string, id: unknown): StoredRecord {
    const r = this.find(type, id);
    if (!r) throw nsError.recordMissing(type, id);
    return r;
  }

  /** Rows in internal-id order (frozen snapshots; the array is the caller's). */
  rows(type: string): StoredRecord[] {
    return this.inIdOrder(type).slice();
  }

  /** Rows in internal-id order with their values as scripts see them (dates as Date objects): copies, for tests and reports. */
  plainRows(type: string): StoredRecord[] {
    const schema = this.schemas.get(type);
    return this.inIdOrder(type).map((r) => ({ ...r, values: plainValues(schema, r.values) }));
  }

  /**
   * Rows with an internal id above `afterId` (or at least `afterId + 1`), in internal-id order,
   * as of this call: found by binary search, so a keyset page costs its own size, not the table's.
   */
  *rowsAfter(type: string, afterId: number): Generator<StoredRecord> {
    const rows = this.inIdOrder(type);
    const end = rows.length;
    let lo = 0;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid]!.id <= afterId) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < end; i++) yield rows[i]!;
  }

  /** Live rows for the given ids (skipping missing ones), in internal-id order. */
  rowsById(type: string, ids: Iterable<unknown>): StoredRecord[] {
    const table = this.table(type);
    const wanted = new Set<number>();
    for (const i of ids) {
      const n = toId(i);
      if (n !== undefined) wanted.add(n);
    }
    const out: StoredRecord[] = [];
    for (const id of wanted) {
      const r = table.get(id);
      if (r) out.push(r);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  private inIdOrder(type: string): StoredRecord[] {
    const table = this.table(type);
    const key = type.toLowerCase();
    let rows = this.ordered.get(key);
    if (!rows || rows.length !== table.size) {
      rows = Array.from(table.values()).sort((a, b) => a.id - b.id);
      this.ordered.set(key, rows);
    }
    return rows;
  }

  /** Keeps the id-ordered view in step with a write, or drops it to be rebuilt. */
  private indexWrite(type: string, rec: StoredRecord, kind: 'insert' | 'update'): void {
    const rows = this.ordered.get(type);
    if (!rows) return;
    if (kind === 'insert') {
      const last = rows[rows.length - 1];
      if (!last || last.id < rec.id) rows.push(rec);
      else this.ordered.delete(type);
      return;
    }
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const id = rows[mid]!.id;
      if (id === rec.id) {
        rows[mid] = rec;
        return;
      }
      if (id < rec.id) lo = mid + 1;
      else hi = mid - 1;
    }
    this.ordered.delete(type);
  }

  count(type: string): number {
    return this.table(type).size;
  }

  /**
   * Stores a new record; system dates come from the clock unless `keepDates` (seeding history).
   * `id` places a record at a known internal id (NetSuite's built-in list values).
   */
  insert(type: string, values: Record<string, unknown>, options: { keepDates?: boolean; id?: number } = {}): StoredRecord {
    const schema = this.schemas.get(type);
    const id = options.id ?? this.nextId(schema.type);
    if (options.id !== undefined) {
      if (this.table(schema.type).has(id)) throw new Error(`${schema.type} ${id} already exists`);
      const key = ENTITY_TYPES.has(schema.type) ? 'entity' : schema.type;
      this.counters.set(key, Math.max(this.counters.get(key) ?? 0, id));
    }
    const now = this.clock.now();
    const v = new Map<string, unknown>();
    for (const [k, val] of Object.entries(values)) v.set(k, storedValue(schema, k, val));
    const [created, modified] = systemDateFields(schema);
    // Each by its own field's type: list records have a last-modified date but no created one.
    if (!options.keepDates || !isStoredDate(v.get(created))) v.set(created, storedValue(schema, created, now));
    if (!options.keepDates || !isStoredDate(v.get(modified))) v.set(modified, storedValue(schema, modified, now));
    const rec = snapshot({ type: schema.type, id, values: compactValues(v), version: 1 });
    this.table(schema.type).set(id, rec);
    this.indexWrite(schema.type, rec, 'insert');
    return rec;
  }

  /** Applies `changes` and moves the last-modified date. */
  update(type: string, id: unknown, changes: Record<string, unknown>): StoredRecord {
    const schema = this.schemas.get(type);
    const old = this.table(schema.type).get(toId(id) ?? NaN);
    if (!old) throw nsError.recordMissing(type, id);
    const values = new Map(Object.entries(old.values));
    for (const [k, val] of Object.entries(changes)) values.set(k, storedValue(schema, k, val));
    const modified = systemDateFields(schema)[1];
    values.set(modified, storedValue(schema, modified, this.clock.now()));
    const rec = snapshot({ type: old.type, id: old.id, values: compactValues(values), version: (old.version ?? 1) + 1 });
    this.table(schema.type).set(rec.id, rec);
    this.indexWrite(schema.type, rec, 'update');
    return rec;
  }

  /** Removes the record and writes the deleted-record log entry. */
  remove(type: string, id: unknown, meta: { recordType: string; context: DeletedRecordEntry['context']; deletedBy: number }): DeletedRecordEntry {
    const schema = this.schemas.get(type);
    const n = toId(id);
    const rec = n === undefined ? undefined : this.table(schema.type).get(n);
    if (!rec) throw nsError.recordMissing(type, id);
    this.table(schema.type).delete(rec.id);
    this.ordered.delete(schema.type);
    const entry: DeletedRecordEntry = {
      recordType: meta.recordType,
      recordId: rec.id,
      name: schema.displayName(rec.values),
      deletedDate: this.clock.now(),
      context: meta.context,
      deletedBy: meta.deletedBy,
      externalId: typeof rec.values.externalid === 'string' ? rec.values.externalid : '',
    };
    this.deletedLog.push(entry);
    return entry;
  }

  /** Records of `type` whose field `fieldId` points at `id` (children, contacts of a company). */
  referencing(type: string, fieldId: string, id: number): StoredRecord[] {
    return this.inIdOrder(type).filter((r) => String(r.values[fieldId] ?? '') === String(id));
  }

  /**
   * The display name of a referenced record (select text), '' when missing. Kept per stored
   * snapshot: a search shows the same company, sales rep or subsidiary on thousands of rows, and
   * a write makes a new snapshot, so a name never outlives the values it was made from.
   */
  nameOf(type: string, id: unknown): string {
    if (isEmpty(id)) return '';
    const n = toId(id);
    const rec = n === undefined || !this.schemas.has(type) ? undefined : this.table(type).get(n);
    if (!rec) return '';
    let name = DISPLAY_NAMES.get(rec);
    if (name === undefined) DISPLAY_NAMES.set(rec, (name = this.schemas.get(type).displayName(rec.values)));
    return name;
  }
}

export function systemDateFields(schema: RecordTypeSchema): [string, string] {
  return schema.costClass === 'custom' ? ['created', 'lastmodified'] : ['datecreated', 'lastmodifieddate'];
}

/** A date as the store holds it: milliseconds in a date field, a Date where the type has no such field. */
function isStoredDate(v: unknown): boolean {
  return typeof v === 'number' || isDate(v);
}

export function toId(id: unknown): number | undefined {
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\s*-?\d+\s*$/.test(id) ? Number(id) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/**
 * A value as the store keeps it: its own copy (Dates, arrays), and text flat. Text built by
 * concatenation (`${first}.${last}@${domain}`) is a tree of pieces in V8, several times the size
 * of the text; reading one character makes V8 copy it into one flat string, and the next garbage
 * collection drops the pieces. The value is the same string to every reader.
 */
const DISPLAY_NAMES = new WeakMap<StoredRecord, string>();

function storedValue(schema: RecordTypeSchema, field: string, v: unknown): unknown {
  if (typeof v === 'string') {
    if (v.length > 12) v.charCodeAt(0);
    return v;
  }
  return toStored(schema.fields.get(field), v);
}

/**
 * The values as a plain object in V8's fast (shape-based) mode. Built key by key with computed
 * names, an object of more than about 16 fields falls back to a hash table (dictionary mode):
 * about 1 KB per customer instead of about 200 bytes, and slower to read in every search.
 * Object.fromEntries keeps the fast layout; key order stays the order the fields were given in.
 */
function compactValues(values: Map<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(values);
}

/**
 * Freezes a record built from values the store owns (cloned on the way in). Arrays are frozen
 * too; date fields are numbers, and a Date kept in a field without a date type cannot be
 * frozen, which is safe because every path to scripts copies it (plainValues, readFieldValue).
 */
function snapshot(r: StoredRecord): StoredRecord {
  for (const v of Object.values(r.values)) if (Array.isArray(v)) Object.freeze(v);
  Object.freeze(r.values);
  return Object.freeze(r);
}
