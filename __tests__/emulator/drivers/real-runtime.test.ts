/**
 * The drivers on H3's NetSuiteRuntime (not the test stand-in): N/https and N/task installed on
 * it, the Map/Reduce fixture reading customers through the real N/search, submitted from a
 * script, running through the real loader, parameters and meters.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetSuiteRuntime } from '../../../emulator/runtime/NetSuiteRuntime';
import { emptyProject } from '../../../emulator/runtime/project/definitions';
import { installHttps } from '../../../emulator/runtime/https/install';
import { installTask } from '../../../emulator/runtime/task/install';
import { ChildServer, startChildServer } from './support/child-server';
import { compileFixture } from './support/compile-fixture';
import { deployment } from './support/mr-setup';

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

test('a Map/Reduce submitted on the real runtime reads customers through N/search and calls out over HTTPS', () => {
  const sdfRoot = mkdtempSync(join(tmpdir(), 'sdf-'));
  const rt = new NetSuiteRuntime({ sdfRoot, appId: 'com.freshsync.connector', project: emptyProject() });
  const mrFile = compileFixture(join(sdfRoot, 'FileCabinet'), join(__dirname, 'fixtures/mr_fixture.ts'), 'mr_fixture');
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
    deployments: [deployment('customdeploy_fx_mr', { parameterValues: { custscript_fx_mode: 'search' } })],
  });
  const ids = [0, 1, 2].map((i) => rt.records.create('customer', { companyname: `Acme ${i}`, subsidiary: '1' }));

  const https = installHttps(rt, { hostRoutes: { 'api-us.freshsuccess.com': server.origin } });
  const task = installTask(rt, { scripts: () => rt.project.scripts });
  const taskModule = task.module as { create(o: object): { submit(): string } };
  const id = rt.executions.run(
    { scriptId: 'customscript_caller', deploymentId: 'customdeploy_caller', scriptType: 'SUITELET', executionContext: 'SUITELET', meter: rt.ledger.open({ scriptId: 'customscript_caller', deploymentId: 'customdeploy_caller' }, 1000), parameters: {}, user: rt.admin },
    () => taskModule.create({ taskType: 'MAP_REDUCE', scriptId: 'customscript_fx_mr', deploymentId: 'customdeploy_fx_mr' }).submit(),
  );
  task.processQueue();
  expect(task.queue.find(id)?.job.status).toBe('COMPLETE');
  const summary = JSON.parse(rt.logs.find((l) => l.title === 'summary')!.details);
  expect(summary.mapKeys.map((k: unknown[]) => k[0])).toEqual(ids.map(String));
  // No category on these customers: one group holding every id, in result order.
  expect(summary.output.map((o: string[]) => o[1])).toEqual([ids.join(',')]);
  expect(summary.inputUsage).toBe(0);
  expect(summary.reduceUsage).toBe(10 * summary.reduceKeys.length);
  expect(https.requestLog.filter((r) => r.method === 'POST')).toHaveLength(summary.reduceKeys.length);
  expect(rt.ledger.total({ scriptId: 'customscript_caller' }).units).toBe(20);
});
