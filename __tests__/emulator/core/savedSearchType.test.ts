/**
 * search.Type.SAVED_SEARCH lists the account's saved searches with the columns scripts read:
 * internalid, id (customsearch...), title and recordtype (value: the type id; text: its label).
 */
import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

test('saved searches are searchable: id, title and record type, with filters', () => {
  const rt = fixtureRuntime();
  const first = rt.savedSearches.define({ id: 'customsearch_key_accounts', type: 'customer', title: 'Key accounts' });
  rt.savedSearches.define({ id: 'customsearch_open_contacts', type: 'contact', title: 'Contacts to call' });
  inExecution(rt, () => {
    const search = n(rt, 'N/search');
    expect(search.Type.SAVED_SEARCH).toBe('savedsearch');
    const rows = search.create({ type: search.Type.SAVED_SEARCH, columns: ['internalid', 'id', 'title', 'recordtype'] }).run().getRange({ start: 0, end: 1000 });
    expect(rows.map((r: { getValue(c: string): unknown; getText(c: string): unknown }) => [r.getValue('internalid'), r.getValue('id'), r.getValue('title'), r.getValue('recordtype'), r.getText('recordtype')])).toEqual([
      [String(first), 'customsearch_key_accounts', 'Key accounts', 'customer', 'Customer'],
      [String(first + 1), 'customsearch_open_contacts', 'Contacts to call', 'contact', 'Contact'],
    ]);
    const byTitle = search.create({ type: 'savedsearch', filters: [['title', 'contains', 'call']], columns: ['id'] }).run().getRange({ start: 0, end: 10 });
    expect(byTitle.map((r: { getValue(c: string): unknown }) => r.getValue('id'))).toEqual(['customsearch_open_contacts']);
    // A column saved searches do not have is refused, as on any search type.
    expect(() => search.create({ type: 'savedsearch', columns: ['companyname'] }).run().getRange({ start: 0, end: 1 })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL' }));
  });
});
