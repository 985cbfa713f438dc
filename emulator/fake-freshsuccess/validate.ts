/**
 * Record-level validation: turns one submitted record into either a list of failure messages
 * or a normalized patch the store applies. Message wording follows the [mock] examples in
 * docs/freshsuccess-api-contract.md §2 where one exists; the others are the fake's own, each naming the
 * property so a test (and a human) can see which mapping went wrong.
 */
import { DIMENSION_FIELDS, type DimensionField, type EntitySchema, type ScalarType } from './schema';
import type { Dimensions, FakeConfig, OpenBehaviours } from './types';

type Scalar = string | number | boolean;

export interface DimensionPatch<T> {
  set: Record<string, T>;
  clear: string[];
}

export interface RecordPatch {
  set: Record<string, Scalar>;
  clear: string[];
  labels: DimensionPatch<string>;
  values: DimensionPatch<number>;
  events: DimensionPatch<number>;
  /** CSM emails to add (additive [client]). */
  csms: string[];
}

export interface ValidationContext {
  /** Whether the record already exists: an update may carry only its keys plus changed fields [client]. */
  exists: boolean;
  nullValues: OpenBehaviours['nullValues'];
  emptyStrings: OpenBehaviours['emptyStrings'];
  labelMaxLength: number;
}

/** The validation options a configuration gives. */
export function validationContext(config: FakeConfig, exists: boolean): ValidationContext {
  return { exists, nullValues: config.nullValues, emptyStrings: config.emptyStrings, labelMaxLength: config.labelMaxLength };
}

/** Messages of wrong-typed values all start so; a tenant may fail the whole batch for them ([open] `typeErrors`). */
const TYPE_ERROR_PREFIX = 'Invalid type for ';

export type ValidationResult = { ok: true; patch: RecordPatch } | { ok: false; errors: string[] };

