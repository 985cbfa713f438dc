/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */

import type { EntryPoints } from 'N/types';
import { runReconcile } from '../netsuite/passes';

/** On demand: compare Freshsuccess with NetSuite and queue the differences. */
export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  runReconcile();
}
