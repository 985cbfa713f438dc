import type { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { deployment, fixtureRuntime, recorderScript, seenEvents } from './helpers/fixtureRuntime';

function withRecorder(deps = [deployment()], options = {}): NetSuiteRuntime {
  const rt = fixtureRuntime(options);
  rt.defineScript(recorderScript(deps));
  return rt;
}

describe('User Events fired by saves', () => {
  test('CREATE from the UI: beforeSubmit and afterSubmit, oldRecord null, context USERINTERFACE', () => {
    const rt = withRecorder();
    const id = rt.ui.create('customer', { companyname: 'Acme Ltd', email: 'ops@acme.example' });
    const seen = seenEvents(rt);
    expect(seen.map((s) => [s.entry, s.type, s.context])).toEqual([
      ['beforeSubmit', 'create', 'USERINTERFACE'],
      ['afterSubmit', 'create', 'USERINTERFACE'],
    ]);
    expect(seen[0]!.oldRecord).toBeNull();
    expect(seen[0]!.newRecord!.id).toBe('');
    expect(seen[1]!.newRecord!.id).toBe(String(id));
    expect(seen[1]!.newRecord!.fields.companyname).toBe('Acme Ltd');
    // The afterSubmit wrote a custom record; that save fired nothing (no chaining) and cost 4+2.
    const rows = rt.records.list('customrecord_fx_seen');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values.custrecord_fx_context).toBe('USERINTERFACE');
    expect(rt.ledger.total({ scriptId: 'customscript_fx_recorder' }).units).toBe(6);
    expect(rt.ledger.total({ scriptId: 'customscript_fx_recorder' }).invocations).toBe(2);
  });

  test('EDIT has the full old record; XEDIT newRecord holds only the edited fields', () => {
    const rt = withRecorder();
    const id = rt.store.insert('customer', { companyname: 'Old Name', entityid: 'Old Name', entitystatus: '13', stage: 'CUSTOMER', subsidiary: '1', isperson: false, isinactive: false, phone: '111' }).id;
    rt.ui.update('customer', id, { companyname: 'New Name' });
    rt.ui.inlineEdit('customer', id, { email: 'x@new.example' });
    const seen = seenEvents(rt).filter((s) => s.entry === 'beforeSubmit');
    expect(seen[0]!.type).toBe('edit');
    expect(seen[0]!.oldRecord!.fields.companyname).toBe('Old Name');
    expect(seen[0]!.newRecord!.fields.companyname).toBe('New Name');
    expect(seen[0]!.newRecord!.fields.phone).toBe('111');
    expect(seen[1]!.type).toBe('xedit');
    expect(seen[1]!.newRecord!.fields).toEqual({ email: 'x@new.example' });
    expect(seen[1]!.newRecord!.id).toBe(String(id));
    expect(seen[1]!.oldRecord!.fields.companyname).toBe('New Name');
    expect(rt.records.get('customer', id)!.values.email).toBe('x@new.example');
  });

  test('DELETE: oldRecord carries the values, newRecord only the id; deleted-record log written', () => {
    const rt = withRecorder();
    const id = rt.ui.create('customer', { companyname: 'Gone Inc' });
    rt.logs.length = 0;
    rt.ui.delete('customer', id);
    const seen = seenEvents(rt);
    expect(seen.map((s) => s.type)).toEqual(['delete', 'delete']);
    expect(seen[0]!.oldRecord!.fields.companyname).toBe('Gone Inc');
    expect(seen[0]!.newRecord).toEqual({ id: String(id), type: 'customer', fields: {} });
    expect(rt.records.get('customer', id)).toBeUndefined();
    expect(rt.store.deletedLog).toEqual([expect.objectContaining({ recordType: 'customer', recordId: id, name: 'Gone Inc', context: 'USERINTERFACE' })]);
  });

  test('beforeSubmit changes are stored; a beforeSubmit error aborts the save', () => {
    const rt = withRecorder([deployment({ parameterValues: { custscript_fx_mode: 'stamp' } })]);
    const id = rt.ui.create('customer', { companyname: 'Stamped' });
    expect(rt.records.get('customer', id)!.values.comments).toBe('stamped by beforeSubmit');

    const failing = withRecorder([deployment({ parameterValues: { custscript_fx_mode: 'fail_before' } })]);
    expect(() => failing.ui.create('customer', { companyname: 'Refused' })).toThrow(expect.objectContaining({ name: 'FX_REFUSED' }));
    expect(failing.records.list('customer')).toHaveLength(0);
    expect(failing.logs.find((l) => l.level === 'ERROR')).toMatchObject({ title: 'FX_REFUSED', scriptId: 'customscript_fx_recorder' });
  });

  test('an afterSubmit error is logged and the save stands', () => {
    const rt = withRecorder([deployment({ parameterValues: { custscript_fx_mode: 'fail_after' } })]);
    const id = rt.ui.create('customer', { companyname: 'Stands' });
    expect(rt.records.get('customer', id)).toBeDefined();
    const err = rt.logs.find((l) => l.level === 'ERROR')!;
    expect(err.details).toContain('afterSubmit failed on purpose');
    expect(err.details).toContain('ue_recorder.js');
  });

  test('saves inside a User Event fire no User Event (no chaining)', () => {
    const rt = withRecorder([deployment({ parameterValues: { custscript_fx_mode: 'chain' } })]);
    const id = rt.ui.create('customer', { companyname: 'Chain' });
    expect(rt.records.get('customer', id)!.values.phone).toBe('555-0100');
    expect(seenEvents(rt).map((s) => s.type)).toEqual(['create', 'create']);
  });

  test('every execution context reaches the User Event as runtime.executionContext', () => {
    const rt = withRecorder();
    rt.webServices.create('customer', { companyname: 'Soap' });
    rt.restWebServices.create('customer', { companyname: 'Rest' });
    rt.as('CUSTOMMASSUPDATE').create('customer', { companyname: 'Mass' });
    rt.csvImport('customer', [{ companyname: 'Csv' }], { runServerScripts: true });
    expect(seenEvents(rt).filter((s) => s.entry === 'afterSubmit').map((s) => s.context)).toEqual([
      'WEBSERVICES', 'RESTWEBSERVICES', 'CUSTOMMASSUPDATE', 'CSVIMPORT',
    ]);
  });

  test('CSV import without "run server scripts" fires nothing, and reports bad rows', () => {
    const rt = withRecorder();
    const result = rt.csvImport('customer', [{ companyname: 'A' }, { companyname: 'B', email: 'not-an-email' }, { companyname: 'C' }], { runServerScripts: false });
    expect(result.added).toHaveLength(2);
    expect(result.errors).toEqual([{ row: 2, message: expect.stringContaining('email') }]);
    expect(seenEvents(rt)).toHaveLength(0);
    const updated = rt.csvImport('customer', [{ internalid: result.added[0], phone: '42' }], { runServerScripts: true });
    expect(updated.updated).toEqual([result.added[0]]);
    expect(seenEvents(rt).map((s) => s.type)).toEqual(['edit', 'edit']);
  });

  test('deployment filters: status, isdeployed, execution context, event type, record type', () => {
    const rt = withRecorder([
      deployment({ scriptId: 'customdeploy_a', executionContexts: ['USERINTERFACE'] }),
      deployment({ scriptId: 'customdeploy_b', eventTypes: ['DELETE'] }),
      deployment({ scriptId: 'customdeploy_c', status: 'NOTRELEASED' as never }),
      deployment({ scriptId: 'customdeploy_d', isDeployed: false }),
      deployment({ scriptId: 'customdeploy_e', recordType: 'contact' }),
    ]);
    const id = rt.ui.create('customer', { companyname: 'Filtered' });
    rt.webServices.update('customer', id, { phone: '1' });
    rt.ui.delete('customer', id);
    const fired = rt.logs.filter((l) => l.title === 'seen' && JSON.parse(l.details).entry === 'afterSubmit').map((l) => `${l.deploymentId}:${JSON.parse(l.details).type}`);
    expect(fired).toEqual(['customdeploy_a:create', 'customdeploy_a:delete', 'customdeploy_b:delete']);
  });

  test('TESTING deployments run only for the script owner', () => {
    const rt = withRecorder([deployment({ status: 'TESTING' })]);
    const clerk = rt.createUser({ firstname: 'Casey', lastname: 'Clerk', email: 'c@example.com', role: '1001', roleId: 'customrole_clerk' });
    rt.ui.create('customer', { companyname: 'By clerk' }, { user: clerk });
    expect(seenEvents(rt)).toHaveLength(0);
    rt.ui.create('customer', { companyname: 'By admin' });
    expect(seenEvents(rt)).toHaveLength(2);
  });

  test('leads: LEAD deployments fire for leads; CUSTOMER ones too unless the option says otherwise', () => {
    const both = withRecorder([deployment({ scriptId: 'customdeploy_cust' }), deployment({ scriptId: 'customdeploy_lead', recordType: 'lead' })]);
    both.ui.create('lead', { companyname: 'Lead Co' });
    const fired = (rt: NetSuiteRuntime) => [...new Set(rt.logs.filter((l) => l.title === 'seen').map((l) => l.deploymentId))];
    expect(fired(both)).toEqual(['customdeploy_cust', 'customdeploy_lead']);
    expect(seenEvents(both)[0]!.newRecord!.type).toBe('lead');

    const strict = withRecorder([deployment({ scriptId: 'customdeploy_cust' }), deployment({ scriptId: 'customdeploy_lead', recordType: 'lead' })], { customerUserEventsFireForLeads: false });
    strict.ui.create('lead', { companyname: 'Lead Co' });
    expect(fired(strict)).toEqual(['customdeploy_lead']);
  });

  test('a merge deletes the source, moves contacts, and fires no User Event by default', () => {
    const rt = withRecorder([deployment(), deployment({ scriptId: 'customdeploy_contact', recordType: 'contact' })]);
    const a = rt.store.insert('customer', { companyname: 'Dup', entityid: 'Dup', entitystatus: '13', stage: 'CUSTOMER', subsidiary: '1', isperson: false, isinactive: false }).id;
    const b = rt.store.insert('customer', { companyname: 'Dup', entityid: 'Dup 2', entitystatus: '13', stage: 'CUSTOMER', subsidiary: '1', isperson: false, isinactive: false }).id;
    const c = rt.store.insert('contact', { firstname: 'Jo', lastname: 'Doe', entityid: 'Jo Doe', company: String(b), isinactive: false }).id;
    rt.clock.advance(60_000);
    const result = rt.mergeCustomers(b, a);
    expect(result.movedContacts).toEqual([c]);
    expect(rt.records.get('contact', c)!.values.company).toBe(String(a));
    expect((rt.records.get('contact', c)!.values.lastmodifieddate as Date).getTime()).toBe(rt.clock.nowMs());
    expect(rt.records.get('customer', b)).toBeUndefined();
    expect(rt.store.deletedLog.map((e) => e.recordId)).toEqual([b]);
    expect(seenEvents(rt)).toHaveLength(0);
  });
});

