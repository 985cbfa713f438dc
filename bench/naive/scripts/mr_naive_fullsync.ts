/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */

// Naive baseline full sync: getInputData reads every customer, then every contact with a
// company (paged searches, so the 4,000-result cap of run().each is not hit), and each map
// invocation posts ONE record. Customers come first so contacts find their account. No record
// is loaded: the search columns are enough, which keeps this baseline as cheap as a
// one-record-per-request design can be.
import * as format from 'N/format';
import * as search from 'N/search';
import type { EntryPoints } from 'N/types';
import { postOne, withText, type NaiveAccount, type NaiveContact } from './naive_payloads';

type Item = { endpoint: 'accounts'; payload: NaiveAccount } | { endpoint: 'account_contacts'; payload: NaiveContact };

function readAll(type: string, filters: search.Search['filterExpression'], columns: string[], each: (r: search.Result) => void): void {
  const paged = search.create({ type, filters, columns }).runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) paged.fetch({ index: range.index }).data.forEach(each);
}

export function getInputData(): Item[] {
  const items: Item[] = [];
  readAll('customer', [], ['entityid', 'isperson', 'companyname', 'firstname', 'lastname', 'datecreated', 'phone', 'url'], (r) => {
    const v = (name: string) => r.getValue({ name });
    const person = [v('firstname'), v('lastname')].filter((s) => s !== '' && s !== null).join(' ');
    const name = String(v('isperson') === true ? person : v('companyname')) || String(v('entityid'));
    const created = format.parse({ value: String(v('datecreated')), type: format.Type.DATETIME }) as Date;
    const account: NaiveAccount = { account_id: r.id, name, join_date: created.getTime() };
    items.push({ endpoint: 'accounts', payload: withText(account, { phone: v('phone'), website: v('url') }) });
  });
  readAll('contact', [['company', 'noneof', '@NONE@']], ['company', 'firstname', 'lastname', 'email', 'phone', 'title'], (r) => {
    const v = (name: string) => r.getValue({ name });
    const contact: NaiveContact = { account_id: String(v('company')), user_id: r.id };
    items.push({ endpoint: 'account_contacts', payload: withText(contact, { first_name: v('firstname'), last_name: v('lastname'), email: v('email'), phone: v('phone'), title: v('title') }) });
  });
  return items;
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  const item = JSON.parse(context.value) as Item;
  postOne(item.endpoint, item.payload);
}
