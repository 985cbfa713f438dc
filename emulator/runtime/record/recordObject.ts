/**
 * N/record's Record as scripts use it. Holds a copy of the values; `save()` hands itself to the
 * record service, which runs User Events, validation and the store write. Internals are
 * private fields so script code cannot reach them.
 */
import { nsError, SuiteScriptError } from '../errors';
import { formatDate, parseDate } from '../format/dates';
import type { UserPreferences } from '../format/userPreferences';
import { cloneValue, coerceFieldValue, fromStored, readFieldValue } from '../store/fieldValues';
import type { CustomerStage, FieldSpec, RecordTypeSchema } from '../store/schema';
import { BILLING_ADDRESS_FIELDS } from '../store/schema';
import { AddressSubrecord, formatAddressText } from './addressbook';
import { isCheckedText } from '../values';

export interface RecordHost {
  /** Saves the record (create or edit), firing User Events; returns the internal id. */
  save(record: RecordObject, options: { ignoreMandatoryFields?: boolean }): number;
  /** Name of a referenced record, for getText on selects. */
  nameOf(type: string, id: unknown): string;
  /** Finds the id of a `type` record by name, for setText on selects. */
  idByName(type: string, name: string): string | undefined;
  preferences(): UserPreferences;
}

export type RecordMode =
  /** Loaded or created by a script: everything readable and writable. */
  | 'full'
  /** XEDIT newRecord: only the edited fields are present. */
  | 'partial'
  /** DELETE newRecord: only the id. */
  | 'idOnly';

export interface RecordInit {
  schema: RecordTypeSchema;
  id: number | null;
  values: Record<string, unknown>;
  stage?: CustomerStage;
  isDynamic: boolean;
  mode?: RecordMode;
  /** Records handed to a User Event cannot be saved by the script. */
  saveForbidden?: string;
  /** Store version the record was loaded at. */
  version?: number;
}

type FieldOpt = string | { fieldId: string };

export class RecordObject {
  #host: RecordHost;
  #schema: RecordTypeSchema;
  #id: number | null;
  #values: Record<string, unknown>;
  /** Field ids set since load (XEDIT newRecord reports only these). */
  #present: Set<string> | null;
  #stage: CustomerStage | undefined;
  #isDynamic: boolean;
  #mode: RecordMode;
  #saveForbidden: string | undefined;
  /** Unknown fields set on a standard record: readable back, never stored (see README). */
  #transient: Record<string, unknown> = {};
  #version: number | undefined;

  constructor(host: RecordHost, init: RecordInit) {
    this.#host = host;
    this.#schema = init.schema;
    this.#id = init.id;
    this.#values = {};
    // Values from the store hold dates as milliseconds; the Record holds Dates (fromStored).
    for (const [k, v] of Object.entries(init.values)) this.#values[k] = fromStored(init.schema.fields.get(k), v);
    this.#stage = init.stage ?? (init.values.stage as CustomerStage | undefined);
    this.#isDynamic = init.isDynamic;
    this.#mode = init.mode ?? 'full';
    this.#present = this.#mode === 'full' ? null : new Set(Object.keys(init.values));
    this.#saveForbidden = init.saveForbidden;
    this.#version = init.version;
  }

  get id(): number | null {
    return this.#id;
  }

