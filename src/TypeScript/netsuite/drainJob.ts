/** The drain Map/Reduce's getInputData and summarize over the use cases (map/reduce: mapReduceStages). */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { finishDrain } from '../app/finishDrain';
import { pauseOnSettingsFailure } from '../app/pause';
import { planDrain } from '../app/planDrain';
import { stageInput } from '../app/pushStages';
import { nudgeDrain } from '../app/safetyNet';
import { planDeps, readSummary } from './mapReduceStages';
import { SCRIPTS } from './schema';
import { engine } from './wiring';

/**
 * One key per batch (values are JSON strings), so one map invocation per batch of up to the batch
 * size setting (DEFAULT_BATCH.maxRecords unless changed). The scheduled
 * deployment does not drain: it submits the on-demand one when entries are due. The two
 * on-demand deployments (the first, and the one follow-up runs go to) never push together: the
 * drain lease names its deployment, and a drain finding the other one's lease live stands back.
 */
export function drainInput(restarted = false): Record<string, string> {
  const e = engine();
  if (runtime.getCurrentScript().deploymentId === SCRIPTS.drain.scheduled) {
    const nudge = nudgeDrain({ config: e.config, state: e.state, outbox: e.outbox, trigger: e.trigger, clock: e.clock, jobs: e.jobs, log: e.log });
    if (nudge.due > 0) e.log.audit('FreshSync safety net', JSON.stringify(nudge));
    return {};
  }
  const deps = { ...planDeps(e, restarted), deployment: runtime.getCurrentScript().deploymentId };
  const plan = pauseOnSettingsFailure(() => planDrain(deps), { status: 'paused' as const, tasks: {}, entriesRead: 0, items: 0, notes: { skipped: 0, dead: 0, ignored: 0 }, warnings: [] }, deps);
  if (plan.warnings.length > 0) e.log.audit('FreshSync mapping warnings', plan.warnings.slice(0, 50).join('\n'));
  return stageInput(plan.tasks);
}

export function drainSummarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  // The safety net pushed nothing; the queued mark belongs to the drain it may have submitted.
  if (runtime.getCurrentScript().deploymentId === SCRIPTS.drain.scheduled) return;
  const e = engine();
  const report = finishDrain(readSummary(summary), { state: e.state, outbox: e.outbox, trigger: e.trigger, clock: e.clock, log: e.log });
  if (report.cursor !== null) e.log.audit('FreshSync drain', JSON.stringify({ ...report.stats, cursor: report.cursor, remaining: report.remaining, resubmitted: report.resubmitted }));
}
