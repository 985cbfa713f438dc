/**
 * The admin page as a serverWidget form: settings fields in field groups with help text, and the
 * read-only sections (sync control, status, setup checklist) as escaped HTML. Action buttons are
 * plain submit buttons named `custpage_action` inside that HTML, so everything works without the
 * client script, which only hides fields that do not apply; the form's own Save button comes
 * first in the page, so Enter in a field saves.
 */
import * as message from 'N/ui/message';
import * as serverWidget from 'N/ui/serverWidget';
import { esc, statusHtml, type StatusView } from '../app/adminStatusView';
import type { PreviewResult } from '../app/payloadPreview';
import { customFieldCountHtml, previewResultHtml } from '../app/payloadPreviewView';
import type { CustomFieldCount } from '../domain/payloadPreview';
import { healthVerdict } from '../app/healthVerdict';
import { alertsHtml } from '../app/alertsView';
import { ALERT_RANGE, MAX_ALERT_RECIPIENTS } from '../domain/alerts';
import { PAUSE_WORDS, pauseCause } from '../domain/pauseCause';
import { customFieldChoice, customFieldOptions, type SettingsField, type SettingsForm } from '../domain/adminSettings';
import { excludableFields, type AccountCustomField } from '../domain/fieldCatalog';
import { BATCH_RANGE, CUSTOM_FIELD_CAP_RANGE, DEFAULT_BATCH, DEFAULT_RETRY, EXCLUDE_FIELD, RETRY_FIELDS, type RetryField, type AccountIdSource, type BatchLimits, type ContactDeletePolicy, type CustomerDeletePolicy, type Region, type UserIdSource } from '../domain/config';
import { ACCOUNT_ID_SOURCES, CONTACT_DELETE_POLICIES, CUSTOMER_DELETE_POLICIES, CUSTOMER_STAGES, DIMENSION_TYPES, REGIONS, USER_ID_SOURCES, settingList } from '../domain/settingRules';
import type { CustomerStage } from '../domain/types';
import { FORM_TOKEN_FIELD } from '../domain/formToken';
import { ACTION_PARAM } from '../domain/problemActions';
export { ACTION_PARAM };
import { HOSTS } from '../freshsuccess/endpoints';
import type { Notice } from './adminNotice';
import { FIELD, PREVIEW_ACTION, PREVIEW_FIELD, ROW_FIELD } from './adminFieldIds';
import type { SavedSearchChoice } from './savedSearchChoices';
import { RESYNC_ACTION_PREFIX, type ResyncTarget } from '../domain/resync';
import { SCRIPTS } from './schema';
import { progressText, type CheckItem, type CheckState, type Checklist } from '../domain/setupChecklist';

export const ADMIN_SCRIPT = SCRIPTS.admin;
export const REMOVE_EXTRAS_FIELD = 'custpage_remove_extras';
/** The page's client script (entry/cs_fsc_admin.ts), by its File Cabinet path: no script record needed. */
const ADMIN_CLIENT_SCRIPT = '/SuiteApps/com.freshsync.connector/entry/cs_fsc_admin.js';

export const LABEL: Record<SettingsField, string> = {
  region: 'Data centre',
  keySource: 'Key kept as',
  credentialGuid: 'Freshsuccess API key',
  secretId: 'API Secret id',
  accountIdSource: 'Account id in Freshsuccess',
  accountIdField: 'Custom field holding the account id',
  userIdSource: 'Contact id in Freshsuccess',
  stages: 'Customer stages in scope',
  subsidiaries: 'Subsidiaries in scope',
  savedSearch: 'Saved search scope',
  deleteCustomer: 'When a customer is deleted',
  deleteContact: 'When a contact is deleted',
  batchMaxRecords: 'Batch size (records)',
  batchMaxBytes: 'Batch size (bytes)',
  customFieldCap: 'Custom fields your Freshsuccess plan allows',
  alertRecipients: 'Alert recipients',
  alertDeadLetters: 'Alert at dead letters',
  alertWaitingHours: 'Alert when a change waits (hours)',
  excludeCustomer: 'Customer fields never sent',
  excludeContact: 'Contact fields never sent',
  retryWarnAfter: RETRY_FIELDS.retryWarnAfter.name,
  retryFirstWait: RETRY_FIELDS.retryFirstWait.name,
  retryLongestWait: RETRY_FIELDS.retryLongestWait.name,
  mappingJson: 'Mapping overrides left from an older version (JSON)',
  // A sublist: shown after the settings tab's field groups.
  customFields: 'Custom fields sent as dimensions',
};

/** Scripts that send the key: the credential is usable by these only, and only towards Freshsuccess. */
const KEY_USERS = [SCRIPTS.drain.scriptId, SCRIPTS.fullSync.scriptId, SCRIPTS.reconcile.scriptId, ADMIN_SCRIPT.scriptId];

