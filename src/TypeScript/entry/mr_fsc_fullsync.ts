/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */

import type { EntryPoints } from 'N/types';
import { fullSyncInput, fullSyncSummarize } from '../netsuite/fullSyncJob';
import { mapStage, reduceStage } from '../netsuite/mapReduceStages';

// No `config` export: an error is not retried in place (summarize records the lowest crashed
// batch as its record type's resume point, so the next full sync reads it again), while a pair interrupted by a server restart is re-run with
// isRestarted, which the push handles without duplicate entries.

export function getInputData(context: EntryPoints.MapReduce.getInputDataContext): Record<string, string> {
  return fullSyncInput(context.isRestarted);
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  mapStage(context);
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  reduceStage(context);
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  fullSyncSummarize(summary);
}
