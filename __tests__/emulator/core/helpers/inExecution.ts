/**
 * Runs test code as the body of a script execution (a scheduled fixture script), so N module
 * calls made by the test are metered exactly as a script's would be.
 */
import type { NetSuiteRuntime } from '../../../../emulator/runtime/netSuiteRuntime';
import type { ExecutionContextType, ScriptExecution } from '../../../../emulator/runtime/execution';
import { fixtureFile } from './compileFixtures';

/** N modules as the running script gets them. */
// Tests drive N modules loosely, as untyped script code would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function n<T = any>(rt: NetSuiteRuntime, name: string): T {
  return rt.modules.get(name) as T;
}

export function inExecution<T>(rt: NetSuiteRuntime, body: (ex: ScriptExecution) => T, options: { parameters?: Record<string, unknown>; executionContext?: ExecutionContextType } = {}): T {
  const scriptId = 'customscript_fx_probe';
  if (!rt.project.scripts.some((s) => s.scriptId === scriptId)) {
    rt.defineScript({
      scriptId,
      name: 'Probe',
      scriptType: 'SCHEDULED',
      scriptFile: fixtureFile('ss_probe'),
      parameters: [
        { scriptId: 'custscript_fx_limit', fieldType: 'INTEGER' },
        { scriptId: 'custscript_fx_flag', fieldType: 'CHECKBOX' },
        { scriptId: 'custscript_fx_text', fieldType: 'TEXT', defaultValue: 'default text' },
      ],
      deployments: [
        { scriptId: 'customdeploy_fx_probe', status: 'NOTSCHEDULED', isDeployed: true, logLevel: 'DEBUG', parameterValues: { custscript_fx_limit: '25', custscript_fx_flag: 'T' }, extra: {} },
      ],
    });
  }
  return rt.runScript({ scriptId, deploymentId: 'customdeploy_fx_probe', executionContext: options.executionContext ?? 'SCHEDULED', parameters: options.parameters }, (_exports, ex) => body(ex));
}