export interface PageModel {
  form: SettingsForm;
  /** Problems of a refused save, placed by field. */
  problems: Array<{ field: SettingsField; message: string }>;
  notice: Notice | null;
  status: StatusView;
  /** The "What runs now" box (netsuite/adminProgress.ts), refreshed by the client script. */
  progress: string;
  accountId: string;
  /** The setup checklist, checked on this view (domain/setupChecklist.ts). */
  checklist: Checklist;
  /** This rendering's forged-request token (domain/formToken.ts), posted back in a hidden field. */
  formToken: string;
  /** Asking before a reconcile that deactivates records only Freshsuccess has. */
  confirmRemoval?: boolean;
  /** Whether the account has subsidiaries (OneWorld): only then is there a subsidiary scope to pick. */
  subsidiaries?: boolean;
  /** The customer saved searches to pick from; null or absent: typed as an id instead. */
  savedSearches?: SavedSearchChoice[] | null;
  /** The account's custom entity fields to pick from; null or absent: typed as ids instead. */
  customFieldChoices?: AccountCustomField[] | null;
  /** A record page's "Resync now" asks here first: the record and its name (null: not found). */
  resync?: { target: ResyncTarget; name: string | null } | null;
  /** The Payload preview tab, once settings are saved: the custom field count, and the preview asked for. */
  preview?: PreviewSection | null;
}

export interface PreviewSection {
  region: Region;
  fieldCount: CustomFieldCount;
  /** What the page's link or chooser asked for (as typed), and the result; result null: not a record reference. */
  asked: { value: string; result: PreviewResult | null; holdUp: string | null } | null;
}


/** The button that confirms a reconcile with deactivation. */
export const CONFIRMED_REMOVAL_ACTION = 'reconcile_extras';
/** The button that makes settings copied from another account this account's own. */
export const CONFIRM_ACCOUNT_ACTION = 'confirm_account';

/** Settings copied from another account: say so above everything, with the way to resume. */
function copiedSettingsNotice(form: serverWidget.Form, m: PageModel): void {
  if (!m.status.copied) return;
  html(
    form,
    'custpage_copied_html',
    undefined,
    `<div id="custpage_copied" class="fsc-confirm" role="alert"><p><strong>Pushing is held back in this account.</strong> ${esc(m.status.copied)}</p><p>If this account should push to the Freshsuccess tenant of the saved key, confirm it. If it should push to another tenant (a test tenant for a sandbox), change the key and data centre under Settings and save instead.</p><p>${actionButton(CONFIRM_ACCOUNT_ACTION, 'Use these settings in this account')}</p></div>`,
  );
}

type Option = [string, string];

/** The engine's choices (domain/settingRules.ts) with their labels: a new choice cannot be left off the page. */
function options<T extends string>(choices: readonly T[], text: Record<T, string>): Option[] {
  return choices.map((v) => [v, text[v]]);
}

const REGION_TEXT: Record<Region, string> = { us: `US (${HOSTS.us})`, eu: `EU (${HOSTS.eu})` };
const ACCOUNT_ID_TEXT: Record<AccountIdSource['kind'], string> = { internalid: 'Internal id', entityid: 'Customer id (entity id)', field: 'A custom field' };
const USER_ID_TEXT: Record<UserIdSource, string> = { internalid: 'Internal id', email: 'Email' };
const STAGE_TEXT: Record<CustomerStage, string> = { LEAD: 'Lead', PROSPECT: 'Prospect', CUSTOMER: 'Customer' };
const CUSTOMER_DELETE_TEXT: Record<CustomerDeletePolicy, string> = { deactivate: 'Deactivate the account', churn: 'Mark the account churned', ignore: 'Leave it in Freshsuccess' };
const CONTACT_DELETE_TEXT: Record<ContactDeletePolicy, string> = { deactivate: 'Deactivate the contact', ignore: 'Leave it in Freshsuccess' };

/** "1 to 5000; empty: 2500" from the engine's own range and default, so the help cannot go stale. */
function rangeHelp(limit: keyof BatchLimits): string {
  return `${BATCH_RANGE[limit].min} to ${BATCH_RANGE[limit].max}; empty: ${DEFAULT_BATCH[limit]}`;
}

function select(form: serverWidget.Form, id: string, label: string, container: string, options: Option[], value: string, help: string): serverWidget.Field {
  const f = form.addField({ id, label, type: serverWidget.FieldType.SELECT, container });
  for (const [v, text] of options) f.addSelectOption({ value: v, text, isSelected: v === value });
  f.setHelpText({ help });
  return f;
}

