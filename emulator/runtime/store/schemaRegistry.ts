/**
 * Every record type the runtime knows: the standard ones, the project's custom record types and
 * custom lists, and custom entity fields added to customer/contact/employee. Also resolves the
 * names scripts use ('lead', 'prospect', 'CUSTOMER') to a store type.
 */
import { nsError } from '../errors';
import type { CustomFieldDefinition, CustomListDefinition, CustomRecordTypeDefinition, EntityFieldDefinition } from '../project/definitions';
import { customRecordBaseFields, type CustomerStage, type FieldSpec, type RecordAccessRule, type RecordTypeSchema, standardSchemas } from './schema';

export interface ResolvedType {
  schema: RecordTypeSchema;
  /** For 'lead'/'prospect': the stage the name implies. */
  stage?: CustomerStage;
}

export class SchemaRegistry {
  private readonly schemas = new Map<string, RecordTypeSchema>();
  /** The custom entity fields as declared (the entitycustomfield search reads these). */
  readonly entityFields: EntityFieldDefinition[] = [];

  constructor() {
    for (const s of standardSchemas()) this.schemas.set(s.type, s);
  }

  has(type: string): boolean {
    return this.schemas.has(type.toLowerCase());
  }

  get(type: string): RecordTypeSchema {
    const s = this.schemas.get(type.toLowerCase());
    if (!s) throw nsError.invalidRecordType(type);
    return s;
  }

  /** Accepts the names scripts use: 'customer', 'lead', 'prospect', 'customrecord_x' (any case). */
  resolve(type: unknown): ResolvedType {
    if (typeof type !== 'string' || !type) throw nsError.invalidRecordType(type);
    const name = type.toLowerCase();
    if (name === 'lead') return { schema: this.get('customer'), stage: 'LEAD' };
    if (name === 'prospect') return { schema: this.get('customer'), stage: 'PROSPECT' };
    const schema = this.get(name);
    if (schema.searchOnly) throw nsError.invalidRecordType(type);
    return { schema };
  }

  types(): string[] {
    return [...this.schemas.keys()];
  }

  addCustomRecordType(def: CustomRecordTypeDefinition): void {
    const fields = new Map<string, FieldSpec>();
    for (const f of customRecordBaseFields(def.includeName)) fields.set(f.id, f);
    for (const f of def.fields) fields.set(f.scriptId.toLowerCase(), toSpec(f));
    this.schemas.set(def.scriptId.toLowerCase(), {
      type: def.scriptId.toLowerCase(),
      label: def.recordName,
      costClass: 'custom',
      strictFields: true,
      entity: false,
      fields,
      displayName: (v) => (typeof v.name === 'string' && v.name ? v.name : ''),
      access: accessRule(def),
    });
  }

  addCustomList(def: CustomListDefinition): void {
    this.schemas.set(def.scriptId.toLowerCase(), {
      type: def.scriptId.toLowerCase(),
      label: def.name,
      costClass: 'custom',
      strictFields: true,
      entity: false,
      fields: new Map<string, FieldSpec>([
        ['name', { id: 'name', type: 'TEXT', label: 'Name', mandatory: true }],
        ['scriptid', { id: 'scriptid', type: 'TEXT', label: 'Script ID' }],
        ['isinactive', { id: 'isinactive', type: 'CHECKBOX', label: 'Inactive' }],
      ]),
      displayName: (v) => String(v.name ?? ''),
    });
  }

  /** Adds a custentity field to the entity types it applies to. */
  addEntityField(def: EntityFieldDefinition): void {
    const i = this.entityFields.findIndex((f) => f.scriptId.toLowerCase() === def.scriptId.toLowerCase());
    if (i >= 0) this.entityFields[i] = def;
    else this.entityFields.push(def);
    const spec = toSpec(def);
    if (def.appliesToCustomer) this.get('customer').fields.set(spec.id, spec);
    if (def.appliesToContact) this.get('contact').fields.set(spec.id, spec);
    if (def.appliesToEmployee) this.get('employee').fields.set(spec.id, spec);
  }
}

const LEVELS: Record<string, number> = { NONE: 0, VIEW: 1, CREATE: 2, EDIT: 3, FULL: 4 };

/** SDF's default access type is CUSTRECORDENTRYPERM; role ids are compared in lower case without [scriptid=]. */
function accessRule(def: CustomRecordTypeDefinition): RecordAccessRule {
  const type = (def.accessType ?? 'CUSTRECORDENTRYPERM').toUpperCase();
  const accessType = type === 'USEPERMISSIONLIST' || type === 'NONENEEDED' ? type : 'CUSTRECORDENTRYPERM';
  const levelByRole = new Map<string, number>();
  for (const p of def.permissions ?? []) levelByRole.set(roleKey(p.role), LEVELS[p.level.toUpperCase()] ?? 0);
  return { accessType, levelByRole };
}

export function roleKey(role: string): string {
  const m = /^\[scriptid=([^\]]+)\]$/i.exec(role.trim());
  return (m ? m[1]! : role).trim().toLowerCase();
}

function toSpec(f: CustomFieldDefinition): FieldSpec {
  return {
    id: f.scriptId.toLowerCase(),
    type: f.fieldType,
    label: f.label,
    select: f.selectRecordType?.toLowerCase(),
    mandatory: f.mandatory,
    maxLength: f.maxLength,
    custom: true,
  };
}
