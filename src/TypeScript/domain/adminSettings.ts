/**
 * The settings form of the admin page as plain values: what the admin typed → the config record's
 * raw values, checked by parseConfig, with each problem placed next to the field it is about.
 * Pure: the page adapter turns request parameters into `SettingsForm` and back into fields.
 */
import { fieldsThatApply } from './fieldsThatApply';
import { checkedOr } from './checkbox';
import { EXCLUDE_FIELD, parseConfig, RETRY_FIELDS, type ConfigField, type RawConfig, type RetryField } from './config';
import { dimensionTypesFor, type AccountCustomField } from './fieldCatalog';
import { DIMENSION_TYPES_IN_WORDS, SETTING_MAX_LENGTH, customFieldProblem, isCredentialGuid, secretIdOf, settingList } from './settingRules';

/** One row of the "custom fields sent as dimensions" table. */
export interface CustomFieldRow {
  record: string;
  field: string;
  type: string;
  key: string;
}

/** One pick of the custom fields select: record, field and dimension type in one value. */
export interface CustomFieldOption {
  value: string;
  text: string;
}

/** "customer:custentity_tier:text": field ids and types hold no colon. */
export function customFieldChoice(r: Pick<CustomFieldRow, 'record' | 'field' | 'type'>): string {
  return `${r.record}:${r.field.trim().toLowerCase()}:${r.type}`;
}

/** A posted choice → its row's record, field and type ('' parts when it is not one). */
export function rowOfChoice(value: string): Pick<CustomFieldRow, 'record' | 'field' | 'type'> {
  const [record = '', field = '', type = ''] = value.trim().split(':');
  return { record, field, type };
}

const RECORD_WORD = { customer: 'Customer', contact: 'Contact' } as const;

/**
 * The custom fields select: each account field, per record it applies to, with each dimension
 * type its NetSuite type fits, labelled with that type. A stored row that is none of them (a field
 * deleted since, or sent as a type that does not fit) is kept as an option, named as such, so it
 * stays chosen and the save says what is wrong with it.
 */
export function customFieldOptions(fields: readonly AccountCustomField[], rows: readonly CustomFieldRow[]): CustomFieldOption[] {
  const options: CustomFieldOption[] = [];
  for (const f of fields) {
    for (const record of ['customer', 'contact'] as const) {
      if (!f[record]) continue;
      for (const type of dimensionTypesFor(f.type)) {
        options.push({ value: customFieldChoice({ record, field: f.id, type }), text: `${RECORD_WORD[record]}: ${f.label || f.id} (${f.id}), ${f.type}, sent as ${type}` });
      }
    }
  }
  for (const r of rows) {
    const value = customFieldChoice(r);
    if (options.some((o) => o.value === value)) continue;
    const record = r.record === 'contact' ? 'contact' : 'customer';
    options.push({ value, text: `${RECORD_WORD[record]}: ${r.field} sent as ${r.type || 'text'}: not a ${record} field of this account that fits` });
  }
  return options;
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
  /** Freshsuccess fields never sent, per record (multi-selects). */
  excludeCustomer: string[];
  excludeContact: string[];
  /** Retry settings as typed: attempts, seconds, minutes ('' for the default). */
  retryWarnAfter: string;
  retryFirstWait: string;
  retryLongestWait: string;
  /**
   * What an older record's mapping JSON holds that no field of the page takes (JSON that does not
   * parse, an unknown section): shown only then, so it can be fixed or emptied. Usually ''.
   */
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
  /** The form as checked, a posted JSON's settings moved into their fields: what to show again. */
  form: SettingsForm;
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
  excludeCustomer: 'excludeCustomer',
  excludeContact: 'excludeContact',
  retryWarnAfter: 'retryWarnAfter',
  retryFirstWait: 'retryFirstWait',
  retryLongestWait: 'retryLongestWait',
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

/** What splitMapping takes out of a stored mapping JSON for the page's own fields. */
export interface SplitMapping {
  rows: CustomFieldRow[];
  /** Each record's exclusions, or null when the JSON has none (or none the page can show). */
  exclude: Record<'customer' | 'contact', string[] | null>;
  /** Retry settings in the page's units ('' when the JSON has none the page can show exactly). */
  retry: Record<RetryField, string>;
  /** The rest, as JSON ('' when nothing is left). */
  rest: string;
}

/** A retry value of the JSON (ms, or attempts) in the page's unit, or null when it has no exact one. */
function retryInUnit(value: unknown, unitMs: number): string | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return null;
  if (unitMs === 0) return String(n);
  return n % unitMs === 0 ? String(n / unitMs) : null;
}

/**
 * Stored mapping JSON → the custom fields as rows, the exclusions and retry settings as the page's
 * fields, and the rest as JSON. What the fields cannot show exactly (JSON that does not parse,
 * custom entries that are not plain rows, a wait that is no whole number of the field's unit)
 * stays in the rest, untouched, so nothing is lost or rounded.
 */
