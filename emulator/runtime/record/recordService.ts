/**
 * Record operations with NetSuite's save semantics, shared by N/record (scripts, metered) and
 * the runtime's test-side entry points (UI, CSV import, web services; unmetered):
 * CREATE/EDIT on save, XEDIT on submitFields, DELETE on delete (docs/netsuite-platform-facts.md
 * §3). beforeSubmit runs on the record being saved and its changes are stored; afterSubmit sees
 * the stored record. Custom record permissions (accesstype, permission list) are enforced for
 * roles other than Administrator (recordAccess.ts).
 */
import type { ExecutionContextType } from '../execution';
import { nsError, SuiteScriptError } from '../errors';
import type { UserPreferences } from '../format/userPreferences';
import type { ScriptUser } from '../services';
import { coerceFieldValue, plainValues } from '../store/fieldValues';
import type { RecordStore, StoredRecord } from '../store/recordStore';
import { systemDateFields, toId } from '../store/recordStore';
import type { CustomerStage, RecordTypeSchema } from '../store/schema';
import { validateRecord } from '../store/validation';
import type { UserEventTrigger, UserEventType } from '../user-events/deploymentFilter';
import type { UserEventDispatcher } from '../user-events/userEventDispatcher';
import { requireRecordAccess } from './recordAccess';
import { RecordObject, type RecordHost } from './recordObject';

/** Who saves and from where; decides which User Events fire. */
export interface SaveContext {
  executionContext: ExecutionContextType;
  user: ScriptUser;
  /** False for a CSV import without "Run Server SuiteScript and Trigger Workflows". */
  runServerScripts: boolean;
}

export class RecordService {
  constructor(
    private readonly store: RecordStore,
    private readonly dispatcher: UserEventDispatcher,
    private readonly preferences: () => UserPreferences,
  ) {}

  /** A host that saves with the context current at save time. */
  host(context: () => SaveContext): RecordHost {
    return {
      save: (record, options) => this.save(record, context(), options),
      nameOf: (type, id) => this.store.nameOf(type, id),
      idByName: (type, name) => this.idByName(type, name),
      preferences: this.preferences,
    };
  }

  private idByName(type: string, name: string): string | undefined {
    const schema = this.store.schemas.get(type);
    const row = this.store.rows(schema.type).find((r) => schema.displayName(r.values) === name || r.values.name === name || r.values.entityid === name);
    return row ? String(row.id) : undefined;
  }

  resolveType(type: unknown): { schema: RecordTypeSchema; stage?: CustomerStage } {
    return this.store.schemas.resolve(type);
  }

  create(type: unknown, host: RecordHost, options: { isDynamic?: boolean; defaultValues?: Record<string, unknown> } = {}): RecordObject {
    const { schema, stage } = this.resolveType(type);
    const values: Record<string, unknown> = {};
    for (const spec of schema.fields.values()) {
      if (spec.type === 'CHECKBOX') values[spec.id] = false;
    }
    if (stage) values.stage = stage;
    const rec = new RecordObject(host, { schema, id: null, values, stage: stage ?? (schema.type === 'customer' ? 'CUSTOMER' : undefined), isDynamic: options.isDynamic === true });
    for (const [fieldId, value] of Object.entries(options.defaultValues ?? {})) rec.setValue({ fieldId, value });
    return rec;
  }

  load(type: unknown, id: unknown, host: RecordHost, options: { isDynamic?: boolean } = {}): RecordObject {
    const stored = this.find(type, id);
    return this.wrap(stored, host, { isDynamic: options.isDynamic === true });
  }

  copy(type: unknown, id: unknown, host: RecordHost, options: { isDynamic?: boolean } = {}): RecordObject {
    const stored = this.find(type, id);
    const schema = this.store.schemas.get(stored.type);
    const values = { ...stored.values };
    for (const f of [...systemDateFields(schema), 'entityid', 'externalid']) delete values[f];
    return new RecordObject(host, { schema, id: null, values, isDynamic: options.isDynamic === true });
  }

  /** The stored record behind a script's (type, id), checking that the type matches. */
  find(type: unknown, id: unknown): StoredRecord {
    const { schema, stage } = this.resolveType(type);
    if (toId(id) === undefined) throw nsError.invalidArgument('record', 'id', id);
    const stored = this.store.find(schema.type, id);
    if (!stored || (stage && stored.values.stage !== stage)) throw nsError.recordMissing(String(type), id);
    return stored;
  }

