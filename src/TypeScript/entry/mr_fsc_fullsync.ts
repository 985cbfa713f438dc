/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */

import type { EntryPoints } from 'N/types';
import { fullSyncInput, fullSyncSummarize } from '../netsuite/fullSyncJob';
import { mapStage, reduceStage } from '../netsuite/mapReduceStages';

/** A failed batch is not retried in place: the next run resumes from it. */
export const config = { retryCount: 0, exitOnError: false };

export function getInputData(): Record<string, string> {
  return fullSyncInput();
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
