/** The reconcile Map/Reduce's stages over the use case (app/reconcile.ts). */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { finishReconcile, planReconcile, reconcileMap, reconcileReduce, type ReconcileDeps } from '../app/reconcile';
import { workKeyText } from '../domain/reconcileWork';
import { errorText } from './fullSyncJob';
import { governanceRemains } from './platform';
import { clientFor, engine } from './wiring';

/**
 * Not the scheduled reconcile's old id (custscript_fsc_rec_remove_extras): script parameter ids
 * are unique in an account, and one that installed an earlier version may still hold that script.
 */
export const REMOVE_EXTRAS_PARAM = 'custscript_fsc_mrrec_remove_extras';

/** A page's map reads on past the last page found while this much governance is left (one page costs about 100 at worst). */
const READ_MORE_RESERVE = 200;

function deps(): ReconcileDeps {
  const e = engine();
  return { config: e.config, snapshots: e.snapshots, client: clientFor, outbox: e.outbox, trigger: e.trigger, clock: e.clock, log: e.log, state: e.state, canReadMore: governanceRemains(READ_MORE_RESERVE) };
}

const removeExtras = (): boolean => runtime.getCurrentScript().getParameter({ name: REMOVE_EXTRAS_PARAM }) === true;

export function reconcileInput(): Record<string, string> {
  const d = deps();
  const plan = planReconcile(d, { removeExtras: removeExtras() });
  const input: Record<string, string> = {};
  for (const [key, task] of Object.entries(plan.tasks)) input[key] = JSON.stringify(task);
  d.log.audit('FreshSync reconcile planned', plan.ended ? JSON.stringify({ status: plan.ended.status, message: plan.ended.message }) : `${Object.keys(input).length} pages and ranges`);
  return input;
}

export function reconcileMapStage(context: EntryPoints.MapReduce.mapContext): void {
  for (const w of reconcileMap(context.value, deps())) context.write(w);
}

export function reconcileReduceStage(context: EntryPoints.MapReduce.reduceContext): void {
  for (const w of reconcileReduce(context.key, context.values)) context.write(w);
}

export function reconcileSummarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const failures: string[] = [];
  if (summary.inputSummary.error) failures.push(`planning the run: ${errorText(summary.inputSummary.error)}`);
  const failed = (key: string, error: string) => {
    const where = workKeyText(key);
    failures.push(where ? `${where}: ${errorText(error)}` : errorText(error));
    return true;
  };
  summary.mapSummary.errors.iterator().each(failed);
  summary.reduceSummary.errors.iterator().each(failed);
  let planned = false;
  summary.mapSummary.keys.iterator().each(() => {
    planned = true;
    return false;
  });
  const output: string[] = [];
  summary.output.iterator().each((_key: string, value: string) => {
    output.push(value);
    return true;
  });
  finishReconcile({ output, failures, planned }, deps(), { removeExtras: removeExtras() });
}
