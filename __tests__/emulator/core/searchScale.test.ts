/**
 * The runtime's search and store at account sizes: large sorts, keyset paging on internal id,
 * results evaluated once per ResultSet, and records that readers cannot change.
 */
import type { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

type Row = { id: string; getValue(c: unknown): unknown };

function withContacts(count: number, name = (i: number) => `F${i}`): NetSuiteRuntime {
  const rt = fixtureRuntime();
  for (let i = 0; i < count; i++) rt.store.insert('contact', { firstname: name(i), lastname: 'L', entityid: `${name(i)} L`, isinactive: i % 3 === 0 });
  return rt;
}

describe('N/search at scale', () => {
  test('a search sorted on a text column over 130,000 rows returns them in order (no call-stack limit)', () => {
    const total = 130_000;
    // Names in reverse of id order, so the sort really moves every row.
    const rt = withContacts(total, (i) => `N${String(total - i).padStart(6, '0')}`);
    const out = inExecution(rt, () => {
      const paged = n(rt, 'N/search').create({ type: 'contact', columns: [{ name: 'firstname', sort: 'ASC' }] }).runPaged({ pageSize: 1000 });
      const first = paged.fetch({ index: 0 }).data as Row[];
      const last = paged.fetch({ index: paged.pageRanges.length - 1 }).data as Row[];
      return { count: paged.count, first: first[0]!.getValue('firstname'), last: last[last.length - 1]!.getValue('firstname') };
    });
    expect(out).toEqual({ count: total, first: 'N000001', last: `N${String(total)}` });
  });

  test('keyset paging (internal id above the last seen, sorted by internal id) reads every match once, in order', () => {
    const rt = withContacts(9_500);
    const expected = rt.store.rows('contact').filter((r) => r.values.isinactive !== true).map((r) => String(r.id));
    const seen = inExecution(rt, () => {
      const search = n(rt, 'N/search');
      const ids: string[] = [];
      let after = 0;
      for (let pages = 0; pages < 10; pages++) {
        const filters: unknown[] = [['isinactive', 'is', 'F']];
        if (after > 0) filters.push('AND', ['internalidnumber', 'greaterthan', after]);
        let read = 0;
        search.create({ type: 'contact', filters, columns: [{ name: 'internalid', sort: 'ASC' }, 'firstname'] }).run().each((r: Row) => {
          ids.push(r.id);
          after = Number(r.id);
          return ++read < 1000;
        });
        if (read < 1000) break;
      }
      return ids;
    });
    expect(expected.length).toBeGreaterThan(6000);
    expect(seen).toEqual(expected);
  });

  test('internalidnumber greaterthanorequalto and equalto bounds keep the boundary row', () => {
    const rt = withContacts(50);
    const ids = rt.store.rows('contact').map((r) => r.id);
    const pick = ids[20]!;
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      const read = (op: string) => (s.create({ type: 'contact', filters: [['internalidnumber', op, String(pick)]], columns: ['internalid'] }).run().getRange({ start: 0, end: 100 }) as Row[]).map((r) => Number(r.id));
      return { gte: read('greaterthanorequalto'), eq: read('equalto'), gt: read('greaterthan') };
    });
    expect(out.gte).toEqual(ids.slice(20));
    expect(out.eq).toEqual([pick]);
    expect(out.gt).toEqual(ids.slice(21));
  });

  test('upper internal-id bounds (lessthan, lessthanorequalto), alone, with a lower bound or in a group, keep exactly the rows they match', () => {
    const rt = withContacts(60);
    const ids = rt.store.rows('contact').map((r) => r.id);
    const [low, high] = [ids[10]!, ids[40]!];
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search');
      const read = (filters: unknown[]) => (s.create({ type: 'contact', filters, columns: [{ name: 'internalid', sort: 'ASC' }] }).run().getRange({ start: 0, end: 1000 }) as Row[]).map((r) => Number(r.id));
      return {
        lt: read([['internalidnumber', 'lessthan', String(high)]]),
        lte: read([['internalidnumber', 'lessthanorequalto', high]]),
        between: read([['internalidnumber', 'greaterthan', low], 'AND', ['internalidnumber', 'lessthanorequalto', high]]),
        grouped: read([[['internalidnumber', 'greaterthan', low], 'OR', ['isinactive', 'is', 'T']], 'AND', ['internalidnumber', 'lessthanorequalto', high]]),
      };
    });
    const inactive = new Set(rt.store.rows('contact').filter((r) => r.values.isinactive === true).map((r) => r.id));
    expect(out.lt).toEqual(ids.slice(0, 40));
    expect(out.lte).toEqual(ids.slice(0, 41));
    expect(out.between).toEqual(ids.slice(11, 41));
    expect(out.grouped).toEqual(ids.filter((id, i) => i <= 40 && (i > 10 || inactive.has(id))));
  });

  test('runPaged returns at most 1,000 pages; count stays the number of results', () => {
    const rt = withContacts(5_010);
    const out = inExecution(rt, () => {
      const paged = n(rt, 'N/search').create({ type: 'contact', columns: [{ name: 'internalid', sort: 'ASC' }] }).runPaged({ pageSize: 5 });
      let lastError = '';
      try {
        paged.fetch({ index: 1000 });
      } catch (e) {
        lastError = (e as { name: string }).name;
      }
      return { count: paged.count, pages: paged.pageRanges.length, lastPage: (paged.fetch({ index: 999 }).data as Row[]).length, lastError };
    });
    expect(out).toEqual({ count: 5_010, pages: 1000, lastPage: 5, lastError: 'INVALID_PAGE_RANGE' });
  });

  test('text columns of results are cut at 4,000 bytes, whole characters only', () => {
    const rt = fixtureRuntime();
    // 1,999 two-byte characters then a three-byte one: 4,001 bytes, cut before the last character.
    const long = `${'é'.repeat(1999)}€`;
    const id = rt.store.insert('customer', { companyname: 'Acme', entityid: 'Acme', stage: 'CUSTOMER', subsidiary: '1', isinactive: false, comments: long }).id;
    const got = inExecution(rt, () => n(rt, 'N/search').lookupFields({ type: 'customer', id, columns: ['comments'] }).comments as string);
    const viaSearch = inExecution(rt, () => (n(rt, 'N/search').create({ type: 'customer', columns: ['comments'] }).run().getRange({ start: 0, end: 1 }) as Row[])[0]!.getValue('comments') as string);
    expect(viaSearch).toBe('é'.repeat(1999));
    expect(Buffer.byteLength(viaSearch)).toBe(3998);
    expect(got).toBe(viaSearch);
  });

  test('a ResultSet is evaluated once: a later read of it pages over the same result, a new run sees changes', () => {
    const rt = withContacts(30);
    const out = inExecution(rt, () => {
      const s = n(rt, 'N/search').create({ type: 'contact', filters: [['isinactive', 'is', 'F']], columns: ['internalid'] });
      const rs = s.run();
      const before = (rs.getRange({ start: 0, end: 100 }) as Row[]).length;
      n(rt, 'N/record').submitFields({ type: 'contact', id: rt.store.rows('contact')[0]!.id, values: { isinactive: false } });
      const sameSet = (rs.getRange({ start: 0, end: 100 }) as Row[]).length;
      const fresh = (s.run().getRange({ start: 0, end: 100 }) as Row[]).length;
      return { before, sameSet, fresh };
    });
    expect(out).toEqual({ before: 20, sameSet: 20, fresh: 21 });
  });
});

