/**
 * The drivers on NetSuiteRuntime with its own N/search: N/https and N/task installed on
 * it, the Map/Reduce fixture reading customers through the real N/search, submitted from a
 * script, running through the real loader, parameters and meters.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { emptyProject } from '../../../emulator/runtime/project/definitions';
import { installDrivers } from '../../../emulator/runtime/task/drivers';
import { ChildServer, startChildServer } from './support/child-server';
import { compileFixtures, fixtureScript } from './support/compile-fixture';
import { deployment } from './support/mr-setup';

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

function world(mode: string) {
  const sdfRoot = mkdtempSync(join(tmpdir(), 'sdf-'));
  const rt = new NetSuiteRuntime({ sdfRoot, appId: 'com.freshsync.connector', project: emptyProject() });
  compileFixtures(join(sdfRoot, 'FileCabinet'));
  const mrFile = fixtureScript('mr_fixture');
  rt.defineScript({
    scriptId: 'customscript_fx_mr',
    name: 'Fixture MR',
    scriptType: 'MAPREDUCE',
    scriptFile: mrFile,
    parameters: [
      { scriptId: 'custscript_fx_mode', fieldType: 'TEXT' },
      { scriptId: 'custscript_fx_items', fieldType: 'CLOBTEXT' },
      { scriptId: 'custscript_fx_fail_group', fieldType: 'TEXT' },
    ],
    deployments: [deployment('customdeploy_fx_mr', { parameterValues: { custscript_fx_mode: mode } })],
  });
  const drivers = installDrivers(rt, {
    scripts: () => rt.project.scripts,
    loadSearch: (id) => (rt.modules.get('N/search') as { load(o: { id: unknown }): unknown }).load({ id }),
    https: { hostRoutes: { 'api-us.freshsuccess.com': server.origin } },
  });
  const submit = () => {
    const taskModule = drivers.task.module as { create(o: object): { submit(): string } };
    const meter = rt.ledger.open({ scriptId: 'customscript_caller', deploymentId: 'customdeploy_caller' }, 1000);
    return rt.executions.run(
      { scriptId: 'customscript_caller', deploymentId: 'customdeploy_caller', scriptType: 'SUITELET', executionContext: 'SUITELET', meter, parameters: {}, user: rt.admin },
      () => taskModule.create({ taskType: 'MAP_REDUCE', scriptId: 'customscript_fx_mr', deploymentId: 'customdeploy_fx_mr' }).submit(),
    );
  };
  const summary = () => JSON.parse(rt.logs.find((l) => l.title === 'summary')!.details);
  return { rt, drivers, submit, summary };
}

test('a Map/Reduce submitted on the real runtime reads customers through N/search and calls out over HTTPS', () => {
  const { rt, drivers, submit, summary } = world('search');
  const ids = [0, 1, 2].map((i) => rt.records.create('customer', { companyname: `Acme ${i}`, subsidiary: '1' }));
  const id = submit();
  drivers.task.processQueue();
  expect(drivers.task.queue.find(id)?.job.status).toBe('COMPLETE');
  const s = summary();
  expect(s.mapKeys.map((k: unknown[]) => k[0])).toEqual(ids.map(String));
  // No category on these customers: one group holding every id, in result order.
  expect(s.output.map((o: string[]) => o[1])).toEqual([ids.join(',')]);
  expect(s.inputUsage).toBe(0);
  expect(s.reduceUsage).toBe(10 * s.reduceKeys.length);
  expect(drivers.https.requestLog.filter((r) => r.method === 'POST')).toHaveLength(s.reduceKeys.length);
  expect(rt.ledger.total({ scriptId: 'customscript_caller' }).units).toBe(20);
});

test('a saved search reference is loaded and run by the platform, uncharged', () => {
  const { rt, drivers, submit, summary } = world('search-ref');
  const ids = ['Acme', 'Beta', 'Acme Two'].map((n) => rt.records.create('customer', { companyname: n, subsidiary: '1' }));
  rt.savedSearches.define({ id: 'customsearch_fx_customers', type: 'customer', filters: [['companyname', 'startswith', 'Acme']], columns: ['entityid'] });
  submit();
  drivers.task.processQueue();
  const s = summary();
  expect(s.mapKeys.map((k: unknown[]) => k[0])).toEqual([ids[0], ids[2]].map(String));
  expect(s.inputUsage).toBe(0);
});
