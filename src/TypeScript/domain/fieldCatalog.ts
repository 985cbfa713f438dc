/**
 * Which NetSuite fields feed which Freshsuccess fields. Names are NetSuite field ids (plain
 * strings: the domain imports nothing from N/). Change detection watches exactly the fields a
 * push depends on, so an edit of an unmapped field costs no outbox entry and no push.
 */
import type { SyncConfig } from './config';
import { DIMENSION_TYPES, type CustomFieldType } from './settingRules';
import type { RecordKind } from './types';

/** Standard customer fields and the Freshsuccess fields they produce. */
const CUSTOMER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  companyname: ['name'],
  firstname: ['name'],
  lastname: ['name'],
  isperson: ['name'],
  billaddr1: ['billing_street'],
  billcity: ['billing_city'],
  billstate: ['billing_state'],
  billzip: ['billing_postal_code'],
  billcountry: ['billing_country'],
  phone: ['phone'],
  url: ['website'],
  category: ['industry'],
  salesrep: ['sales_rep_name', 'sales_rep_email'],
  parent: ['parent_account_id'],
  stage: ['stage'],
  isinactive: ['is_churned', 'inactive_time'],
};

const CONTACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  company: ['account_id'],
  firstname: ['first_name'],
  lastname: ['last_name'],
  email: ['email'],
  phone: ['phone'],
  title: ['title'],
  isinactive: ['is_active'],
};

/**
 * Every NetSuite field whose change must reach Freshsuccess (or move the record in or out of
 * scope), for the given config.
 */
export function watchedFields(kind: RecordKind, config: SyncConfig): string[] {
  const table = kind === 'customer' ? CUSTOMER_FIELDS : CONTACT_FIELDS;
  const excluded = new Set(config.mapping[kind].exclude);
  const fields = Object.keys(table).filter((f) => (table[f] ?? []).some((target) => !excluded.has(target)));
  // Fields that change identity or scope are always watched, whatever is excluded.
  if (kind === 'customer') {
    fields.push('isinactive', 'stage', 'subsidiary');
    if (config.accountIdSource.kind === 'entityid') fields.push('entityid');
    if (config.accountIdSource.kind === 'field') fields.push(config.accountIdSource.fieldId);
  } else {
    fields.push('company', 'isinactive');
    if (config.userIdSource === 'email') fields.push('email');
  }
  for (const c of config.mapping[kind].custom) fields.push(c.fieldId);
  return [...new Set(fields)];
}

/** Freshsuccess fields a new record cannot be created without (contract §4 and §5): never excluded. */
export const REQUIRED_FIELDS: Readonly<Record<RecordKind, readonly string[]>> = {
  customer: ['account_id', 'name', 'join_date'],
  contact: ['account_id', 'user_id'],
};

/** Sent whatever the exclusions say: the keys, and a contact's is_active (it revives a moved contact). */
export const ALWAYS_SENT: Readonly<Record<RecordKind, readonly string[]>> = {
  customer: ['account_id'],
  contact: ['account_id', 'user_id', 'is_active'],
};

/**
 * The standard Freshsuccess fields an administrator may leave out, in payload order: what the
 * tables above produce, without the required and always-sent ones.
 */
export function excludableFields(kind: RecordKind): string[] {
  const table = kind === 'customer' ? CUSTOMER_FIELDS : CONTACT_FIELDS;
  const kept = new Set([...REQUIRED_FIELDS[kind], ...ALWAYS_SENT[kind]]);
  return [...new Set(Object.values(table).flat())].filter((f) => !kept.has(f));
}

/** A custom entity field of the account, as the page's pick list reads it. */
export interface AccountCustomField {
  /** The field id (custentity...), lower case. */
  id: string;
  label: string;
  /** NetSuite's type for it: an SDF id (TEXT, FLOAT...) or the label the UI shows (Free-Form Text...). */
  type: string;
  customer: boolean;
  contact: boolean;
}

type FieldKind = 'text' | 'number' | 'date' | 'checkbox' | 'secret' | 'unknown';

/**
 * NetSuite custom field types by kind. [open] Whether a search of custom entity fields gives the
 * SDF id or the UI label is not documented: both are listed, so either answer works.
 */
const KIND_OF_TYPE: Readonly<Record<string, FieldKind>> = {
  text: 'text', textarea: 'text', clobtext: 'text', richtext: 'text', email: 'text', url: 'text', phone: 'text', select: 'text', multiselect: 'text', image: 'text', document: 'text', timeofday: 'text',
  'free-form text': 'text', 'text area': 'text', 'long text': 'text', 'rich text': 'text', 'email address': 'text', hyperlink: 'text', 'phone number': 'text', 'list/record': 'text', 'multiple select': 'text', 'time of day': 'text',
  integer: 'number', float: 'number', currency: 'number', percent: 'number',
  'integer number': 'number', 'decimal number': 'number',
  date: 'date', datetimetz: 'date', datetime: 'date', 'date/time': 'date',
  checkbox: 'checkbox', 'check box': 'checkbox',
  password: 'secret', help: 'secret', inlinehtml: 'secret', 'inline html': 'secret',
};

/**
 * The dimension types a field of this NetSuite type can be sent as (domain/dimensions.ts reads
 * them): any value as text, numbers also as numbers, dates also as dates, a check box as a
 * boolean (1/0). A password or display-only field is never offered. A type this list does not
 * know allows every dimension type (the save's search against the account still checks the field).
 */
export function dimensionTypesFor(netsuiteType: string): CustomFieldType[] {
  switch (KIND_OF_TYPE[netsuiteType.trim().toLowerCase()] ?? 'unknown') {
    case 'text':
      return ['text'];
    case 'number':
      return ['number', 'text'];
    case 'date':
      return ['date', 'text'];
    case 'checkbox':
      return ['boolean'];
    case 'secret':
      return [];
    case 'unknown':
      return [...DIMENSION_TYPES];
  }
}

/**
 * What is wrong with sending this account field as this dimension of this record, or null: the
 * field must apply to the record and its type must fit (a field the list does not hold is left to
 * the save's search against the account, which names it in NetSuite's words).
 */
export function customFieldFitProblem(kind: RecordKind, fieldId: string, type: CustomFieldType, fields: readonly AccountCustomField[]): string | null {
  const f = fields.find((x) => x.id === fieldId.toLowerCase());
  if (!f) return null;
  if (!f[kind]) return `${fieldId} is not a field of ${kind}s in this account (Customization > Lists, Records, & Fields > Entity Fields: Applies To)`;
  const fits = dimensionTypesFor(f.type);
  if (!fits.includes(type)) return fits.length === 0 ? `${fieldId} (${f.type}) cannot be sent to Freshsuccess` : `${fieldId} is a field of type ${f.type}: send it as ${fits.join(' or ')}, not ${type}`;
  return null;
}
