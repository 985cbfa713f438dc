/**
 * Field values as NetSuite's Record API holds them: text as strings, checkboxes as booleans,
 * dates as Date objects, numbers as numbers, selects as internal id strings, multiselects as
 * arrays of id strings. setValue with the wrong kind of value is INVALID_FLD_VALUE.
 */
import { nsError } from '../errors';
import type { FieldSpec, RecordTypeSchema } from './schema';
import { isDate } from '../values';

/** Field-length limits of NetSuite's text field types. */
const MAX_LENGTH: Partial<Record<string, number>> = {
  TEXT: 300,
  EMAIL: 254,
  PHONE: 32,
  URL: 999,
  TEXTAREA: 4000,
  PASSWORD: 300,
  CLOBTEXT: 1_000_000,
  RICHTEXT: 100_000,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Normalises `value` for `spec`, or throws INVALID_FLD_VALUE. null/'' clear the field. */
export function coerceFieldValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.type === 'CHECKBOX') {
    if (typeof value === 'boolean') return value;
    // NetSuite 2.x takes only booleans for checkboxes; 'T'/'F' is 1.0 style and fails.
    throw nsError.invalidFieldValue(spec.id, value);
  }
  if (value === null || value === undefined || value === '') {
    return spec.type === 'MULTISELECT' ? [] : null;
  }
  switch (spec.type) {
    case 'DATE':
    case 'DATETIME':
    case 'DATETIMETZ':
      if (isDate(value)) return new Date(value.getTime());
      throw nsError.invalidFieldValue(spec.id, value);
    case 'INTEGER': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isInteger(n)) throw nsError.invalidFieldValue(spec.id, value);
      return n;
    }
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw nsError.invalidFieldValue(spec.id, value);
      return n;
    }
    case 'SELECT':
    case 'DOCUMENT':
    case 'IMAGE': {
      if (Array.isArray(value) && value.length === 1) value = value[0];
      const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
      if (!id || !/^-?\d+$/.test(id)) throw nsError.invalidFieldValue(spec.id, value);
      return id;
    }
    case 'MULTISELECT': {
      const arr = Array.isArray(value) ? value : [value];
      return arr.map((v) => {
        const id = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
        if (!/^-?\d+$/.test(id)) throw nsError.invalidFieldValue(spec.id, value);
        return id;
      });
    }
    default: {
      if (typeof value !== 'string' && typeof value !== 'number') throw nsError.invalidFieldValue(spec.id, value);
      const s = String(value);
      const max = spec.maxLength ?? MAX_LENGTH[spec.type];
      if (max !== undefined && s.length > max) throw nsError.invalidFieldValue(spec.id, `${s.slice(0, 40)}… (${s.length} characters, max ${max})`);
      if (spec.type === 'EMAIL' && !EMAIL.test(s)) throw nsError.invalidFieldValue(spec.id, s);
      return s;
    }
  }
}

/** What Record.getValue returns for a stored value (empty text/select read as ''). */
export function readFieldValue(spec: FieldSpec | undefined, stored: unknown): unknown {
  if (spec?.type === 'CHECKBOX') return stored === true;
  if (spec?.type === 'MULTISELECT') return Array.isArray(stored) ? [...stored] : [];
  if (stored === null || stored === undefined) return '';
  if (isDate(stored)) return new Date(stored.getTime());
  return stored;
}

export function cloneValue(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return [...v];
  return v;
}

const DATE_TYPES = new Set<string>(['DATE', 'DATETIME', 'DATETIMETZ']);

export function isDateField(spec: FieldSpec | undefined): boolean {
  return spec !== undefined && DATE_TYPES.has(spec.type);
}

/**
 * The store keeps a date field as its epoch milliseconds: V8 holds a Date in 96 bytes and a
 * number in 16, and every record has two system dates (about 50 MB at 300,000 records). Readers
 * turn it back with `fromStored` before a script, a search or a page sees it.
 */
export function toStored(spec: FieldSpec | undefined, value: unknown): unknown {
  return isDateField(spec) && isDate(value) ? value.getTime() : cloneValue(value);
}

/** A stored value as scripts see it: a date field's milliseconds as a new Date, the rest copied. */
export function fromStored(spec: FieldSpec | undefined, stored: unknown): unknown {
  return isDateField(spec) && typeof stored === 'number' ? new Date(stored) : cloneValue(stored);
}

/** A stored record's values as scripts see them (a copy: dates as Date objects). */
export function plainValues(schema: RecordTypeSchema, stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) out[k] = fromStored(schema.fields.get(k), v);
  return out;
}
