/**
 * @NApiVersion 2.1
 * @NScriptType ClientScript
 */

import type { EntryPoints } from 'N/types';
import { changesWhatApplies, showFieldsThatApply } from '../netsuite/adminFormClient';
import { previewOnEnter } from '../netsuite/adminPreviewClient';
import { followProgress } from '../netsuite/adminProgressClient';

/** The admin page opened: show only the settings fields that apply, follow what runs, preview on Enter. */
export function pageInit(context: EntryPoints.Client.pageInitContext): void {
  showFieldsThatApply(context.currentRecord);
  followProgress();
  previewOnEnter();
}

/** A choice changed (how the key is kept, where the account id comes from): show what applies now. */
export function fieldChanged(context: EntryPoints.Client.fieldChangedContext): void {
  if (!context.sublistId && changesWhatApplies(context.fieldId)) showFieldsThatApply(context.currentRecord);
}
