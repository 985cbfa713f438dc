import type { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

type Row = { id: string; getValue(c: unknown): unknown; getText(c: unknown): unknown; toJSON(): unknown };

function withContacts(count: number): NetSuiteRuntime {
  const rt = fixtureRuntime();
  for (let i = 0; i < count; i++) rt.store.insert('contact', { firstname: `F${i}`, lastname: `L${i}`, entityid: `F${i} L${i}`, isinactive: false });
  return rt;
}

describe('N/search paging and limits', () => {
  test('each stops the script past 4,000 results; stopping earlier is fine', () => {
    const rt = withContacts(4001);
    inExecution(rt, () => {
      const s = n(rt, 'N/search').create({ type: 'contact', columns: ['entityid'] });
      let seen = 0;
      expect(() => s.run().each(() => { seen++; return true; })).toThrow(expect.objectContaining({ name: 'SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED' }));
      expect(seen).toBe(4000);
      let early = 0;
      s.run().each(() => ++early < 10);
      expect(early).toBe(10);
      let undefinedStops = 0;
      s.run().each(() => { undefinedStops++; });
      expect(undefinedStops).toBe(1);
    });
  });

  test('getRange returns at most 1,000 results per call', () => {
    const rt = withContacts(1200);
    inExecution(rt, () => {
      const rs = n(rt, 'N/search').create({ type: 'contact', columns: ['entityid'] }).run();
      expect(rs.getRange({ start: 1000, end: 2000 })).toHaveLength(200);
      expect(() => rs.getRange({ start: 0, end: 1001 })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_RANGE' }));
    });
  });

  test('runPaged: page size 5..1000, count, pageRanges, fetch pages in order', () => {
    const rt = withContacts(23);
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search').create({ type: 'contact', columns: [{ name: 'entityid', sort: 'DESC' }] });
      expect(() => s.runPaged({ pageSize: 4 })).toThrow(expect.objectContaining({ name: 'INVALID_PAGED_DATA_PAGE_SIZE' }));
      expect(() => s.runPaged({ pageSize: 1001 })).toThrow();
      const paged = s.runPaged({ pageSize: 10 });
      const pages = paged.pageRanges.map((r: { index: number }) => paged.fetch({ index: r.index }));
      expect(() => paged.fetch({ index: 3 })).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
      return { count: paged.count, ranges: paged.pageRanges.map((r: { compoundLabel: string }) => r.compoundLabel), sizes: pages.map((p: { data: Row[] }) => p.data.length), last: pages[2].isLast, first: pages[0].data[0].getValue('entityid') };
    });
    expect(out).toEqual({ count: 23, ranges: ['1 – 10', '11 – 20', '21 – 23'], sizes: [10, 10, 3], last: true, first: 'F9 L9' });
  });

  test('sort columns are honoured, ties broken by internal id', () => {
    const rt = fixtureRuntime();
    for (const [name, phone] of [['b', '2'], ['a', '2'], ['c', '1']]) rt.records.create('customer', { companyname: name!, phone });
    const names = inExecution(rt, () =>
      (n(rt, 'N/search').create({ type: 'customer', columns: [{ name: 'phone', sort: 'ASC' }, { name: 'companyname', sort: 'DESC' }] }).run().getRange({ start: 0, end: 10 }) as Row[]).map((r) => r.getValue('companyname')),
    );
    expect(names).toEqual(['c', 'b', 'a']);
  });
});

