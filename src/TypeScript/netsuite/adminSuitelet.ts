/**
 * The admin Suitelet: GET renders the page; POST saves the settings or runs one action, then
 * redirects back to the page with a message (POST, redirect, GET). Settings with problems are not
 * saved: the page is shown again at once with what was typed and each problem, so nothing is lost.
 *
 * Every POST must bring back the form token of a page this user was shown (adminFormToken.ts);
 * anything else is refused before it can change a thing, and the page says why.
 *
 * Governance (1,000 units; docs/admin-guide.md §5 has the measured figures): a view reads the
 * settings with the state, queue counts, latest problems, jobs and the setup checklist's facts
 * (setupFacts.ts) and the saved-search and custom entity field lists; the progress box alone (GET fsc_part=progress) 2 + 10 per running Map/Reduce
 * the page started; a POST's token check 2; a test adds 12-22 and 2 to remember its outcome;
 * "retry dead letters" 10 + 8 per dead letter, stopping with 150 units left; a payload preview,
 * only when asked for, 10 to about 30 more (app/payloadPreview.ts).
 */
import * as redirect from 'N/redirect';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { describeConnection, judgesKey, testConnection } from '../app/adminConnection';
import { retryDeadLetters } from '../app/adminRetry';
import { actOnProblems } from '../app/problemActions';
import { whyNotStart } from '../app/jobStart';
import { probeRecipients, probeSettings } from '../app/settingsProbe';
import { forgetSavedScope, netsuiteSnapshots } from './snapshotReader';
import { describeSubmission, type JobKind, type StatusView } from '../app/adminStatusView';
import { checkSettings, formFromRaw, rowOfChoice, type CustomFieldRow, type SettingsCheck, type SettingsForm } from '../domain/adminSettings';
import { isChecked } from '../domain/checkbox';
import { parseRowAction, picksFrom, SELECTED_ACTION, type ProblemAction, type RecordPick } from '../domain/problemActions';
import { parseConfig, type ParsedConfig, type SyncConfig } from '../domain/config';
import { FreshsuccessClient } from '../freshsuccess/client';
import { describeRefusal } from '../domain/formToken';
import { checkAdminPost, issueAdminFormToken } from './adminFormToken';
import { submitJob, tracked } from './adminJobs';
import { isProgressRequest, progressBox, readProgress, writeProgress } from './adminProgress';
import { busyRefusal, JOB_NAME } from '../domain/jobActivity';
import { NOTICE_PARAM, putNotice, takeNotice, type Notice } from './adminNotice';
import { ACTION_PARAM, ADMIN_SCRIPT, buildAdminPage, CONFIRM_ACCOUNT_ACTION, CONFIRMED_REMOVAL_ACTION, REMOVE_EXTRAS_FIELD, type PageModel, type PreviewSection } from './adminPage';
import { payloadPreview } from '../app/payloadPreview';
import { overCapText } from '../app/payloadPreviewView';
import { customFieldCount, PREVIEW_PARAM } from '../domain/payloadPreview';
import { FIELD, PREVIEW_ACTION, PREVIEW_FIELD, ROW_FIELD } from './adminFieldIds';
import { customerSavedSearches } from './savedSearchChoices';
import { accountCustomFields } from './accountCustomFields';
import { parseResyncTarget, resyncEntry, RESYNC_ACTION_PREFIX, RESYNC_PARAM, type ResyncTarget } from '../domain/resync';
import { countOutbox, deadLetters, entriesByIds, latestProblems, readState, recordName, readStoredSettings, saveConfig, type StoredSettings } from './adminStore';
import { netsuiteDrainTrigger } from './drainTrigger';
import { netsuiteEmployees } from './employeeDirectory';
import { netsuiteHttp } from './httpsPort';
import { netsuiteOutbox } from './outboxStore';
import { clock, governanceRemains, logger } from './platform';
import { scheduledDeployments, tokenAuthEnabled, tokenRole } from './setupFacts';
import { netsuiteStateStore } from './stateStore';
import { keyFingerprint, type KeyTestRecord } from '../domain/keyTest';
import { evaluateChecklist, type Checklist } from '../domain/setupChecklist';
import type { SyncState } from '../app/ports';

