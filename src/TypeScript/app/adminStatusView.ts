/**
 * The admin page's status and sync-control sections as text and escaped HTML. Pure: the page
 * adapter reads the state record, the outbox and the task statuses, this decides what the admin
 * reads. Everything from outside (Freshsuccess messages, record ids) is escaped here, because the
 * HTML goes into an INLINEHTML field, which NetSuite prints as is.
 */
import { PAUSE_WORDS, pauseCause, pauseDetail, type PauseCause } from '../domain/pauseCause';
import { ACTION_PARAM, pickField, pickValue, rowActionValue, SELECTED_ACTION, type ProblemAction, type RecordPick } from '../domain/problemActions';
import { pauseOfRefusal, type StartRefusal } from './jobStart';
import type { FullSyncState, ReconcileCounts, ReconcileSummary, RunStats, SyncState, TriggerResult } from './ports';
import type { RecordKind } from '../domain/types';
import type { AlertSettings } from '../domain/alerts';
import { JOB_NAME, when, type JobActivity } from '../domain/jobActivity';

export type JobKind = 'fullsync' | 'reconcile' | 'drain';

const JOB_LABEL: Record<JobKind, string> = JOB_NAME;

/** Records (not queue entries: one entry may hold many) by what is happening to them. */
export interface OutboxCounts {
  pending: number;
  retry: number;
  dead: number;
  skipped: number;
  /** Records sent with a value dropped or cut (WARNED entries). */
  warned: number;
  /** When the oldest change still waiting (pending or to retry) was first captured, through its retries; null when none waits. */
  oldestWaitingAt?: number | null;
}

export interface ProblemEntry {
  id: number;
  kind: string;
  status: string;
  /** Record ids with the NetSuite URL of each (url.resolveRecord) and its name when NetSuite still has it. */
  records: Array<{ id: string; url: string; name?: string }>;
  lastError: string;
  hint: string;
  capturedAt: number;
  attempt: number;
}

/** A task submitted from this page, as task.checkStatus saw it. */
export interface JobProgress {
  job: JobKind;
  submittedAt: number;
  status: string;
  /** Map/Reduce only, while it runs. */
  stage: string | null;
  percent: number | null;
}

export interface StatusView {
  now: number;
  state: SyncState | null;
  /** The saved "Sync enabled" setting; null: no settings saved. */
  syncEnabled?: boolean | null;
  /** Why nothing is pushed from this account: its settings were saved in another (domain/sandboxGuard.ts). */
  copied?: string | null;
  /** The saved alert settings (null: no settings saved). */
  alerts?: AlertSettings | null;
  counts: OutboxCounts | null;
  problems: ProblemEntry[];
  jobs: JobProgress[];
  /** What each job does now, whoever started it (domain/jobActivity.ts). */
  activities?: JobActivity[];
}

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}


export function pauseText(state: SyncState | null): string | null {
  if (!state || state.pausedAt === null) return null;
  const cause = pauseCause(state.pauseMessage);
  const detail = pauseDetail(state.pauseMessage);
  const { who } = PAUSE_WORDS[cause];
  if (cause === 'settings') return `Pushing is paused since ${when(state.pausedAt)} because ${who}. ${detail} Changes are still queued.`;
  return `Pushing is paused since ${when(state.pausedAt)} because ${who}: ${detail || 'no message'}. Changes are still queued. ${PAUSE_WORDS[cause].fix}: pushing resumes from where it stopped.`;
}

export function lastRunText(run: RunStats | null): string {
  if (!run) return 'No run has finished yet.';
  return `Last run: ${run.kind} at ${when(run.at)}: ${runParts(run).join(', ')}.`;
}

/** What a run did, in the admin's words. */
function runParts(run: RunStats): string[] {
  const parts = [`${run.sent} record(s) sent in ${run.batches} batch(es)`];
  if (run.failedBatches) parts.push(`${run.failedBatches} batch(es) failed`);
  if (run.retried) parts.push(`${run.retried} to retry`);
  if (run.dead) parts.push(`${run.dead} dead letter(s)`);
  if (run.skipped) parts.push(`${run.skipped} skipped`);
  if (run.warnings) parts.push(`${run.warnings} warning(s)`);
  return parts;
}