describe('User Event audience', () => {
  test('a deployment limited to roles fires only for users in them (names, ids or [scriptid=...])', () => {
    const rt = fixtureRuntime();
    rt.defineScript(recorderScript([deployment({ allRoles: false, audienceRoles: ['ADMINISTRATOR', '[scriptid=customrole_fx_sales]'] })]));
    const sales = rt.createUser({ firstname: 'S', lastname: 'R', email: 's@example.com', role: '1010', roleId: 'customrole_fx_sales' });
    const clerk = rt.createUser({ firstname: 'C', lastname: 'K', email: 'c@example.com', role: '1011', roleId: 'customrole_fx_clerk' });
    rt.ui.create('customer', { companyname: 'By admin' });
    rt.ui.create('customer', { companyname: 'By sales' }, { user: sales });
    rt.ui.create('customer', { companyname: 'By clerk' }, { user: clerk });
    expect(seenEvents(rt).filter((s) => s.entry === 'afterSubmit').map((s) => s.newRecord!.fields.companyname)).toEqual(['By admin', 'By sales']);
  });
});

describe('saves made by scripts', () => {
  test('fire User Events in the script\'s context, charged to the script only for its own calls', () => {
    const rt = fixtureRuntime();
    rt.defineScript(recorderScript([deployment(), deployment({ scriptId: 'customdeploy_contact', recordType: 'contact' })]));
    const { inExecution, n } = require('./helpers/inExecution') as typeof import('./helpers/inExecution');
    const used = inExecution(rt, (ex) => {
      const record = n(rt, 'N/record');
      const c = record.create({ type: 'customer' });
      c.setValue({ fieldId: 'companyname', value: 'From a script' });
      const id = c.save();
      record.submitFields({ type: 'customer', id, values: { phone: '9' } });
      return ex.meter.used;
    }, { executionContext: 'MAPREDUCE' });
    expect(used).toBe(5 + 10 + 5);
    expect(seenEvents(rt).map((s) => `${s.entry}:${s.type}:${s.context}`)).toEqual([
      'beforeSubmit:create:MAPREDUCE', 'afterSubmit:create:MAPREDUCE', 'beforeSubmit:xedit:MAPREDUCE', 'afterSubmit:xedit:MAPREDUCE',
    ]);
    // Each User Event run had its own meter: the recorder's afterSubmit spent 6 (custom record create + save).
    expect(rt.ledger.total({ scriptId: 'customscript_fx_recorder' })).toMatchObject({ units: 12, invocations: 4 });
  });
});

