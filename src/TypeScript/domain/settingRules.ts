/**
 * What a valid setting looks like, once: the engine's parser (config.ts), the admin page's form
 * check (adminSettings.ts) and the page's choices (netsuite/adminPage.ts) all read these, so the
 * page never accepts what the engine refuses, nor offers a choice the engine does not know.
 */

export const REGIONS = ['us', 'eu'] as const;
export const ACCOUNT_ID_SOURCES = ['internalid', 'entityid', 'field'] as const;
export const USER_ID_SOURCES = ['internalid', 'email'] as const;
export const CUSTOMER_DELETE_POLICIES = ['deactivate', 'churn', 'ignore'] as const;
export const CONTACT_DELETE_POLICIES = ['deactivate', 'ignore'] as const;
export const CUSTOMER_STAGES = ['LEAD', 'PROSPECT', 'CUSTOMER'] as const;
export type CustomerStage = (typeof CUSTOMER_STAGES)[number];
/** The custom field types the dimension mapping understands (domain/dimensions.ts). */
export const DIMENSION_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export type CustomFieldType = (typeof DIMENSION_TYPES)[number];
/** The same list for messages: "text, number, date or boolean". */
export const DIMENSION_TYPES_IN_WORDS = `${DIMENSION_TYPES.slice(0, -1).join(', ')} or ${DIMENSION_TYPES[DIMENSION_TYPES.length - 1] ?? ''}`;

const CUSTOM_FIELD_ID = /^cust(entity|record)[a-z0-9_]+$/;
const CUSTOMER_FIELD_ID = /^custentity[a-z0-9_]+$/;
/** Freshsuccess keys are free text, but keep them readable and safe in URLs. */
const DIMENSION_KEY = /^[A-Za-z0-9_.\- ]{1,100}$/;
const SECRET_ID = /^\{?(custsecret_[a-z0-9_]+)\}?$/;
/** The GUID NetSuite's credential store hands back for a credential field. */
const CREDENTIAL_GUID = /^[A-Za-z0-9]{16,64}$/;
const SUBSIDIARY_ID = /^\d+$/;
const SAVED_SEARCH_ID = /^(\d+|customsearch[a-z0-9_]+)$/;

/**
 * The longest value each free-text setting's field on the settings record holds: NetSuite refuses
 * a longer one when the record is saved (free-form text fields hold 300 characters, text areas
 * 4,000). Checked with the other rules, so an oversized value is an error at its field, not a
 * failed save. Keep in step with the field types in src/Objects/customrecord_fsc_config.xml.
 */
export const SETTING_MAX_LENGTH = {
  secretRef: 300,
  accountIdField: 300,
  scopeSubsidiaries: 300,
  scopeSavedSearch: 300,
  excludeCustomer: 300,
  excludeContact: 300,
  mappingJson: 4000,
  alertRecipients: 300,
} as const;

export function isChoice<T extends string>(value: string, choices: readonly T[]): value is T {
  return (choices as readonly string[]).includes(value);
}

/** A custom entity (or record) field id: what a dimension is read from. */
function isCustomFieldId(value: string): boolean {
  return CUSTOM_FIELD_ID.test(value);
}

/** A customer custom field id: what an account_id may be read from. */
export function isCustomerFieldId(value: string): boolean {
  return CUSTOMER_FIELD_ID.test(value);
}

function isDimensionKey(value: string): boolean {
  return DIMENSION_KEY.test(value);
}

function isDimensionType(value: unknown): value is CustomFieldType {
  return typeof value === 'string' && isChoice(value, DIMENSION_TYPES);
}

/**
 * What is wrong with one custom field sent as a dimension, checked in this order, or null. An
 * empty key means the field id (which is always a valid key).
 */
export function customFieldProblem(field: string, type: unknown, key: string): 'field' | 'type' | 'key' | null {
  if (!isCustomFieldId(field)) return 'field';
  if (!isDimensionType(type)) return 'type';
  if (key !== '' && !isDimensionKey(key)) return 'key';
  return null;
}

/** An API Secret id, bare or in the braces NetSuite shows it in: the id without braces, or null. */
export function secretIdOf(value: string): string | null {
  const m = SECRET_ID.exec(value);
  return m ? (m[1] as string) : null;
}

export function isCredentialGuid(value: string): boolean {
  return CREDENTIAL_GUID.test(value);
}

export function isSubsidiaryId(value: string): boolean {
  return SUBSIDIARY_ID.test(value);
}

/** An employee's internal id (alert recipients). */
export function isEmployeeId(value: string): boolean {
  return SUBSIDIARY_ID.test(value);
}

export function isSavedSearchId(value: string): boolean {
  return SAVED_SEARCH_ID.test(value);
}

/** A list setting as typed: items separated by commas or white space, blanks dropped. */
export function settingList(value: string | null | undefined): string[] {
  return (value ?? '')
    .trim()
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