function text(form: serverWidget.Form, id: string, label: string, container: string, value: string, help: string, type = serverWidget.FieldType.TEXT): serverWidget.Field {
  const f = form.addField({ id, label, type, container });
  f.defaultValue = value;
  f.setHelpText({ help });
  return f;
}

function checkbox(form: serverWidget.Form, id: string, label: string, container: string, value: boolean, help: string): void {
  const f = form.addField({ id, label, type: serverWidget.FieldType.CHECKBOX, container });
  f.defaultValue = value ? 'T' : 'F';
  f.setHelpText({ help });
}

function html(form: serverWidget.Form, id: string, container: string | undefined, markup: string): void {
  const f = form.addField({ id, label: ' ', type: serverWidget.FieldType.INLINEHTML, ...(container ? { container } : {}) });
  f.defaultValue = markup;
}

function actionButton(action: string, label: string, describedBy?: string): string {
  return `<button type="submit" name="${ACTION_PARAM}" value="${esc(action)}"${describedBy ? ` aria-describedby="${esc(describedBy)}"` : ''}>${esc(label)}</button>`;
}

/** Where a field's problem is shown, right after the field; the summary at the top links here. */
function problemAnchor(field: SettingsField): string {
  return `custpage_err_${FIELD[field]}`;
}

/** The problems of a refused save for this field, in place, below it. */
function problemsAt(form: serverWidget.Form, m: PageModel, field: SettingsField, container: string): void {
  const mine = m.problems.filter((p) => p.field === field);
  if (mine.length === 0) return;
  html(form, `${problemAnchor(field)}_html`, container, `<p id="${problemAnchor(field)}" class="fsc-field-error"><strong>${esc(LABEL[field])}:</strong> ${mine.map((p) => esc(p.message)).join(' ')}</p>`);
}

