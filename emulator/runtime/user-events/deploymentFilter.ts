/**
 * Which User Event deployments fire for a save (docs/netsuite-platform-facts.md §3, §6):
 * deployed, RELEASED (TESTING only for the script owner), the record type (CUSTOMER also for
 * leads and prospects when `customerDeploymentsFireForLeads`), the execution context filter,
 * the event type filter and the audience.
 */
import type { ExecutionContextType } from '../execution';
import type { DeploymentDefinition, ScriptDefinition } from '../project/definitions';
import type { ScriptUser } from '../services';

export type UserEventType = 'create' | 'edit' | 'xedit' | 'delete' | 'copy' | 'view';

export interface UserEventTrigger {
  /** The record's type as scripts name it: 'customer', 'lead', 'prospect', 'contact', 'customrecord_x'. */
  recordType: string;
  eventType: UserEventType;
  executionContext: ExecutionContextType;
  user: ScriptUser;
}

export interface DeploymentMatchOptions {
  /** [open] in the platform doc: does a CUSTOMER deployment fire for leads and prospects? */
  customerDeploymentsFireForLeads: boolean;
}

export function deploymentApplies(
  script: ScriptDefinition,
  dep: DeploymentDefinition,
  trigger: UserEventTrigger,
  options: DeploymentMatchOptions,
): boolean {
  if (script.scriptType !== 'USEREVENT' || !dep.isDeployed) return false;
  if (dep.status === 'TESTING') {
    if (script.ownerId === undefined || script.ownerId !== trigger.user.id) return false;
  } else if (dep.status !== 'RELEASED') return false;
  const depType = (dep.recordType ?? '').toLowerCase();
  const recType = trigger.recordType.toLowerCase();
  const typeMatches =
    depType === recType ||
    (depType === 'customer' && (recType === 'lead' || recType === 'prospect') && options.customerDeploymentsFireForLeads);
  if (!typeMatches) return false;
  if (dep.executionContexts && !dep.executionContexts.includes(trigger.executionContext)) return false;
  if (dep.eventTypes && !dep.eventTypes.map((e) => e.toLowerCase()).includes(trigger.eventType)) return false;
  if (dep.allRoles !== true && dep.audienceRoles && !inAudience(dep.audienceRoles, trigger.user)) return false;
  return true;
}

/** Audience entries are role ids ('3'), standard role names ('ADMINISTRATOR') or '[scriptid=customrole_x]'. */
function inAudience(roles: string[], user: ScriptUser): boolean {
  const mine = new Set([user.role, user.roleId].map((r) => r.toLowerCase()));
  return roles.some((raw) => {
    const r = (/^\[scriptid=([^\]]+)\]$/.exec(raw.trim())?.[1] ?? raw.trim()).toLowerCase();
    return mine.has(r);
  });
}