export function fullSyncText(fs: FullSyncState | null): string {
  if (!fs) return 'No full sync has run yet.';
  const progress = fs.progress ? `${fs.progress.read} of about ${fs.progress.about} records read` : null;
  if (fs.status === 'done') return `The last full sync (started ${when(fs.startedAt)}) finished${fs.progress ? ` (${fs.progress.read} records read, in parts)` : ''}.`;
  if (fs.continues) return `Full sync started ${when(fs.startedAt)}: ${progress ?? 'part way'}. It runs in parts of a bounded size; the next part starts by itself.`;
  const where = [fs.customersDone ? 'customers done' : `customers resume after internal id ${fs.customerAfter ?? '(start)'}`, fs.contactsDone ? 'contacts done' : `contacts resume after internal id ${fs.contactAfter ?? '(start)'}`];
  const why = fs.error ? ` Reading NetSuite failed: ${fs.error}. If it names the persisted-data limit, lower "Records per run" on the full sync's deployment.` : '';
  return `The full sync started ${when(fs.startedAt)} stopped part way${progress ? ` (${progress})` : ''}: ${where.join('; ')}.${why} Start a full sync again to continue from there.`;
}

/** The sweep found deleted records without ids: say that deletes now rely on capture and reconcile. */
function deletedWithoutIdText(state: SyncState | null): string | null {
  const at = state?.deletedWithoutIdAt;
  if (at === null || at === undefined) return null;
  return `The sweep cannot read deleted records: NetSuite's deleted-record search returned rows without a record id (last seen ${when(at)}). Until this is fixed, deletes rely on capture and reconcile: they reach Freshsuccess when a User Event captures them or a reconcile run finds them, and deletes made with server scripts off (CSV imports) or by merges wait for the next reconcile. Report this to the SuiteApp's maintainers (see docs/sandbox-checklist.md).`;
}

function differences(what: string, c: ReconcileCounts | null): string | null {
  if (c === null) return null;
  return `${what}: ${c.missing} missing in Freshsuccess, ${c.drifted} different, ${c.extra} only in Freshsuccess`;
}

/** What the last reconcile found and did, in words. */
function reconcileText(r: ReconcileSummary | null | undefined): string {
  if (!r) return 'Reconcile: not run yet.';
  const found = [differences('accounts', r.accounts), differences('contacts', r.contacts)].filter((t): t is string => t !== null).join('; ');
  switch (r.status) {
    case 'misconfigured':
      return `Last reconcile (${when(r.at)}) did not run: the saved settings have problems (${r.message}).`;
    case 'failed':
      return `Last reconcile (${when(r.at)}) stopped before it finished, so nothing was queued: ${r.message} Start it again once that is fixed (a page Freshsuccess did not answer usually is).`;
    case 'disabled':
      return `Last reconcile (${when(r.at)}) found ${found}. Sync is switched off, so nothing was queued.`;
    case 'done': {
      const extras = (r.accounts?.extra ?? 0) + (r.contacts?.extra ?? 0);
      const extraNote = extras === 0 ? '' : r.removedExtras ? ' Records only in Freshsuccess were queued for deactivation.' : ' Records only in Freshsuccess were left as they are.';
      return `Last reconcile (${when(r.at)}) found ${found}; ${r.queued} record(s) queued for the drain.${extraNote}`;
    }
  }
}

/** A full sync that stood back for a pushing drain (fullSyncRequestedAt): the next drain or the safety net starts it. */
export function fullSyncRequestText(state: SyncState | null): string | null {
  const at = state?.fullSyncRequestedAt;
  if (at === null || at === undefined) return null;
  return `Full sync requested: waiting for the current drain to finish; it starts automatically (requested ${when(at)}).`;
}