export function splitMapping(json: string): SplitMapping {
  const split: SplitMapping = { rows: [], exclude: { customer: null, contact: null }, retry: { retryWarnAfter: '', retryFirstWait: '', retryLongestWait: '' }, rest: json };
  const obj = objectOf(json);
  if (!obj) return split;
  for (const record of ['customer', 'contact'] as const) {
    const section = obj[record] as Record<string, unknown> | undefined;
    if (!section || typeof section !== 'object') continue;
    const custom = section['custom'];
    const plain = Array.isArray(custom) && custom.every((c: unknown) => typeof c === 'object' && c !== null && ['field', 'type', 'key'].every((k) => (c as Record<string, unknown>)[k] === undefined || typeof (c as Record<string, unknown>)[k] === 'string'));
    if (plain) {
      for (const c of custom as Array<Record<string, string | undefined>>) split.rows.push({ record, field: c['field'] ?? '', type: c['type'] ?? '', key: c['key'] ?? '' });
      delete section['custom'];
    }
    const exclude = section['exclude'];
    if (Array.isArray(exclude) && exclude.every((x) => typeof x === 'string')) {
      split.exclude[record] = exclude as string[];
      delete section['exclude'];
    }
    if (Object.keys(section).length === 0) delete obj[record];
  }
  const retry = obj['retry'];
  if (typeof retry === 'object' && retry !== null && !Array.isArray(retry)) {
    const r = retry as Record<string, unknown>;
    // "maxAttempts" is the older name of warnAfterAttempts (config.ts reads either).
    const warnKey = r['warnAfterAttempts'] !== undefined ? 'warnAfterAttempts' : 'maxAttempts';
    const keyOf: Record<RetryField, string> = { retryWarnAfter: warnKey, retryFirstWait: 'baseDelayMs', retryLongestWait: 'maxDelayMs' };
    for (const name of Object.keys(keyOf) as RetryField[]) {
      const value = r[keyOf[name]];
      if (value === undefined) continue;
      const shown = retryInUnit(value, RETRY_FIELDS[name].unitMs);
      if (shown === null) continue;
      split.retry[name] = shown;
      delete r[keyOf[name]];
    }
    if (Object.keys(r).length === 0) delete obj['retry'];
  }
  // Nothing taken out: the text stays exactly as it was (and JSON nested too deep to write again is never rewritten).
  const moved = split.rows.length > 0 || split.exclude.customer !== null || split.exclude.contact !== null || Object.values(split.retry).some((v) => v !== '');
  if (!moved) return split;
  try {
    split.rest = Object.keys(obj).length === 0 ? '' : JSON.stringify(obj);
    return split;
  } catch {
    return { ...split, rows: [], exclude: { customer: null, contact: null }, retry: { retryWarnAfter: '', retryFirstWait: '', retryLongestWait: '' }, rest: json };
  }
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

/**
 * The form with what its mapping JSON holds for the page's own fields moved into them (fields
 * already filled win), as formFromRaw does for a stored record: a posted JSON and a stored one are
 * checked, and saved, alike.
 */
function withJsonMoved(form: SettingsForm): SettingsForm {
  const split = splitMapping(form.mappingJson);
  return {
    ...form,
    customFields: [...split.rows, ...form.customFields],
    excludeCustomer: form.excludeCustomer.length > 0 ? form.excludeCustomer : (split.exclude.customer ?? []),
    excludeContact: form.excludeContact.length > 0 ? form.excludeContact : (split.exclude.contact ?? []),
    retryWarnAfter: form.retryWarnAfter.trim() || split.retry.retryWarnAfter,
    retryFirstWait: form.retryFirstWait.trim() || split.retry.retryFirstWait,
    retryLongestWait: form.retryLongestWait.trim() || split.retry.retryLongestWait,
    mappingJson: split.rest,
  };
}

/** Checks the form as parseConfig will read the stored record; nothing may be saved with problems. */
export function checkSettings(typed: SettingsForm, storedRef: string): SettingsCheck {
  const form = withJsonMoved(typed);
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
    excludeCustomer: form.excludeCustomer.join(', '),
    excludeContact: form.excludeContact.join(', '),
    retryWarnAfter: blankToNull(form.retryWarnAfter),
    retryFirstWait: blankToNull(form.retryFirstWait),
    retryLongestWait: blankToNull(form.retryLongestWait),
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
  return { raw, form, problems, hideSecretInput: key.hide };
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
  excludeCustomer: [],
  excludeContact: [],
  retryWarnAfter: '',
  retryFirstWait: '',
  retryLongestWait: '',
  mappingJson: '',
  customFields: [],
  customFieldCap: '',
  alertRecipients: '',
  alertDeadLetters: '',
  alertWaitingHours: '',
};

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function listOr(stored: string | null | undefined, fromJson: string[] | null): string[] {
  const listed = settingList(stored);
  return listed.length > 0 ? listed : (fromJson ?? []);
}

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
    // A plain field that is set wins over the JSON, as config.ts reads them.
    excludeCustomer: listOr(raw[EXCLUDE_FIELD.customer], mapping.exclude.customer),
    excludeContact: listOr(raw[EXCLUDE_FIELD.contact], mapping.exclude.contact),
    retryWarnAfter: str(raw.retryWarnAfter).trim() || mapping.retry.retryWarnAfter,
    retryFirstWait: str(raw.retryFirstWait).trim() || mapping.retry.retryFirstWait,
    retryLongestWait: str(raw.retryLongestWait).trim() || mapping.retry.retryLongestWait,
    mappingJson: mapping.rest,
    customFields: mapping.rows,
    customFieldCap: str(raw.customFieldCap),
    alertRecipients: str(raw.alertRecipients),
    alertDeadLetters: str(raw.alertDeadLetters),
    alertWaitingHours: str(raw.alertWaitingHours),
  };
}
