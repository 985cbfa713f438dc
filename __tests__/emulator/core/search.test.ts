import type { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

type Row = { id: string; getValue(c: unknown): unknown; getText(c: unknown): unknown };

function account(): NetSuiteRuntime {
  const rt = fixtureRuntime();
  const rep = rt.records.create('employee', { firstname: 'Sam', lastname: 'Seller', email: 'sam@corp.example' });
  const parent = rt.records.create('customer', { companyname: 'Müller GmbH', salesrep: rep, billaddr1: 'Hauptstr. 1', billcity: 'Berlin', billzip: '10115', billcountry: 'DE', custentity_fx_tier: 'gold' });
  rt.clock.advance(86_400_000);
  const child = rt.records.create('customer', { companyname: 'Müller Services', parent, email: 'svc@mueller.example' });
  const person = rt.records.create('customer', { isperson: true, firstname: 'Ada', lastname: 'Lovelace', isinactive: true });
  const lead = rt.records.create('lead', { companyname: '東京商事' });
  rt.records.create('contact', { firstname: 'Hans', lastname: 'Meier', company: parent, email: 'hans@mueller.example' });
  rt.records.create('contact', { firstname: 'Solo', lastname: 'Contact' });
  void child; void person; void lead;
  return rt;
}

describe('N/search', () => {
  test('filter expressions with AND/OR/NOT and nesting; default order by internal id', () => {
    const rt = account();
    const names = inExecution(rt, () => {
      const search = n(rt, 'N/search');
      const out: string[] = [];
      search.create({
        type: 'customer',
        filters: [['isinactive', 'is', 'F'], 'AND', ['NOT', ['companyname', 'startswith', 'müller s'], 'OR', ['stage', 'anyof', 'LEAD']]],
        columns: ['companyname'],
      }).run().each((r: Row) => { out.push(String(r.getValue('companyname'))); return true; });
      return out;
    });
    expect(names).toEqual(['Müller GmbH', '東京商事']);
  });

  test('joins: contact → company, customer → parentcustomer and salesrep; address columns', () => {
    const rt = account();
    const rows = inExecution(rt, () => {
      const search = n(rt, 'N/search');
      const contacts = search.create({
        type: search.Type.CONTACT,
        filters: [['company.custentity_fx_tier', 'is', 'gold']],
        columns: ['entityid', 'company', search.createColumn({ name: 'billcity', join: 'company' }), 'company.salesrep'],
      }).run().getRange({ start: 0, end: 10 }) as Row[];
      const children = search.create({
        type: 'customer',
        filters: [['parent', 'noneof', '@NONE@']],
        columns: [search.createColumn({ name: 'companyname', join: 'parentcustomer' }), { name: 'email', join: 'parentcustomer' }],
      }).run().getRange({ start: 0, end: 10 }) as Row[];
      const reps = search.create({ type: 'customer', filters: [['salesrep', 'noneof', '@NONE@']], columns: [{ name: 'email', join: 'salesrep' }, 'billaddress1', 'billzipcode', 'billcountry'] }).run().getRange({ start: 0, end: 10 }) as Row[];
      return {
        contact: [contacts[0]!.getValue('entityid'), contacts[0]!.getText('company'), contacts[0]!.getValue({ name: 'billcity', join: 'company' })],
        child: children.map((r) => r.getValue({ name: 'companyname', join: 'parentcustomer' })),
        rep: reps.map((r) => [r.getValue({ name: 'email', join: 'salesrep' }), r.getValue('billaddress1'), r.getValue('billzipcode'), r.getValue('billcountry')]),
        contactCount: contacts.length,
      };
    });
    expect(rows.contact).toEqual(['Hans Meier', 'Müller GmbH', 'Berlin']);
    expect(rows.contactCount).toBe(1);
    expect(rows.child).toEqual(['Müller GmbH']);
    expect(rows.rep).toEqual([['sam@corp.example', 'Hauptstr. 1', '10115', 'DE']]);
  });

  test('unknown fields, joins and operators fail like NetSuite', () => {
    const rt = account();
    inExecution(rt, () => {
      const search = n(rt, 'N/search');
      const run = (filters: unknown, columns: unknown[] = ['entityid']) => () => search.create({ type: 'contact', filters, columns }).run().getRange({ start: 0, end: 1 });
      expect(run([['nosuchfield', 'is', 'x']])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER' }));
      expect(run([], [{ name: 'entityid', join: 'parentcustomer' }])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_COLUMN_JOIN' }));
      expect(run([['email', 'greaterthan', 'a']])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }));
      expect(() => search.create({ type: 'nosuchtype' })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_TYPE' }));
    });
  });
});