  private wrap(stored: StoredRecord, host: RecordHost, opts: { isDynamic: boolean; saveForbidden?: string }): RecordObject {
    return new RecordObject(host, {
      schema: this.store.schemas.get(stored.type),
      id: stored.id,
      values: stored.values,
      isDynamic: opts.isDynamic,
      saveForbidden: opts.saveForbidden,
      version: stored.version,
    });
  }

  private trigger(recordTypeName: string, eventType: UserEventType, ctx: SaveContext): UserEventTrigger {
    return { recordType: recordTypeName, eventType, executionContext: ctx.executionContext, user: ctx.user };
  }

  private targets(trigger: UserEventTrigger, ctx: SaveContext) {
    return ctx.runServerScripts ? this.dispatcher.targets(trigger) : [];
  }

  private ueHost(ctx: SaveContext): RecordHost {
    return this.host(() => ctx);
  }

  /**
   * A record page opened in the UI: beforeLoad runs with VIEW, EDIT, CREATE or COPY and the
   * page's form; an error there stops the page. Returns the record as the page shows it.
   */
  beforeLoad(type: unknown, id: unknown, eventType: 'view' | 'edit' | 'create' | 'copy', ctx: SaveContext, form: unknown): RecordObject {
    const host = this.ueHost(ctx);
    const rec = eventType === 'create' ? this.create(type, host) : eventType === 'copy' ? this.copy(type, id, host) : this.load(type, id, host);
    const trigger = this.trigger(rec.type, eventType, ctx);
    const targets = this.targets(trigger, ctx);
    if (targets.length) this.dispatcher.run('beforeLoad', targets, trigger, { newRecord: rec, oldRecord: null, form });
    return rec;
  }

  /** Record.save(): CREATE for a new record, EDIT otherwise. */
  save(record: RecordObject, ctx: SaveContext, options: { ignoreMandatoryFields?: boolean } = {}): number {
    const { schema, values } = RecordObject.internals(record);
    const isNew = record.id === null;
    requireRecordAccess(schema, ctx.user, isNew ? 'create' : 'edit');
    const old = isNew ? undefined : this.store.get(schema.type, record.id);
    const loadedAt = RecordObject.internals(record).version;
    if (old && loadedAt !== undefined && old.version !== loadedAt) {
      // Standard-mode saves of a record someone else saved since it was loaded fail in NetSuite.
      throw new SuiteScriptError('RCRD_HAS_BEEN_CHANGED', 'Record has been changed');
    }
    const trigger = this.trigger(record.type, isNew ? 'create' : 'edit', ctx);
    const targets = this.targets(trigger, ctx);
    const forbidden = 'A User Event cannot save the record it runs on; change context.newRecord in beforeSubmit instead.';

    // beforeSubmit works on its own copy of the submitted record; its changes are what gets stored.
    const submitted = new RecordObject(this.ueHost(ctx), {
      schema, id: record.id, values, stage: RecordObject.internals(record).stage, isDynamic: record.isDynamic, saveForbidden: forbidden,
    });
    const oldRecord = old ? this.wrap(old, this.ueHost(ctx), { isDynamic: false, saveForbidden: forbidden }) : null;
    if (targets.length) this.dispatcher.run('beforeSubmit', targets, trigger, { newRecord: submitted, oldRecord });

    const finalValues = RecordObject.internals(submitted).values;
    const full = old ? { ...old.values, ...finalValues } : { ...finalValues };
    validateRecord(this.store, schema, full, {
      stage: RecordObject.internals(record).stage,
      selfId: old?.id,
      ignoreMandatoryFields: options.ignoreMandatoryFields,
      previousStage: old?.values.stage,
    });
    const saved = old ? this.store.update(schema.type, old.id, stripSystem(schema, full)) : this.store.insert(schema.type, stripSystem(schema, full));
    // The script's record object reflects what was stored (beforeSubmit changes included).
    Object.assign(values, plainValues(schema, saved.values));
    RecordObject.setVersion(record, saved.version);

    if (targets.length) {
      const after = this.wrap(saved, this.ueHost(ctx), { isDynamic: false, saveForbidden: forbidden });
      this.dispatcher.run('afterSubmit', targets, this.trigger(after.type, trigger.eventType, ctx), { newRecord: after, oldRecord });
    }
    return saved.id;
  }

