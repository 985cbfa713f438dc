/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */

import type { EntryPoints } from 'N/types';
import { reconcileInput, reconcileMapStage, reconcileReduceStage, reconcileSummarize } from '../netsuite/reconcileJob';

// No `config` export: a failed page or range is not retried in place; summarize reports the run
// incomplete and queues nothing, and the administrator starts it again.

/** On demand: compare Freshsuccess with NetSuite and queue the differences. */
export function getInputData(_context: EntryPoints.MapReduce.getInputDataContext): Record<string, string> {
  return reconcileInput();
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  reconcileMapStage(context);
}

export function reduce(context: EntryPoints.MapReduce.reduceContext): void {
  reconcileReduceStage(context);
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  reconcileSummarize(summary);
}
