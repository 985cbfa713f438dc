/**
 * The admin page's "What runs now" box, for the page and alone (a GET of the Suitelet with
 * PROGRESS_PARAM: the client script asks for it every few seconds while something runs). The
 * fragment changes nothing: no form token, no notice taken, no write. Its cost: the settings
 * lookup that brings the state record (1), the page's task list in N/cache (1), 10 per running
 * Map/Reduce this page started (its percentage); url.resolveScript and task.checkStatus cost 0.
 */
import * as url from 'N/url';
import type { EntryPoints } from 'N/types';
import type { JobProgress } from '../app/adminStatusView';
import type { SyncState } from '../app/ports';
import { PROGRESS_PARAM, PROGRESS_PART } from '../app/progressBox';
import { progressHtml } from '../app/progressView';
import type { JobActivity } from '../domain/jobActivity';
import { parseConfig } from '../domain/config';
import { activitiesNow, jobProgress, tracked, type Tracked } from './adminJobs';
import { ADMIN_SCRIPT } from './adminPage';
import { readState, type StoredSettings } from './adminStore';
import { clock } from './platform';

export function isProgressRequest(params: Record<string, string | undefined>): boolean {
  return params[PROGRESS_PARAM] === PROGRESS_PART;
}

export interface Progress {
  state: SyncState | null;
  syncEnabled: boolean | null;
  jobs: JobProgress[];
  activities: JobActivity[];
}

/**
 * What runs now: the state record (already read with the settings) and the page's tasks (1 unit;
 * `percent`: 10 more per running Map/Reduce the page started).
 */
export function readProgress(stored: StoredSettings, jobs: Tracked = tracked(), percent = true): Progress {
  const state = readState(stored.settings);
  const syncEnabled = stored.raw ? parseConfig(stored.raw).config.enabled : null;
  const progress = jobProgress(jobs, percent);
  return { state, syncEnabled, jobs: progress, activities: activitiesNow(state, syncEnabled, progress, clock.now()) };
}

/** The box's HTML for what the state record and the page's tasks say now. */
export function progressBox(state: SyncState | null, syncEnabled: boolean | null, jobs: readonly JobProgress[], activities: readonly JobActivity[]): string {
  const page = url.resolveScript({ scriptId: ADMIN_SCRIPT.scriptId, deploymentId: ADMIN_SCRIPT.deploymentId });
  const fragment = url.resolveScript({ scriptId: ADMIN_SCRIPT.scriptId, deploymentId: ADMIN_SCRIPT.deploymentId, params: { [PROGRESS_PARAM]: PROGRESS_PART } });
  return progressHtml({ activities, jobs, state, pageUrl: page, fragmentUrl: fragment });
}

/** GET …&fsc_part=progress: the box alone, never cached by the browser. */
export function writeProgress(context: EntryPoints.Suitelet.onRequestContext, stored: StoredSettings): void {
  const p = readProgress(stored);
  const html = progressBox(p.state, p.syncEnabled, p.jobs, p.activities);
  context.response.setHeader({ name: 'Content-Type', value: 'text/html; charset=utf-8' });
  context.response.setHeader({ name: 'Cache-Control', value: 'no-store' });
  context.response.write({ output: html });
}
