/** The drain Map/Reduce's getInputData and summarize over the use cases (map/reduce: mapReduceStages). */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { finishDrain, nudgeDrain, planDrain } from '../app/drain';
import { planDeps, readSummary, stageInput } from './mapReduceStages';
import { SCRIPTS } from './schema';
import { engine } from './wiring';

/**
 * One key per batch (values are JSON strings): 1,000 records ≈ one map invocation. The scheduled
 * deployment does not drain: it submits the on-demand one when entries are due, so only one
 * drain ever pushes and moves the cursor.
 */
export function drainInput(restarted = false): Record<string, string> {
  const e = engine();
  if (runtime.getCurrentScript().deploymentId === SCRIPTS.drain.scheduled) {
    const nudge = nudgeDrain({ config: e.config, state: e.state, outbox: e.outbox, trigger: e.trigger, clock: e.clock, jobs: e.jobs, log: e.log });
    if (nudge.due > 0) e.log.audit('FreshSync safety net', JSON.stringify(nudge));
    return {};
  }
  const plan = planDrain(planDeps(e, restarted));
  if (plan.warnings.length > 0) e.log.audit('FreshSync mapping warnings', plan.warnings.slice(0, 50).join('\n'));
  return stageInput(plan.tasks);
}

export function drainSummarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const e = engine();
  const { keys, failedKeys, results } = readSummary(summary);
  const report = finishDrain({ keys, failedKeys, results }, { state: e.state, outbox: e.outbox, trigger: e.trigger, clock: e.clock, log: e.log });
  if (report.cursor !== null) e.log.audit('FreshSync drain', JSON.stringify({ ...report.stats, cursor: report.cursor, remaining: report.remaining, resubmitted: report.resubmitted }));
}
