/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */

import type { EntryPoints } from 'N/types';
import { afterSettingsSaved } from '../netsuite/settingsUserEvent';

/** Settings saved: lift a pause from a refused key; create and link the state record. */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  afterSettingsSaved(context);
}
