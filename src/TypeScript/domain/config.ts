/**
 * The sync configuration as the engine uses it, parsed and checked from the raw values of the
 * config custom record. Parsing never throws: it returns problems the admin can read, and a
 * config with problems is not used for pushing.
 */
import { checkedOr } from './checkbox';
import { excludableFields, REQUIRED_FIELDS } from './fieldCatalog';
import {
  ACCOUNT_ID_SOURCES,
  CONTACT_DELETE_POLICIES,
  CUSTOMER_DELETE_POLICIES,
  CUSTOMER_STAGES,
  DIMENSION_TYPES_IN_WORDS,
  REGIONS,
  USER_ID_SOURCES,
  customFieldProblem,
  isChoice,
  isCredentialGuid,
  isCustomerFieldId,
  isEmployeeId,
  isSavedSearchId,
  isSubsidiaryId,
  secretIdOf,
  settingList,
} from './settingRules';
import type { CustomFieldType, CustomerStage, RecordKind } from './types';
import { ALERT_RANGE, MAX_ALERT_RECIPIENTS, type AlertSettings } from './alerts';

export type Region = (typeof REGIONS)[number];

/**
 * How the Freshsuccess key is reached. Never the key itself: an API Secret script id
 * (`custsecret_...`) or a credential GUID from a credential field. Which of the two an installed
 * SuiteApp may decrypt is [open] (NetSuite does not say whether a SuiteApp's scripts may use a
 * secret the customer created): both are supported, the admin picks.
 */
export type SecretReference = { kind: 'secret'; id: string } | { kind: 'credential'; guid: string };

export type AccountIdSource = { kind: 'internalid' } | { kind: 'entityid' } | { kind: 'field'; fieldId: string };
export type UserIdSource = (typeof USER_ID_SOURCES)[number];

export type CustomerDeletePolicy = (typeof CUSTOMER_DELETE_POLICIES)[number];
export type ContactDeletePolicy = (typeof CONTACT_DELETE_POLICIES)[number];

/** A custom entity field sent as a Freshsuccess dimension. */
export interface CustomFieldMapping {
  fieldId: string;
  type: CustomFieldType;
  /** Dimension key in Freshsuccess; defaults to the field id. */
  key: string;
}

export interface ObjectMapping {
  custom: CustomFieldMapping[];
  /** Freshsuccess field names never sent (e.g. the admin keeps `phone` owned by another system). */
  exclude: string[];
}

export interface Scope {
  /** Customer stages in scope; empty means all. */
  stages: CustomerStage[];
  /** Subsidiary internal ids in scope; empty means all. */
  subsidiaries: string[];
  /** A saved search whose results bound the customers in scope, or null. */
  savedSearchId: string | null;
  syncContacts: boolean;
}

