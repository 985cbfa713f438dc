/**
 * The settings form of the admin page as plain values: what the admin typed → the config record's
 * raw values, checked by parseConfig, with each problem placed next to the field it is about.
 * Pure: the page adapter turns request parameters into `SettingsForm` and back into fields.
 */
import { parseConfig, type RawConfig } from './config';

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
  mappingJson: string;
}

export type SettingsField = Exclude<keyof SettingsForm, 'enabled' | 'syncContacts'> | 'general';

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

const SECRET_ID = /^\{?custsecret_[a-z0-9_]+\}?$/;
/** Same shape parseConfig accepts as a credential GUID. */
const GUID = /^[A-Za-z0-9]{16,64}$/;

/** parseConfig's problems start with the setting's name: the first matching rule places it. */
const PLACEMENT: ReadonlyArray<[RegExp, SettingsField]> = [
  [/^Region/, 'region'],
  [/key reference/i, 'keySource'],
  [/^Account id source "field"/, 'accountIdField'],
  [/^Account id source/, 'accountIdSource'],
  [/^User id source/, 'userIdSource'],
  [/customer stage/i, 'stages'],
  [/^Subsidiaries/, 'subsidiaries'],
  [/^Saved search/, 'savedSearch'],
  [/^Customer delete policy/, 'deleteCustomer'],
  [/^Contact delete policy/, 'deleteContact'],
  [/^Batch size \(records\)/, 'batchMaxRecords'],
  [/^Batch size \(bytes\)/, 'batchMaxBytes'],
  [/^Mapping overrides|^retry\./, 'mappingJson'],
];

/** The form field a parseConfig problem is about ('general' if none: it is still shown). */
export function fieldOfProblem(message: string): SettingsField {
  for (const [pattern, field] of PLACEMENT) if (pattern.test(message)) return field;
  return 'general';
}

/** The key reference the form asks for, or a problem saying what is missing. */
function keyReference(form: SettingsForm, storedRef: string): { ref: string; problem?: { field: SettingsField; message: string }; hide: boolean } {
  if (form.keySource === 'secret') {
    const id = form.secretId.trim();
    if (id === '') return { ref: '', hide: false, problem: { field: 'secretId', message: 'Enter the id of the API Secret that holds the Freshsuccess key (custsecret_...).' } };
    if (!SECRET_ID.test(id)) {
      return { ref: '', hide: true, problem: { field: 'secretId', message: 'An API Secret id starts with custsecret_ and has only lowercase letters, digits and _. What was typed is not shown again, in case it was the key itself: type the key in the API key field instead.' } };
    }
    return { ref: id.replace(/^\{|\}$/g, ''), hide: false };
  }
  const typed = form.credentialGuid.trim();
  if (typed !== '') return { ref: typed, hide: false };
  // Left blank: keep the key already stored through this page.
  if (GUID.test(storedRef)) return { ref: storedRef, hide: false };
  return { ref: '', hide: false, problem: { field: 'credentialGuid', message: 'Type the Freshsuccess API key (Freshsuccess: Settings > API Keys), or choose an API Secret instead.' } };
}

function blankToNull(s: string): string | null {
  return s.trim() === '' ? null : s.trim();
}

/** Checks the form as parseConfig will read the stored record; nothing may be saved with problems. */
export function checkSettings(form: SettingsForm, storedRef: string): SettingsCheck {
  const key = keyReference(form, storedRef);
  const raw: RawConfig = {
    enabled: form.enabled,
    region: form.region,
    secretRef: key.ref,
    accountIdSource: form.accountIdSource,
    accountIdField: form.accountIdSource === 'field' ? form.accountIdField.trim() : '',
    userIdSource: form.userIdSource,
    scopeStages: form.stages.join(', '),
    scopeSubsidiaries: form.subsidiaries.trim(),
    scopeSavedSearch: form.savedSearch.trim(),
    syncContacts: form.syncContacts,
    deleteCustomer: form.deleteCustomer,
    deleteContact: form.deleteContact,
    batchMaxRecords: blankToNull(form.batchMaxRecords),
    batchMaxBytes: blankToNull(form.batchMaxBytes),
    mappingJson: form.mappingJson.trim(),
  };
  const problems: SettingsCheck['problems'] = [];
  if (key.problem) problems.push(key.problem);
  for (const message of parseConfig(raw).problems) {
    // The missing-reference problem is already said above, in the admin's terms.
    if (key.problem && /key reference/i.test(message)) continue;
    problems.push({ field: fieldOfProblem(message), message });
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
};

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The form as the stored record fills it (null: not configured yet, the defaults). */
export function formFromRaw(raw: RawConfig | null): SettingsForm {
  if (!raw) return { ...DEFAULTS };
  const ref = str(raw.secretRef).trim();
  const secret = SECRET_ID.test(ref);
  const bool = (v: unknown, fallback: boolean) => (v === null || v === undefined || v === '' ? fallback : v === true || v === 'T' || v === 'true');
  return {
    enabled: bool(raw.enabled, false),
    region: str(raw.region) || DEFAULTS.region,
    keySource: secret ? 'secret' : 'credential',
    credentialGuid: !secret && GUID.test(ref) ? ref : '',
    secretId: secret ? ref.replace(/^\{|\}$/g, '') : '',
    accountIdSource: str(raw.accountIdSource) || DEFAULTS.accountIdSource,
    accountIdField: str(raw.accountIdField),
    userIdSource: str(raw.userIdSource) || DEFAULTS.userIdSource,
    stages: str(raw.scopeStages)
      .split(/[,\s]+/)
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== ''),
    subsidiaries: str(raw.scopeSubsidiaries),
    savedSearch: str(raw.scopeSavedSearch),
    syncContacts: bool(raw.syncContacts, true),
    deleteCustomer: str(raw.deleteCustomer) || DEFAULTS.deleteCustomer,
    deleteContact: str(raw.deleteContact) || DEFAULTS.deleteContact,
    batchMaxRecords: str(raw.batchMaxRecords),
    batchMaxBytes: str(raw.batchMaxBytes),
    mappingJson: str(raw.mappingJson),
  };
}