const EXPECTING: Record<ScalarType, string> = {
  string: 'string',
  timestamp: 'timestamp',
  number: 'number',
  boolean: 'boolean',
};

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasScalarType(value: unknown, type: ScalarType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    // Dates are epoch milliseconds as integers [doc]: ISO strings, Date objects and fractions fail.
    case 'timestamp':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function emptyPatch(): RecordPatch {
  return {
    set: {},
    clear: [],
    labels: { set: {}, clear: [] },
    values: { set: {}, clear: [] },
    events: { set: {}, clear: [] },
    csms: [],
  };
}

export function validateRecord(schema: EntitySchema, record: unknown, ctx: ValidationContext): ValidationResult {
  if (!isObject(record)) return { ok: false, errors: ['Record must be a JSON object'] };
  const errors: string[] = [];
  const patch = emptyPatch();
  const required = new Set<string>(ctx.exists ? schema.keys : schema.requiredOnInsert);
  const missing: string[] = [];

  for (const name of required) {
    const value = record[name];
    if (value === undefined || value === null || value === '') missing.push(name);
  }

  for (const [name, value] of Object.entries(record)) {
    if (schema.readOnly.has(name)) {
      errors.push(`Read-only property: ${name}`);
      continue;
    }
    if (name in DIMENSION_FIELDS) {
      validateDimensions(name as DimensionField, value, ctx, patch, errors);
      continue;
    }
    if (name === 'assigned_csms' && schema.acceptsAssignedCsms) {
      validateCsms(value, patch, errors);
      continue;
    }
    const type = schema.scalars[name];
    if (type === undefined) {
      errors.push(`Unknown property: ${name}`);
      continue;
    }
    if (value === null || value === '') {
      if (required.has(name)) continue; // reported as missing below
      const mode = value === null ? ctx.nullValues : ctx.emptyStrings;
      if (value === '' && type !== 'string') errors.push(`Invalid type for property: ${name} (expecting ${EXPECTING[type]})`);
      else if (mode === 'reject') errors.push(`${value === null ? 'Null' : 'Empty'} value for property: ${name} (send a value or omit it)`);
      else if (mode === 'keep') continue;
      else if (schema.requiredOnInsert.includes(name)) errors.push(`Cannot clear required property: ${name}`);
      else patch.clear.push(name);
      continue;
    }
    if (!hasScalarType(value, type)) {
      errors.push(`Invalid type for property: ${name} (expecting ${EXPECTING[type]})`);
      continue;
    }
    patch.set[name] = value as Scalar;
  }

  // A required property present with a wrong type is reported by its type message instead.
  if (missing.length > 0) {
    errors.unshift(
      `Missing/invalid required field(s) for ${schema.label} insert: ${missing.map((m) => `'${m}'`).join(', ')}`,
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patch };
}

function validateDimensions(
  field: DimensionField,
  value: unknown,
  ctx: ValidationContext,
  patch: RecordPatch,
  errors: string[],
): void {
  const kind = DIMENSION_FIELDS[field];
  if (!Array.isArray(value)) {
    errors.push(`Invalid type for property: ${field} (expecting array of {"key", "value"})`);
    return;
  }
  value.forEach((item, i) => {
    const where = `${field}[${i}]`;
    if (!isObject(item) || !('key' in item) || !('value' in item) || Object.keys(item).length !== 2) {
      errors.push(`Invalid dimension ${where}: expecting {"key": ..., "value": ...}`);
      return;
    }
    const key = item.key;
    if (typeof key !== 'string' || key.trim() === '') {
      errors.push(`Invalid dimension key in ${where}: expecting a non-empty string`);
      return;
    }
    const v = item.value;
    if (v === null) {
      if (ctx.nullValues === 'reject') errors.push(`Null value for ${field} '${key}' (delete the dimension instead)`);
      else if (ctx.nullValues === 'clear') patch[kind].clear.push(key);
      return;
    }
    if (kind === 'labels') {
      if (typeof v !== 'string') errors.push(`Invalid type for ${field} '${key}' value (expecting string)`);
      else if (v.length > ctx.labelMaxLength) {
        errors.push(`Value too long for ${field} '${key}': ${v.length} characters (max ${ctx.labelMaxLength})`);
      } else patch.labels.set[key] = v;
    } else if (kind === 'values') {
      if (!hasScalarType(v, 'number')) errors.push(`Invalid type for ${field} '${key}' value (expecting number)`);
      else patch.values.set[key] = v as number;
    } else if (!hasScalarType(v, 'timestamp')) {
      errors.push(`Invalid type for ${field} '${key}' value (expecting timestamp)`);
    } else patch.events.set[key] = v as number;
  });
}

function validateCsms(value: unknown, patch: RecordPatch, errors: string[]): void {
  if (!Array.isArray(value)) {
    errors.push(`Invalid type for property: assigned_csms (expecting array of {"email"})`);
    return;
  }
  value.forEach((item, i) => {
    const email = isObject(item) ? item.email : undefined;
    if (!isObject(item) || Object.keys(item).length !== 1 || typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) {
      errors.push(`Invalid assigned_csms[${i}]: expecting {"email": "name@domain"}`);
      return;
    }
    patch.csms.push(email);
  });
}

/**
 * The first wrong-typed value among a batch's records, for a tenant that fails the whole batch
 * on one ([open] `typeErrors: 'batch'`). Required fields are not checked here: their absence
 * stays a record failure.
 */
export function firstTypeError(schema: EntitySchema, records: unknown[], ctx: ValidationContext): string | null {
  for (const record of records) {
    const result = validateRecord(schema, record, { ...ctx, exists: true });
    if (result.ok) continue;
    const typeError = result.errors.find((e) => e.startsWith(TYPE_ERROR_PREFIX));
    if (typeError) return typeError;
  }
  return null;
}

/** Applies a validated patch to stored dimensions. */
export function applyDimensions(target: Dimensions, patch: RecordPatch): void {
  for (const kind of ['labels', 'values', 'events'] as const) {
    if (Object.keys(patch[kind].set).length === 0 && patch[kind].clear.length === 0) continue;
    const bucket = target[kind] as Record<string, string | number>;
    Object.assign(bucket, patch[kind].set);
    for (const key of patch[kind].clear) delete bucket[key];
  }
}
