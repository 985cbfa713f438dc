/**
 * A push run's statistics from its stage summary, the drain's and the full sync's alike. Batches
 * that finished without failures report nothing (no write, no extra invocation), so what they
 * sent is counted from their keys; a crashed batch's key counts as a failed batch, not as sent.
 */
import { countActivity } from '../domain/activityWindow';
import { decodeBatchKey } from '../domain/workBatch';
import type { RunStats, StateStore } from './ports';
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

/**
 * Churned companies whose contacts this run refused, added to those already waiting (app/planDrain.ts);
 * the state is read (1 unit) only then.
 */
export function frozenCompaniesAfter(summary: StageSummary, state: StateStore): { frozenCompanies?: string[] } {
  const refused = summary.results.flatMap((r) => r.frozenCompanies ?? []);
  if (refused.length === 0) return {};
  return { frozenCompanies: [...new Set([...(state.read().frozenCompanies ?? []), ...refused])] };
}

/**
 * The run's records sent and its failed attempts (records to retry, held by a pause, or dead
 * letters: a record failing again counts again), added to the last 24 hours' counts; the state
 * is read (0 or 1 unit) only when the run sent or failed something.
 */
export function pushActivityAfter(stats: RunStats, state: StateStore): { pushActivity?: NonNullable<ReturnType<typeof countActivity>> } {
  const add = { sent: stats.sent, failed: stats.retried + stats.dead };
  if (add.sent + add.failed === 0) return {};
  const next = countActivity(state.read().pushActivity ?? null, stats.at, add);
  return next ? { pushActivity: next } : {};
}
