/**
 * What the setup checklist (domain/setupChecklist.ts) is decided from, read on each view of the
 * admin page without calling Freshsuccess. Units, measured in __tests__/e2e/admin:
 * - token-based authentication: N/runtime, 0;
 * - the token role: its internal id from N/cache (1; on a miss one role search, 10, and a put, 1:
 *   the id of an installed role does not change) and whether it is active, one lookupFields (1);
 * - its holders: one paged count of active employees with the role (5; no page is fetched);
 * - the scheduled deployments: one search (10).
 * So 17 a view once the role's id is cached. Nothing here throws: what could not be read is null
 * and the checklist says "not checked" with where to look.
 *
 * [open] (docs/netsuite-platform-facts.md §7): that runtime.isFeatureInEffect knows token-based
 * authentication as 'TBA' (the manifest's feature id); that a role search filters on `scriptid`
 * (if refused, the role is found by its installed name instead); that a deployment search returns
 * `status` as the id (SCHEDULED) rather than its label and `scriptid` in lower case (both forms
 * are accepted).
 */
import * as cache from 'N/cache';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import { isChecked } from '../domain/checkbox';
import { TOKEN_ROLE, type ScheduledDeployment, type TokenRoleFacts } from '../domain/setupChecklist';
import { logger } from './platform';
import { SCRIPTS } from './schema';

/** The feature id Oracle's feature list and the manifest use for token-based authentication. */
const TBA_FEATURE = 'TBA';

/** The deployments that run on a schedule (src/Objects), as the checklist names them. */
const SCHEDULED_DEPLOYMENTS = [
  { scriptId: SCRIPTS.sweep.scheduled, title: 'FreshSync Sweep' },
  { scriptId: SCRIPTS.drain.scheduled, title: 'FreshSync Drain safety net' },
] as const;

const ROLE_KEY = 'token_role_id';

function roleCache(): cache.Cache {
  return cache.getCache({ name: 'fsc_setup', scope: cache.Scope.PROTECTED });
}

function why(e: unknown): string {
  return String((e as { message?: unknown })?.message ?? e);
}

export function tokenAuthEnabled(): boolean | null {
  try {
    return runtime.isFeatureInEffect({ feature: TBA_FEATURE });
  } catch (e) {
    logger.error('FreshSync could not ask whether token-based authentication is enabled', why(e));
    return null;
  }
}

/** The role by its script id (10), or by its installed name where a role search has no script id filter. */
function findTokenRole(): { id: string; inactive: boolean } | null {
  const first = (filters: unknown[]) => search.create({ type: search.Type.ROLE, filters, columns: ['isinactive'] }).run().getRange({ start: 0, end: 1 })[0];
  let row: search.Result | undefined;
  try {
    row = first([['scriptid', 'is', TOKEN_ROLE.scriptId]]);
  } catch (e) {
    if ((e as { name?: unknown })?.name !== 'SSS_INVALID_SRCH_FILTER') throw e;
    row = first([['name', 'is', TOKEN_ROLE.name]]);
  }
  return row ? { id: String(row.id), inactive: isChecked(row.getValue({ name: 'isinactive' })) } : null;
}

/** Active employees holding the role: a paged search's count (5 units, no page fetched). */
function holders(roleId: string): number | null {
  try {
    return search.create({ type: search.Type.EMPLOYEE, filters: [['role', 'anyof', roleId], 'AND', ['isinactive', 'is', 'F']] }).runPaged({ pageSize: 5 }).count;
  } catch (e) {
    logger.error('FreshSync could not count the employees holding the token role', why(e));
    return null;
  }
}

export function tokenRole(): TokenRoleFacts | null {
  try {
    let id = roleCache().get({ key: ROLE_KEY }) ?? null;
    let inactive = false;
    if (id !== null) {
      // The cached id is checked (1): a role deleted and installed again has a new one.
      const found = search.lookupFields({ type: search.Type.ROLE, id, columns: ['isinactive'] }) as Record<string, unknown>;
      if (Object.keys(found).length === 0) id = null;
      else inactive = isChecked(found.isinactive);
    }
    if (id === null) {
      const role = findTokenRole();
      if (!role) return { found: false };
      ({ id, inactive } = role);
      roleCache().put({ key: ROLE_KEY, value: id });
    }
    return { found: true, inactive, holders: holders(id) };
  } catch (e) {
    logger.error('FreshSync could not look up the token role', why(e));
    return null;
  }
}

/** The scheduled deployments as the account has them now: one search (10 units). */
export function scheduledDeployments(): ScheduledDeployment[] | null {
  try {
    const filters: unknown[] = [];
    for (const d of SCHEDULED_DEPLOYMENTS) filters.push(...(filters.length ? ['OR'] : []), ['scriptid', 'is', d.scriptId]);
    const rows = search.create({ type: search.Type.SCRIPT_DEPLOYMENT, filters, columns: ['scriptid', 'status', 'isdeployed'] }).run().getRange({ start: 0, end: 10 });
    return SCHEDULED_DEPLOYMENTS.map((d) => {
      const row = rows.find((r) => String(r.getValue({ name: 'scriptid' })).toLowerCase() === d.scriptId);
      return { scriptId: d.scriptId, title: d.title, found: row ? { deployed: isChecked(row.getValue({ name: 'isdeployed' })), status: String(row.getValue({ name: 'status' }) ?? '') } : null };
    });
  } catch (e) {
    logger.error('FreshSync could not read its script deployments', why(e));
    return null;
  }
}
