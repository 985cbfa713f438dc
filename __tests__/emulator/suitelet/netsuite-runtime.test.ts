/**
 * The Suitelet server on the core runtime (NetSuiteRuntime) with a default viewer and runtime users: the
 * fixture loads through the real AMD loader with its header checked, N/runtime and N/email are
 * the core's, and the Suitelet's user is the simulated viewer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { emptyProject, type ScriptDefinition } from '../../../emulator/runtime/project/definitions';
import type { ScriptUser } from '../../../emulator/runtime/services';
import { installHttps } from '../../../emulator/runtime/https/install';
import { SecretVault } from '../../../emulator/runtime/https/secrets';
import { installSuiteletModules } from '../../../emulator/runtime/suitelet/install';
import { selectSourceFrom } from '../../../emulator/runtime/suitelet/selectSource';
import { startSuiteletServer, type SuiteletServer } from '../../../emulator/runtime/suitelet/server';
import { compileFixtures } from './support/compile';
import { formAction, formToken, pathFor, SCRIPT } from './support/harness';

const APP = 'com.freshsync.connector';
let sdfRoot: string;
let rt: NetSuiteRuntime;
let server: SuiteletServer;
let vault: SecretVault;
let clerk: ScriptUser | undefined;

beforeAll(async () => {
  sdfRoot = mkdtempSync(join(tmpdir(), 'fsc-sl-core-'));
  compileFixtures(join(sdfRoot, 'FileCabinet', 'SuiteApps', APP));
  const script: ScriptDefinition = {
    scriptId: SCRIPT,
    name: 'Freshsuccess settings',
    scriptType: 'SUITELET',
    scriptFile: `/SuiteApps/${APP}/entry/sl_fixture_config.js`,
    parameters: [],
    deployments: [
      { scriptId: 'customdeploy_fsc_sl_config', status: 'RELEASED', isDeployed: true, logLevel: 'DEBUG', parameterValues: {}, allRoles: false, audienceRoles: ['ADMINISTRATOR', '[scriptid=customrole_fsc_config]'], extra: {} },
      { scriptId: 'customdeploy_fsc_sl_testing', status: 'TESTING', isDeployed: true, logLevel: 'DEBUG', parameterValues: {}, allRoles: true, extra: {} },
    ],
  };
  rt = new NetSuiteRuntime({ sdfRoot, appId: APP, project: { ...emptyProject(), scripts: [script] } });
  vault = new SecretVault();
  installHttps(rt, { vault });
  const admin = rt.currentUser();
  clerk = rt.createUser({ firstname: 'Casey', lastname: 'Clerk', email: 'casey@example.com', role: '1042', roleId: 'customrole_fsc_config', permissions: { LIST_CUSTJOB: 1 } });
  installSuiteletModules(rt, {
    scripts: () => rt.project.scripts,
    credentialVault: vault,
    defaultViewer: () => ({ userId: admin.id, role: admin.roleId, email: admin.email, name: admin.name, roleInternalId: admin.role }),
    selectSource: selectSourceFrom(rt.store),
    users: (id) => (id === clerk?.id ? clerk : id === admin.id ? admin : undefined),
  });
  server = await startSuiteletServer(rt);
});

afterAll(async () => {
  await server.close();
  rmSync(sdfRoot, { recursive: true, force: true });
});

it('serves the form and takes the POST back, credential as a GUID', async () => {
  const page = await (await fetch(server.url(pathFor('customdeploy_fsc_sl_config')))).text();
  expect(page).toContain('<legend>Connection</legend>');
  // A sourced select lists the account's active employees by name.
  const owner = /<select id="custpage_owner"[^>]*>([\s\S]*?)<\/select>/.exec(page)![1]!;
  expect(owner).toContain(`<option value="${rt.currentUser().id}">Alex Admin</option>`);
  expect(owner).toContain(`<option value="${clerk!.id}">Casey Clerk</option>`);
  const res = await fetch(server.url(formAction(page)), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['_emu_form', formToken(page)], ['custpage_apikey', 'k'.repeat(40)], ['custpage_name', 'Initech']]).toString(),
  });
  const got = (await res.json()) as { parameters: Record<string, string> };
  expect(got.parameters.custpage_name).toBe('Initech');
  expect(vault.reveal(got.parameters.custpage_apikey!)).toBe('k'.repeat(40));
});

it('runs as the simulated viewer in the SUITELET context, and TESTING only for the owner (the admin)', async () => {
  const who = await fetch(server.url(pathFor('customdeploy_fsc_sl_config', { action: 'whoami' })));
  expect(JSON.parse(await who.text())).toEqual({ role: 'administrator', user: rt.currentUser().id, context: 'SUITELET' });
  expect((await fetch(server.url(pathFor('customdeploy_fsc_sl_testing', { action: 'whoami' })))).status).toBe(200);
  const other = await fetch(server.url(pathFor('customdeploy_fsc_sl_testing', { action: 'whoami' })), { headers: { 'X-Emulator-User': '999' } });
  expect(other.status).toBe(403);
});

it("meters through the core's ledger with the Suitelet limit", async () => {
  rt.ledger.reset();
  const res = await fetch(server.url(pathFor('customdeploy_fsc_sl_config', { action: 'spend', count: '3' })));
  expect(await res.text()).toBe('remaining=940');
  expect(rt.ledger.total({ scriptId: SCRIPT })).toMatchObject({ units: 60, invocations: 1 });
});

it('runs as a runtime user named in X-Emulator-User, with that user\'s role', async () => {
  const res = await fetch(server.url(pathFor('customdeploy_fsc_sl_config', { action: 'whoami' })), { headers: { 'X-Emulator-User': String(clerk!.id) } });
  expect(res.status).toBe(200);
  expect(JSON.parse(await res.text())).toEqual({ role: 'customrole_fsc_config', user: clerk!.id, context: 'SUITELET' });
});