describe('N/search values, dates and lookups', () => {
  function account() {
    const rt = fixtureRuntime();
    const rep = rt.records.create('employee', { firstname: 'Sam', lastname: 'Seller', email: 'sam@corp.example' });
    const a = rt.records.create('customer', { companyname: 'Early', salesrep: rep });
    rt.clock.advance(2 * 86_400_000 + 3_600_000); // 1/7/2026 10:00 UTC
    const b = rt.records.create('customer', { companyname: 'Later', isinactive: true });
    return { rt, rep, a, b };
  }

  test('date operators read user-format dates: on, before, after, onorafter, within, relative', () => {
    const { rt } = account();
    const names = (filters: unknown) =>
      inExecution(rt, () => (n(rt, 'N/search').create({ type: 'customer', filters, columns: ['companyname'] }).run().getRange({ start: 0, end: 10 }) as Row[]).map((r) => r.getValue('companyname')));
    expect(names([['datecreated', 'on', '1/5/2026']])).toEqual(['Early']);
    expect(names([['datecreated', 'after', '1/5/2026']])).toEqual(['Later']);
    expect(names([['datecreated', 'before', '1/7/2026']])).toEqual(['Early']);
    expect(names([['datecreated', 'onorafter', '1/7/2026 10:00 am']])).toEqual(['Later']);
    expect(names([['lastmodifieddate', 'after', '1/7/2026 9:59 am']])).toEqual(['Later']);
    expect(names([['datecreated', 'within', '1/4/2026', '1/6/2026']])).toEqual(['Early']);
    expect(names([['datecreated', 'on', 'today']])).toEqual(['Later']);
    expect(names([['datecreated', 'onorafter', 'daysago2']])).toEqual(['Early', 'Later']);
    expect(() => names([['datecreated', 'on', '2026-01-05']])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER' }));
  });

  test('result values: dates formatted for the user, checkboxes boolean, selects id + text', () => {
    const { rt, rep, b } = account();
    const row = inExecution(rt, () => n(rt, 'N/search').create({ type: 'customer', filters: [['internalid', 'anyof', b]], columns: ['datecreated', 'isinactive', 'salesrep', 'stage', 'internalid'] }).run().getRange({ start: 0, end: 1 })[0] as Row);
    expect(row.getValue('datecreated')).toBe('1/7/2026 10:00 am');
    expect(row.getValue('isinactive')).toBe(true);
    expect(row.getValue('salesrep')).toBe('');
    expect(row.getValue('stage')).toBe('CUSTOMER');
    expect(row.getText('stage')).toBe('Customer');
    expect(row.getValue('internalid')).toBe(String(b));
    expect(row.getValue('nosuchcolumn')).toBeNull();
    void rep;
  });

  test('lookupFields: strings, booleans, selects as [{value, text}], joins, {} for a missing record', () => {
    const { rt, rep, a } = account();
    const got = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      return [
        s.lookupFields({ type: 'customer', id: a, columns: ['companyname', 'isinactive', 'salesrep', 'salesrep.email', 'parent'] }),
        s.lookupFields({ type: 'customer', id: 999999, columns: ['companyname'] }),
      ];
    });
    expect(got[0]).toEqual({ companyname: 'Early', isinactive: false, salesrep: [{ value: String(rep), text: 'Sam Seller' }], 'salesrep.email': 'sam@corp.example', parent: [] });
    expect(got[1]).toEqual({});
  });

  test('deleted records: search.Type.DELETED_RECORD lists deletions with type, name, date and context', () => {
    const { rt, a } = account();
    rt.clock.advance(60_000);
    rt.webServices.delete('customer', a);
    const rows = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      return (s.create({ type: s.Type.DELETED_RECORD, filters: [['deleteddate', 'onorafter', 'today'], 'AND', ['recordtype', 'anyof', 'customer']], columns: ['recordid', 'recordtype', 'name', 'deleteddate', 'context'] }).run().getRange({ start: 0, end: 10 }) as Row[]).map((r) => [r.getValue('recordid'), r.getValue('recordtype'), r.getValue('name'), r.getValue('deleteddate'), r.getValue('context')]);
    });
    expect(rows).toEqual([[String(a), 'customer', 'Early', '1/7/2026 10:01 am', 'WEBSERVICES']]);
  });

  test('saved searches: defined by tests, loaded by id, filters extended by the script; Search.save', () => {
    const { rt } = account();
    rt.savedSearches.define({ id: 'customsearch_fx_active', type: 'customer', title: 'Active', filters: [['isinactive', 'is', 'F']], columns: ['companyname'] });
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      const loaded = s.load({ id: 'customsearch_fx_active' });
      const names = (loaded.run().getRange({ start: 0, end: 10 }) as Row[]).map((r) => r.getValue('companyname'));
      loaded.filterExpression = [...loaded.filterExpression, 'AND', ['companyname', 'is', 'nobody']];
      const none = loaded.run().getRange({ start: 0, end: 10 }).length;
      const mine = s.create({ type: 'contact', title: 'Mine', columns: ['entityid'] });
      const internalId = mine.save();
      return { names, none, internalId, id: mine.id, missing: (() => { try { s.load({ id: 'customsearch_nope' }); return 'loaded'; } catch (e) { return (e as Error).name; } })() };
    });
    expect(out.names).toEqual(['Early']);
    expect(out.none).toBe(0);
    expect(out.id).toMatch(/^customsearch/);
    expect(rt.savedSearches.find(out.id)?.internalId).toBe(out.internalId);
    expect(out.missing).toBe('INVALID_SEARCH');
  });

  test('filters as Filter objects and plain objects; Result.toJSON shape', () => {
    const { rt, rep } = account();
    const json = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      const filters = [s.createFilter({ name: 'isinactive', operator: s.Operator.IS, values: false }), { name: 'email', join: 'salesrep', operator: 'contains', values: 'corp' }];
      return (s.create({ type: 'customer', filters, columns: ['companyname', 'salesrep', { name: 'email', join: 'salesrep' }] }).run().getRange({ start: 0, end: 5 }) as Row[]).map((r) => r.toJSON());
    });
    expect(json).toEqual([{ recordType: 'customer', id: expect.any(String), values: { companyname: 'Early', salesrep: [{ value: String(rep), text: 'Sam Seller' }], 'email.salesrep': 'sam@corp.example' } }]);
  });
});

