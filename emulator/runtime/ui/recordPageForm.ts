/**
 * The form of a record page (view, edit, create, copy) as beforeLoad User Events get it in
 * `context.form`: the record's body fields are already on it, with the stored values, as in
 * NetSuite; in view mode they show as text. The billing address lives in its sublist in NetSuite
 * and is left off; system fields (created, last modified, stage) are shown, never editable.
 */
import type { FieldSpec, RecordTypeSchema } from '../store/schema';
import type { Form } from './form';

type PageMode = 'view' | 'edit' | 'create' | 'copy';

/** The serverWidget field type that shows a stored field. */
function widgetType(spec: FieldSpec): string {
  switch (spec.type) {
    case 'DATETIME': return 'DATETIMETZ';
    case 'SELECT': case 'MULTISELECT': case 'CHECKBOX': case 'DATE': case 'EMAIL': case 'PHONE': case 'URL': case 'TEXTAREA':
    case 'INTEGER': case 'FLOAT': case 'CURRENCY': case 'PERCENT':
      return spec.type;
    default: return 'TEXT';
  }
}

/** A stored value as the page shows and posts it: dates as YYYY-MM-DD, date-times to the minute (UTC). */
export function shown(value: unknown, spec: FieldSpec): unknown {
  if (value === null || value === undefined) return spec.type === 'CHECKBOX' ? 'F' : '';
  if (value instanceof Date) return spec.type === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString().replace('T', ' ').slice(0, 16);
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  return value;
}

/** The body fields a record page shows, in the schema's order. */
export function pageFields(schema: RecordTypeSchema): FieldSpec[] {
  return [...schema.fields.values()].filter((f) => !f.addressField);
}

export function addRecordFields(form: Form, schema: RecordTypeSchema, values: Record<string, unknown>, mode: PageMode): void {
  for (const spec of pageFields(schema)) {
    const field = form.addField({ id: spec.id, label: spec.label, type: widgetType(spec), ...(spec.select ? { source: spec.select } : {}) });
    field.defaultValue = shown(values[spec.id], spec) as string;
    if (spec.mandatory && mode !== 'view') field.isMandatory = true;
    if (mode === 'view' || spec.readOnly) field.updateDisplayType({ displayType: 'INLINE' });
  }
}
