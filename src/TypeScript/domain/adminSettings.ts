/**
 * The settings form of the admin page as plain values: what the admin typed → the config record's
 * raw values, checked by parseConfig, with each problem placed next to the field it is about.
 * Pure: the page adapter turns request parameters into `SettingsForm` and back into fields.
 */
import { fieldsThatApply } from './fieldsThatApply';
import { checkedOr } from './checkbox';
import { parseConfig, type ConfigField, type RawConfig } from './config';
import { DIMENSION_TYPES_IN_WORDS, SETTING_MAX_LENGTH, customFieldProblem, isCredentialGuid, secretIdOf, settingList } from './settingRules';

/** One row of the "custom fields sent as dimensions" table. */
export interface CustomFieldRow {
  record: string;
  field: string;
  type: string;
  key: string;
}

/** The settings the page edits, one entry per form field, as text (checkboxes as booleans). */
export interface SettingsForm {
  enabled: boolean;
  region: string;
  /** Which way the key is kept: typed into the page's credential field, or an API Secret. */
  keySource: 'credential' | 'secret';
  /** The credential field's value: a GUID from NetSuite's credential store ('' when left blank). */
  credentialGuid: string;
  secretId: string;
  accountIdSource: string;
  accountIdField: string;
  userIdSource: string;
  stages: string[];
  subsidiaries: string;
  savedSearch: string;
  syncContacts: boolean;
  deleteCustomer: string;
  deleteContact: string;
  batchMaxRecords: string;
  batchMaxBytes: string;
  /** Mapping overrides JSON without the custom fields, which are edited as rows. */
  mappingJson: string;
  customFields: CustomFieldRow[];
  /** How many custom fields the Freshsuccess plan allows ('' when not set). */
  customFieldCap: string;
  /** Employee internal ids mailed about incidents, comma-separated (a multi-select on the page). */
  alertRecipients: string;
  alertDeadLetters: string;
  alertWaitingHours: string;
}

export type SettingsField = Exclude<keyof SettingsForm, 'enabled' | 'syncContacts'>;

export interface SettingsCheck {
  /** What to store when there are no problems (never the key: only a GUID or a secret id). */
  raw: RawConfig;
  problems: Array<{ field: SettingsField; message: string }>;
  /**
   * The secret id box held something that is neither a secret id nor empty — possibly the key
   * itself pasted in the wrong box. The page must not show it again.
   */
  hideSecretInput: boolean;
}

/** The form field each raw setting is typed in, where parseConfig's problems about it are shown. */
const FORM_FIELD: Record<ConfigField, SettingsField> = {
  region: 'region',
  secretRef: 'keySource',
  accountIdSource: 'accountIdSource',
  accountIdField: 'accountIdField',
  userIdSource: 'userIdSource',
  scopeStages: 'stages',
  scopeSubsidiaries: 'subsidiaries',
  scopeSavedSearch: 'savedSearch',
  deleteCustomer: 'deleteCustomer',
  deleteContact: 'deleteContact',
  batchMaxRecords: 'batchMaxRecords',
  batchMaxBytes: 'batchMaxBytes',
  mappingJson: 'mappingJson',
  customFieldCap: 'customFieldCap',
  alertRecipients: 'alertRecipients',
  alertDeadLetters: 'alertDeadLetters',
  alertWaitingHours: 'alertWaitingHours',
};

