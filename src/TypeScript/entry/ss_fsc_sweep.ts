/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 */

import type { EntryPoints } from 'N/types';
import { runSweep } from '../netsuite/passes';

/** Every 15 minutes: queue what User Events never saw, then purge old drained entries. */
export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  runSweep();
}
