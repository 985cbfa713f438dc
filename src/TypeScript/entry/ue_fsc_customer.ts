/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */

import type { EntryPoints } from 'N/types';
import { showSyncSubtab } from '../netsuite/recordSubtab';
import { captureFromUserEvent } from '../netsuite/userEventCapture';

/** The record page (view, edit): a Freshsuccess subtab saying where the record stands. */
export function beforeLoad(context: EntryPoints.UserEvent.beforeLoadContext): void {
  showSyncSubtab('customer', context);
}

/** Customers, leads and prospects: queue a synced change (no HTTP) and nudge the drain. */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  captureFromUserEvent('customer', context);
}
