/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */

// Naive baseline: every contact save loads the record and posts it to Freshsuccess at once.
// Contacts without a company have no account to belong to and are skipped.
import * as record from 'N/record';
import type { EntryPoints } from 'N/types';
import { postOne, withText, type NaiveContact } from './naive_payloads';

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  if (context.type === context.UserEventType.DELETE) return;
  const contact = record.load({ type: record.Type.CONTACT, id: context.newRecord.id });
  const value = (fieldId: string) => contact.getValue({ fieldId });
  const company = String(value('company') ?? '');
  if (company === '') return;
  const payload: NaiveContact = { account_id: company, user_id: String(contact.id) };
  postOne('account_contacts', withText(payload, { first_name: value('firstname'), last_name: value('lastname'), email: value('email'), phone: value('phone'), title: value('title') }));
}