export interface RetrySettings {
  /**
   * Transient failures (5xx, 429, timeouts, dropped connections, governance used up) are retried
   * until they land, never dead-lettered: after this many attempts a record still retrying is
   * flagged to the admin as long-retrying (Freshsuccess has been failing for hours), and it keeps
   * being retried every maxDelayMs at most. Only data errors dead-letter.
   */
  warnAfterAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface BatchLimits {
  maxRecords: number;
  maxBytes: number;
}

export interface SyncConfig {
  enabled: boolean;
  region: Region;
  secret: SecretReference | null;
  accountIdSource: AccountIdSource;
  userIdSource: UserIdSource;
  scope: Scope;
  deletePolicy: { customer: CustomerDeletePolicy; contact: ContactDeletePolicy };
  batch: BatchLimits;
  mapping: Record<RecordKind, ObjectMapping>;
  retry: RetrySettings;
  /** Overlap of the sweep's modified-since window, to cover clock skew and late commits. */
  sweepOverlapMs: number;
  /** Drained outbox entries older than this are purged by the scheduled sweep. */
  purgeAfterDays: number;
  /** When the config record was last changed (ms): a change clears an auth pause. */
  lastModified: number | null;
  /**
   * How many custom fields the customer's Freshsuccess plan allows to be synced (the admin types
   * it; no API tells it), or null when not set. Only compared with the mapping for the admin.
   */
  customFieldCap: number | null;
  /** Who is mailed about incidents, and the thresholds (domain/alerts.ts). */
  alerts: AlertSettings;
}

/** Raw values as stored on the config record (text, checkbox, numbers); keys are ours. */
export interface RawConfig {
  enabled?: boolean | string | null;
  region?: string | null;
  secretRef?: string | null;
  accountIdSource?: string | null;
  accountIdField?: string | null;
  userIdSource?: string | null;
  scopeStages?: string | null;
  scopeSubsidiaries?: string | null;
  scopeSavedSearch?: string | null;
  syncContacts?: boolean | string | null;
  deleteCustomer?: string | null;
  deleteContact?: string | null;
  batchMaxRecords?: number | string | null;
  batchMaxBytes?: number | string | null;
  /** Freshsuccess fields never sent, comma-separated (older records keep them in the mapping JSON). */
  excludeCustomer?: string | null;
  excludeContact?: string | null;
  /** Retry settings as plain numbers: attempts, seconds, minutes (older records: the mapping JSON, in ms). */
  retryWarnAfter?: number | string | null;
  retryFirstWait?: number | string | null;
  retryLongestWait?: number | string | null;
  /** Custom fields sent as dimensions, written by the page as JSON; older records also hold exclusions and retry settings here. */
  mappingJson?: string | null;
  customFieldCap?: number | string | null;
  /** Employee internal ids, comma-separated. */
  alertRecipients?: string | null;
  alertDeadLetters?: number | string | null;
  alertWaitingHours?: number | string | null;
  lastModified?: number | null;
}

/**
 * Default caps per request. Records: Freshsuccess says "batch sizes in the 1000s are fine"; 2,500
 * keeps runs of a few thousand records at one request per type (a cap of 1,000 left 100-record
 * remainders needing their own POST and map invocation) while a batch still finishes well inside
 * NetSuite's 45 s HTTPS limit at ~18 ms per record. Bytes: the real body limit is [open]; 1 MB
 * stays under the common 1 MiB proxy default, and a lower real limit answers 413, which splits the
 * batch in halves (nothing lost, a few more requests). Both are settings.
 */
export const DEFAULT_BATCH: BatchLimits = { maxRecords: 2500, maxBytes: 1_000_000 };
/** The range each batch setting accepts (an admin's value outside it is a problem, not clamped). */
export const BATCH_RANGE: Record<keyof BatchLimits, { min: number; max: number }> = { maxRecords: { min: 1, max: 5000 }, maxBytes: { min: 10_000, max: 9_000_000 } };
/** The range the plan's custom field cap accepts; empty means not set. */
export const CUSTOM_FIELD_CAP_RANGE = { min: 0, max: 1000 } as const;
/** 8 attempts with base 60 s doubled: flagged after about 2–4 hours of failures; then every 3–6 h. */
export const DEFAULT_RETRY: RetrySettings = { warnAfterAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 6 * 3600_000 };
/**
 * The retry settings as the page and the record hold them, in the unit each is typed in, with the
 * range each accepts (the same bounds the mapping JSON's milliseconds always had).
 */
export const RETRY_FIELDS = {
  retryWarnAfter: { name: 'Flag as long-retrying after (attempts)', min: 1, max: 30, unitMs: 0, setting: 'warnAfterAttempts' },
  retryFirstWait: { name: 'First wait before a retry (seconds)', min: 1, max: 3600, unitMs: 1000, setting: 'baseDelayMs' },
  retryLongestWait: { name: 'Longest wait between retries (minutes)', min: 1, max: 7 * 24 * 60, unitMs: 60_000, setting: 'maxDelayMs' },
} as const;
export type RetryField = keyof typeof RETRY_FIELDS;
/** The plain field of each record's exclusions. */
export const EXCLUDE_FIELD: Record<RecordKind, 'excludeCustomer' | 'excludeContact'> = { customer: 'excludeCustomer', contact: 'excludeContact' };

/** The raw settings a problem can be about (the checkboxes and the record's time stamp cannot be wrong). */
export type ConfigField = Exclude<keyof RawConfig, 'enabled' | 'syncContacts' | 'lastModified'>;

/** A problem with one setting, keyed by the raw value it is about so a form can place it. */
export interface ConfigProblem {
  field: ConfigField;
  message: string;
}

export interface ParsedConfig {
  config: SyncConfig;
  problems: ConfigProblem[];
}

/** Adds a problem about the field it was made for. */
type Report = (message: string) => void;

function text(value: string | null | undefined): string {
  return (value ?? '').trim();
}

function int(value: number | string | null | undefined, fallback: number, min: number, max: number, name: string, report: Report): number {
  if (value === null || value === undefined || value === '') return fallback;
  // Typed text must be plain decimal digits: Number() would also read "1e3", "0x10" or "0b11".
  const plain = typeof value === 'number' || /^\s*-?\d+\s*$/.test(value);
  const n = typeof value === 'number' ? value : Number(value);
  if (!plain || !Number.isInteger(n) || n < min || n > max) {
    report(`${name} must be a whole number from ${min} to ${max} (got ${String(value)})`);
    return fallback;
  }
  return n;
}

/** A setting that may be left empty (null: off); typed, it is checked as `int` checks. */
function optionalInt(value: number | string | null | undefined, range: { min: number; max: number }, name: string, report: Report): number | null {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const n = int(value, Number.NaN, range.min, range.max, name, report);
  return Number.isNaN(n) ? null : n;
}

function oneOf<T extends string>(value: string | null | undefined, choices: readonly T[], fallback: T, name: string, report: Report): T {
  const v = text(value);
  if (v === '') return fallback;
  if (isChoice(v, choices)) return v;
  report(`${name} must be one of ${choices.join(', ')} (got "${v}")`);
  return fallback;
}

function parseSecret(value: string | null | undefined, report: Report): SecretReference | null {
  const v = text(value);
  if (v === '') {
    report('No Freshsuccess key reference: set an API Secret id (custsecret_...) or save the key in the credential field');
    return null;
  }
  const id = secretIdOf(v);
  if (id !== null) return { kind: 'secret', id };
  if (isCredentialGuid(v)) return { kind: 'credential', guid: v };
  report('The key reference must be an API Secret id (custsecret_...) or a credential GUID; never paste the key itself');
  return null;
}

function emptyMapping(): Record<RecordKind, ObjectMapping> {
  return { customer: { custom: [], exclude: [] }, contact: { custom: [], exclude: [] } };
}

/**
 * Mapping overrides JSON, e.g.
 * `{"customer":{"custom":[{"field":"custentity_tier","type":"text","key":"tier"}],"exclude":["phone"]},
 *   "retry":{"warnAfterAttempts":5}}`.
 */
function parseMappingJson(json: string, report: Report): { mapping: Record<RecordKind, ObjectMapping>; retry: RetrySettings } {
  const mapping = emptyMapping();
  const retry = { ...DEFAULT_RETRY };
  if (json.trim() === '') return { mapping, retry };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    report(`Mapping overrides are not valid JSON: ${(e as Error).message}`);
    return { mapping, retry };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report('Mapping overrides must be a JSON object with "customer" and/or "contact"');
    return { mapping, retry };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'customer' && key !== 'contact' && key !== 'retry') report(`Mapping overrides: unknown section "${key}"`);
  }
  for (const kind of ['customer', 'contact'] as const) {
    const section = obj[kind];
    if (section === undefined) continue;
    if (typeof section !== 'object' || section === null) {
      report(`Mapping overrides: "${kind}" must be an object`);
      continue;
    }
    const s = section as Record<string, unknown>;
    const custom = s['custom'] ?? [];
    if (!Array.isArray(custom)) report(`Mapping overrides: "${kind}.custom" must be a list`);
    else {
      custom.forEach((item: unknown, i) => {
        const c = (item ?? {}) as Record<string, unknown>;
        const fieldId = typeof c['field'] === 'string' ? c['field'] : '';
        const type = c['type'];
        const key = typeof c['key'] === 'string' && c['key'] !== '' ? c['key'] : fieldId;
        const problem = customFieldProblem(fieldId, type, key);
        if (problem === 'field') report(`Mapping overrides: ${kind}.custom[${i}].field must be a custom field id (custentity...)`);
        else if (problem === 'type') report(`Mapping overrides: ${kind}.custom[${i}].type must be ${DIMENSION_TYPES_IN_WORDS}`);
        else if (problem === 'key') report(`Mapping overrides: ${kind}.custom[${i}].key "${key}" has characters Freshsuccess keys should not have`);
        else mapping[kind].custom.push({ fieldId, type: type as CustomFieldType, key });
      });
    }
    const exclude = s['exclude'] ?? [];
    if (!Array.isArray(exclude) || exclude.some((x) => typeof x !== 'string')) report(`Mapping overrides: "${kind}.exclude" must be a list of Freshsuccess field names`);
    else {
      // Freshsuccess refuses a new record without these: excluding one would dead-letter every new record.
      const required = REQUIRED_FIELDS[kind].filter((f) => (exclude as string[]).includes(f));
      if (required.length > 0) report(`Mapping overrides: "${kind}.exclude" cannot hold ${required.join(', ')}: Freshsuccess needs ${required.length === 1 ? 'it' : 'them'} to create a record`);
      else mapping[kind].exclude = exclude as string[];
    }
  }
  const r = obj['retry'];
  if (r !== undefined) {
    const rr = (r ?? {}) as Record<string, unknown>;
    // "maxAttempts" is the older name: it once dead-lettered after that many attempts; now it only
    // says when a record still retrying is flagged (nothing transient is ever given up).
    const warnKey = rr['warnAfterAttempts'] !== undefined ? 'warnAfterAttempts' : 'maxAttempts';
    retry.warnAfterAttempts = int(rr[warnKey] as number | undefined, retry.warnAfterAttempts, 1, 30, `retry.${warnKey}`, report);
    retry.baseDelayMs = int(rr['baseDelayMs'] as number | undefined, retry.baseDelayMs, 1000, 3600_000, 'retry.baseDelayMs', report);
    retry.maxDelayMs = int(rr['maxDelayMs'] as number | undefined, retry.maxDelayMs, retry.baseDelayMs, 7 * 86400_000, 'retry.maxDelayMs', report);
  }
  return { mapping, retry };
}

