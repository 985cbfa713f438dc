/**
 * Duplicate merge of customers (Lists > Mass Update > Merge / duplicate detection): contacts and
 * sub-customers of the source move to the survivor (their last-modified dates move), then the
 * source is deleted and logged in the deleted-record log. Whether User Events fire on a merge
 * is [open] (platform doc §3): with `userEventsFireOnMerge` the delete of the source fires
 * DELETE as a UI delete would; by default nothing fires.
 */
import { SuiteScriptError } from '../errors';
import type { NetSuiteRuntime } from '../netSuiteRuntime';
import type { ScriptUser } from '../services';

export interface MergeResult {
  survivorId: number;
  deletedId: number;
  movedContacts: number[];
  movedChildren: number[];
}

export function mergeCustomers(rt: NetSuiteRuntime, sourceId: number, survivorId: number, user: ScriptUser): MergeResult {
  if (String(sourceId) === String(survivorId)) throw new SuiteScriptError('INVALID_MERGE', 'A customer cannot be merged into itself');
  const source = rt.store.get('customer', sourceId);
  rt.store.get('customer', survivorId);
  const movedContacts = rt.store.referencing('contact', 'company', source.id).map((c) => rt.store.update('contact', c.id, { company: String(survivorId) }).id);
  const movedChildren = rt.store.referencing('customer', 'parent', source.id).map((c) => rt.store.update('customer', c.id, { parent: String(survivorId) }).id);
  if (rt.options.userEventsFireOnMerge) {
    rt.recordService.delete('customer', source.id, { executionContext: 'USERINTERFACE', user, runServerScripts: true });
  } else {
    rt.store.remove('customer', source.id, { recordType: rt.recordService.typeName(rt.schemas.get('customer'), source.values.stage), context: 'USERINTERFACE', deletedBy: user.id });
  }
  return { survivorId: Number(survivorId), deletedId: source.id, movedContacts, movedChildren };
}
