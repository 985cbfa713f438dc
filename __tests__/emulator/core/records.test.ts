import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

type Rec = {
  id: number | null; type: string; isDynamic: boolean;
  getValue(o: unknown): unknown; setValue(o: unknown): Rec; getText(o: unknown): unknown; setText(o: unknown): Rec;
  getFields(): string[]; save(o?: unknown): number; getLineCount(o: unknown): number;
  getSublistValue(o: unknown): unknown; getSublistSubrecord(o: unknown): { getValue(o: unknown): unknown };
};

describe('N/record and the record store', () => {
  test('create/save assigns entity ids from one sequence, system dates from the clock', () => {
    const rt = fixtureRuntime();
    const [cust, contact] = inExecution(rt, () => {
      const record = n(rt, 'N/record');
      const c = record.create({ type: record.Type.CUSTOMER }) as Rec;
      c.setValue({ fieldId: 'companyname', value: 'Société Générale' });
      const id = c.save();
      const k = record.create({ type: 'contact', isDynamic: true }) as Rec;
      k.setValue({ fieldId: 'firstname', value: 'Zoë' }).setValue({ fieldId: 'lastname', value: 'Ångström' }).setValue({ fieldId: 'company', value: id });
      return [id, k.save()];
    });
    expect(contact).toBe(cust + 1);
    const c = rt.records.get('customer', cust)!;
    expect(c.values).toMatchObject({ entityid: 'Société Générale', stage: 'CUSTOMER', entitystatus: '13', subsidiary: '1', isperson: false });
    expect(c.values.datecreated).toEqual(rt.clock.now());
    expect(rt.records.get('contact', contact)!.values).toMatchObject({ entityid: 'Zoë Ångström', company: String(cust) });
  });

  test('the store holds dates as milliseconds; a Record, a search and rt.records see them as dates', () => {
    const rt = fixtureRuntime();
    const id = rt.records.create('customer', { companyname: 'Dated Ltd' });
    const createdAt = rt.clock.nowMs();
    rt.clock.advance(3 * 86_400_000);
    rt.records.update('customer', id, { phone: '+1 555 0100' });
    const stored = rt.store.get('customer', id).values;
    expect(stored.datecreated).toBe(createdAt);
    expect(stored.lastmodifieddate).toBe(rt.clock.nowMs());
    expect(rt.records.get('customer', id)!.values.datecreated).toEqual(new Date(createdAt));
    const seen = inExecution(rt, () => {
      const r = n(rt, 'N/record').load({ type: 'customer', id }) as Rec;
      const search = n(rt, 'N/search');
      const hits = search.create({ type: 'customer', filters: [['internalid', 'anyof', String(id)], 'AND', ['lastmodifieddate', 'after', 'yesterday']], columns: ['datecreated', 'lastmodifieddate'] }).run().getRange({ start: 0, end: 10 });
      const older = search.create({ type: 'customer', filters: [['internalid', 'anyof', String(id)], 'AND', ['datecreated', 'after', 'yesterday']] }).run().getRange({ start: 0, end: 10 });
      return { created: r.getValue('datecreated'), hits: hits.map((h: { getValue(c: string): unknown }) => h.getValue('datecreated')), older: older.length };
    });
    expect(seen.created).toEqual(new Date(createdAt));
    expect(seen.hits).toHaveLength(1);
    expect(seen.hits[0]).toMatch(/\d/);
    expect(seen.older).toBe(0);
  });

  test('every date field of every stored record is held as milliseconds, a list record\'s last-modified date too', () => {
    const rt = fixtureRuntime();
    rt.records.create('customer', { companyname: 'Dated Ltd' });
    const notMs: string[] = [];
    for (const type of rt.store.schemas.types()) {
      const schema = rt.store.schemas.get(type);
      for (const r of rt.store.rows(type)) {
        for (const [k, v] of Object.entries(r.values)) {
          const kind = schema.fields.get(k)?.type;
          if ((kind === 'DATE' || kind === 'DATETIME' || kind === 'DATETIMETZ') && v !== null && v !== undefined && typeof v !== 'number') notMs.push(`${type} ${r.id} ${k}`);
        }
      }
    }
    // subsidiary, customerstatus and role have lastmodifieddate but no datecreated: the insert's
    // "now" was converted by datecreated's (missing) spec, so a Date object was stored.
    expect(notMs).toEqual([]);
  });

  test('Record API: getValue kinds, getText on selects/dates/checkboxes, setText, getFields', () => {
    const rt = fixtureRuntime();
    const rep = rt.records.create('employee', { firstname: 'Sam', lastname: 'Seller', email: 's@x.example' });
    const id = rt.records.create('customer', { companyname: 'Acme', salesrep: rep });
    const got = inExecution(rt, () => {
      const r = n(rt, 'N/record').load({ type: 'customer', id }) as Rec;
      r.setText({ fieldId: 'isinactive', text: 'T' });
      return {
        id: r.id, type: r.type, dyn: r.isDynamic,
        salesrep: r.getValue({ fieldId: 'salesrep' }), salesrepText: r.getText({ fieldId: 'salesrep' }),
        created: r.getValue('datecreated') instanceof Date, createdText: r.getText({ fieldId: 'datecreated' }),
        inactive: r.getValue({ fieldId: 'isinactive' }), inactiveText: r.getText({ fieldId: 'isinactive' }),
        phone: r.getValue({ fieldId: 'phone' }), fields: r.getFields().includes('custentity_fx_tier'),
      };
    });
    expect(got).toEqual({ id, type: 'customer', dyn: false, salesrep: String(rep), salesrepText: 'Sam Seller', created: true, createdText: '1/5/2026 9:00 am', inactive: true, inactiveText: 'T', phone: '', fields: true });
  });

  test('validation: mandatory fields, bad values, missing references, unknown custom record fields', () => {
    const rt = fixtureRuntime();
    inExecution(rt, () => {
      const record = n(rt, 'N/record');
      const nameless = record.create({ type: 'customer' }) as Rec;
      expect(() => nameless.save()).toThrow(expect.objectContaining({ name: 'USER_ERROR', message: expect.stringContaining('Company Name') }));
      const person = record.create({ type: 'customer' }) as Rec;
      person.setValue({ fieldId: 'isperson', value: true }).setValue({ fieldId: 'firstname', value: 'Solo' });
      expect(() => person.save()).toThrow(expect.objectContaining({ name: 'USER_ERROR', message: expect.stringContaining('Last Name') }));
      expect(() => person.setValue({ fieldId: 'isinactive', value: 'T' })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
      expect(() => person.setValue({ fieldId: 'email', value: 'nope' })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
      expect(() => person.setValue({ fieldId: 'datecreated', value: 'x' })).not.toThrow(); // system field: ignored
      person.setValue({ fieldId: 'lastname', value: 'Person' }).setValue({ fieldId: 'parent', value: 424242 });
      expect(() => person.save()).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE', message: expect.stringContaining('parent') }));
      const fx = record.create({ type: 'customrecord_fx_seen' }) as Rec;
      expect(() => fx.setValue({ fieldId: 'custrecord_fx_typo', value: 'x' })).toThrow(expect.objectContaining({ name: 'INVALID_FLD' }));
      expect(() => fx.setValue({ fieldId: 'custrecord_fx_record_id', value: 'abc' })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
      // A standard record keeps an unknown field in memory only.
      const c = record.create({ type: 'customer' }) as Rec;
      c.setValue({ fieldId: 'custentity_not_declared', value: 'kept?' }).setValue({ fieldId: 'companyname', value: 'Kept' });
      expect(c.getValue({ fieldId: 'custentity_not_declared' })).toBe('kept?');
      const id = c.save();
      expect(rt.records.get('customer', id)!.values.custentity_not_declared).toBeUndefined();
      expect(() => record.load({ type: 'customer', id: 987654 })).toThrow(expect.objectContaining({ name: 'RCRD_DSNT_EXIST' }));
      expect(() => record.load({ type: 'nosuchtype', id: 1 })).toThrow(expect.objectContaining({ name: 'INVALID_RCRD_TYPE' }));
      expect(() => record.load({ type: 'lead', id })).toThrow(expect.objectContaining({ name: 'RCRD_DSNT_EXIST' }));
    });
    expect(rt.records.list('customer').map((c) => c.values.companyname)).toEqual(['Kept']);
  });

  test('leads and prospects are customers in another stage; changing the status converts them', () => {
    const rt = fixtureRuntime();
    const lead = rt.records.create('lead', { companyname: 'Maybe Corp' });
    expect(rt.records.get('customer', lead)).toMatchObject({ type: 'lead', values: { stage: 'LEAD', entitystatus: '6' } });
    rt.ui.inlineEdit('customer', lead, { entitystatus: 13 });
    expect(rt.records.get('customer', lead)).toMatchObject({ type: 'customer', values: { stage: 'CUSTOMER' } });
    expect(rt.records.list('lead')).toHaveLength(0);
    // Stages only move forward.
    expect(() => rt.ui.inlineEdit('customer', lead, { entitystatus: 6 })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
    const prospect = rt.records.create('prospect', { companyname: 'Later Corp' });
    expect(() => rt.ui.update('customer', prospect, { entitystatus: 7 })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
  });

  test('the billing address reads like the addressbook sublist; searches read bill* columns', () => {
    const rt = fixtureRuntime();
    const id = rt.records.create('customer', { companyname: 'Addr', billaddr1: '1 Rue de la Paix', billcity: 'Paris', billzip: '75002', billcountry: 'FR' });
    const got = inExecution(rt, () => {
      const r = n(rt, 'N/record').load({ type: 'customer', id }) as Rec;
      const sub = r.getSublistSubrecord({ sublistId: 'addressbook', fieldId: 'addressbookaddress', line: 0 });
      return [r.getLineCount({ sublistId: 'addressbook' }), r.getSublistValue({ sublistId: 'addressbook', fieldId: 'defaultbilling', line: 0 }), sub.getValue({ fieldId: 'city' }), sub.getValue({ fieldId: 'zip' }), r.getValue({ fieldId: 'billcity' })];
    });
    expect(got).toEqual([1, true, 'Paris', '75002', undefined]);
  });

  test('deleting a customer clears its contacts\' company and its children\'s parent', () => {
    const rt = fixtureRuntime();
    const parent = rt.records.create('customer', { companyname: 'Parent' });
    const child = rt.records.create('customer', { companyname: 'Child', parent });
    const contact = rt.records.create('contact', { firstname: 'C', lastname: 'D', company: parent });
    rt.ui.delete('customer', parent);
    expect(rt.records.get('customer', child)!.values.parent).toBeNull();
    expect(rt.records.get('contact', contact)!.values.company).toBeNull();
  });
});

describe('N/runtime, N/error, N/log', () => {
  test('script, parameters, context, account, environment, features and user', () => {
    const rt = fixtureRuntime({ envType: 'PRODUCTION', features: ['SUBSIDIARIES'] });
    const got = inExecution(rt, () => {
      const runtime = n(rt, 'N/runtime');
      const script = runtime.getCurrentScript();
      const user = runtime.getCurrentUser();
      return {
        id: script.id, dep: script.deploymentId, rem: script.getRemainingUsage(), ctx: runtime.executionContext,
        sched: runtime.executionContext === runtime.ContextType.SCHEDULED, account: runtime.accountId, env: runtime.envType,
        f1: runtime.isFeatureInEffect({ feature: 'subsidiaries' }), f2: runtime.isFeatureInEffect({ feature: 'MULTICURRENCY' }),
        user: [user.id, user.role, user.roleId, user.getPermission({ name: 'LIST_CUSTJOB' })],
        override: script.getParameter({ name: 'custscript_fx_limit' }),
      };
    }, { parameters: { custscript_fx_limit: '40' } });
    expect(got).toEqual({
      id: 'customscript_fx_probe', dep: 'customdeploy_fx_probe', rem: 10000, ctx: 'SCHEDULED', sched: true, account: 'TSTDRV0000001', env: 'PRODUCTION',
      f1: true, f2: false, user: [rt.admin.id, 3, 'administrator', 4], override: 40,
    });
  });

  test('error.create gives a UserError; log levels follow the deployment', () => {
    const rt = fixtureRuntime();
    inExecution(rt, () => {
      const e = n(rt, 'N/error').create({ name: 'MY_CODE', message: 'went wrong' });
      expect(e).toMatchObject({ name: 'MY_CODE', message: 'went wrong', type: 'error.UserError' });
      expect(e.id).toEqual(expect.any(String));
      expect(JSON.parse(JSON.stringify(e))).toMatchObject({ name: 'MY_CODE', type: 'error.UserError' });
    });
    rt.project.scripts[0]!.deployments[0]!.logLevel = 'AUDIT';
    inExecution(rt, () => {
      const log = n(rt, 'N/log');
      log.debug('hidden', 'x');
      log.audit({ title: 'shown', details: { a: 1 } });
      log.error('err', new Error('e'));
    });
    expect(rt.logs.map((l) => [l.level, l.title, l.details])).toEqual([['AUDIT', 'shown', '{"a":1}'], ['ERROR', 'err', expect.stringContaining('"message":"e"')]]);
  });
});

describe('stale saves', () => {
  test('saving a record changed since it was loaded fails with RCRD_HAS_BEEN_CHANGED; a fresh load saves', () => {
    const rt = fixtureRuntime();
    const id = rt.records.create('customer', { companyname: 'Contended' });
    inExecution(rt, () => {
      const record = n(rt, 'N/record');
      const first = record.load({ type: 'customer', id }) as Rec;
      record.submitFields({ type: 'customer', id, values: { phone: '1' } });
      first.setValue({ fieldId: 'email', value: 'a@b.example' });
      expect(() => first.save()).toThrow(expect.objectContaining({ name: 'RCRD_HAS_BEEN_CHANGED' }));
      const again = record.load({ type: 'customer', id }) as Rec;
      again.setValue({ fieldId: 'email', value: 'a@b.example' });
      again.save();
      again.setValue({ fieldId: 'url', value: 'https://b.example' });
      expect(again.save()).toBe(id); // its own save does not make it stale
    });
    expect(rt.records.get('customer', id)!.values).toMatchObject({ phone: '1', email: 'a@b.example', url: 'https://b.example' });
  });
});
