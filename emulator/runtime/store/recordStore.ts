/**
 * The account's data: one table per store type, internal ids from counters, system dates from
 * the simulated clock, and the deleted-record log. It stores what it is given after
 * `validateRecord`; User Events and governance live a layer up (N/record, rt.records).
 */
import type { SimulatedClock } from '../services';
import type { ExecutionContextType } from '../execution';
import { nsError } from '../errors';
import { cloneValue, isEmpty } from './fieldValues';
import type { RecordTypeSchema } from './schema';
import type { SchemaRegistry } from './schemaRegistry';

export interface StoredRecord {
  type: string;
  id: number;
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

  /** A copy of the stored record, or undefined. */
  find(type: string, id: unknown): StoredRecord | undefined {
    const n = toId(id);
    const r = n === undefined ? undefined : this.table(type).get(n);
    return r && copy(r);
  }

  get(type: string, id: unknown): StoredRecord {
    const r = this.find(type, id);
    if (!r) throw nsError.recordMissing(type, id);
    return r;
  }

  /**
   * Live rows in internal-id order, read-only (search reads these without copying). Ids only
   * grow and tables keep insertion order, so no sort is needed.
   */
  rows(type: string): StoredRecord[] {
    return [...this.table(type).values()];
  }

  /** Live rows for the given ids (skipping missing ones), in internal-id order. */
  rowsById(type: string, ids: Iterable<unknown>): StoredRecord[] {
    const table = this.table(type);
    const out: StoredRecord[] = [];
    for (const id of new Set([...ids].map((i) => toId(i)).filter((i): i is number => i !== undefined))) {
      const r = table.get(id);
      if (r) out.push(r);
    }
    return out.sort((a, b) => a.id - b.id);
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
    const v: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(values)) v[k] = cloneValue(val);
    const [created, modified] = systemDateFields(schema);
    if (!options.keepDates || !(v[created] instanceof Date)) v[created] = now;
    if (!options.keepDates || !(v[modified] instanceof Date)) v[modified] = now;
    const rec = { type: schema.type, id, values: v, version: 1 };
    this.table(schema.type).set(id, rec);
    return copy(rec);
  }

  /** Applies `changes` and moves the last-modified date. */
  update(type: string, id: unknown, changes: Record<string, unknown>): StoredRecord {
    const schema = this.schemas.get(type);
    const rec = this.table(schema.type).get(toId(id) ?? NaN);
    if (!rec) throw nsError.recordMissing(type, id);
    for (const [k, val] of Object.entries(changes)) rec.values[k] = cloneValue(val);
    rec.values[systemDateFields(schema)[1]] = this.clock.now();
    rec.version = (rec.version ?? 1) + 1;
    return copy(rec);
  }

  /** Removes the record and writes the deleted-record log entry. */
  remove(type: string, id: unknown, meta: { recordType: string; context: DeletedRecordEntry['context']; deletedBy: number }): DeletedRecordEntry {
    const schema = this.schemas.get(type);
    const n = toId(id);
    const rec = n === undefined ? undefined : this.table(schema.type).get(n);
    if (!rec) throw nsError.recordMissing(type, id);
    this.table(schema.type).delete(rec.id);
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
    return this.rows(type).filter((r) => String(r.values[fieldId] ?? '') === String(id)).map(copy);
  }

  /** The display name of a referenced record (select text), '' when missing. */
  nameOf(type: string, id: unknown): string {
    if (isEmpty(id)) return '';
    const n = toId(id);
    const rec = n === undefined || !this.schemas.has(type) ? undefined : this.table(type).get(n);
    return rec ? this.schemas.get(type).displayName(rec.values) : '';
  }
}

export function systemDateFields(schema: RecordTypeSchema): [string, string] {
  return schema.costClass === 'custom' ? ['created', 'lastmodified'] : ['datecreated', 'lastmodifieddate'];
}

export function toId(id: unknown): number | undefined {
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\s*-?\d+\s*$/.test(id) ? Number(id) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

function copy(r: StoredRecord): StoredRecord {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.values)) values[k] = cloneValue(v);
  return { type: r.type, id: r.id, values, version: r.version };
}