describe('more save paths', () => {
  test('with userEventsFireOnMerge, the merge fires DELETE for the source', () => {
    const rt = withRecorder([deployment()], { userEventsFireOnMerge: true });
    const a = rt.ui.create('customer', { companyname: 'Keep' });
    const b = rt.ui.create('customer', { companyname: 'Drop' });
    rt.logs.length = 0;
    rt.mergeCustomers(b, a);
    expect(seenEvents(rt).map((s) => `${s.entry}:${s.type}:${s.oldRecord?.fields.companyname}`)).toEqual(['beforeSubmit:delete:Drop', 'afterSubmit:delete:Drop']);
  });

  test('record.copy saves as CREATE; record.delete from a script fires DELETE in its context', () => {
    const rt = withRecorder();
    const id = rt.store.insert('customer', { companyname: 'Original', entityid: 'Original', entitystatus: '13', stage: 'CUSTOMER', subsidiary: '1', isperson: false, isinactive: false }).id;
    const { inExecution, n } = require('./helpers/inExecution') as typeof import('./helpers/inExecution');
    const copyId = inExecution(rt, () => {
      const record = n(rt, 'N/record');
      const copy = record.copy({ type: 'customer', id });
      copy.setValue({ fieldId: 'companyname', value: 'Copy' });
      const newId = copy.save();
      record.delete({ type: 'customer', id });
      return newId;
    }, { executionContext: 'SUITELET' });
    expect(seenEvents(rt).filter((s) => s.entry === 'afterSubmit').map((s) => `${s.type}:${s.context}:${s.oldRecord?.fields.companyname ?? s.newRecord?.fields.companyname}`)).toEqual([
      'create:SUITELET:Copy', 'delete:SUITELET:Original',
    ]);
    expect(rt.records.get('customer', copyId)!.values.entityid).toBe('Copy');
    expect(rt.store.deletedLog[0]).toMatchObject({ recordId: id, context: 'SUITELET' });
  });
});

