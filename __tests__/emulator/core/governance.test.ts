import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

/** Units one call costs, measured on the running meter. */
function cost(rt: ReturnType<typeof fixtureRuntime>, call: () => unknown): number {
  return inExecution(rt, (ex) => {
    const before = ex.meter.used;
    call();
    return ex.meter.used - before;
  });
}

describe('usage units per call (platform §1)', () => {
  const rt = fixtureRuntime();
  const customer = rt.records.create('customer', { companyname: 'Costly Co' });
  const fx = rt.records.create('customrecord_fx_seen', { name: 'row', custrecord_fx_event: 'x' });
  const record = () => n(rt, 'N/record');
  const search = () => n(rt, 'N/search');

  test.each([
    ['record.load customer', () => record().load({ type: 'customer', id: customer }), 5],
    ['record.create customer', () => record().create({ type: 'customer' }), 5],
    ['record.copy customer', () => record().copy({ type: 'customer', id: customer }), 5],
    ['record.submitFields customer', () => record().submitFields({ type: 'customer', id: customer, values: { phone: '1' } }), 5],
    ['Record.save customer (load + save)', () => record().load({ type: 'customer', id: customer }).save(), 15],
    ['record.load custom record', () => record().load({ type: 'customrecord_fx_seen', id: fx }), 2],
    ['record.submitFields custom record', () => record().submitFields({ type: 'customrecord_fx_seen', id: fx, values: { custrecord_fx_event: 'y' } }), 2],
    ['Record.save custom record (create + save)', () => record().create({ type: 'customrecord_fx_seen' }).setValue({ fieldId: 'name', value: 'n' }).save(), 6],
    ['record.delete custom record', () => record().delete({ type: 'customrecord_fx_seen', id: record().create({ type: 'customrecord_fx_seen' }).save() }), 2 + 4 + 4],
    ['record.delete contact', () => record().delete({ type: 'contact', id: record().create({ type: 'contact', defaultValues: { firstname: 'A', lastname: 'B' } }).save() }), 5 + 10 + 10],
    ['search.create', () => search().create({ type: 'customer', columns: ['entityid'] }), 0],
    ['ResultSet.each', () => search().create({ type: 'customer' }).run().each(() => true), 10],
    ['ResultSet.getRange', () => search().create({ type: 'customer' }).run().getRange({ start: 0, end: 5 }), 10],
    ['Search.runPaged', () => search().create({ type: 'customer' }).runPaged({ pageSize: 5 }), 5],
    ['runPaged + fetch', () => search().create({ type: 'customer' }).runPaged({ pageSize: 5 }).fetch({ index: 0 }), 10],
    ['search.lookupFields', () => search().lookupFields({ type: 'customer', id: customer, columns: ['entityid', 'salesrep'] }), 1],
    ['Search.save', () => Object.assign(search().create({ type: 'customer' }), { title: 'Saved' }).save(), 5],
    ['search.load', () => search().load({ id: 'customsearch_fx' }), 5],
    ['email.send', () => n(rt, 'N/email').send({ author: rt.admin.id, recipients: ['a@example.com'], subject: 's', body: 'b' }), 20],
    ['email.sendBulk', () => n(rt, 'N/email').sendBulk({ author: rt.admin.id, recipients: ['a@example.com'], subject: 's', body: 'b' }), 10],
    ['N/log + N/runtime', () => { n(rt, 'N/log').debug('t', 'd'); n(rt, 'N/runtime').getCurrentScript().getRemainingUsage(); }, 0],
  ])('%s', (_label, call, units) => {
    rt.savedSearches.define({ id: 'customsearch_fx', type: 'customer', columns: ['entityid'] });
    expect(cost(rt, call)).toBe(units);
  });

  test('N/cache: get 1, get with a loader on a miss 2, put 1, remove 1', () => {
    const units = inExecution(rt, (ex) => {
      const cache = n(rt, 'N/cache').getCache({ name: 'c' });
      const steps: number[] = [];
      const step = (f: () => unknown) => { const b = ex.meter.used; f(); steps.push(ex.meter.used - b); };
      step(() => cache.get({ key: 'k' }));
      step(() => cache.get({ key: 'k', loader: () => 'v' }));
      step(() => cache.get({ key: 'k', loader: () => 'v' }));
      step(() => cache.put({ key: 'k2', value: 'x' }));
      step(() => cache.remove({ key: 'k2' }));
      return steps;
    });
    expect(units).toEqual([1, 2, 1, 1, 1]);
  });

  test('going over the limit throws SSS_USAGE_LIMIT_EXCEEDED and debits nothing more', () => {
    const outcome = inExecution(rt, (ex) => {
      const s = n(rt, 'N/search');
      let calls = 0;
      try {
        for (;;) { s.lookupFields({ type: 'customer', id: customer, columns: 'entityid' }); calls++; }
      } catch (e) {
        return { name: (e as Error).name, calls, used: ex.meter.used, remaining: n(rt, 'N/runtime').getCurrentScript().getRemainingUsage() };
      }
    });
    expect(outcome).toEqual({ name: 'SSS_USAGE_LIMIT_EXCEEDED', calls: 10000, used: 10000, remaining: 0 });
  });

  test('the ledger totals units per script and API', () => {
    const fresh = fixtureRuntime();
    const id = fresh.records.create('customer', { companyname: 'Ledger' });
    inExecution(fresh, () => {
      n(fresh, 'N/record').load({ type: 'customer', id });
      n(fresh, 'N/search').lookupFields({ type: 'customer', id, columns: 'entityid' });
    });
    expect(fresh.ledger.total({ scriptId: 'customscript_fx_probe' })).toEqual({ units: 6, invocations: 1, byApi: { 'N/record.load': 5, 'N/search.lookupFields': 1 } });
  });
});

describe('after the limit', () => {
  test('a caught SSS_USAGE_LIMIT_EXCEEDED leaves nothing to spend: the next metered call fails too', () => {
    const rt = fixtureRuntime();
    const id = rt.records.create('customer', { companyname: 'Spent' });
    const outcome = inExecution(rt, (ex) => {
      const record = n(rt, 'N/record');
      const search = n(rt, 'N/search');
      for (let i = 0; i < 1999; i++) record.load({ type: 'customer', id }); // 9,995 units
      // A 10-unit call fails with 5 left; a 1-unit call would fit, but the run is over.
      try { search.create({ type: 'customer' }).run().getRange({ start: 0, end: 1 }); } catch { /* swallowed, as careless code does */ }
      let second = 'passed';
      try { search.lookupFields({ type: 'customer', id, columns: 'entityid' }); } catch (e) { second = (e as Error).name; }
      return { second, used: ex.meter.used, remaining: n(rt, 'N/runtime').getCurrentScript().getRemainingUsage() };
    });
    expect(outcome).toEqual({ second: 'SSS_USAGE_LIMIT_EXCEEDED', used: 9995, remaining: 0 });
  });
});
