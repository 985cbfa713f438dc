/** A runtime over the compiled fixtures, with the custom record and field they use. */
import { NetSuiteRuntime, type NetSuiteRuntimeOptions } from '../../../../emulator/runtime/netSuiteRuntime';
import type { DeploymentDefinition, ScriptDefinition } from '../../../../emulator/runtime/project/definitions';
import { emptyProject } from '../../../../emulator/runtime/project/definitions';
import { compileFixtures, fixtureFile } from './compileFixtures';

export function fixtureRuntime(options: NetSuiteRuntimeOptions = {}): NetSuiteRuntime {
  const rt = new NetSuiteRuntime({ sdfRoot: compileFixtures(), project: emptyProject(), ...options });
  rt.defineCustomRecordType({
    scriptId: 'customrecord_fx_seen',
    recordName: 'Fixture: seen events',
    includeName: true,
    fields: [
      { scriptId: 'custrecord_fx_event', label: 'Event', fieldType: 'TEXT' },
      { scriptId: 'custrecord_fx_context', label: 'Context', fieldType: 'TEXT' },
      { scriptId: 'custrecord_fx_record_id', label: 'Record id', fieldType: 'INTEGER' },
      { scriptId: 'custrecord_fx_payload', label: 'Payload', fieldType: 'CLOBTEXT' },
    ],
  });
  rt.defineEntityField({ scriptId: 'custentity_fx_tier', label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: true });
  return rt;
}

export function deployment(overrides: Partial<DeploymentDefinition> = {}): DeploymentDefinition {
  return {
    scriptId: 'customdeploy_fx_recorder',
    status: 'RELEASED',
    isDeployed: true,
    logLevel: 'DEBUG',
    recordType: 'customer',
    parameterValues: {},
    allRoles: true,
    extra: {},
    ...overrides,
  };
}

export function recorderScript(deployments: DeploymentDefinition[], overrides: Partial<ScriptDefinition> = {}): ScriptDefinition {
  return {
    scriptId: 'customscript_fx_recorder',
    name: 'Fixture recorder',
    scriptType: 'USEREVENT',
    scriptFile: fixtureFile('ue_recorder'),
    parameters: [{ scriptId: 'custscript_fx_mode', fieldType: 'TEXT' }],
    deployments,
    ...overrides,
  };
}

export interface Seen {
  entry: string;
  type: string;
  context: string;
  newRecord: { id: string; type: string; fields: Record<string, unknown> } | null;
  oldRecord: { id: string; type: string; fields: Record<string, unknown> } | null;
  remaining: number;
}

/** What the recorder logged, in order. */
export function seenEvents(rt: NetSuiteRuntime): Seen[] {
  return rt.logs.filter((l) => l.scriptId === 'customscript_fx_recorder' && l.title === 'seen').map((l) => JSON.parse(l.details) as Seen);
}
