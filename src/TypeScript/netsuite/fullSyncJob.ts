/** The full-sync Map/Reduce's getInputData and summarize (map/reduce: mapReduceStages, as the drain). */
import type { EntryPoints } from 'N/types';
import { finishFullSync, planFullSync } from '../app/fullSync';
import { pauseOnSettingsFailure } from '../app/pause';
import { stageInput } from '../app/pushStages';
import { planDeps, readSummary } from './mapReduceStages';
import { isDate } from './values';
import { engine } from './wiring';

export function fullSyncInput(restarted = false): Record<string, string> {
  const e = engine();
  const deps = planDeps(e, restarted);
  const plan = pauseOnSettingsFailure(() => planFullSync(deps), { status: 'paused' as const, runId: '', tasks: {}, customers: 0, contacts: 0 }, deps);
  e.log.audit('FreshSync full sync planned', JSON.stringify({ status: plan.status, customers: plan.customers, contacts: plan.contacts, batches: Object.keys(plan.tasks).length }));
  return stageInput(plan.tasks);
}

export function fullSyncSummarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const e = engine();
  const { keys, failedKeys, results } = readSummary(summary);
  if (keys.length === 0) return;
  const startedAt = isDate(summary.dateCreated) ? summary.dateCreated.getTime() : e.clock.now();
  const done = finishFullSync({ runId: `fullsync-${startedAt}`, startedAt, keys, failedKeys, results, previous: () => e.state.read().fullSync }, { state: e.state, trigger: e.trigger, clock: e.clock, log: e.log });
  e.log.audit('FreshSync full sync', JSON.stringify({ ...done.stats, status: done.state.status }));
}
