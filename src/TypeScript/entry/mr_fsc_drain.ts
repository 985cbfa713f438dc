/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */

import type { EntryPoints } from 'N/types';
import { drainInput, drainSummarize } from '../netsuite/drainJob';
import { mapStage, reduceStage } from '../netsuite/mapReduceStages';

/** A failed batch is not retried in place: summarize keeps the cursor below it and it is read again. */
export const config = { retryCount: 0, exitOnError: false };

export function getInputData(): Record<string, string> {
  return drainInput();
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
