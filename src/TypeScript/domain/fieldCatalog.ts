/**
 * Which NetSuite fields feed which Freshsuccess fields. Names are NetSuite field ids (plain
 * strings: the domain imports nothing from N/). Change detection watches exactly the fields a
 * push depends on, so an edit of an unmapped field costs no outbox entry and no push.
 */
import type { SyncConfig } from './config';
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
