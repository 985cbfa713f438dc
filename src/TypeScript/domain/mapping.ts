/**
 * NetSuite snapshots → Freshsuccess payloads. The drain always pushes the record's *current*
 * state (so a hundred edits become one push), hence every mapped field is sent each time.
 */
import type { SyncConfig } from './config';
import { mapDimensions } from './dimensions';
import { ALWAYS_SENT } from './fieldCatalog';
import { accountIdFor, userIdFor } from './identity';
import type { AccountPayload, ContactPayload, ContactSnapshot, CustomerSnapshot, MappingWarning, Omission } from './types';

const STAGE_NAMES: Record<string, string> = { LEAD: 'Lead', PROSPECT: 'Prospect', CUSTOMER: 'Customer' };

/** Individuals are named "First Last"; companies by company name; the entity id is the last resort. */
export function nameOf(n: { isPerson: boolean; companyName: string; firstName: string; lastName: string; entityId: string }): string {
  const person = `${n.firstName.trim()} ${n.lastName.trim()}`.trim();
  if (n.isPerson) return person || n.companyName.trim() || n.entityId.trim();
  return n.companyName.trim() || person || n.entityId.trim();
}

function customerName(c: CustomerSnapshot): string {
  return nameOf({ ...c, entityId: c.keys.entityId });
}

/** The payload without the fields the settings exclude; each one that had a value is told in `omitted`. */
function dropExcluded<T extends object>(payload: T, exclude: readonly string[], keep: readonly string[], omitted: Omission[]): T {
  const out = { ...payload } as Record<string, unknown>;
  for (const field of exclude) {
    if (keep.includes(field) || !(field in out)) continue;
    if (out[field] !== undefined) omitted.push({ field, reason: 'not sent: it is among the fields never sent (Settings)' });
    delete out[field];
  }
  return out as T;
}

export interface Mapped<T> {
  payload: T;
  /** Values cut or dropped against the admin's intent: reported as warnings by the drain. */
  warnings: MappingWarning[];
  /** Values left out by design (excluded, empty, no parent key): for the payload preview only. */
  omitted: Omission[];
}

/**
 * @param now used as inactive_time when an inactive customer has no last-modified date.
 */
export function mapCustomer(c: CustomerSnapshot, config: SyncConfig, now: number): Mapped<AccountPayload> {
  const warnings: MappingWarning[] = [];
  const omitted: Omission[] = [];
  const payload: AccountPayload = {
    account_id: accountIdFor(c.keys, config.accountIdSource),
    name: customerName(c),
    billing_street: c.billing.street,
    billing_city: c.billing.city,
    billing_state: c.billing.state,
    billing_postal_code: c.billing.postalCode,
    billing_country: c.billing.country,
    phone: c.phone,
    website: c.url,
    industry: c.category,
    sales_rep_name: c.salesRepName,
    sales_rep_email: c.salesRepEmail,
    is_churned: c.isInactive,
  };
  if (c.dateCreated !== null) payload.join_date = Math.trunc(c.dateCreated);
  const stage = STAGE_NAMES[c.stage.toUpperCase()];
  if (stage) payload.stage = stage;
  if (c.parent) {
    const parentId = accountIdFor(c.parent, config.accountIdSource);
    if (parentId !== '') payload.parent_account_id = parentId;
    else omitted.push({ field: 'parent_account_id', reason: `not sent: the parent customer (internal id ${c.parent.id}) has no account_id, its source is empty` });
  }
  if (c.isInactive) payload.inactive_time = Math.trunc(c.lastModified ?? now);
  Object.assign(payload, mapDimensions(c.keys.id, c.custom, config.mapping.customer.custom, warnings, omitted));
  return { payload: dropExcluded(payload, config.mapping.customer.exclude, ALWAYS_SENT.customer, omitted), warnings, omitted };
}

/** @param accountId the company's account_id, already derived with the configured source. */
export function mapContact(c: ContactSnapshot, accountId: string, config: SyncConfig): Mapped<ContactPayload> {
  const warnings: MappingWarning[] = [];
  const omitted: Omission[] = [];
  const payload: ContactPayload = {
    account_id: accountId,
    user_id: userIdFor(c, config.userIdSource),
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    phone: c.phone,
    title: c.title,
    // Always sent: a contact moved back to an account it was deactivated on must come back active.
    is_active: !c.isInactive,
  };
  Object.assign(payload, mapDimensions(c.id, c.custom, config.mapping.contact.custom, warnings, omitted));
  return { payload: dropExcluded(payload, config.mapping.contact.exclude, ALWAYS_SENT.contact, omitted), warnings, omitted };
}
