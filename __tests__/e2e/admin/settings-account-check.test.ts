/**
 * Settings checked against the account before saving, with the searches the drain runs: a custom
 * field id that is no field of this account, or a saved search that does not exist, is refused at
 * its field with NetSuite's words, what was typed stays on the page, and nothing is saved.
 */
import { CONFIG } from '../support/syncHarness';
import { AdminClient, fieldErrors, messages } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 2, contacts: 0 } });
  a.h.configure({});
  a.h.rt.defineEntityField({ scriptId: 'custentity_real_tier', label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
  a.h.rt.savedSearches.define({ id: 'customsearch_fsc_real_scope', type: 'customer', title: 'Active customers', filters: [['isinactive', 'is', 'F']], columns: ['entityid'] });
  a.h.rt.savedSearches.define({ id: 'customsearch_fsc_contacts', type: 'contact', title: 'Contacts to call', columns: ['entityid'] });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const stored = () => JSON.stringify(a.configRows()[0]?.values);
const row = (col: string) => `custpage_custom_fields[0][${col}]`;

test('a custom field id that is no field of this account is refused at the custom fields, nothing saved', async () => {
  const before = stored();
  // Not offered by the select; a post can still name it (or a field deleted since stays stored).
  const page = await a.submit({ set: { [row('custpage_cf_choice')]: 'customer:custentity_typo_tier:text' }, submit: 'Save settings' });
  expect(fieldErrors(page.html).find((m) => m.startsWith('Custom fields sent as dimensions'))).toMatch(/NetSuite refused it: .*custentity_typo_tier/);
  // Shown back chosen, named as no field of this account.
  expect(page.html).toMatch(/<option value="customer:custentity_typo_tier:text" selected>Customer: custentity_typo_tier sent as text: not a customer field of this account that fits<\/option>/);
  expect(stored()).toBe(before);

  const fixed = await a.submit({ set: { [row('custpage_cf_choice')]: 'customer:custentity_real_tier:text' }, submit: 'Save settings' }, page);
  expect(messages(fixed.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(String(a.configRows()[0]?.values[CONFIG.mappingJson])).toContain('custentity_real_tier');
});

test('a saved search that does not exist is refused at the saved search scope; one that exists is saved', async () => {
  const before = stored();
  const page = await a.submit({ set: { custpage_saved_search: 'customsearch_fsc_gone' }, submit: 'Save settings' });
  expect(fieldErrors(page.html).find((m) => m.startsWith('Saved search scope'))).toMatch(/NetSuite refused it/);
  expect(stored()).toBe(before);
  const ok = await a.submit({ set: { custpage_saved_search: 'customsearch_fsc_real_scope' }, submit: 'Save settings' }, page);
  expect(messages(ok.html).statuses.join(' ')).toMatch(/Settings saved/);
});

/** The saved-search scope's options as the page lists them: [value, text, selected]. */
function savedSearchOptions(html: string): Array<[string, string, boolean]> {
  const select = /<select[^>]*name="custpage_saved_search"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[3]!, m[2] !== undefined]);
}

test("the saved-search scope is picked from the account's customer saved searches; a stored one that is gone stays visible", async () => {
  // Only customer searches, by title; the saved one selected (stored by internal id here, as older settings may be).
  const internalId = String(a.h.rt.savedSearches.find('customsearch_fsc_real_scope')!.internalId);
  a.h.configure({ scopeSavedSearch: internalId });
  expect(savedSearchOptions((await a.get()).html)).toEqual([
    ['', 'None: no saved search narrows the scope', false],
    ['customsearch_fsc_real_scope', 'Active customers (customsearch_fsc_real_scope)', true],
  ]);
  // The search is deleted: the page still shows it chosen, by its id, and saving again says why it cannot be.
  a.h.rt.savedSearches.define({ id: 'customsearch_fsc_short_lived', type: 'customer', title: 'Short lived', columns: ['entityid'] });
  a.h.configure({ scopeSavedSearch: 'customsearch_fsc_short_lived' });
  a.h.rt.savedSearches.remove('customsearch_fsc_short_lived');
  const page = await a.get();
  expect(savedSearchOptions(page.html).filter(([, , selected]) => selected)).toEqual([['customsearch_fsc_short_lived', "customsearch_fsc_short_lived: not among this account&#39;s customer saved searches", true]]);
  const refused = await a.submit({ submit: 'Save settings' }, page);
  expect(fieldErrors(refused.html).find((m) => m.startsWith('Saved search scope'))).toMatch(/NetSuite refused it/);
  // Choosing none saves an empty scope.
  const none = await a.submit({ set: { custpage_saved_search: '' }, submit: 'Save settings' }, refused);
  expect(messages(none.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(a.configRows()[0]?.values[CONFIG.scopeSavedSearch] ?? '').toBe('');
});
