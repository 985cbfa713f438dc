/**
 * Starts the fixture Suitelet behind a real Suitelet server: compiles the fixture like the
 * product build into a throw-away SDF project, installs the Suitelet modules on the core
 * NetSuiteRuntime and listens on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScriptInfo } from '../../../../emulator/runtime/suitelet/catalog';
import { NetSuiteRuntime } from '../../../../emulator/runtime/netSuiteRuntime';
import { emptyProject, type DeploymentStatus, type ScriptDefinition } from '../../../../emulator/runtime/project/definitions';
import type { ScriptType } from '../../../../emulator/runtime/governance';
import { installHttps, type HttpsHandle } from '../../../../emulator/runtime/https/install';
import { SecretVault } from '../../../../emulator/runtime/https/secrets';
import { installSuiteletModules, type SuiteletSupport } from '../../../../emulator/runtime/suitelet/install';
import { startSuiteletServer, type SuiteletServer } from '../../../../emulator/runtime/suitelet/server';
import { compileFixtures } from './compile';

export const SCRIPT = 'customscript_fsc_sl_config';
export const OWNER = 7;

export const scripts = (): ScriptInfo[] => [
  {
    scriptId: SCRIPT,
    scriptType: 'SUITELET',
    scriptFile: '/SuiteApps/com.freshsync.connector/entry/sl_fixture_config.js',
    ownerId: OWNER,
    deployments: [
      { scriptId: 'customdeploy_fsc_sl_config', status: 'RELEASED', isDeployed: true, allRoles: false, audienceRoles: ['ADMINISTRATOR', '[scriptid=customrole_fsc_config]'] },
      { scriptId: 'customdeploy_fsc_sl_all', status: 'RELEASED', isDeployed: true, allRoles: true },
      { scriptId: 'customdeploy_fsc_sl_testing', status: 'TESTING', isDeployed: true, allRoles: true },
      { scriptId: 'customdeploy_fsc_sl_off', status: 'RELEASED', isDeployed: false, allRoles: true },
      { scriptId: 'customdeploy_fsc_sl_online', status: 'RELEASED', isDeployed: true, allRoles: true, extra: { isonline: 'T' } },
    ],
  },
  {
    scriptId: 'customscript_fsc_ue_customer',
    scriptType: 'USEREVENT',
    scriptFile: '/SuiteApps/com.freshsync.connector/entry/ue_customer.js',
    deployments: [{ scriptId: 'customdeploy_fsc_ue_customer', status: 'RELEASED', isDeployed: true, allRoles: true }],
  },
];

const APP = 'com.freshsync.connector';

/** The catalog entry as a project script definition (no parameters; deployments log at DEBUG). */
function definition(s: ScriptInfo): ScriptDefinition {
  return {
    ...s,
    name: s.scriptId,
    scriptType: s.scriptType as ScriptType,
    parameters: [],
    deployments: s.deployments.map((d) => ({ logLevel: 'DEBUG', parameterValues: {}, ...d, status: d.status as DeploymentStatus, extra: d.extra ?? {} })),
  };
}

export interface Harness {
  rt: NetSuiteRuntime;
  support: SuiteletSupport;
  server: SuiteletServer;
  vault: SecretVault;
  https: HttpsHandle;
  builtSource: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const sdfRoot = mkdtempSync(join(tmpdir(), 'fsc-suitelet-'));
  const builtSource = compileFixtures(join(sdfRoot, 'FileCabinet', 'SuiteApps', APP));
  const rt = new NetSuiteRuntime({ sdfRoot, appId: APP, accountId: 'TSTDRV1234567', project: { ...emptyProject(), scripts: scripts().map(definition) } });
  // The vault N/https reads is the one credential fields write to, as in NetSuite.
  const vault = new SecretVault();
  const https = installHttps(rt, { vault });
  const support = installSuiteletModules(rt, { scripts: () => rt.project.scripts, credentialVault: vault });
  const server = await startSuiteletServer(rt, { port: 0 });
  return {
    rt,
    support,
    server,
    vault,
    https,
    builtSource,
    close: async () => {
      await server.close();
      rmSync(sdfRoot, { recursive: true, force: true });
    },
  };
}

/** `/app/site/hosting/scriptlet.nl?script=...&deploy=...&extra` by script ids. */
export function pathFor(deploy: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ script: SCRIPT, deploy, ...extra });
  return `/app/site/hosting/scriptlet.nl?${q.toString()}`;
}

export function formToken(html: string): string {
  const m = /name="_emu_form" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no form token in page');
  return m[1]!;
}

export function formAction(html: string): string {
  const m = /<form id="main_form" method="post" action="([^"]+)"/.exec(html);
  if (!m) throw new Error('no form action in page');
  return m[1]!.replace(/&amp;/g, '&');
}