type Params = Record<string, string | undefined>;

const PROBLEMS_SHOWN = 10;
/** The form a token is bound to: this page's deployment. */
const ADMIN_FORM = `${ADMIN_SCRIPT.scriptId}/${ADMIN_SCRIPT.deploymentId}`;
const RETRY_BATCH = 50;

/** The custom field rows as submitted (a choice, or the typed columns); rows left empty are dropped. */
function rowsFromRequest(request: EntryPoints.Suitelet.onRequestContext['request']): CustomFieldRow[] {
  const rows: CustomFieldRow[] = [];
  const group = FIELD.customFields;
  const count = request.getLineCount({ group });
  for (let line = 0; line < count; line++) {
    const v = (name: string) => String(request.getSublistValue({ group, name, line }) ?? '').trim();
    const chosen = v(ROW_FIELD.choice);
    const row = chosen !== '' ? { ...rowOfChoice(chosen), key: v(ROW_FIELD.key) } : { record: v(ROW_FIELD.record) || 'customer', field: v(ROW_FIELD.field), type: v(ROW_FIELD.type) || 'text', key: v(ROW_FIELD.key) };
    if (row.field !== '') rows.push(row);
  }
  return rows;
}

/** A multi-select's posted ids (joined with \u0005; commas too, as typed in a forged post). */
function multi(value: string): string[] {
  return value
    .split(/[\u0005,]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Request parameters → the settings form (checkboxes post 'T'/'F', multi-selects join with \u0005). */
function formFromParams(p: Params, rows: CustomFieldRow[]): SettingsForm {
  const s = (id: string) => p[id] ?? '';
  return {
    enabled: isChecked(s(FIELD.enabled)),
    region: s(FIELD.region),
    keySource: s(FIELD.keySource) === 'secret' ? 'secret' : 'credential',
    credentialGuid: s(FIELD.credentialGuid),
    secretId: s(FIELD.secretId),
    accountIdSource: s(FIELD.accountIdSource),
    accountIdField: s(FIELD.accountIdField),
    userIdSource: s(FIELD.userIdSource),
    stages: multi(s(FIELD.stages)),
    // A multi-select posts its ids joined by \u0005; a forged post may hold anything, checked as typed.
    subsidiaries: s(FIELD.subsidiaries).replace(/\u0005/g, ','),
    savedSearch: s(FIELD.savedSearch),
    syncContacts: isChecked(s(FIELD.syncContacts)),
    deleteCustomer: s(FIELD.deleteCustomer),
    deleteContact: s(FIELD.deleteContact),
    batchMaxRecords: s(FIELD.batchMaxRecords),
    batchMaxBytes: s(FIELD.batchMaxBytes),
    excludeCustomer: multi(s(FIELD.excludeCustomer)),
    excludeContact: multi(s(FIELD.excludeContact)),
    retryWarnAfter: s(FIELD.retryWarnAfter),
    retryFirstWait: s(FIELD.retryFirstWait),
    retryLongestWait: s(FIELD.retryLongestWait),
    mappingJson: s(FIELD.mappingJson),
    customFields: rows,
    customFieldCap: s(FIELD.customFieldCap),
    alertRecipients: s(FIELD.alertRecipients).replace(/\u0005/g, ','),
    alertDeadLetters: s(FIELD.alertDeadLetters),
    alertWaitingHours: s(FIELD.alertWaitingHours),
  };
}

/** `parsed`: the saved settings, parsed once per page view (null: none saved). */
function readStatus(stored: StoredSettings, parsed: ParsedConfig | null): StatusView {
  const { state, syncEnabled, jobs, activities } = readProgress(stored);
  const config = parsed?.config ?? null;
  return {
    now: clock.now(),
    state,
    syncEnabled,
    alerts: config ? config.alerts : null,
    copied: stored.copied,
    counts: countOutbox(state?.drainCursor ?? 0),
    problems: latestProblems(PROBLEMS_SHOWN),
    jobs,
    activities,
  };
}

/**
 * The Payload preview tab (saved settings only): the mapped custom field count, free (the settings
 * are read already), and the preview asked for by `asked`, which costs only then (app/payloadPreview.ts).
 */
function previewSection(stored: StoredSettings, parsed: ParsedConfig | null, state: SyncState | null, asked: string | undefined): PreviewSection | null {
  if (!parsed) return null;
  const { config } = parsed;
  if (asked === undefined) return { region: config.region, fieldCount: customFieldCount(config), asked: null };
  const target = parseResyncTarget(asked);
  const result = target ? payloadPreview(target, config, { snapshots: netsuiteSnapshots(), now: clock.now(), nameOf: recordName }) : null;
  // What keeps the drain from sending anything now (switched off, paused...): the drain's own refusals.
  const refusal = whyNotStart('drain', parsed, state, stored.copied);
  const holdUp = refusal === null ? null : describeSubmission('drain', refusal).message;
  return { region: config.region, fieldCount: customFieldCount(config), asked: { value: asked, result, holdUp } };
}

/** The setup checklist from what this view read and a few look-ups of its own (netsuite/setupFacts.ts, 17 units). */
function checklist(parsed: ParsedConfig | null, state: SyncState | null, keyTest: KeyTestRecord | null): Checklist {
  const config = parsed?.config ?? null;
  return evaluateChecklist({
    accountId: runtime.accountId,
    saved: config ? { region: config.region, secret: config.secret } : null,
    keyTest,
    pause: state?.pausedAt ? { at: state.pausedAt, message: state.pauseMessage } : null,
    deployments: scheduledDeployments(),
    tba: tokenAuthEnabled(),
    tokenRole: tokenRole(),
  });
}

/** `extra.keyTest`: a test this request just recorded (the settings read before it do not hold it yet); `extra.previewAsked`: the record a preview was asked for. */
function render(context: EntryPoints.Suitelet.onRequestContext, stored: StoredSettings, form: SettingsForm, check: SettingsCheck | null, notice: Notice | null, ask: Pick<PageModel, 'confirmRemoval' | 'resync'> = {}, extra: { keyTest?: KeyTestRecord; previewAsked?: string } = {}): void {
  const formToken = issueAdminFormToken(ADMIN_FORM, clock.now());
  const parsed = stored.raw ? parseConfig(stored.raw) : null;
  const status = readStatus(stored, parsed);
  const setup = checklist(parsed, status.state, extra.keyTest ?? status.state?.keyTest ?? null);
  const preview = previewSection(stored, parsed, status.state, extra.previewAsked);
  const progress = progressBox(status.state, status.syncEnabled ?? null, status.jobs, status.activities ?? []);
  const page = buildAdminPage({ form, problems: check?.problems ?? [], notice, status, progress, accountId: runtime.accountId, checklist: setup, formToken, ...ask, preview, subsidiaries: runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }), savedSearches: customerSavedSearches(), customFieldChoices: accountCustomFields() });
  context.response.writePage(page);
}

