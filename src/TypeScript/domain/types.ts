/**
 * Core vocabulary of the sync engine. Pure data: no NetSuite or HTTP types leak in here, so
 * every rule below can be tested on plain objects.
 */

/** The two NetSuite record families the engine keeps in step with Freshsuccess. */
export type RecordKind = 'customer' | 'contact';

/** Customer lifecycle stages (leads and prospects are customer records in another stage); the list is settingRules.ts's. */
export type { CustomerStage } from './settingRules';

/** What happened to a record, as the capture side saw it. */
export type ChangeEvent = 'create' | 'update' | 'inactivate' | 'reactivate' | 'delete';

/** Where an outbox entry came from (a User Event's execution context, or one of our passes). */
export type EntrySource = string;

/**
 * Outbox entry status. Entries are append-only: PENDING entries are never rewritten (a drain
 * cursor moves past them); RETRY entries are the only ones updated in place, and are closed as
 * DONE or DEAD. DEAD and SKIPPED entries are the admin's to-do list.
 */
export type EntryStatus = 'PENDING' | 'RETRY' | 'DEAD' | 'SKIPPED' | 'WARNED' | 'DONE';

/** The keys that identify a customer in NetSuite, enough to derive its Freshsuccess account_id. */
export interface EntityKeys {
  /** Internal id as text. */
  id: string;
  /** Entity id ("Customer ID"), e.g. "CUST-0042" or "Acme Inc". */
  entityId: string;
  /** Value of the configured account-id custom field, when that source is used ('' if empty). */
  customKey: string;
}

/** What a delete leaves behind: the record is gone afterwards, so capture keeps what the push needs. */
export interface Tombstone {
  accountId?: string;
  userId?: string;
  /** Enough for a valid insert when the churn policy upserts a never-synced account. */
  name?: string;
  joinDate?: number;
  /** When the delete was captured (ms): inactive_time for the churn policy. */
  deletedAt?: number;
  /**
   * Not a delete: the keys last sent for a live record, used only if the record is gone when the
   * entry is drained (a check after a request whose outcome is unknown, app/pushBatch.ts).
   */
  ifGone?: boolean;
}

/** One entry of the outbox custom record, as the engine sees it. */
export interface OutboxEntry {
  id: number;
  kind: RecordKind;
  /** One id for captured entries; several for RETRY/DEAD/SKIPPED entries that group a batch. */
  recordIds: string[];
  event: ChangeEvent;
  changedFields: string[];
  /** When this entry was written (a retry entry: when the attempt failed). */
  capturedAt: number;
  /**
   * When the change was first captured: the earliest capture among the records it carries, kept
   * through retries and re-queues, so the queue's age is not reset by each failed attempt.
   * Missing on entries written before it existed: `capturedAt` stands for it (`firstCaptureOf`).
   */
  firstCapturedAt?: number;
  source: EntrySource;
  attempt: number;
  notBefore: number | null;
  status: EntryStatus;
  lastError: string;
  hint: string;
  /** Tombstones by record id (deletes), and previous companies of moved contacts. */
  tombstones: Record<string, Tombstone>;
  previousCompanies: Record<string, string>;
  /**
   * Keys a record had before a save changed them (old account_id of a customer whose key source
   * is the entity id or a field; old user_id of a contact keyed by email): retired on push.
   */
  previousKeys?: Record<string, string>;
}

/** A new outbox entry to append (the store assigns the id). */
export type NewOutboxEntry = Omit<OutboxEntry, 'id'>;

/** Custom entity field value types the dimension mapping understands; the list is settingRules.ts's. */
export type { CustomFieldType } from './settingRules';

/** A custom field value as read from NetSuite (dates already in epoch ms). */
export type CustomFieldValue = string | number | boolean | null;

export interface Address {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

/** Current state of a customer, read by one search per batch. Dates are epoch ms. */
export interface CustomerSnapshot {
  keys: EntityKeys;
  isPerson: boolean;
  companyName: string;
  firstName: string;
  lastName: string;
  dateCreated: number | null;
  lastModified: number | null;
  billing: Address;
  phone: string;
  url: string;
  category: string;
  salesRepName: string;
  salesRepEmail: string;
  /** The parent customer's keys (sub-customer hierarchy), or null for a top-level customer. */
  parent: EntityKeys | null;
  stage: string;
  isInactive: boolean;
  subsidiary: string;
  custom: Record<string, CustomFieldValue>;
}

/** Current state of a contact, with its company's keys from the same search (join). */
export interface ContactSnapshot {
  id: string;
  /** null: the contact has no company (reported, never silently dropped). */
  company: EntityKeys | null;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  isInactive: boolean;
  lastModified: number | null;
  /** The company's stage and subsidiary (same search, joined): contacts follow their company's scope. */
  companyStage: string;
  companySubsidiary: string;
  custom: Record<string, CustomFieldValue>;
}

export interface Dimension<T> {
  key: string;
  value: T;
}

/** A record for POST /accounts. Only known contract fields (the server rejects unknown ones). */
export interface AccountPayload {
  account_id: string;
  name?: string;
  join_date?: number;
  billing_street?: string;
  billing_city?: string;
  billing_state?: string;
  billing_postal_code?: string;
  billing_country?: string;
  phone?: string;
  website?: string;
  industry?: string;
  sales_rep_name?: string;
  sales_rep_email?: string;
  parent_account_id?: string;
  stage?: string;
  is_churned?: boolean;
  inactive_time?: number;
  custom_label_dimensions?: Dimension<string>[];
  custom_value_dimensions?: Dimension<number>[];
  custom_event_dimensions?: Dimension<number>[];
}

/** A record for POST /account_contacts. */
export interface ContactPayload {
  account_id: string;
  user_id: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  title?: string;
  is_active?: boolean;
  custom_label_dimensions?: Dimension<string>[];
  custom_value_dimensions?: Dimension<number>[];
  custom_event_dimensions?: Dimension<number>[];
}

/** A warning produced while mapping (e.g. a truncated text dimension); never blocks the push. */
export interface MappingWarning {
  recordId: string;
  /** The NetSuite field whose value was cut or dropped. */
  field: string;
  /** With the value, for the log. */
  message: string;
  /** Without the value, the same for every record it concerns (groups them for the admin). */
  reason: string;
}

/**
 * A value the mapping leaves out of the payload on purpose (an excluded field, an empty custom
 * field, a parent without an account_id): not a warning (the drain writes no entry for it), but
 * said to the admin where the payload is previewed.
 */
export interface Omission {
  /** The payload field, or the NetSuite custom field id for a dimension. */
  field: string;
  reason: string;
}
