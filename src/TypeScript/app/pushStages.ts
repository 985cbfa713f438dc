/**
 * The Map/Reduce stages shared by the drain and the full sync, as plain functions of what a stage
 * receives and what it writes (netsuite/mapReduceStages.ts hands them the contexts' values and
 * writes what they return; tests drive them the same way). map pushes account batches and writes
 * contact batches through to reduce: the shuffle is a barrier, so every account lands before any
 * contact. Clean account batches write nothing (no extra reduce invocation); batches with
 * failures report under RESULTS_KEY. reduce pushes contacts and writes every result to the
 * output, which summarize reads.
 */
import type { SyncConfig } from '../domain/config';
import type { WorkBatch } from '../domain/workBatch';
import type { BatchResult } from './pushBatch';
import type { PushTask, WaitNotice } from './pushTasks';

const RESULTS_KEY = '~results';

/** One `context.write`. */
export interface StageWrite {
  key: string;
  value: string;
}

/** Pushes one batch (app/pushBatch.ts with the run's ports); contact batches get their companies' notices. */
export type PushOne = (batch: WorkBatch, config: SyncConfig, waitFor?: Record<string, number>) => BatchResult;

/** getInputData's answer: one key per planned batch, its task as the JSON value. */
export function stageInput(tasks: Record<string, PushTask>): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, task] of Object.entries(tasks)) input[key] = JSON.stringify(task);
  return input;
}

/** Companies that did not land here hold back their contacts in the batches that follow (reduce). */
function noticesFor(task: PushTask, result: BatchResult): Map<string, WaitNotice> {
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

/** map: one input key and its task. */
export function mapBatch(key: string, value: string, push: PushOne): StageWrite[] {
  const task = JSON.parse(value) as PushTask;
  if (task.batch?.kind === 'contacts') return [{ key, value }];
  if (!task.batch) return [];
  const result = push(task.batch, task.config);
  if (result.retried === 0 && result.dead === 0 && result.skipped === 0 && !result.paused) return [];
  const writes: StageWrite[] = [{ key: RESULTS_KEY, value: JSON.stringify(result) }];
  for (const [contactKey, notice] of noticesFor(task, result)) writes.push({ key: contactKey, value: JSON.stringify(notice) });
  return writes;
}

/** reduce: results passed through, or a contact batch with the notices written for it in map. */
export function reduceBatch(key: string, values: readonly string[], push: PushOne): StageWrite[] {
  if (key === RESULTS_KEY) return values.map((value) => ({ key: RESULTS_KEY, value }));
  let task: PushTask | null = null;
  const waitFor: Record<string, number> = {};
  for (const v of values) {
    const parsed = JSON.parse(v) as Partial<PushTask> & Partial<WaitNotice>;
    if (parsed.waitFor) Object.assign(waitFor, parsed.waitFor);
    else task = parsed as PushTask;
  }
  if (!task?.batch) return [];
  return [{ key: RESULTS_KEY, value: JSON.stringify(push(task.batch, task.config, waitFor)) }];
}

/** A key as the stage summaries list it: whether its invocation ended in an uncaught error. */
export interface StageKey {
  key: string;
  failed: boolean;
}

/** What summarize works from. */
export interface StageSummary {
  /** Every key the map stage saw. */
  keys: string[];
  /** Keys whose map or reduce invocation ended in an uncaught error. */
  failedKeys: string[];
  /** Results written by the push invocations. */
  results: BatchResult[];
}

/** The summary from the map and reduce keys and the output values. */
export function summaryOf(mapKeys: readonly StageKey[], reduceKeys: readonly StageKey[], output: readonly string[]): StageSummary {
  const failed = new Set<string>();
  for (const k of mapKeys) if (k.failed) failed.add(k.key);
  for (const k of reduceKeys) if (k.failed && k.key !== RESULTS_KEY) failed.add(k.key);
  return { keys: mapKeys.map((k) => k.key), failedKeys: [...failed], results: output.map((v) => JSON.parse(v) as BatchResult) };
}
