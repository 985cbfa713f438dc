/**
 * A push run's statistics from its stage summary, the drain's and the full sync's alike. Batches
 * that finished without failures report nothing (no write, no extra invocation), so what they
 * sent is counted from their keys; a crashed batch's key counts as a failed batch, not as sent.
 */
import { withPending, type ActivityWindow, type PendingActivity } from '../domain/activityWindow';
import { decodeBatchKey } from '../domain/workBatch';
import type { RunStats, StateStore, SyncState } from './ports';
import type { StageSummary } from './pushStages';

export function foldRunStats(kind: RunStats['kind'], at: number, summary: StageSummary): { stats: RunStats; paused: boolean } {
  const stats: RunStats = { at, kind, batches: 0, sent: 0, failedBatches: summary.failedKeys.length, retried: 0, dead: 0, skipped: 0, ignored: 0, warnings: 0 };
  const reported = new Set(summary.results.map((r) => r.key));
  let paused = false;
  for (const r of summary.results) {
    stats.sent += r.sent;
    stats.retried += r.retried;
    stats.dead += r.dead;
    stats.skipped += r.skipped ?? 0;
    paused = paused || r.paused;
  }
  for (const key of summary.keys) {
    const k = decodeBatchKey(key);
    if (k?.report) {
      stats.warnings += k.report.warnings;
      stats.skipped += k.report.skipped;
      stats.dead += k.report.dead;
    }
    // A mark key carries only the cursor (and maybe the plan's report): no batch.
    if (!k || k.letter === 'M') continue;
    stats.batches++;
    if (!reported.has(key) && !summary.failedKeys.includes(key)) stats.sent += k.records;
  }
  return { stats, paused };
}

/** The state, read (1 unit) the first time a summarize needs it and not again. */
export function stateOnce(state: StateStore): () => SyncState {
  let read: SyncState | undefined;
  return () => (read ??= state.read());
}

/** Churned companies whose contacts this run refused, added to those already waiting (app/planDrain.ts); the state is read only then. */
export function frozenCompaniesAfter(summary: StageSummary, current: () => SyncState): { frozenCompanies?: string[] } {
  const refused = summary.results.flatMap((r) => r.frozenCompanies ?? []);
  if (refused.length === 0) return {};
  return { frozenCompanies: [...new Set([...(current().frozenCompanies ?? []), ...refused])] };
}

/**
 * The run's records sent and its failed attempts (records to retry, held by a pause, or dead
 * letters: a record failing again counts again), kept aside for the last 24 hours' counts:
 * summarize writes them without reading the state (1 unit a drain of 1,000 records cannot
 * spare), and the next pushing run adds them to the window (foldPushPending). Pushing runs take
 * the lease one at a time, so a run's pending counts are added before the next run's replace them.
 */
export function pushActivityAfter(stats: RunStats): { pushPending?: PendingActivity } {
  const add = { sent: stats.sent, failed: stats.retried + stats.dead };
  if (add.sent + add.failed === 0) return {};
  return { pushPending: { at: stats.at, ...add } };
}

/** The previous run's pending counts into the window, for the lease write a pushing run makes anyway (0 units). */
export function foldPushPending(state: SyncState): { pushActivity?: ActivityWindow | null; pushPending?: null } {
  if (!state.pushPending) return {};
  return { pushActivity: withPending(state.pushActivity, state.pushPending), pushPending: null };
}
