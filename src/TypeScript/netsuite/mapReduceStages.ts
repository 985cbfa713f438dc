/**
 * The Map/Reduce stages shared by the drain and the full sync over the contexts: the stages
 * themselves are plain functions (app/pushStages.ts); this adapter hands them the context's
 * values, gives them a push wired to NetSuite, and writes what they return.
 */
import type { EntryPoints } from 'N/types';
import { pushBatch } from '../app/pushBatch';
import { mapBatch, reduceBatch, summaryOf, type PushOne, type StageKey, type StageSummary } from '../app/pushStages';
import type { PlanDeps } from '../app/pushTasks';
import { logger } from './platform';
import { clientFor, engine } from './wiring';

/** What getInputData plans with, the drain's and the full sync's alike. */
export function planDeps(e: ReturnType<typeof engine>, restarted: boolean): PlanDeps {
  return { restarted, config: e.config, state: e.state, outbox: e.outbox, snapshots: e.snapshots, clock: e.clock, log: e.log, jobs: e.jobs };
}

function pushWith(restarted: boolean): PushOne {
  return (batch, config, waitFor) => {
    const e = engine();
    return pushBatch(batch, config, { client: clientFor(config), outbox: e.outbox, state: e.state, snapshots: e.snapshots, clock: e.clock, random: e.random, log: e.log, restarted, waitFor });
  };
}

export function mapStage(context: EntryPoints.MapReduce.mapContext): void {
  for (const w of mapBatch(context.key, context.value, pushWith(context.isRestarted))) context.write(w);
}

export function reduceStage(context: EntryPoints.MapReduce.reduceContext): void {
  for (const w of reduceBatch(context.key, context.values, pushWith(context.isRestarted))) context.write(w);
}

/** Keys, failed keys (map or reduce) and results from the summary (0 units); errors go to the log. */
export function readSummary(summary: EntryPoints.MapReduce.summarizeContext): StageSummary {
  if (summary.inputSummary.error) logger.error('FreshSync: reading the input failed', String(summary.inputSummary.error));
  const keysOf = (stage: EntryPoints.MapReduce.summarizeContext['mapSummary'] | EntryPoints.MapReduce.summarizeContext['reduceSummary']): StageKey[] => {
    const keys: StageKey[] = [];
    stage.keys.iterator().each((key: string, _count?: number, state?: string) => {
      keys.push({ key, failed: state === 'FAILED' });
      return true;
    });
    return keys;
  };
  const mapKeys = keysOf(summary.mapSummary);
  const reduceKeys = keysOf(summary.reduceSummary);
  const logErrors = (stage: string) => (key: string, error: string) => {
    logger.error(`FreshSync ${stage} failed for ${key}`, error);
    return true;
  };
  summary.mapSummary.errors.iterator().each(logErrors('map'));
  summary.reduceSummary.errors.iterator().each(logErrors('reduce'));
  const output: string[] = [];
  summary.output.iterator().each((_key: string, value: string) => {
    output.push(value);
    return true;
  });
  return summaryOf(mapKeys, reduceKeys, output);
}
