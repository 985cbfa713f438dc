/**
 * Roles, the roles employees hold, and script deployments as searches read them (the admin page's
 * setup checklist): search.Type.ROLE is search-only (lookupFields too, N/record refuses it), an
 * employee search's `role anyof` matches any role held, and search.Type.SCRIPT_DEPLOYMENT lists
 * the deployments as the account holds them now.
 */
import { deployment, fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

type Row = { id: string; getValue(c: string): unknown };

test('roles: standard Administrator (3) and custom roles from 1001, searchable by script id and name, never loaded as records', () => {
  const rt = fixtureRuntime();
  const custom = rt.defineRole({ scriptId: 'customrole_fx_token', name: 'Fixture Token' });
  expect(custom).toBe(1001);
  inExecution(rt, () => {
    const search = n(rt, 'N/search');
    expect(search.Type.ROLE).toBe('role');
    const byId = search.create({ type: search.Type.ROLE, filters: [['scriptid', 'is', 'customrole_fx_token']], columns: ['name', 'isinactive'] }).run().getRange({ start: 0, end: 5 });
    expect(byId.map((r: Row) => [r.id, r.getValue('name'), r.getValue('isinactive')])).toEqual([['1001', 'Fixture Token', false]]);
    const byName = search.create({ type: 'role', filters: [['name', 'is', 'administrator']] }).run().getRange({ start: 0, end: 5 });
    expect(byName.map((r: Row) => r.id)).toEqual(['3']);
    expect(search.lookupFields({ type: 'role', id: custom, columns: ['isinactive', 'scriptid'] })).toEqual({ isinactive: false, scriptid: 'customrole_fx_token' });
    expect(search.lookupFields({ type: 'role', id: 999, columns: ['isinactive'] })).toEqual({});
    expect(() => n(rt, 'N/record').load({ type: 'role', id: 3 })).toThrow(expect.objectContaining({ name: 'INVALID_RCRD_TYPE' }));
  });
});

test('employees: created users hold their role with login access; role anyof matches any role held', () => {
  const rt = fixtureRuntime();
  const token = rt.defineRole({ scriptId: 'customrole_fx_token', name: 'Fixture Token' });
  const owner = rt.createUser({ firstname: 'Tina', lastname: 'Token', email: 'tina@example.com', role: '3', roleId: 'administrator' });
  expect(rt.store.find('employee', owner.id)?.values).toMatchObject({ giveaccess: true, role: ['3'] });
  rt.store.update('employee', owner.id, { role: ['3', String(token)] });
  const gone = rt.createUser({ firstname: 'Ian', lastname: 'Inactive', email: 'ian@example.com', role: '3', roleId: 'administrator' });
  rt.store.update('employee', gone.id, { role: [String(token)], isinactive: true });
  inExecution(rt, () => {
    const search = n(rt, 'N/search');
    const holders = (filters: unknown[]) => search.create({ type: search.Type.EMPLOYEE, filters }).runPaged({ pageSize: 5 }).count;
    expect(holders([['role', 'anyof', String(token)]])).toBe(2);
    expect(holders([['role', 'anyof', String(token)], 'AND', ['isinactive', 'is', 'F']])).toBe(1);
    // The administrator and Tina; Ian now holds only the token role.
    expect(holders([['role', 'anyof', '3'], 'AND', ['giveaccess', 'is', 'T']])).toBe(2);
  });
});

test('script deployments: id, status (id as value, label as text), deployed, as the account holds them now', () => {
  const rt = fixtureRuntime();
  rt.defineScript({
    scriptId: 'customscript_fx_sched',
    name: 'Fixture scheduled',
    scriptType: 'SCHEDULED',
    scriptFile: '/SuiteApps/fx/sched.js',
    parameters: [],
    deployments: [deployment({ scriptId: 'customdeploy_fx_sched', status: 'SCHEDULED', title: 'Fixture every hour', recordType: undefined }), deployment({ scriptId: 'customdeploy_fx_ondemand', status: 'NOTSCHEDULED', recordType: undefined })],
  });
  const read = () =>
    inExecution(rt, () => {
      const search = n(rt, 'N/search');
      expect(search.Type.SCRIPT_DEPLOYMENT).toBe('scriptdeployment');
      const rows = search.create({ type: search.Type.SCRIPT_DEPLOYMENT, filters: [['scriptid', 'is', 'CUSTOMDEPLOY_FX_SCHED'], 'OR', ['scriptid', 'is', 'customdeploy_fx_ondemand']], columns: ['scriptid', 'status', 'isdeployed', 'title'] }).run().getRange({ start: 0, end: 10 });
      return rows.map((r: Row & { getText(c: string): unknown }) => [r.getValue('scriptid'), r.getValue('status'), r.getText('status'), r.getValue('isdeployed')]);
    });
  expect(read()).toEqual([
    ['customdeploy_fx_sched', 'SCHEDULED', 'Scheduled', true],
    ['customdeploy_fx_ondemand', 'NOTSCHEDULED', 'Not Scheduled', true],
  ]);
  const d = rt.deployment('customscript_fx_sched', 'customdeploy_fx_sched');
  d.isDeployed = false;
  expect(read()[0]).toEqual(['customdeploy_fx_sched', 'SCHEDULED', 'Scheduled', false]);
});
