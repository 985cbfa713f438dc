/**
 * The Map/Reduce stages shared by the drain and the full sync. map pushes account batches and
 * writes contact batches through to reduce: the shuffle is a barrier, so every account lands
 * before any contact. Clean account batches write nothing (no extra reduce invocation); batches
 * with failures report under RESULTS_KEY. reduce pushes contacts and writes every result to the
 * output, which summarize reads.
 */
import type { EntryPoints } from 'N/types';
import type { DrainTask, PlanDeps, WaitNotice } from '../app/drain';
import { pushBatch, type BatchResult } from '../app/pushBatch';
import { logger } from './platform';
import { clientFor, engine } from './wiring';

export const RESULTS_KEY = '~results';

/** What getInputData plans with, the drain's and the full sync's alike. */
export function planDeps(e: ReturnType<typeof engine>, restarted: boolean): PlanDeps {
  return { restarted, config: e.config, state: e.state, outbox: e.outbox, snapshots: e.snapshots, clock: e.clock, log: e.log, jobs: e.jobs };
}

/** getInputData's answer: one key per planned batch, its task as the JSON value. */
export function stageInput(tasks: Record<string, DrainTask>): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, task] of Object.entries(tasks)) input[key] = JSON.stringify(task);
  return input;
}

function push(task: DrainTask, restarted: boolean, waitFor?: Record<string, number>): BatchResult | null {
  if (!task.batch) return null;
  const e = engine();
  return pushBatch(task.batch, task.config, { client: clientFor(task.config), outbox: e.outbox, state: e.state, snapshots: e.snapshots, clock: e.clock, random: e.random, log: e.log, restarted, waitFor });
}

/** Companies that did not land here hold back their contacts in the batches that follow (reduce). */
function noticesFor(task: DrainTask, result: BatchResult): Map<string, WaitNotice> {
  const notices = new Map<string, WaitNotice>();
  for (const [companyId, contactKeys] of Object.entries(task.dependents ?? {})) {
    const due = result.retryAt[companyId];
    if (due === undefined) continue;
    for (const key of contactKeys) {
      const notice = notices.get(key) ?? { waitFor: {} };
      notice.waitFor[companyId] = due;
      notices.set(key, notice);
    }
  }
  return notices;
}

export function mapStage(context: EntryPoints.MapReduce.mapContext): void {
  const task = JSON.parse(context.value) as DrainTask;
  if (task.batch?.kind === 'contacts') {
    context.write({ key: context.key, value: context.value });
    return;
  }
  const result = push(task, context.isRestarted);
  if (result && (result.retried > 0 || result.dead > 0 || result.paused)) {
    context.write({ key: RESULTS_KEY, value: JSON.stringify(result) });
    for (const [key, notice] of noticesFor(task, result)) context.write({ key, value: JSON.stringify(notice) });
  }
}

export function reduceStage(context: EntryPoints.MapReduce.reduceContext): void {
  if (context.key === RESULTS_KEY) {
    for (const v of context.values) context.write({ key: RESULTS_KEY, value: v });
    return;
  }
  // The batch itself, plus any notices from account batches whose companies failed in map.
  let task: DrainTask | null = null;
  const waitFor: Record<string, number> = {};
  for (const v of context.values) {
    const parsed = JSON.parse(v) as Partial<DrainTask> & Partial<WaitNotice>;
    if (parsed.waitFor) Object.assign(waitFor, parsed.waitFor);
    else task = parsed as DrainTask;
  }
  if (!task) return;
  const result = push(task, context.isRestarted, waitFor);
  if (result) context.write({ key: RESULTS_KEY, value: JSON.stringify(result) });
}

export interface StageSummary {
  keys: string[];
  failedKeys: string[];
  results: BatchResult[];
}

/** Keys, failed keys (map or reduce) and results from the summary (0 units). */
export function readSummary(summary: EntryPoints.MapReduce.summarizeContext): StageSummary {
  const keys: string[] = [];
  const failed = new Set<string>();
  const results: BatchResult[] = [];
  if (summary.inputSummary.error) logger.error('FreshSync: reading the input failed', String(summary.inputSummary.error));
  summary.mapSummary.keys.iterator().each((key: string, _count?: number, state?: string) => {
    keys.push(key);
    if (state === 'FAILED') failed.add(key);
    return true;
  });
  summary.reduceSummary.keys.iterator().each((key: string, _count?: number, state?: string) => {
    if (state === 'FAILED' && key !== RESULTS_KEY) failed.add(key);
    return true;
  });
  const logErrors = (stage: string) => (key: string, error: string) => {
    logger.error(`FreshSync ${stage} failed for ${key}`, error);
    return true;
  };
  summary.mapSummary.errors.iterator().each(logErrors('map'));
  summary.reduceSummary.errors.iterator().each(logErrors('reduce'));
  summary.output.iterator().each((_key: string, value: string) => {
    results.push(JSON.parse(value) as BatchResult);
    return true;
  });
  return { keys, failedKeys: [...failed], results };
}