/** The chooser's button: to the page's GET with the record named (as typed: the GET says if it names none). */
function toPreview(p: Params): void {
  const kind = p[PREVIEW_FIELD.kind] === 'contact' ? 'contact' : 'customer';
  redirect.toSuitelet({ scriptId: ADMIN_SCRIPT.scriptId, deploymentId: ADMIN_SCRIPT.deploymentId, parameters: { [PREVIEW_PARAM]: `${kind}:${String(p[PREVIEW_FIELD.id] ?? '').trim()}` } });
}

function backToPage(notice: Notice): void {
  redirect.toSuitelet({ scriptId: ADMIN_SCRIPT.scriptId, deploymentId: ADMIN_SCRIPT.deploymentId, parameters: { [NOTICE_PARAM]: putNotice(notice) } });
}

function probeNow(config: SyncConfig): ReturnType<typeof probeSettings> {
  forgetSavedScope(config.scope.savedSearchId);
  return [...probeSettings(config, netsuiteSnapshots(), accountCustomFields), ...probeRecipients(config, netsuiteEmployees())];
}

function save(context: EntryPoints.Suitelet.onRequestContext, stored: StoredSettings, p: Params): void {
  const form = formFromParams(p, rowsFromRequest(context.request));
  const checked = checkSettings(form, String(stored.raw?.secretRef ?? ''));
  const { config } = parseConfig(checked.raw);
  // Checked against the account too (field ids, saved search as it is now), once their form is right.
  const check = checked.problems.length > 0 ? checked : { ...checked, problems: probeNow(config) };
  if (check.problems.length > 0) {
    // Shown again as typed, except a secret id box that may hold the key itself.
    render(context, stored, check.hideSecretInput ? { ...check.form, secretId: '' } : check.form, check, null);
    return;
  }
  // Read before saving: the settings User Event lifts the pause during the save.
  const wasPaused = (readState(stored.settings)?.pausedAt ?? null) !== null;
  saveConfig(stored.configId, check.raw);
  logger.audit('FreshSync settings saved from the admin page', `region ${String(check.raw.region)}, key kept as ${form.keySource}`);
  const saved = wasPaused ? 'Settings saved. Pushing was paused because of a refused key; it resumes with the next drain.' : 'Settings saved. They apply to the next drain and full sync.';
  // The plan's cap informs (what Freshsuccess does past it is not documented): saved, with a warning.
  const overCap = overCapText(customFieldCount(config));
  backToPage(overCap ? { level: 'warning', title: 'Settings saved: more custom fields than your plan allows', message: `${saved} ${overCap}` } : { level: 'confirmation', title: 'Settings saved', message: saved });
}

