/**
 * Runs the User Event entry points of every matching deployment around a save, as its own
 * script execution (own 1,000-unit meter, the trigger's execution context). beforeSubmit
 * errors propagate and abort the save; afterSubmit errors are written to the execution log and
 * the save stands. A deployment with runasrole runs with that role (runAsRole below). Nothing fires while a User Event is running (no chaining).
 */
import type { ExecutionStack } from '../execution';
import type { ProjectDefinition, ScriptDefinition, DeploymentDefinition } from '../project/definitions';
import type { RunOptions, ScriptUser } from '../services';
import { deploymentApplies, type DeploymentMatchOptions, type UserEventTrigger } from './deploymentFilter';

export interface UserEventHost {
  project(): ProjectDefinition;
  executions: ExecutionStack;
  runScript<T>(options: RunOptions, body: (exports: Record<string, unknown>) => T): T;
  logError(scriptId: string, deploymentId: string, error: unknown): void;
  options: DeploymentMatchOptions;
}

export interface UserEventRecords {
  newRecord: unknown;
  oldRecord: unknown;
  /** beforeLoad only: the page's form (N/ui/serverWidget), when one is rendered. */
  form?: unknown;
}

export type UserEventEntryPoint = 'beforeLoad' | 'beforeSubmit' | 'afterSubmit';

/** context.UserEventType as scripts see it. */
const USER_EVENT_TYPES = Object.freeze({
  APPROVE: 'approve', CANCEL: 'cancel', CHANGEPASSWORD: 'changepassword', COPY: 'copy', CREATE: 'create',
  DELETE: 'delete', DROPSHIP: 'dropship', EDIT: 'edit', EDITFORECAST: 'editforecast', EMAIL: 'email',
  MARKCOMPLETE: 'markcomplete', ORDERITEMS: 'orderitems', PACK: 'pack', PAYBILLS: 'paybills', PRINT: 'print',
  QUICKVIEW: 'quickview', REASSIGN: 'reassign', REJECT: 'reject', SHIP: 'ship', SPECIALORDER: 'specialorder',
  TRANSFORM: 'transform', VIEW: 'view', XEDIT: 'xedit',
});

/**
 * "Execute as Role" (SDF runasrole): the same user, with the deployment's role and that role's
 * permissions. Administrator has every permission; another role's permission list is not modelled,
 * so it gets none beyond what custom records grant it by their own permission lists.
 */
export function runAsRole(user: ScriptUser, role: string | undefined): ScriptUser {
  if (!role) return user;
  const id = role.trim().replace(/^\[scriptid=([^\]]+)\]$/i, '$1').toLowerCase();
  if (id === 'administrator' || id === '3') return { ...user, role: '3', roleId: 'administrator', permissions: undefined };
  return { ...user, role: id, roleId: id, permissions: {} };
}

export class UserEventDispatcher {
  constructor(private readonly host: UserEventHost) {}

  /** Deployments that fire for this trigger, in declaration order; none inside a User Event. */
  targets(trigger: UserEventTrigger): { script: ScriptDefinition; deployment: DeploymentDefinition }[] {
    if (this.host.executions.insideUserEvent()) return [];
    const out: { script: ScriptDefinition; deployment: DeploymentDefinition }[] = [];
    for (const script of this.host.project().scripts) {
      for (const deployment of script.deployments) {
        if (deploymentApplies(script, deployment, trigger, this.host.options)) out.push({ script, deployment });
      }
    }
    return out;
  }

  run(
    entryPoint: UserEventEntryPoint,
    targets: { script: ScriptDefinition; deployment: DeploymentDefinition }[],
    trigger: UserEventTrigger,
    records: UserEventRecords,
  ): void {
    for (const { script, deployment } of targets) {
      const options: RunOptions = {
        scriptId: script.scriptId,
        deploymentId: deployment.scriptId,
        executionContext: trigger.executionContext,
        user: runAsRole(trigger.user, deployment.runAsRole),
      };
      try {
        this.host.runScript(options, (scriptExports) => {
          const fn = scriptExports[entryPoint];
          if (typeof fn !== 'function') return;
          const context = Object.freeze({
            type: trigger.eventType,
            newRecord: records.newRecord,
            ...(entryPoint === 'beforeLoad' ? { form: records.form ?? null, request: null } : { oldRecord: records.oldRecord ?? null }),
            UserEventType: USER_EVENT_TYPES,
          });
          fn(context);
        });
      } catch (e) {
        this.host.logError(script.scriptId, deployment.scriptId, e);
        if (entryPoint !== 'afterSubmit') throw e;
      }
    }
  }
}