function isSet(value: number | string | null | undefined): boolean {
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/**
 * The exclusions and retry settings typed as plain fields, over what the mapping JSON says (an
 * older record keeps them there; a field left empty keeps the JSON's value, so such a record works
 * unchanged). Unlike the JSON's lenient list, a plain exclusion must name a field FreshSync sends.
 */
function applyPlainFields(raw: RawConfig, mapping: Record<RecordKind, ObjectMapping>, retry: RetrySettings, about: (field: ConfigField) => Report): void {
  for (const kind of ['customer', 'contact'] as const) {
    const field = EXCLUDE_FIELD[kind];
    const listed = settingList(raw[field]);
    if (listed.length === 0) continue;
    const required = REQUIRED_FIELDS[kind].filter((f) => listed.includes(f));
    const allowed = excludableFields(kind);
    const unknown = listed.filter((f) => !allowed.includes(f) && !required.includes(f));
    if (required.length > 0) about(field)(`${required.join(', ')} cannot be excluded: Freshsuccess needs ${required.length === 1 ? 'it' : 'them'} to create ${kind === 'customer' ? 'an account' : 'a contact'}`);
    if (unknown.length > 0) about(field)(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the fields FreshSync sends for a ${kind} (${allowed.join(', ')})`);
    if (required.length === 0 && unknown.length === 0) mapping[kind].exclude = listed;
  }
  for (const name of Object.keys(RETRY_FIELDS) as RetryField[]) {
    const f = RETRY_FIELDS[name];
    if (!isSet(raw[name])) continue;
    const n = int(raw[name], NaN, f.min, f.max, f.name, about(name));
    if (Number.isNaN(n)) continue;
    retry[f.setting] = f.unitMs === 0 ? n : n * f.unitMs;
  }
  if (retry.maxDelayMs < retry.baseDelayMs) {
    const at: RetryField = isSet(raw.retryLongestWait) ? 'retryLongestWait' : 'retryFirstWait';
    about(at)(`The longest wait between retries (${retry.maxDelayMs / 60_000} minutes) cannot be shorter than the first wait (${retry.baseDelayMs / 1000} seconds)`);
    retry.maxDelayMs = retry.baseDelayMs;
  }
}

export function parseConfig(raw: RawConfig): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const about = (field: ConfigField): Report => (message) => problems.push({ field, message });
  const sourceName = oneOf(raw.accountIdSource, ACCOUNT_ID_SOURCES, 'internalid', 'Account id source', about('accountIdSource'));
  let accountIdSource: AccountIdSource = { kind: 'internalid' };
  if (sourceName === 'entityid') accountIdSource = { kind: 'entityid' };
  if (sourceName === 'field') {
    const fieldId = text(raw.accountIdField);
    if (!isCustomerFieldId(fieldId)) about('accountIdField')('Account id source "field" needs a customer custom field id (custentity...)');
    else accountIdSource = { kind: 'field', fieldId };
  }
  const stages = settingList(raw.scopeStages).map((s) => s.toUpperCase());
  const badStages = stages.filter((s) => !isChoice(s, CUSTOMER_STAGES));
  if (badStages.length > 0) about('scopeStages')(`Unknown customer stage(s) in scope: ${badStages.join(', ')} (use ${CUSTOMER_STAGES.join(', ')})`);
  const subsidiaries = settingList(raw.scopeSubsidiaries);
  if (subsidiaries.some((s) => !isSubsidiaryId(s))) about('scopeSubsidiaries')('Subsidiaries in scope must be internal ids separated by commas');
  const savedSearch = text(raw.scopeSavedSearch);
  if (savedSearch !== '' && !isSavedSearchId(savedSearch)) about('scopeSavedSearch')('Saved search scope must be an internal id or a customsearch... id');
  const { mapping, retry } = parseMappingJson(raw.mappingJson ?? '', about('mappingJson'));
  const recipients = settingList(raw.alertRecipients);
  if (recipients.some((r) => !isEmployeeId(r))) about('alertRecipients')('Alert recipients must be employee internal ids separated by commas');
  else if (recipients.length > MAX_ALERT_RECIPIENTS) about('alertRecipients')(`At most ${MAX_ALERT_RECIPIENTS} alert recipients (NetSuite sends one message to at most ${MAX_ALERT_RECIPIENTS}); ${recipients.length} are chosen`);
  applyPlainFields(raw, mapping, retry, about);
  const config: SyncConfig = {
    enabled: checkedOr(raw.enabled, false),
    region: oneOf(raw.region, REGIONS, 'us', 'Region', about('region')),
    secret: parseSecret(raw.secretRef, about('secretRef')),
    accountIdSource,
    userIdSource: oneOf(raw.userIdSource, USER_ID_SOURCES, 'internalid', 'User id source', about('userIdSource')),
    scope: {
      stages: stages.filter((s): s is CustomerStage => isChoice(s, CUSTOMER_STAGES)),
      subsidiaries: subsidiaries.filter(isSubsidiaryId),
      savedSearchId: savedSearch === '' ? null : savedSearch,
      syncContacts: checkedOr(raw.syncContacts, true),
    },
    deletePolicy: {
      customer: oneOf(raw.deleteCustomer, CUSTOMER_DELETE_POLICIES, 'deactivate', 'Customer delete policy', about('deleteCustomer')),
      contact: oneOf(raw.deleteContact, CONTACT_DELETE_POLICIES, 'deactivate', 'Contact delete policy', about('deleteContact')),
    },
    batch: {
      maxRecords: int(raw.batchMaxRecords, DEFAULT_BATCH.maxRecords, BATCH_RANGE.maxRecords.min, BATCH_RANGE.maxRecords.max, 'Batch size (records)', about('batchMaxRecords')),
      maxBytes: int(raw.batchMaxBytes, DEFAULT_BATCH.maxBytes, BATCH_RANGE.maxBytes.min, BATCH_RANGE.maxBytes.max, 'Batch size (bytes)', about('batchMaxBytes')),
    },
    mapping,
    retry,
    sweepOverlapMs: 10 * 60_000,
    purgeAfterDays: 30,
    lastModified: raw.lastModified ?? null,
    customFieldCap: optionalInt(raw.customFieldCap, CUSTOM_FIELD_CAP_RANGE, 'Custom fields your Freshsuccess plan allows', about('customFieldCap')),
    alerts: {
      recipients: recipients.length <= MAX_ALERT_RECIPIENTS ? recipients.filter(isEmployeeId) : [],
      deadLetters: optionalInt(raw.alertDeadLetters, ALERT_RANGE.deadLetters, 'Alert at dead letters', about('alertDeadLetters')),
      waitingHours: optionalInt(raw.alertWaitingHours, ALERT_RANGE.waitingHours, 'Alert when a change waits (hours)', about('alertWaitingHours')),
    },
  };
  return { config, problems };
}