/** Tests the values on the screen, not the saved ones, and saves nothing: the page comes back as typed. */
function test(context: EntryPoints.Suitelet.onRequestContext, stored: StoredSettings, p: Params): void {
  const form = formFromParams(p, rowsFromRequest(context.request));
  const check = checkSettings(form, String(stored.raw?.secretRef ?? ''));
  const shown = check.hideSecretInput ? { ...check.form, secretId: '' } : check.form;
  if (check.problems.length > 0) {
    render(context, stored, shown, check, null);
    return;
  }
  const { config } = parseConfig(check.raw);
  const outcome = testConnection({ region: config.region, secret: config.secret }, (region, secret) => new FreshsuccessClient(netsuiteHttp(secret), region, clock.now));
  const d = describeConnection(outcome);
  const tested = config.secret && judgesKey(outcome) ? rememberTest(stored, { at: clock.now(), ok: d.ok, title: d.title, fingerprint: keyFingerprint(config.region, config.secret) }) : undefined;
  render(context, stored, shown, null, { level: d.ok ? 'confirmation' : 'error', title: d.title, message: `${d.message} These are the values on this page; they are not saved until you click Save settings.` }, {}, { keyTest: tested });
}

/**
 * Keeps the test's outcome for the setup checklist (one submitFields, 2 units): the admin asked
 * for the test, so its request may write. A failed write costs only the checklist's memory.
 */
function rememberTest(stored: StoredSettings, keyTest: KeyTestRecord): KeyTestRecord {
  try {
    const state = netsuiteStateStore(() => stored.settings);
    state.read();
    state.update({ keyTest });
  } catch (e) {
    logger.error('FreshSync could not record the connection test for the setup checklist', String((e as { message?: unknown }).message ?? e));
  }
  return keyTest;
}