describe('record pages (beforeLoad)', () => {
  test('viewing, editing and opening a new record run beforeLoad with that type; saves run none', () => {
    const rt = withRecorder();
    const id = rt.store.insert('customer', { companyname: 'Paged', entityid: 'Paged', entitystatus: '13', stage: 'CUSTOMER', subsidiary: '1', isperson: false, isinactive: false }).id;
    const page = rt.ui.open('customer', 'view', id);
    rt.ui.open('customer', 'edit', id);
    rt.ui.open('lead', 'create');
    expect(page.values.companyname).toBe('Paged');
    expect(seenEvents(rt).map((s) => `${s.entry}:${s.type}:${s.newRecord?.type}`)).toEqual(['beforeLoad:view:customer', 'beforeLoad:edit:customer', 'beforeLoad:create:lead']);
    rt.ui.update('customer', id, { phone: '1' });
    expect(seenEvents(rt).filter((s) => s.entry === 'beforeLoad')).toHaveLength(3);
  });

  test('an error in beforeLoad stops the page', () => {
    const rt = withRecorder([deployment({ parameterValues: { custscript_fx_mode: 'fail_load' } })]);
    const id = rt.store.insert('customer', { companyname: 'X', entityid: 'X', entitystatus: '13', stage: 'CUSTOMER', subsidiary: '1', isperson: false, isinactive: false }).id;
    expect(() => rt.ui.open('customer', 'view', id)).toThrow(expect.objectContaining({ name: 'FX_NO_VIEW' }));
  });
});