describe('Search.filters and filterExpression stay in step', () => {
  test('a Filter pushed onto a loaded expression search is ANDed with it; lists read back as expressions', () => {
    const rt = fixtureRuntime();
    for (const [name, inactive] of [['A1', false], ['A2', true], ['B1', false]] as const) rt.records.create('customer', { companyname: name, isinactive: inactive });
    rt.savedSearches.define({ id: 'customsearch_fx_or', type: 'customer', filters: [['companyname', 'startswith', 'A'], 'OR', ['companyname', 'is', 'B1']], columns: ['companyname'] });
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      const loaded = s.load({ id: 'customsearch_fx_or' });
      const terms = loaded.filters.map((f: { name: string }) => f.name);
      loaded.filters.push(s.createFilter({ name: 'isinactive', operator: 'is', values: 'F' }));
      const names = (loaded.run().getRange({ start: 0, end: 10 }) as Row[]).map((r) => r.getValue('companyname'));
      const listed = s.create({ type: 'customer', filters: [s.createFilter({ name: 'email', join: 'salesrep', operator: 'isempty' }), { name: 'isinactive', operator: 'is', values: 'F' }] });
      return { terms, names, expr: loaded.filterExpression, listedExpr: listed.filterExpression };
    });
    expect(out.terms).toEqual(['companyname', 'companyname']);
    expect(out.names).toEqual(['A1', 'B1']);
    expect(out.expr).toEqual([[['companyname', 'startswith', 'A'], 'OR', ['companyname', 'is', 'B1']], 'AND', ['isinactive', 'is', 'F']]);
    expect(out.listedExpr).toEqual([['salesrep.email', 'isempty'], 'AND', ['isinactive', 'is', 'F']]);
  });
});

describe('summary searches', () => {
  test('GROUP with COUNT, SUM, MAX; sorted by group; a column without summary is refused', () => {
    const rt = fixtureRuntime();
    const a = rt.records.create('customer', { companyname: 'Alpha' });
    const b = rt.records.create('customer', { companyname: 'Beta' });
    for (const company of [b, a, b, b]) rt.records.create('contact', { firstname: 'X', lastname: 'Y', company });
    rt.records.create('contact', { firstname: 'No', lastname: 'Company' });
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      const grouped = (s.create({
        type: 'contact',
        filters: [['company', 'noneof', '@NONE@']],
        columns: [s.createColumn({ name: 'company', summary: 'GROUP' }), s.createColumn({ name: 'internalid', summary: s.Summary.COUNT }), { name: 'datecreated', summary: 'MAX' }],
      }).run().getRange({ start: 0, end: 10 }) as Row[]).map((r) => [r.id, r.getText({ name: 'company', summary: 'GROUP' }), r.getValue({ name: 'internalid', summary: 'COUNT' }), r.getValue({ name: 'datecreated', summary: 'MAX' })]);
      const all = s.create({ type: 'contact', columns: [{ name: 'internalid', summary: 'COUNT' }] }).run().getRange({ start: 0, end: 5 }) as Row[];
      const none = s.create({ type: 'contact', filters: [['email', 'isnotempty', '']], columns: [{ name: 'internalid', summary: 'COUNT' }] }).run().getRange({ start: 0, end: 5 }).length;
      const total = [all.map((r) => r.getValue({ name: 'internalid', summary: 'COUNT' })), none];
      const mixed = () => s.create({ type: 'contact', columns: [{ name: 'company', summary: 'GROUP' }, 'email'] }).run().getRange({ start: 0, end: 1 });
      return { grouped, total, mixed };
    });
    expect(out.grouped).toEqual([[null, 'Alpha', '1', '1/5/2026 9:00 am'], [null, 'Beta', '3', '1/5/2026 9:00 am']]);
    expect(out.total).toEqual([['5'], 0]);
    expect(inExecution(rt, () => { try { out.mixed(); return 'ran'; } catch (e) { return (e as Error).name; } })).toBe('SSS_INVALID_SRCH_COL');
  });
});