/** One alert at the top for a refused save: how many problems, each linked to its field. */
function problemSummary(form: serverWidget.Form, m: PageModel): void {
  if (m.problems.length === 0) return;
  // In page order (LABEL lists the fields as the page shows them).
  const order = Object.keys(LABEL);
  const fields = [...new Set(m.problems.map((p) => p.field))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const items = fields.map((f) => `<li><a href="#${problemAnchor(f)}">${esc(LABEL[f])}</a></li>`).join('');
  html(form, 'custpage_problems_html', undefined, `<div id="custpage_problems" class="fsc-problems" role="alert"><p><strong>Settings not saved.</strong> Fix ${m.problems.length === 1 ? 'the problem' : `the ${m.problems.length} problems`} shown at ${fields.length === 1 ? 'this field' : 'these fields'}; nothing was changed:</p><ul>${items}</ul></div>`);
}

const MESSAGE_TYPE: Record<Notice['level'], message.Type> = {
  confirmation: message.Type.CONFIRMATION,
  information: message.Type.INFORMATION,
  warning: message.Type.WARNING,
  error: message.Type.ERROR,
};

function connection(form: serverWidget.Form, m: PageModel): void {
  const g = 'custpage_grp_connection';
  form.addFieldGroup({ id: g, label: 'Connection', tab: TAB.settings.id });
  checkbox(form, FIELD.enabled, 'Sync enabled', g, m.form.enabled, 'When off, changes are still queued but nothing is sent to Freshsuccess.');
  select(form, FIELD.region, LABEL.region, g, options(REGIONS, REGION_TEXT), m.form.region, 'The Freshsuccess data centre your tenant lives in. A key is refused by the other one.');
  problemsAt(form, m, 'region', g);
  select(
    form,
    FIELD.keySource,
    LABEL.keySource,
    g,
    [['credential', 'Typed on this page (stored encrypted by NetSuite)'], ['secret', 'An API Secret (Setup > Company > API Secrets)']],
    m.form.keySource,
    'Either type the key below (NetSuite keeps it encrypted and this page stores only a reference), or create an API Secret restricted to the Freshsuccess hosts and give its id.',
  );
  problemsAt(form, m, 'keySource', g);
  const key = form.addCredentialField({
    id: FIELD.credentialGuid,
    label: LABEL.credentialGuid,
    restrictToDomains: [HOSTS.us, HOSTS.eu],
    restrictToScriptIds: KEY_USERS,
    restrictToCurrentUser: false,
    container: g,
  });
  key.maxLength = 256; // Freshsuccess keys are longer than the default 32 characters.
  key.setHelpText({ help: 'Freshsuccess: Settings > API Keys. Never shown again once saved; leave blank to keep the stored key.' });
  if (m.form.credentialGuid) key.defaultValue = m.form.credentialGuid;
  problemsAt(form, m, 'credentialGuid', g);
  text(form, FIELD.secretId, LABEL.secretId, g, m.form.secretId, 'Only when the key is kept as an API Secret: its id, e.g. custsecret_fsc_api_key. Never the key itself.');
  problemsAt(form, m, 'secretId', g);
  html(form, 'custpage_test_html', g, `<p>${actionButton('test', 'Test connection', 'custpage_test_note')} <span id="custpage_test_note">Tests the values on this page without saving them.</span></p>`);
}

/**
 * The saved-search scope as a pick list of the account's customer saved searches. A stored id
 * that is not among them (deleted, or not a customer search) stays selected under its own name,
 * so saving again reports it at the field instead of silently widening the scope.
 */
function savedSearchField(form: serverWidget.Form, m: PageModel, g: string): void {
  const current = m.form.savedSearch.trim();
  if (!m.savedSearches) {
    text(form, FIELD.savedSearch, LABEL.savedSearch, g, current, 'Optional: a customer saved search (internal id or customsearch... id); only its results are synced.');
    return;
  }
  const chosen = m.savedSearches.find((s) => s.id.toLowerCase() === current.toLowerCase() || s.internalId === current);
  const choices: Option[] = [['', 'None: no saved search narrows the scope'], ...m.savedSearches.map((s): Option => [s.id, `${s.title || s.id} (${s.id})`])];
  if (current !== '' && !chosen) choices.push([current, `${current}: not among this account's customer saved searches`]);
  select(form, FIELD.savedSearch, LABEL.savedSearch, g, choices, chosen ? chosen.id : current, 'Optional: only the results of this customer saved search are synced. Lists > Search > Saved Searches to create one.');
}

function mapping(form: serverWidget.Form, m: PageModel): void {
  const g = 'custpage_grp_mapping';
  form.addFieldGroup({ id: g, label: 'Field mapping and scope', tab: TAB.settings.id });
  select(form, FIELD.accountIdSource, LABEL.accountIdSource, g, options(ACCOUNT_ID_SOURCES, ACCOUNT_ID_TEXT), m.form.accountIdSource, "What becomes the account's account_id in Freshsuccess. Changing it later re-keys every account.");
  problemsAt(form, m, 'accountIdSource', g);
  text(form, FIELD.accountIdField, LABEL.accountIdField, g, m.form.accountIdField, 'Only with "A custom field": the customer field id, e.g. custentity_fs_account_id.');
  problemsAt(form, m, 'accountIdField', g);
  select(form, FIELD.userIdSource, LABEL.userIdSource, g, options(USER_ID_SOURCES, USER_ID_TEXT), m.form.userIdSource, "What becomes a contact's user_id in Freshsuccess.");
  problemsAt(form, m, 'userIdSource', g);
  const stages = form.addField({ id: FIELD.stages, label: LABEL.stages, type: serverWidget.FieldType.MULTISELECT, container: g });
  for (const [v, t] of options(CUSTOMER_STAGES, STAGE_TEXT)) stages.addSelectOption({ value: v, text: t, isSelected: m.form.stages.includes(v) });
  stages.setHelpText({ help: 'None selected: every stage is synced.' });
  problemsAt(form, m, 'stages', g);
  // A pick list of the account's subsidiaries (NetSuite fills it); an account without them has no such scope.
  if (m.subsidiaries !== false) {
    const subs = form.addField({ id: FIELD.subsidiaries, label: LABEL.subsidiaries, type: serverWidget.FieldType.MULTISELECT, source: 'subsidiary', container: g });
    subs.defaultValue = m.form.subsidiaries.split(',').map((s) => s.trim()).filter((s) => s !== '') as unknown as string;
    subs.setHelpText({ help: 'None selected: customers of every subsidiary are synced.' });
  }
  problemsAt(form, m, 'subsidiaries', g);
  savedSearchField(form, m, g);
  problemsAt(form, m, 'savedSearch', g);
  checkbox(form, FIELD.syncContacts, 'Sync contacts', g, m.form.syncContacts, 'Contacts of synced customers go to Freshsuccess as account contacts.');
  select(form, FIELD.deleteCustomer, LABEL.deleteCustomer, g, options(CUSTOMER_DELETE_POLICIES, CUSTOMER_DELETE_TEXT), m.form.deleteCustomer, 'What happens in Freshsuccess when a customer is deleted in NetSuite.');
  problemsAt(form, m, 'deleteCustomer', g);
  select(form, FIELD.deleteContact, LABEL.deleteContact, g, options(CONTACT_DELETE_POLICIES, CONTACT_DELETE_TEXT), m.form.deleteContact, 'What happens in Freshsuccess when a contact is deleted in NetSuite.');
  problemsAt(form, m, 'deleteContact', g);
  text(form, FIELD.batchMaxRecords, LABEL.batchMaxRecords, g, m.form.batchMaxRecords, `Records per request, ${rangeHelp('maxRecords')}.`);
  problemsAt(form, m, 'batchMaxRecords', g);
  text(form, FIELD.batchMaxBytes, LABEL.batchMaxBytes, g, m.form.batchMaxBytes, `Request body size cap, ${rangeHelp('maxBytes')}.`);
  problemsAt(form, m, 'batchMaxBytes', g);
  text(form, FIELD.customFieldCap, LABEL.customFieldCap, g, m.form.customFieldCap, `Optional: how many custom fields your Freshsuccess plan lets you sync, ${CUSTOM_FIELD_CAP_RANGE.min} to ${CUSTOM_FIELD_CAP_RANGE.max}. Saving with more rows in the table below says so, and the Payload preview tab counts them against it.`);
  problemsAt(form, m, 'customFieldCap', g);
  // The table's own problems, just above it (a sublist has no place for text of its own).
  problemsAt(form, m, 'customFields', g);
}

/** The retry settings' help: range and default from the engine's own, so it cannot go stale. */
function retryHelp(name: RetryField, what: string): string {
  const f = RETRY_FIELDS[name];
  const fallback = f.unitMs === 0 ? DEFAULT_RETRY[f.setting] : DEFAULT_RETRY[f.setting] / f.unitMs;
  return `${what} ${f.min} to ${f.max}; empty: ${fallback}.`;
}

/** Exclusions and retry settings, as plain fields: no JSON to write. */
function sendingRules(form: serverWidget.Form, m: PageModel): void {
  const g = 'custpage_grp_sending';
  form.addFieldGroup({ id: g, label: 'Fields never sent, and retries', tab: TAB.settings.id });
  for (const kind of ['customer', 'contact'] as const) {
    const name = EXCLUDE_FIELD[kind];
    const chosen = m.form[name];
    const f = form.addField({ id: FIELD[name], label: LABEL[name], type: serverWidget.FieldType.MULTISELECT, container: g });
    const allowed = excludableFields(kind);
    for (const v of allowed) f.addSelectOption({ value: v, text: v, isSelected: chosen.includes(v) });
    // A stored name that cannot be excluded stays shown, chosen, so saving says why.
    for (const v of chosen.filter((c) => !allowed.includes(c))) f.addSelectOption({ value: v, text: `${v}: cannot be excluded`, isSelected: true });
    const required = kind === 'customer' ? 'account_id, name and join_date are always sent (Freshsuccess needs them)' : 'account_id, user_id and is_active are always sent';
    f.setHelpText({ help: `Freshsuccess ${kind === 'customer' ? 'account' : 'contact'} fields FreshSync leaves out, e.g. a field another system owns in Freshsuccess. None selected: every field is sent. ${required}.` });
    problemsAt(form, m, name, g);
  }
  const number = (name: RetryField, help: string) => {
    text(form, FIELD[name], LABEL[name], g, m.form[name], retryHelp(name, help), serverWidget.FieldType.INTEGER);
    problemsAt(form, m, name, g);
  };
  number('retryWarnAfter', 'Temporary failures (Freshsuccess down, slow or unreachable) are retried until they land, never given up; after this many failed attempts a record still retrying is flagged on the status.');
  number('retryFirstWait', 'The wait before the first retry; each further wait doubles.');
  number('retryLongestWait', 'The longest wait between two attempts; not shorter than the first wait.');
  // What an older version's JSON holds that no field takes: shown only then, to fix or empty.
  if (m.form.mappingJson.trim() !== '' || m.problems.some((p) => p.field === 'mappingJson')) {
    text(form, FIELD.mappingJson, LABEL.mappingJson, g, m.form.mappingJson, 'Left from an older version: what these fields cannot take. Empty it (or fix it) and save; the fields above replace it.', serverWidget.FieldType.LONGTEXT);
  }
  problemsAt(form, m, 'mappingJson', g);
}

function customFields(form: serverWidget.Form, m: PageModel): void {
  const list = form.addSublist({ id: FIELD.customFields, label: LABEL.customFields, type: serverWidget.SublistType.INLINEEDITOR, tab: TAB.settings.id });
  const keyHelp = 'Key: the dimension name in Freshsuccess, the field id when empty.';
  if (m.customFieldChoices) {
    // One select per row: the account's fields, each with the dimension types its type fits.
    list.helpText = `Custom customer and contact fields sent to Freshsuccess as dimensions: pick one per row (a new row at the end; choose the empty entry to remove a row). ${keyHelp}`;
    const choice = list.addField({ id: ROW_FIELD.choice, label: 'Field (record, NetSuite type, sent as)', type: serverWidget.FieldType.SELECT });
    for (const o of customFieldOptions(m.customFieldChoices, m.form.customFields)) choice.addSelectOption({ value: o.value, text: o.text });
  } else {
    list.helpText = `Custom entity fields sent to Freshsuccess as dimensions: one row each (a new row at the end; empty the field id to remove a row). ${keyHelp}`;
    const record = list.addField({ id: ROW_FIELD.record, label: 'Record', type: serverWidget.FieldType.SELECT });
    record.addSelectOption({ value: 'customer', text: 'Customer' });
    record.addSelectOption({ value: 'contact', text: 'Contact' });
    list.addField({ id: ROW_FIELD.field, label: 'Field id (custentity...)', type: serverWidget.FieldType.TEXT });
    const type = list.addField({ id: ROW_FIELD.type, label: 'Type', type: serverWidget.FieldType.SELECT });
    for (const t of DIMENSION_TYPES) type.addSelectOption({ value: t, text: t });
  }
  list.addField({ id: ROW_FIELD.key, label: 'Freshsuccess key', type: serverWidget.FieldType.TEXT });
  m.form.customFields.forEach((r, line) => {
    if (m.customFieldChoices) list.setSublistValue({ id: ROW_FIELD.choice, line, value: customFieldChoice(r) });
    else {
      if (r.record) list.setSublistValue({ id: ROW_FIELD.record, line, value: r.record });
      if (r.field) list.setSublistValue({ id: ROW_FIELD.field, line, value: r.field });
      if (r.type) list.setSublistValue({ id: ROW_FIELD.type, line, value: r.type });
    }
    if (r.key) list.setSublistValue({ id: ROW_FIELD.key, line, value: r.key });
  });
}

/** Who is mailed about incidents, and when (domain/alerts.ts); the sweep sends the mails. */
function alerts(form: serverWidget.Form, m: PageModel): void {
  const g = 'custpage_grp_alerts';
  form.addFieldGroup({ id: g, label: 'Alerts', tab: TAB.settings.id });
  // NetSuite fills the list with the account's employees: no search on this page.
  const to = form.addField({ id: FIELD.alertRecipients, label: LABEL.alertRecipients, type: serverWidget.FieldType.MULTISELECT, source: 'employee', container: g });
  to.defaultValue = settingList(m.form.alertRecipients) as unknown as string;
  to.setHelpText({ help: `Employees mailed when pushing pauses, and when the thresholds below are reached: one message when it starts, a reminder at most once a day, one when it ends. At most ${MAX_ALERT_RECIPIENTS}, each with an email address. None chosen: no alerts.` });
  problemsAt(form, m, 'alertRecipients', g);
  const range = (limit: keyof typeof ALERT_RANGE) => `${ALERT_RANGE[limit].min} to ${ALERT_RANGE[limit].max}; empty: not watched`;
  text(form, FIELD.alertDeadLetters, LABEL.alertDeadLetters, g, m.form.alertDeadLetters, `Mail when at least this many records are dead letters (refused by Freshsuccess for their data), ${range('deadLetters')}.`);
  problemsAt(form, m, 'alertDeadLetters', g);
  text(form, FIELD.alertWaitingHours, LABEL.alertWaitingHours, g, m.form.alertWaitingHours, `Mail when the oldest change waiting to be sent was made this many hours ago (however often it was retried since), ${range('waitingHours')}.`);
  problemsAt(form, m, 'alertWaitingHours', g);
}

/** The page's sections, as NetSuite tabs. */
const TAB = {
  status: { id: 'custpage_tab_status', label: 'Status and errors' },
  control: { id: 'custpage_tab_control', label: 'Sync control' },
  settings: { id: 'custpage_tab_settings', label: 'Settings' },
  setup: { id: 'custpage_tab_setup', label: 'Setup checklist' },
  preview: { id: 'custpage_tab_preview', label: 'Payload preview' },
} as const;

/**
 * Tabs in the order that matters now: until settings are saved (or while a save is refused),
 * Settings and the setup checklist come first; once they are, the status does (NetSuite opens
 * the first tab).
 */
function tabOrder(configured: boolean, preview: PreviewSection | null | undefined): Array<keyof typeof TAB> {
  if (!configured) return ['settings', 'setup', 'status', 'control'];
  // The preview exists once settings are saved; asked for, it comes first (NetSuite opens it).
  if (!preview) return ['status', 'control', 'settings', 'setup'];
  return preview.asked ? ['preview', 'status', 'control', 'settings', 'setup'] : ['status', 'control', 'settings', 'setup', 'preview'];
}

/** Choose a customer or contact by internal id; the result of the one asked for; the custom field count. */
function previewTab(form: serverWidget.Form, p: PreviewSection): void {
  const g = TAB.preview.id;
  const asked = p.asked?.result?.target ?? null;
  html(form, 'custpage_preview_intro_html', g, `<p>What the drain would send now for one customer or contact, with the saved settings, worked out by the drain's own code. Nothing is sent and nothing is changed.</p>`);
  select(form, PREVIEW_FIELD.kind, 'Record type', g, [['customer', 'Customer'], ['contact', 'Contact']], asked?.kind ?? 'customer', 'A customer or a contact.');
  text(form, PREVIEW_FIELD.id, 'Internal id', g, asked?.id ?? '', "The record's internal id: shown on its page, or in its URL after id=. A record's Freshsuccess subtab links here too.");
  const holdUp = p.asked?.result && p.asked.holdUp ? `<p id="custpage_preview_holdup"><strong>Nothing is sent at the moment.</strong> ${esc(p.asked.holdUp)} Until then, the drain sends nothing; below is what it would send.</p>` : '';
  const result = p.asked === null ? '' : p.asked.result === null ? `<p id="custpage_preview_outcome" role="alert"><strong>"${esc(p.asked.value)}" is not a customer or contact internal id.</strong> Choose the record type and type its internal id (digits only).</p>` : previewResultHtml(p.asked.result, p.region);
  html(form, 'custpage_preview_html', g, `<p>${actionButton(PREVIEW_ACTION, 'Show what would be sent')}</p><div id="custpage_preview" role="region" aria-label="What would be sent">${holdUp}${result}${customFieldCountHtml(p.fieldCount)}</div>`);
}


function control(form: serverWidget.Form, m: PageModel): void {
  const g = TAB.control.id;
  html(
    form,
    'custpage_control_html',
    g,
    [
      m.progress,
      `<p>${actionButton('fullsync', 'Start full sync')} Sends every customer and contact in scope; continues where a stopped one ended.</p>`,
      `<p>${actionButton('drain', 'Drain now')} Pushes the queued changes now instead of waiting for the next run.</p>`,
      `<p>${actionButton('reconcile', 'Start reconcile')} Compares Freshsuccess with NetSuite and queues what differs. <input type="checkbox" id="${REMOVE_EXTRAS_FIELD}" name="${REMOVE_EXTRAS_FIELD}" value="T"> <label for="${REMOVE_EXTRAS_FIELD}">Also deactivate accounts NetSuite does not know (leave off if other systems feed Freshsuccess)</label></p>`,
    ].join('\n'),
  );
}

function status(form: serverWidget.Form, m: PageModel): void {
  const g = TAB.status.id;
  const retry = (m.status.counts?.dead ?? 0) > 0 ? `<p>${actionButton('retry', 'Retry dead letters')} Queues the records of the dead letters again (fix them in NetSuite first).</p>` : '';
  html(form, 'custpage_status_html', g, statusHtml(m.status) + retry + alertsHtml(m.status.alerts ?? null, m.status.state?.alerts ?? {}));
}

const CHECK_LABEL: Record<CheckState, string> = { done: 'Done', todo: 'To do', unknown: 'Not checked', manual: 'By hand' };

/** One step: its state in words first (no colour needed to read it), what was found, what to do. */
function checkHtml(item: CheckItem): string {
  const next = item.next ? `<br><span class="fsc-check-next">${item.state === 'manual' ? 'Where' : 'What to do'}: ${esc(item.next)}</span>` : '';
  return `<li id="custpage_check_${esc(item.id)}" class="fsc-check fsc-check-${item.state}" data-state="${item.state}"><strong>${CHECK_LABEL[item.state]}: ${esc(item.title)}.</strong> ${esc(item.detail)}${next}</li>`;
}

function checkList(id: string, heading: string, intro: string, items: readonly CheckItem[]): string {
  return `<section id="${id}" aria-labelledby="${id}_title"><h3 id="${id}_title">${esc(heading)} (${esc(progressText(items))})</h3><p>${esc(intro)}</p><ul>${items.map(checkHtml).join('')}</ul></section>`;
}

function setup(form: serverWidget.Form, m: PageModel): void {
  const c = m.checklist;
  html(
    form,
    'custpage_setup_html',
    TAB.setup.id,
    [
      `<p>NetSuite account id: <strong id="custpage_account_id">${esc(m.accountId)}</strong>. Checked each time this page opens; nothing here calls Freshsuccess.</p>`,
      checkList('custpage_checks_push', 'FreshSync pushing to Freshsuccess', 'What sending customers and contacts needs.', c.push),
      checkList('custpage_checks_connector', "Freshsuccess's own NetSuite connector, optional", "Only if Freshsuccess's connector also reads this account; pushing needs none of it. The last two steps happen outside what a script can see.", c.connector),
    ].join('\n'),
  );
}

/** Above everything, when asked for: deactivating what only Freshsuccess has, with how many the last reconcile counted. */
function removalConfirmation(form: serverWidget.Form, m: PageModel): void {
  if (!m.confirmRemoval) return;
  const last = m.status.state?.lastReconcile ?? null;
  const counted = last && (last.status === 'done' || last.status === 'disabled');
  const count = counted
    ? `The last reconcile (${esc(new Date(last.at).toISOString().slice(0, 16).replace('T', ' '))} UTC) found <strong>${last.accounts?.extra ?? 0} account(s)</strong>${last.contacts ? ` and <strong>${last.contacts.extra} contact(s)</strong>` : ''} in Freshsuccess that NetSuite does not have. This run counts again and deactivates every one it finds.`
    : 'No reconcile has counted them yet, so how many is unknown. To see the number first, cancel and start a reconcile without this option: it only reports them.';
  html(
    form,
    'custpage_confirm_html',
    undefined,
    `<div id="custpage_confirm_removal" class="fsc-confirm" role="alert"><p><strong>Deactivate records only Freshsuccess has?</strong> ${count} Leave this off if other systems also feed Freshsuccess: their accounts would be deactivated too.</p><p>${actionButton(CONFIRMED_REMOVAL_ACTION, 'Yes: reconcile and deactivate them')} ${actionButton('cancel', 'Cancel')}</p></div>`,
  );
}

/** Above everything, when a record page's "Resync now" led here: ask before queueing it. */
function resyncConfirmation(form: serverWidget.Form, m: PageModel): void {
  if (!m.resync) return;
  const { target, name } = m.resync;
  const what = `${target.kind === 'customer' ? 'customer' : 'contact'} ${name === null ? target.id : `${name} (${target.id})`}`;
  const body = name === null
    ? `<p><strong>There is no ${esc(target.kind)} ${esc(target.id)} in this account</strong>, so there is nothing to send. ${actionButton('cancel_resync', 'Back')}</p>`
    : `<p><strong>Send ${esc(what)} to Freshsuccess again?</strong> It is queued whole and the next drain sends it, even if nothing changed since it was last sent.</p><p>${actionButton(`${RESYNC_ACTION_PREFIX}${target.kind}:${target.id}`, 'Yes: resync it')} ${actionButton('cancel_resync', 'Cancel')}</p>`;
  html(form, 'custpage_resync_html', undefined, `<div id="custpage_confirm_resync" class="fsc-confirm" role="alert">${body}</div>`);
}

/** First on the page, above the settings: the verdict and the figures behind it. */
function health(form: serverWidget.Form, m: PageModel): void {
  const v = healthVerdict(m.status);
  html(form, 'custpage_health_html', undefined, `<div id="custpage_health" class="fsc-health fsc-health-${esc(v.level)}" role="region" aria-label="Sync health"><p><strong>${esc(v.text)}</strong></p><p>${v.figures.map((f) => esc(f)).join(' &middot; ')}</p></div>`);
}

export function buildAdminPage(m: PageModel): serverWidget.Form {
  const form = serverWidget.createForm({ title: 'FreshSync: Freshsuccess connection' });
  // Shows only the fields that apply to the choices made; the page works without it.
  form.clientScriptModulePath = ADMIN_CLIENT_SCRIPT;
  if (m.notice) form.addPageInitMessage({ type: MESSAGE_TYPE[m.notice.level], title: m.notice.title, message: m.notice.message });
  const paused = m.status.state?.pausedAt ?? null;
  if (paused !== null && m.problems.length === 0) {
    const words = PAUSE_WORDS[pauseCause(m.status.state?.pauseMessage ?? '')];
    form.addPageInitMessage({ type: message.Type.WARNING, title: 'Pushing is paused', message: `${words.why}: see Status and errors.` });
  }
  form.addSubmitButton({ label: 'Save settings' });
  const token = form.addField({ id: FORM_TOKEN_FIELD, label: 'Form token', type: serverWidget.FieldType.TEXT });
  token.defaultValue = m.formToken;
  token.updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN });
  copiedSettingsNotice(form, m);
  removalConfirmation(form, m);
  resyncConfirmation(form, m);
  problemSummary(form, m);
  health(form, m);
  // A refused save brings Settings first, where its problems are shown.
  const configured = m.status.syncEnabled !== null && m.status.syncEnabled !== undefined && m.problems.length === 0;
  const preview = configured ? m.preview : null;
  for (const t of tabOrder(configured, preview)) form.addTab(TAB[t]);
  connection(form, m);
  mapping(form, m);
  customFields(form, m);
  alerts(form, m);
  // Just above the custom fields table (sublists come after the field groups): the mapping together.
  sendingRules(form, m);
  control(form, m);
  status(form, m);
  setup(form, m);
  if (preview) previewTab(form, preview);
  return form;
}
