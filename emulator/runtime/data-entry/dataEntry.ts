/**
 * How data reaches the account from outside scripts, each with its execution context: the UI
 * (USERINTERFACE), CSV import (CSVIMPORT, server scripts on or off), SOAP web services
 * (WEBSERVICES), REST web services (RESTWEBSERVICES)... Saves go through the record service, so
 * User Events fire exactly as they would for that context. No governance: nothing here is a
 * script.
 */
import type { ExecutionContextType } from '../execution';
import { nsError } from '../errors';
import { RecordObject } from '../record/recordObject';
import type { RecordService, SaveContext } from '../record/recordService';
import type { ScriptUser } from '../services';
import { coerceFieldValue, plainValues } from '../store/fieldValues';
import type { RecordStore } from '../store/recordStore';

export type PlainValues = Record<string, unknown>;

export interface EntryOptions {
  user?: ScriptUser;
  /** CSV import only: "Run Server SuiteScript and Trigger Workflows". */
  runServerScripts?: boolean;
}

/** A record as tests read it: id, the record type name and every stored field. */
export interface RecordSnapshot {
  id: number;
  type: string;
  values: PlainValues;
}

export class DataEntry {
  constructor(
    private readonly service: RecordService,
    private readonly store: RecordStore,
    readonly executionContext: ExecutionContextType,
    private readonly currentUser: () => ScriptUser,
    private readonly defaults: EntryOptions = {},
    /** Builds the page form for beforeLoad (from N/ui/serverWidget when registered), with the record's fields. */
    private readonly formFactory?: (type: string, mode: 'view' | 'edit' | 'create' | 'copy', values: Record<string, unknown>) => unknown,
  ) {}

  private ctx(options: EntryOptions = {}): SaveContext {
    return {
      executionContext: this.executionContext,
      user: options.user ?? this.defaults.user ?? this.currentUser(),
      runServerScripts: options.runServerScripts ?? this.defaults.runServerScripts ?? true,
    };
  }

  /** Creates a record (CREATE); returns its internal id. */
  create(type: string, values: PlainValues, options?: EntryOptions): number {
    const ctx = this.ctx(options);
    const rec = this.service.create(type, this.service.host(() => ctx));
    applyValues(rec, values);
    return this.service.save(rec, ctx);
  }

  /** Opens the record, changes `values` and saves it (EDIT). */
  update(type: string, id: number | string, values: PlainValues, options?: EntryOptions): number {
    const ctx = this.ctx(options);
    const rec = this.service.load(type, id, this.service.host(() => ctx));
    applyValues(rec, values);
    return this.service.save(rec, ctx);
  }

  /** Inline edit of some fields (XEDIT). */
  inlineEdit(type: string, id: number | string, values: PlainValues, options?: EntryOptions): number {
    return this.service.submitFields(type, id, values, this.ctx(options));
  }

  delete(type: string, id: number | string, options?: EntryOptions): number {
    return this.service.delete(type, id, this.ctx(options));
  }

  /**
   * Opens a record page (view, edit, new or copy): beforeLoad User Events run with the page's
   * form when N/ui/serverWidget is available. Nothing is saved.
   */
  open(type: string, mode: 'view' | 'edit' | 'create' | 'copy', id?: number | string, options?: EntryOptions): { values: PlainValues; form: unknown } {
    const ctx = this.ctx(options);
    const stored = id === undefined ? undefined : this.get(type, id);
    const form = this.formFactory?.(type, mode, mode === 'create' ? {} : (stored?.values ?? {})) ?? null;
    const rec = this.service.beforeLoad(type, id, mode, ctx, form);
    const values: PlainValues = {};
    for (const f of rec.getFields()) values[f] = rec.getValue({ fieldId: f });
    return { values, form };
  }

  /** The stored record, or undefined (no governance, no events). */
  get(type: string, id: number | string): RecordSnapshot | undefined {
    const { schema } = this.service.resolveType(type);
    const r = this.store.find(schema.type, id);
    return r && { id: r.id, type: this.service.typeName(schema, r.values.stage), values: plainValues(schema, r.values) };
  }

  list(type: string): RecordSnapshot[] {
    const { schema, stage } = this.service.resolveType(type);
    return this.store
      .rows(schema.type)
      .filter((r) => !stage || r.values.stage === stage)
      .map((r) => ({ id: r.id, type: this.service.typeName(schema, r.values.stage), values: plainValues(schema, r.values) }));
  }
}

/** Sets plain values on a record: body fields through setValue, the billing address directly. */
function applyValues(rec: RecordObject, values: PlainValues): void {
  const { schema, values: target, present } = RecordObject.internals(rec);
  for (const [fieldId, value] of Object.entries(values)) {
    const spec = schema.fields.get(fieldId.toLowerCase());
    // Test-side data is strict even on standard records: a typo must not pass silently.
    if (!spec) throw nsError.unknownField(schema.type, fieldId);
    if (spec.addressField) {
      target[spec.id] = coerceFieldValue(spec, value);
      present?.add(spec.id);
    } else if (spec.readOnly) {
      throw nsError.invalidFieldValue(fieldId, `${String(value)} (system field, set by NetSuite)`);
    } else {
      rec.setValue({ fieldId, value });
    }
  }
}
