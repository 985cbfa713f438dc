/**
 * The real local runtime for driver tests that need no fixture scripts: an empty project in a
 * throw-away SDF root, and a way to run test code as a bare script execution (the platform
 * only allows N/ calls inside one).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScriptExecution } from '../../../../emulator/runtime/execution';
import { NetSuiteRuntime } from '../../../../emulator/runtime/netSuiteRuntime';
import { emptyProject } from '../../../../emulator/runtime/project/definitions';
import { usageLimit } from '../../../../emulator/runtime/governance';
import type { ScriptUser } from '../../../../emulator/runtime/services';

export function emptyRuntime(): NetSuiteRuntime {
  const sdfRoot = mkdtempSync(join(tmpdir(), 'sdf-'));
  return new NetSuiteRuntime({ sdfRoot, appId: 'com.freshsync.connector', project: emptyProject() });
}

/** Runs `body` as a Suitelet execution of `scriptId` (no deployment record needed), as `user` or the runtime's user. */
export function asScript<T>(rt: NetSuiteRuntime, scriptId: string, body: (e: ScriptExecution) => T, user?: ScriptUser): T {
  const deploymentId = 'customdeploy_test';
  const execution: ScriptExecution = {
    scriptId,
    deploymentId,
    scriptType: 'SUITELET',
    executionContext: 'SUITELET',
    meter: rt.ledger.open({ scriptId, deploymentId }, usageLimit('SUITELET')),
    parameters: {},
    user: user ?? rt.currentUser(),
  };
  return rt.executions.run(execution, () => body(execution));
}
