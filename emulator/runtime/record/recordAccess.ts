/**
 * Who may view or change a custom record's entries (Help Center: "Custom Record Type
 * Permissions"; SDF customrecordtype `accesstype` and `permissions`):
 * - NONENEEDED: every role, no permission needed;
 * - CUSTRECORDENTRYPERM (SDF's default): the role's "Custom Record Entries" permission
 *   (key LIST_CUSTRECORDENTRY [open]) at the level the operation needs;
 * - USEPERMISSIONLIST: only roles on the record's own permission list, at their level.
 * The Administrator role (a user without a permission map) may do everything. Levels: view 1,
 * create 2, edit 3, delete 4 (FULL). Checked on N/record and data entry operations; searches and
 * lookupFields are not restricted here.
 */
import { SuiteScriptError } from '../errors';
import type { ScriptUser } from '../services';
import type { RecordTypeSchema } from '../store/schema';
import { roleKey } from '../store/schemaRegistry';

const CUSTOM_RECORD_ENTRIES_PERMISSION = 'LIST_CUSTRECORDENTRY';

export type RecordOperation = 'view' | 'create' | 'edit' | 'delete';
const NEEDED: Record<RecordOperation, number> = { view: 1, create: 2, edit: 3, delete: 4 };

export function requireRecordAccess(schema: RecordTypeSchema, user: ScriptUser, op: RecordOperation): void {
  const rule = schema.access;
  if (!rule || rule.accessType === 'NONENEEDED' || !user.permissions) return;
  const level =
    rule.accessType === 'USEPERMISSIONLIST'
      ? Math.max(rule.levelByRole.get(roleKey(user.roleId)) ?? 0, rule.levelByRole.get(roleKey(user.role)) ?? 0)
      : (user.permissions[CUSTOM_RECORD_ENTRIES_PERMISSION] ?? 0);
  if (level >= NEEDED[op]) return;
  // [open] NetSuite's exact wording; the code and the refusal are documented.
  throw new SuiteScriptError('INSUFFICIENT_PERMISSION', `Permission Violation: role ${user.roleId} may not ${op} ${schema.label} records (${rule.accessType}).`);
}