function objectOf(json: string): Record<string, unknown> | null {
  if (json.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Stored mapping JSON → the custom fields as rows, and the rest as JSON. JSON that does not parse
 * (or custom entries that are not plain rows) stays in the text, untouched, so nothing is lost.
 */
export function splitMapping(json: string): { rows: CustomFieldRow[]; rest: string } {
  const obj = objectOf(json);
  if (!obj) return { rows: [], rest: json };
  const rows: CustomFieldRow[] = [];
  for (const record of ['customer', 'contact'] as const) {
    const section = obj[record] as Record<string, unknown> | undefined;
    const custom = section && typeof section === 'object' ? section['custom'] : undefined;
    if (!Array.isArray(custom)) continue;
    const plain = custom.every((c: unknown) => typeof c === 'object' && c !== null && ['field', 'type', 'key'].every((k) => (c as Record<string, unknown>)[k] === undefined || typeof (c as Record<string, unknown>)[k] === 'string'));
    if (!plain) continue;
    for (const c of custom as Array<Record<string, string | undefined>>) rows.push({ record, field: c['field'] ?? '', type: c['type'] ?? '', key: c['key'] ?? '' });
    delete (section as Record<string, unknown>)['custom'];
    if (Object.keys(section as object).length === 0) delete obj[record];
  }
  return { rows, rest: Object.keys(obj).length === 0 ? '' : JSON.stringify(obj) };
}

/** Problems of the rows, one per bad row, numbered as the admin sees them. */
function rowProblems(rows: readonly CustomFieldRow[]): string[] {
  const out: string[] = [];
  rows.forEach((r, i) => {
    const n = `Custom field row ${i + 1}`;
    if (r.record !== 'customer' && r.record !== 'contact') {
      out.push(`${n}: choose customer or contact`);
      return;
    }
    const problem = customFieldProblem(r.field.trim(), r.type, r.key.trim());
    if (problem === 'field') out.push(`${n}: the field must be a custom field id (custentity...), got "${r.field.trim().slice(0, 60)}"`);
    else if (problem === 'type') out.push(`${n}: the type must be ${DIMENSION_TYPES_IN_WORDS}`);
    else if (problem === 'key') out.push(`${n}: the Freshsuccess key may have letters, digits, spaces and _ . - only`);
  });
  return out;
}

/** The rows added to the rest of the mapping JSON (the rest stays as typed if it does not parse). */
export function joinMapping(rest: string, rows: readonly CustomFieldRow[]): string {
  if (rows.length === 0) return rest.trim();
  const obj = objectOf(rest);
  if (!obj) return rest.trim();
  for (const r of rows) {
    const section = (obj[r.record] = (typeof obj[r.record] === 'object' && obj[r.record] !== null ? obj[r.record] : {}) as Record<string, unknown>) as Record<string, unknown>;
    const custom = (section['custom'] = Array.isArray(section['custom']) ? section['custom'] : []) as unknown[];
    custom.push(r.key.trim() === '' ? { field: r.field.trim(), type: r.type } : { field: r.field.trim(), type: r.type, key: r.key.trim() });
  }
  return JSON.stringify(obj);
}

/** The key reference the form asks for, or a problem saying what is missing. */
function keyReference(form: SettingsForm, storedRef: string): { ref: string; problem?: { field: SettingsField; message: string }; hide: boolean } {
  if (fieldsThatApply(form).secretId) {
    const typed = form.secretId.trim();
    if (typed === '') return { ref: '', hide: false, problem: { field: 'secretId', message: 'Enter the id of the API Secret that holds the Freshsuccess key (custsecret_...).' } };
    const id = secretIdOf(typed);
    if (id === null) {
      return { ref: '', hide: true, problem: { field: 'secretId', message: 'An API Secret id starts with custsecret_ and has only lowercase letters, digits and _. What was typed is not shown again, in case it was the key itself: type the key in the API key field instead.' } };
    }
    return { ref: id, hide: false };
  }
  const typed = form.credentialGuid.trim();
  if (typed !== '') return { ref: typed, hide: false };
  // Left blank: keep the key already stored through this page.
  if (isCredentialGuid(storedRef)) return { ref: storedRef, hide: false };
  return { ref: '', hide: false, problem: { field: 'credentialGuid', message: 'Type the Freshsuccess API key (Freshsuccess: Settings > API Keys), or choose an API Secret instead.' } };
}

function blankToNull(s: string): string | null {
  return s.trim() === '' ? null : s.trim();
}

/** Checks the form as parseConfig will read the stored record; nothing may be saved with problems. */
export function checkSettings(form: SettingsForm, storedRef: string): SettingsCheck {
  const key = keyReference(form, storedRef);
  const badRows = rowProblems(form.customFields);
  const raw: RawConfig = {
    enabled: form.enabled,
    region: form.region,
    secretRef: key.ref,
    accountIdSource: form.accountIdSource,
    accountIdField: fieldsThatApply(form).accountIdField ? form.accountIdField.trim() : '',
    userIdSource: form.userIdSource,
    scopeStages: form.stages.join(', '),
    scopeSubsidiaries: form.subsidiaries.trim(),
    scopeSavedSearch: form.savedSearch.trim(),
    syncContacts: form.syncContacts,
    deleteCustomer: form.deleteCustomer,
    deleteContact: form.deleteContact,
    batchMaxRecords: blankToNull(form.batchMaxRecords),
    batchMaxBytes: blankToNull(form.batchMaxBytes),
    mappingJson: badRows.length > 0 ? form.mappingJson.trim() : joinMapping(form.mappingJson, form.customFields),
    customFieldCap: blankToNull(form.customFieldCap),
    alertRecipients: settingList(form.alertRecipients).join(','),
    alertDeadLetters: blankToNull(form.alertDeadLetters),
    alertWaitingHours: blankToNull(form.alertWaitingHours),
  };
  const problems: SettingsCheck['problems'] = [];
  if (key.problem) problems.push(key.problem);
  for (const [name, max] of Object.entries(SETTING_MAX_LENGTH) as Array<[keyof typeof SETTING_MAX_LENGTH, number]>) {
    const length = (raw[name] ?? '').length;
    if (length > max) problems.push({ field: FORM_FIELD[name], message: `Too long to store: ${length} characters, at most ${max}` });
  }
  for (const message of badRows) problems.push({ field: 'customFields', message });
  for (const p of parseConfig(raw).problems) {
    // The missing-reference problem is already said above, in the admin's terms.
    if (key.problem && p.field === 'secretRef') continue;
    problems.push({ field: FORM_FIELD[p.field], message: p.message });
  }
  return { raw, problems, hideSecretInput: key.hide };
}

/** A first save usually means "start syncing": the box starts ticked until a record exists. */
const DEFAULTS: SettingsForm = {
  enabled: true,
  region: 'us',
  keySource: 'credential',
  credentialGuid: '',
  secretId: '',
  accountIdSource: 'internalid',
  accountIdField: '',
  userIdSource: 'internalid',
  stages: [],
  subsidiaries: '',
  savedSearch: '',
  syncContacts: true,
  deleteCustomer: 'deactivate',
  deleteContact: 'deactivate',
  batchMaxRecords: '',
  batchMaxBytes: '',
  mappingJson: '',
  customFields: [],
  customFieldCap: '',
  alertRecipients: '',
  alertDeadLetters: '',
  alertWaitingHours: '',
};

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The form as the stored record fills it (null: not configured yet, the defaults). */
export function formFromRaw(raw: RawConfig | null): SettingsForm {
  if (!raw) return { ...DEFAULTS };
  const ref = str(raw.secretRef).trim();
  const secretId = secretIdOf(ref);
  const mapping = splitMapping(str(raw.mappingJson));
  return {
    enabled: checkedOr(raw.enabled, false),
    region: str(raw.region) || DEFAULTS.region,
    keySource: secretId !== null ? 'secret' : 'credential',
    credentialGuid: secretId === null && isCredentialGuid(ref) ? ref : '',
    secretId: secretId ?? '',
    accountIdSource: str(raw.accountIdSource) || DEFAULTS.accountIdSource,
    accountIdField: str(raw.accountIdField),
    userIdSource: str(raw.userIdSource) || DEFAULTS.userIdSource,
    stages: settingList(str(raw.scopeStages)).map((s) => s.toUpperCase()),
    subsidiaries: str(raw.scopeSubsidiaries),
    savedSearch: str(raw.scopeSavedSearch),
    syncContacts: checkedOr(raw.syncContacts, true),
    deleteCustomer: str(raw.deleteCustomer) || DEFAULTS.deleteCustomer,
    deleteContact: str(raw.deleteContact) || DEFAULTS.deleteContact,
    batchMaxRecords: str(raw.batchMaxRecords),
    batchMaxBytes: str(raw.batchMaxBytes),
    mappingJson: mapping.rest,
    customFields: mapping.rows,
    customFieldCap: str(raw.customFieldCap),
    alertRecipients: str(raw.alertRecipients),
    alertDeadLetters: str(raw.alertDeadLetters),
    alertWaitingHours: str(raw.alertWaitingHours),
  };
}
