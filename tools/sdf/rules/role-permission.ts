/** A role may list only known permission keys, each at a level the key accepts (table: permissions.ts). */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { PERMISSIONS, normalizeLevel } from '../permissions';

export const rolePermission: Rule = {
  id: 'role-permission',
  check({ project }) {
    const problems: Problem[] = [];
    for (const role of project.roles) {
      const seen = new Set<string>();
      for (const p of role.permissions) {
        const at = { file: role.file, line: p.line, rule: this.id };
        if (seen.has(p.key)) problems.push({ ...at, message: `permission ${p.key} is listed twice` });
        seen.add(p.key);
        const level = normalizeLevel(p.level);
        if (!level) {
          problems.push({ ...at, message: `permission ${p.key}: level "${p.level}" is not one of NONE, VIEW, CREATE, EDIT, FULL` });
          continue;
        }
        if (p.recordScriptid) continue; // custom record permissions take any level; see role-record-reciprocity
        const info = PERMISSIONS[p.key];
        if (!info) {
          problems.push({ ...at, message: `unknown permission key "${p.key}" (known keys are listed in tools/sdf/permissions.ts)` });
        } else if (!info.levels.includes(level)) {
          problems.push({ ...at, message: `permission ${p.key} (${info.name}) does not accept level ${level}; allowed: ${info.levels.join(', ')}` });
        }
      }
    }
    return problems;
  },
};
