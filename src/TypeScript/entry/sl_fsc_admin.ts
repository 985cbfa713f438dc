/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 */

import type { EntryPoints } from 'N/types';
import { handleAdminRequest } from '../netsuite/adminSuitelet';

/** The FreshSync administrator page: GET shows it, POST saves or acts and comes back. */
export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  handleAdminRequest(context);
}
