/** The full-sync Map/Reduce's getInputData and summarize (map/reduce: mapReduceStages, as the drain). */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { finishFullSync, fullSyncInputFailed, planFullSync } from '../app/fullSync';
import { pauseOnSettingsFailure } from '../app/pause';
import { stageInput } from '../app/pushStages';
import { sliceLimits, type SliceLimits } from '../domain/fullSyncSlice';
import { planDeps, readSummary } from './mapReduceStages';
import { isDate } from './values';
import { engine } from './wiring';

/** The full sync's script parameters (src/Objects/customscript_fsc_mr_fullsync.xml). */
export const SLICE_PARAMS = { records: 'custscript_fsc_fs_slice_records', megabytes: 'custscript_fsc_fs_slice_mb' } as const;

function slice(log: ReturnType<typeof engine>['log']): SliceLimits {
  const script = runtime.getCurrentScript();
  const { limits, problems } = sliceLimits(script.getParameter({ name: SLICE_PARAMS.records }), script.getParameter({ name: SLICE_PARAMS.megabytes }));
  if (problems.length > 0) log.error('FreshSync full sync: a slice parameter of the deployment is not usable', problems.join('\n'));
  return limits;
}

export function fullSyncInput(restarted = false): Record<string, string> {
  const e = engine();
  const deps = planDeps(e, restarted);
  const limits = slice(e.log);
  const plan = pauseOnSettingsFailure(() => planFullSync(deps, limits), { status: 'paused' as const, runId: '', tasks: {}, customers: 0, contacts: 0 }, deps);
  e.log.audit('FreshSync full sync planned', JSON.stringify({ status: plan.status, customers: plan.customers, contacts: plan.contacts, batches: Object.keys(plan.tasks).length }));
  return plan.input ?? stageInput(plan.tasks);
}

export function fullSyncSummarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const e = engine();
  const { keys, failedKeys, results } = readSummary(summary);
  const startedAt = isDate(summary.dateCreated) ? summary.dateCreated.getTime() : e.clock.now();
  const deps = { state: e.state, trigger: e.trigger, clock: e.clock, log: e.log, jobs: e.jobs };
  const inputError = summary.inputSummary.error;
  if (keys.length === 0) {
    if (inputError) fullSyncInputFailed(errorText(inputError), `fullsync-${startedAt}`, startedAt, deps);
    return;
  }
  const done = finishFullSync({ runId: `fullsync-${startedAt}`, startedAt, keys, failedKeys, results, previous: () => e.state.read().fullSync }, deps);
  e.log.audit('FreshSync full sync', JSON.stringify({ ...done.stats, status: done.state.status, progress: done.state.progress ?? null }));
}

/** inputSummary.error is the serialised SuiteScript error: its name and message are what the admin needs. */
export function errorText(error: unknown): string {
  const text = String(error);
  try {
    const parsed = JSON.parse(text) as { name?: unknown; message?: unknown };
    // A plain Error's name says nothing the message does not.
    if (parsed && typeof parsed === 'object' && (parsed.name || parsed.message)) return [parsed.name === 'Error' ? null : parsed.name, parsed.message].filter(Boolean).join(': ');
  } catch {
    // not JSON: the text itself
  }
  return text.startsWith('Error: ') ? text.slice('Error: '.length) : text;
}