/** `removeExtras`: a reconcile that deactivates what only Freshsuccess has, asked for and then confirmed. */
function start(context: EntryPoints.Suitelet.onRequestContext, job: JobKind, stored: StoredSettings, removeExtras: 'no' | 'asked' | 'confirmed' = 'no'): void {
  const refusal = whyNotStart(job, stored.raw ? parseConfig(stored.raw) : null, stored.raw ? readState(stored.settings) : null, stored.copied);
  if (refusal !== null) {
    backToPage(describeSubmission(job, refusal));
    return;
  }
  // The same job running or queued, whoever started it: refused, nothing submitted (page tasks without their percentage: 1 unit).
  const jobs = tracked();
  const activity = readProgress(stored, jobs, false).activities.find((a) => a.job === job);
  const busy = activity ? busyRefusal(activity) : null;
  if (activity && busy !== null) {
    backToPage({ level: 'information', title: `${JOB_NAME[job]} already ${activity.phase}`, message: busy });
    return;
  }
  // Destructive: the page asks first, saying how many the last reconcile counted.
  if (removeExtras === 'asked') {
    render(context, stored, formFromRaw(stored.raw), null, null, { confirmRemoval: true });
    return;
  }
  const { result, errorName } = submitJob(job, { removeExtras: removeExtras === 'confirmed' }, clock.now(), jobs);
  backToPage(describeSubmission(job, result, errorName));
}

function retry(): void {
  const dead = deadLetters(RETRY_BATCH);
  const report = retryDeadLetters(dead, { outbox: netsuiteOutbox(), trigger: netsuiteDrainTrigger(), clock, canContinue: governanceRemains(150) });
  if (report.requeued === 0) {
    backToPage({ level: 'information', title: 'No dead letters', message: 'There was no dead letter to retry.' });
    return;
  }
  const more = report.left > 0 || dead.length === RETRY_BATCH ? ' More dead letters remain: click again to queue the next ones.' : '';
  backToPage({ level: 'confirmation', title: 'Dead letters queued again', message: `${report.requeued} dead letter(s) with ${report.records} record(s) were queued again; the drain pushes them.${more}` });
}

/** The settings copied from another account are this account's now: saved again as they are, stamped with it. */
function confirmAccount(stored: StoredSettings): void {
  if (stored.raw === null || stored.copied === null) {
    backToPage({ level: 'information', title: 'Nothing to confirm', message: 'These settings already belong to this account.' });
    return;
  }
  saveConfig(stored.configId, stored.raw);
  logger.audit('FreshSync settings confirmed for this account', `account ${runtime.accountId}, user ${runtime.getCurrentUser().id}`);
  backToPage({ level: 'confirmation', title: 'Settings confirmed for this account', message: `Pushing from account ${runtime.accountId} resumes with the next drain, to the Freshsuccess tenant of the saved key and data centre.` });
}

/** Retry or dismiss the records of one row, or of the ticked rows. */
function actOn(action: ProblemAction, picks: RecordPick[]): void {
  const verb = action === 'retry' ? 'queued again' : 'dismissed';
  if (picks.length === 0) {
    backToPage({ level: 'information', title: 'Nothing selected', message: 'Tick the records in the table first, then click the button below it.' });
    return;
  }
  const entries = entriesByIds(picks.flatMap((p) => p.entryIds));
  const user = String(runtime.getCurrentUser().id);
  const report = actOnProblems(action, picks, entries, { outbox: netsuiteOutbox(), trigger: netsuiteDrainTrigger(), clock, canContinue: governanceRemains(150), user });
  logger.audit(`FreshSync problem rows ${verb} from the admin page`, `${report.records} record(s) by user ${user}`);
  const notes = [
    report.stale > 0 ? `${report.stale} selected record(s) were no longer listed as a problem${action === 'retry' ? ' that can be retried' : ''}; nothing was done for them.` : '',
    report.left > 0 ? `${report.left} record(s) are left: click again to do the rest.` : '',
    action === 'retry' && report.records > 0 ? 'The drain pushes them; if they fail again they come back here.' : '',
    action === 'dismiss' && report.records > 0 ? 'They were not sent; they come back here if they fail again after a later change.' : '',
  ].filter(Boolean);
  backToPage({ level: report.records > 0 ? 'confirmation' : 'information', title: `${report.records} record(s) ${verb}`, message: notes.join(' ') || `${report.records} record(s) ${verb}.` });
}

/** The confirmed "Resync now": the record queued whole, and the drain asked to run. */
/**
 * The confirmed "Resync now": the record queued whole. The drain is asked to run unless it could
 * not (the same refusals as Drain now: paused, switched off...); the record then waits, and the
 * page says why.
 */
