/**
 * The properties each endpoint accepts, with their types ([doc] §4–§6 of docs/freshsuccess-api-contract.md).
 * Anything not listed here is an unknown property and fails the record: that is what catches
 * mapping typos in the SuiteApp.
 */

export type ScalarType = 'string' | 'timestamp' | 'number' | 'boolean';

export const DIMENSION_FIELDS = {
  custom_label_dimensions: 'labels',
  custom_value_dimensions: 'values',
  custom_event_dimensions: 'events',
} as const;

export type DimensionField = keyof typeof DIMENSION_FIELDS;

export interface EntitySchema {
  /** As it appears in the [mock] message "Missing/invalid required field(s) for Accounts insert". */
  label: 'Accounts' | 'Account contacts';
  scalars: Readonly<Record<string, ScalarType>>;
  /** Properties only ever read back (GET); writing them fails the record. */
  readOnly: ReadonlySet<string>;
  /** Required when the record does not exist yet. */
  requiredOnInsert: readonly string[];
  /** Identify the record: required on every write. */
  keys: readonly string[];
  acceptsAssignedCsms: boolean;
}

const s = 'string' as const;
const ts = 'timestamp' as const;
const n = 'number' as const;
const b = 'boolean' as const;

export const ACCOUNT_SCHEMA: EntitySchema = {
  label: 'Accounts',
  scalars: {
    account_id: s,
    name: s,
    join_date: ts,
    renewal_date: ts,
    billing_account_id: s,
    support_account_id: s,
    crm_account_id: s,
    billing_street: s,
    billing_city: s,
    billing_state: s,
    billing_postal_code: s,
    billing_country: s,
    phone: s,
    website: s,
    description: s,
    industry: s,
    tier: s,
    region: s,
    source: s,
    employees: n,
    sales_rep_name: s,
    sales_rep_email: s,
    current_mrr: n,
    csm_score: n,
    current_nps_score: n,
    // Write name `stage` [client]; read back as `current_stage` too. Whether the real server
    // also accepts `current_stage` on write is [open]: the fake treats it as read-only.
    stage: s,
    parent_account_id: s,
    hierarchy_label: s,
    is_churned: b,
    inactive_time: ts,
    inactive_reason: s,
    is_deleted: b,
  },
  readOnly: new Set(['id', 'is_active', 'current_health_score', 'current_stage']),
  requiredOnInsert: ['account_id', 'name', 'join_date'],
  keys: ['account_id'],
  acceptsAssignedCsms: true,
};

export const CONTACT_SCHEMA: EntitySchema = {
  label: 'Account contacts',
  scalars: {
    account_id: s,
    user_id: s,
    first_name: s,
    last_name: s,
    email: s,
    phone: s,
    salutation: s,
    title: s,
    role: s,
    department: s,
    is_primary: b,
    lead_source: s,
    source: s,
    mailing_street: s,
    mailing_city: s,
    mailing_state: s,
    mailing_postal_code: s,
    mailing_country: s,
    is_active: b,
    email_opt_out: b,
  },
  readOnly: new Set(['id']),
  requiredOnInsert: ['account_id', 'user_id'],
  keys: ['account_id', 'user_id'],
  acceptsAssignedCsms: false,
};
