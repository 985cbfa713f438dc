/** After the settings record is saved: lift a pause, make sure the state record exists and is linked. */
import * as record from 'N/record';
import type { EntryPoints } from 'N/types';
import { settingsSaved } from '../app/settingsSaved';
import { logger } from './platform';
import { CONFIG } from './schema';
import { netsuiteStateStore } from './stateStore';
import { lookupValue } from './values';

export function afterSettingsSaved(context: EntryPoints.UserEvent.afterSubmitContext): void {
  const type = String(context.type).toLowerCase();
  if (type !== 'create' && type !== 'edit' && type !== 'xedit') return;
  try {
    const state = netsuiteStateStore();
    settingsSaved({ state, log: logger });
    const stateId = state.id();
    const configId = String(context.newRecord.id);
    const linked = lookupValue(context.newRecord.getValue({ fieldId: CONFIG.stateRecord }));
    // A save inside a User Event fires no other User Event: this write does not loop.
    if (linked !== stateId) record.submitFields({ type: CONFIG.type, id: configId, values: { [CONFIG.stateRecord]: stateId } });
  } catch (e) {
    logger.error('FreshSync could not prepare its state record', String((e as { message?: unknown }).message ?? e));
  }
}
