/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */

import type { EntryPoints } from 'N/types';
import { refuseInvalidSettings } from '../netsuite/settingsGuard';
import { afterSettingsSaved } from '../netsuite/settingsUserEvent';

/** Any change of the settings, from the page or not, passes the page's validation first. */
export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  refuseInvalidSettings(context);
}

/** Settings saved: lift a pause from a refused key; create and link the state record. */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  afterSettingsSaved(context);
}