/**
 * @param state the state record: a finished drain or full sync says what it did when the last
 * run is its own (same kind, ended after it was submitted), and never "finished" when it did not
 * push (a full sync that stood back for a drain, a drain with nothing queued).
 */
export function jobText(p: JobProgress, state: SyncState | null = null): string {
  const label = JOB_LABEL[p.job];
  const lastRun = state?.lastRun ?? null;
  const own = lastRun !== null && lastRun.kind === p.job && lastRun.at >= p.submittedAt ? lastRun : null;
  const standingBack = p.job === 'fullsync' && (state?.fullSyncRequestedAt ?? null) !== null && (state?.fullSyncRequestedAt ?? 0) >= p.submittedAt;
  switch (p.status) {
    case 'PENDING':
      return `${label}: waiting for a processor (submitted ${when(p.submittedAt)}).`;
    case 'PROCESSING':
      return `${label}: running${p.stage ? `, stage ${p.stage}` : ''}${p.percent !== null ? `, ${Math.round(p.percent)}% done` : ''}.`;
    case 'COMPLETE':
      if (own && p.job === 'fullsync' && state?.fullSync?.continues) return `${label}: one part finished (submitted ${when(p.submittedAt)}): ${runParts(own).join(', ')}. ${fullSyncText(state.fullSync)}`;
      if (own) return `${label}: finished (submitted ${when(p.submittedAt)}): ${runParts(own).join(', ')}.`;
      if (standingBack) return `${label}: waiting for the drain that is pushing to finish; it starts by itself then (submitted ${when(p.submittedAt)}).`;
      if (p.job === 'reconcile') {
        const r = state?.lastReconcile ?? null;
        return r && r.at >= p.submittedAt ? `${label}: finished (submitted ${when(p.submittedAt)}). ${reconcileText(r)}` : `${label}: finished (submitted ${when(p.submittedAt)}); it kept no result (the script's execution log says why).`;
      }
      // Every drain or full sync that pushes records its statistics when it ends: none since the
      // submission means this one sent nothing. Otherwise a later run's figures replaced its own.
      if (lastRun === null || lastRun.at < p.submittedAt) return `${label}: ended without sending anything (submitted ${when(p.submittedAt)}): nothing was waiting to be sent.`;
      return `${label}: finished (submitted ${when(p.submittedAt)}); the figures above are of a later run.`;
    case 'FAILED':
      return `${label}: failed (submitted ${when(p.submittedAt)}); see the script's execution log.`;
    default:
      return `${label}: ${p.status}.`;
  }
}

/** The page message after a start button: "already running" is information, not an error. */
export function describeSubmission(job: JobKind, result: TriggerResult | StartRefusal, errorName = ''): { level: 'confirmation' | 'information' | 'error'; title: string; message: string } {
  const label = JOB_LABEL[job];
  switch (result) {
    case 'not_configured':
      return { level: 'error', title: `${label} not started`, message: 'No settings are saved yet, so there is nothing to connect to. Fill in the connection settings and save them first.' };
    case 'misconfigured':
      return { level: 'error', title: `${label} not started`, message: 'The saved settings have problems (listed with the settings), so nothing could be sent. Fix them and save first.' };
    case 'copied_settings':
      return { level: 'error', title: `${label} not started`, message: 'These settings were saved in another NetSuite account, so nothing is sent from this one until you confirm them here (see the note at the top of the page) or save other settings.' };
    case 'paused':
    case 'paused_settings':
    case 'paused_key_reference': {
      const words = PAUSE_WORDS[pauseOfRefusal(result) ?? 'key'];
      return { level: 'error', title: `${label} not started`, message: `Pushing is paused because ${words.why} (see Status). ${words.fix}; pushing resumes and nothing queued is lost.` };
    }
    case 'submitted':
      return { level: 'confirmation', title: `${label} started`, message: `${label} was submitted; it waits for a free processor. Its progress shows under Sync control and refreshes by itself.` };
    case 'already_running':
    case 'already_queued':
      return { level: 'information', title: `${label} already running`, message: `${label} is already running or queued, so it was not started twice. Its progress shows under Sync control.` };
    case 'not_permitted':
      return { level: 'error', title: `${label} not started`, message: 'Your role may not start scripts (it needs the SuiteScript and SuiteScript Scheduling permissions). Ask an administrator.' };
    case 'failed':
      return { level: 'error', title: `${label} not started`, message: `NetSuite refused to submit it (${errorName || 'unknown error'}). Check that the script deployment is deployed and set to Not Scheduled.` };
    case 'sync_disabled':
      return { level: 'information', title: `${label} not started`, message: 'Sync is switched off: changes are queued but nothing is sent. Tick "Sync enabled" and save the settings first.' };
  }
}

