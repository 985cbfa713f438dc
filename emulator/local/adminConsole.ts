/**
 * What an administrator does by hand in NetSuite, done from outside any script: submitting a
 * task as the administrator, as from the script debugger console (N/task needs a running
 * execution for its meter and user). The 20 submit units are charged to the console's own
 * pseudo script id, so the SuiteApp's scripts' totals stay their own.
 */
import type { LocalAccount } from '../localAccount';
import { usageLimit } from '../runtime/governance';

export const CONSOLE_SCRIPT_ID = 'emulator_admin_console';
const CONSOLE_DEPLOYMENT_ID = 'emulator_admin_console';

interface TaskModule {
  TaskType: Record<string, string>;
  create(o: { taskType: string; scriptId: string; deploymentId?: string; params?: Record<string, unknown> }): { submit(): string };
}

export function submitAsAdministrator(
  account: LocalAccount,
  task: { taskType?: 'MAP_REDUCE' | 'SCHEDULED_SCRIPT'; scriptId: string; deploymentId?: string; params?: Record<string, unknown> },
): string {
  const { rt } = account;
  const module = account.drivers.task.module as unknown as TaskModule;
  const meter = rt.ledger.open({ scriptId: CONSOLE_SCRIPT_ID, deploymentId: CONSOLE_DEPLOYMENT_ID }, usageLimit('SCHEDULED'));
  return rt.executions.run(
    { scriptId: CONSOLE_SCRIPT_ID, deploymentId: CONSOLE_DEPLOYMENT_ID, scriptType: 'SCHEDULED', executionContext: 'USERINTERFACE', meter, parameters: {}, user: rt.admin },
    () => module.create({ taskType: task.taskType ?? 'MAP_REDUCE', scriptId: task.scriptId, deploymentId: task.deploymentId, params: task.params }).submit(),
  );
}
