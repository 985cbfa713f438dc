/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */

import type { EntryPoints } from 'N/types';
import { drainInput, drainSummarize } from '../netsuite/drainJob';
import { mapStage, reduceStage } from '../netsuite/mapReduceStages';

// No `config` export: an error is not retried in place (summarize parks the failed batch's open
// work as a RETRY entry with backoff: app/failedBatches.ts), while a pair interrupted by a server
// restart is re-run with isRestarted, which the push handles without duplicate entries.

export function getInputData(context: EntryPoints.MapReduce.getInputDataContext): Record<string, string> {
  return drainInput(context.isRestarted);
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  mapStage(context);
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  reduceStage(context);
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  drainSummarize(summary);
}