export function table(caption: string, head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table class="fsc-table"><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** `pausedBy`: while pushing is paused, records wait for the pause, not for Freshsuccess to recover. */
export function countsHtml(c: OutboxCounts | null, pausedBy: PauseCause | null = null): string {
  if (!c) return '<p>The queue could not be read.</p>';
  const counts = table('Records in the queue, by status', ['Pending', 'To retry', 'Dead letters', 'Skipped', 'Sent with warnings'], [[c.pending, c.retry, c.dead, c.skipped, c.warned].map((n) => esc(n))]);
  if (c.retry === 0) return counts;
  const note = pausedBy === null ? RETRY_EXPLAINED : `To retry: these records wait because pushing is paused (${PAUSE_WORDS[pausedBy].why}). They are sent once the pause is lifted and are never dropped.`;
  return counts + `<p>${esc(note)}</p>`;
}

/** What "To retry" means: transient failures are never dead-lettered, however long they last. */
export const RETRY_EXPLAINED =
  'To retry: Freshsuccess was down, slow or rate-limiting when these records were sent. They are retried automatically with growing delays (at most every 6 hours by default) until they land, and are never dropped. An entry whose hint says Freshsuccess has been failing for hours is still retrying: check Freshsuccess\'s status; nothing needs fixing in NetSuite.';

const PROBLEM_LABEL: Record<string, string> = { DEAD: 'Dead letter', SKIPPED: 'Skipped', WARNED: 'Sent with a warning' };

/**
 * The same report written by several runs (every full sync skips the same contacts without a
 * company) is one row: the latest, with how many runs reported it.
 */
function onceEach(problems: readonly ProblemEntry[]): Array<ProblemEntry & { times: number; entryIds: number[] }> {
  const rows = new Map<string, ProblemEntry & { times: number; entryIds: number[] }>();
  for (const p of problems) {
    const key = JSON.stringify([p.status, p.kind, p.lastError, p.records.map((r) => r.id).sort()]);
    const seen = rows.get(key);
    if (!seen) rows.set(key, { ...p, times: 1, entryIds: [p.id] });
    else rows.set(key, { ...(p.capturedAt > seen.capturedAt ? p : seen), times: seen.times + 1, entryIds: [...seen.entryIds, p.id] });
  }
  return [...rows.values()];
}

function rowButton(action: ProblemAction, pick: RecordPick, label: string, what: string): string {
  return `<button type="submit" name="${ACTION_PARAM}" value="${esc(rowActionValue(action, pick))}" aria-label="${esc(`${label} ${what}`)}">${esc(label)}</button>`;
}

/** Rows the status page shows at most; the rest is counted below the table. */
const MAX_PROBLEM_ROWS = 100;

const KIND_LABEL: Record<string, string> = { customer: 'Customer', contact: 'Contact' };

/**
 * One row per record: its type and name linked to it, its own message, what to do, when, and
 * buttons to retry it (not for a warning: that record was sent) or dismiss it; a checkbox per row
 * for acting on a selection.
 */
export function problemsHtml(problems: readonly ProblemEntry[]): string {
  if (problems.length === 0) return '<p>No dead letters, skipped records or warnings.</p>';
  const rows: string[][] = [];
  let more = 0;
  for (const p of onceEach(problems)) {
    for (const r of p.records) {
      if (rows.length >= MAX_PROBLEM_ROWS) {
        more++;
        continue;
      }
      const label = r.name ? `${r.name} (${r.id})` : `internal id ${r.id}`;
      const what = `${KIND_LABEL[p.kind] ?? p.kind} ${label}`;
      const pick: RecordPick = { kind: p.kind as RecordKind, recordId: r.id, entryIds: p.entryIds };
      const actionable = /^\d+$/.test(r.id) && (p.kind === 'customer' || p.kind === 'contact');
      rows.push([
        actionable ? `<input type="checkbox" name="${esc(pickField(pick))}" value="${esc(pickValue(pick))}" aria-label="${esc(`Select ${what}`)}">` : '',
        esc(PROBLEM_LABEL[p.status] ?? p.status),
        `${esc(KIND_LABEL[p.kind] ?? p.kind)} <a href="${esc(r.url)}">${esc(label)}</a>`,
        esc(p.lastError || '(no message)'),
        esc(p.hint),
        esc(when(p.capturedAt) + (p.times > 1 ? ` (reported by ${p.times} runs)` : '')),
        actionable ? [p.status !== 'WARNED' ? rowButton('retry', pick, 'Retry', what) : '', rowButton('dismiss', pick, 'Dismiss', what)].filter(Boolean).join(' ') : '',
      ]);
    }
  }
  const list = table('Latest dead letters, skipped records and warnings, one row per record', ['Select', 'Status', 'Record', 'Message', 'What to do', 'When', 'Act'], rows);
  const bulk = `<p><button type="submit" name="${ACTION_PARAM}" value="${SELECTED_ACTION.retry}">Retry selected</button> <button type="submit" name="${ACTION_PARAM}" value="${SELECTED_ACTION.dismiss}">Dismiss selected</button> Retry queues a record again (fix it in NetSuite first); dismiss stops listing it here without sending it.</p>`;
  return (more > 0 ? `${list}<p>${esc(`and ${more} more record(s) in these entries (the outbox custom record lists them all)`)}</p>` : list) + bulk;
}

/** What pushing does now, when no refused key paused it. */
function pushingText(syncEnabled: boolean | null | undefined, copied: string | null | undefined): string {
  if (syncEnabled === null) return 'Nothing is pushed yet: no settings are saved.';
  if (copied) return 'Pushing is held back in this account: the settings were saved in another NetSuite account (see above). Changes are queued and nothing is lost.';
  if (syncEnabled === false) return 'Sync is switched off: changes are queued but nothing is sent to Freshsuccess. Tick "Sync enabled" and save the settings to send them.';
  return 'Pushing is active (not paused).';
}

export function statusHtml(view: StatusView): string {
  const pause = pauseText(view.state);
  const parts = [
    pause ? `<p class="fsc-paused" role="alert"><strong>Paused.</strong> ${esc(pause)}</p>` : `<p>${esc(pushingText(view.syncEnabled, view.copied))}</p>`,
    `<p>${esc(lastRunText(view.state?.lastRun ?? null))}</p>`,
    `<p>${esc(fullSyncText(view.state?.fullSync ?? null))}</p>`,
    `<p>${esc(reconcileText(view.state?.lastReconcile))}</p>`,
    ...[deletedWithoutIdText(view.state)].filter((t): t is string => t !== null).map((t) => `<p class="fsc-warning" role="alert"><strong>Deletes not swept.</strong> ${esc(t)}</p>`),
    ...[fullSyncRequestText(view.state)].filter((t): t is string => t !== null).map((t) => `<p>${esc(t)}</p>`),
    countsHtml(view.counts, view.state && view.state.pausedAt !== null ? pauseCause(view.state.pauseMessage) : null),
    problemsHtml(view.problems),
  ];
  return parts.join('\n');
}
