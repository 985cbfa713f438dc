/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */

import type { EntryPoints } from 'N/types';
import { captureFromUserEvent } from '../netsuite/userEventCapture';

/** Contacts: queue a synced change (no HTTP) and nudge the drain. */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  captureFromUserEvent('contact', context);
}