  /** record.submitFields(): an inline edit (XEDIT) of some body fields. */
  submitFields(type: unknown, id: unknown, newValues: Record<string, unknown>, ctx: SaveContext, options: { ignoreMandatoryFields?: boolean } = {}): number {
    if (!newValues || typeof newValues !== 'object') throw nsError.missingArgument('record.submitFields', 'values');
    const old = this.find(type, id);
    const schema = this.store.schemas.get(old.type);
    requireRecordAccess(schema, ctx.user, 'edit');
    const edited: Record<string, unknown> = {};
    for (const [fieldId, value] of Object.entries(newValues)) {
      const spec = schema.fields.get(fieldId.toLowerCase());
      if (!spec || spec.addressField) {
        if (schema.strictFields) throw nsError.unknownField(schema.type, fieldId);
        continue; // unknown fields on standard records are ignored, as NetSuite does
      }
      if (spec.readOnly) continue;
      edited[spec.id] = coerceFieldValue(spec, value);
    }
    const forbidden = 'A User Event cannot save the record it runs on.';
    const recordTypeName = this.typeName(schema, old.values.stage);
    const trigger = this.trigger(recordTypeName, 'xedit', ctx);
    const targets = this.targets(trigger, ctx);
    const partial = new RecordObject(this.ueHost(ctx), { schema, id: old.id, values: edited, mode: 'partial', isDynamic: false, saveForbidden: forbidden });
    const oldRecord = this.wrap(old, this.ueHost(ctx), { isDynamic: false, saveForbidden: forbidden });
    if (targets.length) this.dispatcher.run('beforeSubmit', targets, trigger, { newRecord: partial, oldRecord });

    const { values: finalEdits, present } = RecordObject.internals(partial);
    const changes: Record<string, unknown> = {};
    for (const f of present ?? []) changes[f] = finalEdits[f];
    const full = { ...old.values, ...changes };
    validateRecord(this.store, schema, full, { selfId: old.id, ignoreMandatoryFields: options.ignoreMandatoryFields, previousStage: old.values.stage });
    // Derived fields (stage from a new status) are stored too.
    const derived = schema.type === 'customer' ? { stage: full.stage, entityid: full.entityid } : {};
    const saved = this.store.update(schema.type, old.id, { ...changes, ...derived });

    if (targets.length) {
      const afterValues: Record<string, unknown> = {};
      for (const f of Object.keys(changes)) afterValues[f] = saved.values[f];
      const after = new RecordObject(this.ueHost(ctx), { schema, id: saved.id, values: afterValues, mode: 'partial', isDynamic: false, saveForbidden: forbidden });
      this.dispatcher.run('afterSubmit', targets, trigger, { newRecord: after, oldRecord });
    }
    return saved.id;
  }

  /** record.delete(): DELETE events with the old record; a deleted-record log entry. */
  delete(type: unknown, id: unknown, ctx: SaveContext): number {
    const old = this.find(type, id);
    const schema = this.store.schemas.get(old.type);
    requireRecordAccess(schema, ctx.user, 'delete');
    const recordTypeName = this.typeName(schema, old.values.stage);
    const trigger = this.trigger(recordTypeName, 'delete', ctx);
    const targets = this.targets(trigger, ctx);
    const forbidden = 'A User Event cannot save the record it runs on.';
    // [open] what newRecord holds on delete: the emulator gives only the id, so code that
    // reads values from newRecord on delete fails here rather than in production.
    const newRecord = () => new RecordObject(this.ueHost(ctx), { schema, id: old.id, values: {}, mode: 'idOnly', isDynamic: false, saveForbidden: forbidden });
    const oldRecord = this.wrap(old, this.ueHost(ctx), { isDynamic: false, saveForbidden: forbidden });
    if (targets.length) this.dispatcher.run('beforeSubmit', targets, trigger, { newRecord: newRecord(), oldRecord });
    this.detachReferences(schema.type, old.id);
    this.store.remove(schema.type, old.id, { recordType: recordTypeName, context: ctx.executionContext, deletedBy: ctx.user.id });
    if (targets.length) this.dispatcher.run('afterSubmit', targets, trigger, { newRecord: newRecord(), oldRecord });
    return old.id;
  }

  /**
   * References to a deleted customer are cleared (contacts' company, sub-customers' parent);
   * NetSuite's exact rule here is not confirmed (see README, "Not modelled").
   */
  private detachReferences(type: string, id: number): void {
    if (type !== 'customer') return;
    for (const c of this.store.referencing('contact', 'company', id)) this.store.update('contact', c.id, { company: null });
    for (const c of this.store.referencing('customer', 'parent', id)) this.store.update('customer', c.id, { parent: null });
  }

  typeName(schema: RecordTypeSchema, stage: unknown): string {
    if (schema.type === 'customer' && (stage === 'LEAD' || stage === 'PROSPECT')) return stage.toLowerCase();
    return schema.type;
  }
}

function stripSystem(schema: RecordTypeSchema, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  for (const f of systemDateFields(schema)) delete out[f];
  return out;
}
