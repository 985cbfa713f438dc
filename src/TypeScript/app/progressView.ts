/**
 * The admin page's "What runs now" box: one line per job (domain/jobActivity.ts), a progress bar
 * for the full sync's records, and what the jobs this page started ended with. The same HTML is
 * the page's and the fragment's (a GET of the Suitelet with PROGRESS_PARAM) that the client
 * script swaps in while something runs; without JavaScript the Refresh link, or reloading the
 * page, shows the same.
 */
import { somethingRuns, type JobActivity } from '../domain/jobActivity';
import { esc, jobText, type JobProgress } from './adminStatusView';
import { PROGRESS_BOX_ID, REFRESH_MS } from './progressBox';
import type { SyncState } from './ports';


export interface ProgressModel {
  activities: readonly JobActivity[];
  /** Tasks this page submitted (for how the finished ones ended). */
  jobs: readonly JobProgress[];
  state: SyncState | null;
  /** The page's own URL (the Refresh link) and the fragment's. */
  pageUrl: string;
  fragmentUrl: string;
}

const PHASE_LABEL: Record<JobActivity['phase'], string> = { running: 'Running', queued: 'Queued', stale: 'Looks stopped', idle: 'Idle' };

function line(a: JobActivity): string {
  const bar = a.percent === null ? '' : ` <progress max="100" value="${a.percent}" aria-label="${esc(`${a.job === 'fullsync' ? 'Full sync' : a.job} records done`)}">${a.percent} %</progress>`;
  return `<li data-job="${esc(a.job)}" data-phase="${esc(a.phase)}"><strong class="fsc-phase fsc-phase-${esc(a.phase)}">${esc(PHASE_LABEL[a.phase])}</strong> ${esc(a.text)}${bar}</li>`;
}

export function progressHtml(m: ProgressModel): string {
  const running = somethingRuns(m.activities);
  // How the jobs this page started ended (a running one is a line above already).
  const ended = m.jobs.filter((j) => j.status !== 'PENDING' && j.status !== 'PROCESSING');
  const endedList = ended.length === 0 ? '' : `<p>Started from this page in the last day:</p><ul class="fsc-jobs">${ended.map((j) => `<li>${esc(jobText(j, m.state))}</li>`).join('')}</ul>`;
  const how = running ? `This box refreshes by itself every ${REFRESH_MS / 1000} seconds while something runs.` : 'Nothing runs now.';
  return (
    `<div id="${PROGRESS_BOX_ID}" class="fsc-progress" role="region" aria-label="What runs now" aria-live="polite" data-running="${running ? 'T' : 'F'}" data-refresh-url="${esc(m.fragmentUrl)}" data-refresh-ms="${REFRESH_MS}">` +
    `<ul class="fsc-jobs">${m.activities.map(line).join('')}</ul>${endedList}` +
    `<p>${esc(how)} <a href="${esc(m.pageUrl)}">Refresh</a></p></div>`
  );
}