  /** 'customer', 'lead' or 'prospect' for customers (by stage), else the store type. */
  get type(): string {
    if (this.#schema.type === 'customer' && this.#stage && this.#stage !== 'CUSTOMER') return this.#stage.toLowerCase();
    return this.#schema.type;
  }

  get isDynamic(): boolean {
    return this.#isDynamic;
  }

  get isNew(): boolean {
    return this.#id === null;
  }

  #spec(fieldId: unknown, api: string): FieldSpec | undefined {
    if (typeof fieldId !== 'string' || !fieldId) throw nsError.missingArgument(`Record.${api}`, 'fieldId');
    const spec = this.#schema.fields.get(fieldId.toLowerCase());
    if (spec && !spec.addressField) return spec;
    if (this.#schema.strictFields && !['id', 'internalid', 'recordtype'].includes(fieldId)) throw nsError.unknownField(this.#schema.type, fieldId);
    return undefined;
  }

  getValue(options: FieldOpt): unknown {
    const fieldId = typeof options === 'string' ? options : options?.fieldId;
    if (fieldId === 'id' || fieldId === 'internalid') return this.#id === null ? '' : String(this.#id);
    const spec = this.#spec(fieldId, 'getValue');
    if (!spec) return fieldId in this.#transient ? cloneValue(this.#transient[fieldId]) : undefined;
    // XEDIT/DELETE newRecord: an absent field reads as null, unlike an empty one ('').
    if (this.#present && !this.#present.has(spec.id)) return null;
    return readFieldValue(spec, this.#values[spec.id]);
  }

  setValue(options: { fieldId: string; value: unknown; ignoreFieldChange?: boolean }): this {
    if (!options || typeof options !== 'object') throw nsError.missingArgument('Record.setValue', 'options');
    const spec = this.#spec(options.fieldId, 'setValue');
    if (!spec) {
      this.#transient[options.fieldId] = cloneValue(options.value);
      return this;
    }
    if (spec.readOnly) return this; // NetSuite ignores writes to system fields
    this.#values[spec.id] = coerceFieldValue(spec, options.value);
    this.#present?.add(spec.id);
    return this;
  }

  getText(options: FieldOpt): string | string[] {
    const fieldId = typeof options === 'string' ? options : options?.fieldId;
    const spec = this.#spec(fieldId, 'getText');
    if (!spec) return this.#transient[fieldId as string] == null ? '' : String(this.#transient[fieldId as string]);
    if (this.#present && !this.#present.has(spec.id)) return '';
    const v = this.#values[spec.id];
    if (spec.type === 'CHECKBOX') return v === true ? 'T' : 'F';
    if (v === null || v === undefined) return spec.type === 'MULTISELECT' ? [] : '';
    if (spec.type === 'SELECT' && spec.select) return this.#host.nameOf(spec.select, v);
    if (spec.type === 'MULTISELECT' && spec.select) return (v as string[]).map((id) => this.#host.nameOf(spec.select!, id));
    if (v instanceof Date) {
      const kind = spec.type === 'DATE' ? 'DATE' : spec.type === 'DATETIMETZ' ? 'DATETIMETZ' : 'DATETIME';
      return formatDate(v, kind, this.#host.preferences());
    }
    return String(v);
  }

  setText(options: { fieldId: string; text: string | string[]; ignoreFieldChange?: boolean }): this {
    const spec = this.#spec(options?.fieldId, 'setText');
    if (!spec) {
      this.#transient[options.fieldId] = options.text;
      return this;
    }
    const text = options.text;
    let value: unknown = text;
    if (spec.type === 'CHECKBOX') value = isCheckedText(text);
    else if ((spec.type === 'SELECT' || spec.type === 'MULTISELECT') && spec.select) {
      const names = Array.isArray(text) ? text : text === '' || text == null ? [] : [text];
      const ids = names.map((n) => {
        const id = this.#host.idByName(spec.select!, n);
        if (id === undefined) throw nsError.invalidFieldValue(spec.id, n);
        return id;
      });
      value = spec.type === 'SELECT' ? ids[0] ?? null : ids;
    } else if (spec.type === 'DATE' || spec.type === 'DATETIME' || spec.type === 'DATETIMETZ') {
      if (text === '' || text == null) value = null;
      else {
        const d = parseDate(String(text), spec.type === 'DATE' ? 'DATE' : spec.type, this.#host.preferences());
        if (!d) throw nsError.invalidFieldValue(spec.id, text);
        value = d;
      }
    }
    return this.setValue({ fieldId: spec.id, value });
  }

  /** Field ids on the record: body fields present (all of them, or the edited ones on XEDIT). */
  getFields(): string[] {
    const ids = this.#present ? [...this.#present] : [...this.#schema.fields.values()].filter((f) => !f.addressField).map((f) => f.id);
    return [...ids, ...Object.keys(this.#transient)];
  }

  /** Sublists: only 'addressbook' is modelled (one default billing address, read-only). */
  getSublists(): string[] {
    return this.#schema.type === 'customer' ? ['addressbook'] : [];
  }

  getLineCount(options: { sublistId: string } | string): number {
    const sublistId = typeof options === 'string' ? options : options?.sublistId;
    if (sublistId !== 'addressbook' || this.#schema.type !== 'customer') return -1;
    if (this.#present) return 0;
    return BILLING_ADDRESS_FIELDS.some((f) => this.#values[f]) ? 1 : 0;
  }

  getSublistValue(options: { sublistId: string; fieldId: string; line: number }): unknown {
    this.#addressLine(options);
    switch (options.fieldId) {
      case 'defaultbilling':
      case 'defaultshipping':
        return true;
      case 'label':
        return String(this.#values.billaddr1 ?? '') || 'Billing';
      case 'addressbookaddress_text':
        return formatAddressText(this.#values);
      case 'id':
      case 'internalid':
        return '1';
      default:
        throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `Field ${options.fieldId} is not on sublist addressbook`);
    }
  }

  getSublistSubrecord(options: { sublistId: string; fieldId: string; line: number }): AddressSubrecord {
    this.#addressLine(options);
    if (options.fieldId !== 'addressbookaddress') {
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `Field ${options.fieldId} is not a subrecord field of addressbook`);
    }
    return new AddressSubrecord(this.#values);
  }

  #addressLine(options: { sublistId: string; line: number }): void {
    if (options?.sublistId !== 'addressbook' || this.#schema.type !== 'customer') {
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `Sublist ${String(options?.sublistId)} is not available on ${this.type}`);
    }
    if (options.line !== 0 || this.getLineCount({ sublistId: 'addressbook' }) < 1) {
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `Line ${options.line} does not exist on sublist addressbook`);
    }
  }

  save(options: { enableSourcing?: boolean; ignoreMandatoryFields?: boolean } = {}): number {
    if (this.#saveForbidden) throw new SuiteScriptError('SSS_INVALID_OPERATION', this.#saveForbidden);
    const id = this.#host.save(this, { ignoreMandatoryFields: options?.ignoreMandatoryFields === true });
    this.#id = id;
    return id;
  }

  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const id of this.getFields()) {
      const v = this.getValue({ fieldId: id });
      fields[id] = v instanceof Date ? v.toISOString() : v;
    }
    return { id: this.#id === null ? undefined : String(this.#id), type: this.type, isDynamic: this.#isDynamic, fields };
  }

  /** For the record service only (not a NetSuite API; scripts get no reference to it). */
  static internals(r: RecordObject): { schema: RecordTypeSchema; values: Record<string, unknown>; present: Set<string> | null; stage?: CustomerStage; version?: number } {
    return { schema: r.#schema, values: r.#values, present: r.#present, stage: r.#stage, version: r.#version };
  }

  /** For the record service: the store version after a save. */
  static setVersion(r: RecordObject, version: number | undefined): void {
    r.#version = version;
  }
}