function resync(target: ResyncTarget | null, stored: StoredSettings): void {
  const name = target ? recordName(target.kind, target.id) : null;
  if (!target || name === null) return backToPage({ level: 'error', title: 'Nothing queued', message: 'That record is not in this account (deleted since the page was opened?); nothing was queued.' });
  const user = String(runtime.getCurrentUser().id);
  netsuiteOutbox().append([resyncEntry(target, clock.now(), user)]);
  logger.audit('FreshSync record resynced from its page', `${target.kind} ${target.id} by user ${user}`);
  const refusal = whyNotStart('drain', stored.raw ? parseConfig(stored.raw) : null, stored.raw ? readState(stored.settings) : null, stored.copied);
  if (refusal === null) netsuiteDrainTrigger().submit();
  const when = refusal === null ? 'The drain sends it within minutes.' : `It waits, and nothing is lost: ${describeSubmission('drain', refusal).message}`;
  backToPage({ level: 'confirmation', title: `${target.kind === 'customer' ? 'Customer' : 'Contact'} ${name} queued`, message: `${when} Its page's Freshsuccess subtab shows where it stands.` });
}

export function handleAdminRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  const p = context.request.parameters as Params;
  const stored = readStoredSettings();
  if (context.request.method !== 'POST') {
    // The client script's refresh of the progress box: read only, nothing else.
    if (isProgressRequest(p)) return writeProgress(context, stored);
    // A record page's "Resync now" link: ask first (a GET changes nothing).
    const asked = p[RESYNC_PARAM];
    const target = parseResyncTarget(asked);
    const notice = asked !== undefined && asked !== '' && !target ? { level: 'error' as const, title: 'Nothing to resync', message: 'The link did not name a customer or contact of this account; open the record and use its Resync now link again.' } : takeNotice(p[NOTICE_PARAM]);
    render(context, stored, formFromRaw(stored.raw), null, notice, target ? { resync: { target, name: recordName(target.kind, target.id) } } : {}, { previewAsked: p[PREVIEW_PARAM] });
    return;
  }
  // Forged requests change nothing: the page is shown again, as stored, with the reason.
  const allowed = checkAdminPost(context.request, ADMIN_FORM, clock.now());
  if (!allowed.ok) {
    logger.audit('FreshSync admin page refused a request', `reason ${allowed.reason}, user ${runtime.getCurrentUser().id}`);
    render(context, stored, formFromRaw(stored.raw), null, { level: 'error', ...describeRefusal(allowed.reason) });
    return;
  }
  const action = p[ACTION_PARAM] ?? 'save';
  switch (action) {
    case 'save':
      return save(context, stored, p);
    case 'test':
      return test(context, stored, p);
    case 'fullsync':
    case 'drain':
      return start(context, action, stored);
    case 'reconcile':
      return start(context, action, stored, isChecked(p[REMOVE_EXTRAS_FIELD]) ? 'asked' : 'no');
    case CONFIRMED_REMOVAL_ACTION:
      return start(context, 'reconcile', stored, 'confirmed');
    case CONFIRM_ACCOUNT_ACTION:
      return confirmAccount(stored);
    case 'cancel':
      return backToPage({ level: 'information', title: 'Nothing started', message: 'The reconcile was not started; nothing was changed.' });
    case 'cancel_resync':
      return backToPage({ level: 'information', title: 'Nothing queued', message: 'The record was not queued; nothing was changed.' });
    case 'retry':
      return retry();
    case PREVIEW_ACTION:
      return toPreview(p);
    case SELECTED_ACTION.retry:
      return actOn('retry', picksFrom(p));
    case SELECTED_ACTION.dismiss:
      return actOn('dismiss', picksFrom(p));
    default: {
      const row = parseRowAction(action);
      if (row) return actOn(row.action, [row.pick]);
      if (action.startsWith(RESYNC_ACTION_PREFIX)) return resync(parseResyncTarget(action.slice(RESYNC_ACTION_PREFIX.length)), stored);
      return backToPage({ level: 'error', title: 'Unknown action', message: 'The page did not understand that button; reload it and try again.' });
    }
  }
}
