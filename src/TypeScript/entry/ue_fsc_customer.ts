/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */

import type { EntryPoints } from 'N/types';
import { captureFromUserEvent } from '../netsuite/userEventCapture';

/** Customers, leads and prospects: queue a synced change (no HTTP) and nudge the drain. */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  captureFromUserEvent('customer', context);
}