describe('record store reads', () => {
  test('stored records are frozen snapshots: a reader cannot change the store through them', () => {
    const rt = fixtureRuntime();
    const id = rt.store.insert('contact', { firstname: 'Ada', lastname: 'L', entityid: 'Ada L', isinactive: false, subsidiary: '1' }).id;
    const read = rt.store.get('contact', id);
    expect(() => {
      (read.values as Record<string, unknown>).firstname = 'Eve';
    }).toThrow(TypeError);
    const loadedName = inExecution(rt, () => {
      const rec = n(rt, 'N/record').load({ type: 'contact', id });
      rec.setValue({ fieldId: 'firstname', value: 'Eve' });
      return rec.getValue({ fieldId: 'firstname' });
    });
    expect(loadedName).toBe('Eve');
    expect(rt.store.get('contact', id).values.firstname).toBe('Ada');
  });

  test('a write makes a new snapshot; what was read before keeps its values', () => {
    const rt = fixtureRuntime();
    const id = rt.store.insert('contact', { firstname: 'Ada', lastname: 'L', entityid: 'Ada L', isinactive: false }).id;
    const before = rt.store.get('contact', id);
    rt.store.update('contact', id, { firstname: 'Grace' });
    expect(before.values.firstname).toBe('Ada');
    expect(rt.store.get('contact', id).values.firstname).toBe('Grace');
    expect(rt.store.get('contact', id).version).toBe((before.version ?? 1) + 1);
  });
});
