/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

// Naive baseline: every customer save loads the record and posts it to Freshsuccess at once,
// inside the save (the user waits for the remote call; a burst of saves is a burst of requests).
import * as record from 'N/record';
import type { EntryPoints } from 'N/types';
import { postOne, withText, type NaiveAccount } from './naive_payloads';

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  if (context.type === context.UserEventType.DELETE) return;
  const customer = record.load({ type: record.Type.CUSTOMER, id: context.newRecord.id });
  const value = (fieldId: string) => customer.getValue({ fieldId });
  const person = [value('firstname'), value('lastname')].filter((s) => s !== '' && s !== null).join(' ');
  const name = String(value('isperson') === true ? person : value('companyname')) || String(value('entityid'));
  const account: NaiveAccount = { account_id: String(customer.id), name, join_date: (value('datecreated') as Date).getTime() };
  postOne('accounts', withText(account, { phone: value('phone'), website: value('url') }));
}
