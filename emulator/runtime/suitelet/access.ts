/**
 * Who may run a Suitelet deployment, per the Help Center's "Errors Related to the Available
 * Without Login URL" table and "Setting Script Deployment Status":
 * - internal URL, RELEASED: runs for roles in the audience (All Roles, or audslctrole);
 *   others get "You do not have privileges to view this page."
 * - internal URL, TESTING: runs only for the script owner (whatever the audience).
 * - external URL (available without login): TESTING → "You are not allowed to go directly to
 *   this page."; RELEASED → runs as the Online Form User role (-31), user -4.
 * Undeployed or unknown deployments get INVALID_SCRIPTLET_ID.
 */
import { flag, isOnline, type ResolvedDeployment } from './catalog';

/** The simulated logged-in user; the role is a role script id ('administrator', 'customrole_x'). */
export interface Viewer {
  userId: number;
  role: string;
  email: string;
  name: string;
  /** Permission levels by key, when the user comes from the runtime (see `users` option). */
  permissions?: Record<string, number>;
  /** The role's internal id (runtime.getCurrentUser().role), when known. */
  roleInternalId?: string;
}

export type AccessDecision =
  | { ok: true; viewer: Viewer }
  | { ok: false; status: number; code: string; message: string };

export const ONLINE_FORM_USER: Viewer = { userId: -4, role: 'online_form_user', email: '', name: 'Online Form User' };

/** 'ADMINISTRATOR' / '[scriptid=customrole_x]' / 'customrole_x' → comparable role id. */
export function normalizeRole(role: string): string {
  const m = /^\[scriptid=([^\]]+)\]$/i.exec(role.trim());
  return (m ? m[1]! : role).trim().toLowerCase();
}

const NO_PRIVILEGES = 'You do not have privileges to view this page.';

export function decideAccess(found: ResolvedDeployment | undefined, viewer: Viewer, external: boolean): AccessDecision {
  if (!found || found.script.scriptType !== 'SUITELET' || !flag(found.deployment.isDeployed)) {
    return { ok: false, status: 404, code: 'INVALID_SCRIPTLET_ID', message: 'That Suitelet is invalid, disabled, or no longer exists.' };
  }
  const { script, deployment } = found;
  const status = deployment.status.toUpperCase();
  if (external) {
    if (!isOnline(deployment) || status !== 'RELEASED') {
      return { ok: false, status: 403, code: 'INSUFFICIENT_PERMISSION', message: 'You are not allowed to go directly to this page.' };
    }
    return { ok: true, viewer: ONLINE_FORM_USER };
  }
  if (status === 'TESTING') {
    if (script.ownerId !== undefined && script.ownerId === viewer.userId) return { ok: true, viewer };
    return { ok: false, status: 403, code: 'INSUFFICIENT_PERMISSION', message: NO_PRIVILEGES };
  }
  if (status !== 'RELEASED') {
    return { ok: false, status: 404, code: 'INVALID_SCRIPTLET_ID', message: 'That Suitelet is invalid, disabled, or no longer exists.' };
  }
  const audience = (deployment.audienceRoles ?? []).map(normalizeRole);
  if (flag(deployment.allRoles) || audience.includes(normalizeRole(viewer.role))) return { ok: true, viewer };
  return { ok: false, status: 403, code: 'INSUFFICIENT_PERMISSION', message: NO_PRIVILEGES };
}
