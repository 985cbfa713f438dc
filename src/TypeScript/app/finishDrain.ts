/**
 * The drain's summarize: park the work of crashed batches, move the cursor, record the run's
 * statistics and release the push lease in one state write, then submit a follow-up run while
 * entries remain (to the other on-demand deployment: one cannot re-submit itself).
 */
import { decodeBatchKey } from '../domain/workBatch';
import { parkFailed } from './failedBatches';
import type { Clock, DrainTrigger, Logger, OutboxStore, RunStats, StateStore } from './ports';
import type { StageSummary } from './pushStages';
import { foldRunStats, frozenCompaniesAfter, pushActivityAfter, stateOnce } from './runStats';

export interface FinishDeps {
  state: StateStore;
  outbox: OutboxStore;
  trigger: DrainTrigger;
  clock: Clock;
  log: Logger;
}

export interface FinishReport {
  cursor: number | null;
  stats: RunStats;
  remaining: number;
  resubmitted: boolean;
}

/** The plan's highest entry, from any of its keys (null: the run planned nothing). */
function planMaxOf(keys: readonly string[]): number | null {
  const decoded = keys.map(decodeBatchKey).filter((k): k is NonNullable<typeof k> => k !== null);
  return decoded.length === 0 ? null : Math.max(...decoded.map((k) => k.planMax));
}

export function finishDrain(summary: StageSummary, deps: FinishDeps): FinishReport {
  const now = deps.clock.now();
  const { stats, paused } = foldRunStats('drain', now, summary);
  // The cursor moves to the plan's highest entry even when a batch's invocation died: holding it
  // there would re-plan that batch every run and fail the same way. The batch's open work waits
  // as RETRY entries with backoff instead (app/failedBatches.ts), parked before the cursor moves.
  const cursor = planMaxOf(summary.keys);
  if (cursor === null) return { cursor, stats, remaining: 0, resubmitted: false };
  // The state is read once, and only when needed (a failed batch, churned companies' contacts
  // refused, records sent or failed for the last 24 hours' counts); a run that did nothing makes
  // its one write and no read.
  const current = stateOnce(deps.state);
  if (summary.failedKeys.length > 0) stats.retried += parkFailed(summary.failedKeys, current(), now, deps.outbox);
  // The queued mark goes in this write, before anything is counted: a save that saw the mark
  // appended its entry before this point, so the count below sees it (netsuite/drainTrigger.ts).
  deps.state.update({ drainCursor: cursor, lastRun: stats, pushLease: null, drainQueuedAt: null, ...(stats.sent > 0 ? { lastSentAt: now } : {}), ...frozenCompaniesAfter(summary, current), ...pushActivityAfter(stats) });
  if (summary.failedKeys.length > 0) deps.log.error('Drain batches failed unexpectedly; their records wait as retry entries', summary.failedKeys.join('\n'));
  if (paused) return { cursor, stats, remaining: 0, resubmitted: false };
  const remaining = deps.outbox.countDue(cursor, now);
  const resubmitted = remaining > 0 && deps.trigger.resubmit() === 'submitted';
  // The follow-up run is queued: saves made until its summarize need not submit.
  if (resubmitted) deps.state.update({ drainQueuedAt: now });
  return { cursor, stats, remaining, resubmitted };
}
