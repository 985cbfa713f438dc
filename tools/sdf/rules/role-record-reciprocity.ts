/**
 * A role that grants a custom record must be granted back, at the same level, in the record's own
 * <permissions>; SDF's server validation rejects the project otherwise.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { normalizeLevel } from '../permissions';

export const roleRecordReciprocity: Rule = {
  id: 'role-record-reciprocity',
  check({ project }) {
    const problems: Problem[] = [];
    for (const role of project.roles) {
      for (const p of role.permissions) {
        if (!p.recordScriptid) continue;
        const record = project.customRecordTypes.find((r) => r.scriptid === p.recordScriptid);
        if (!record) continue; // a missing object is reported by the references rule
        const back = record.permissions.find((rp) => rp.roleScriptid === role.scriptid);
        const at = { file: role.file, line: p.line, rule: this.id };
        if (!back) {
          problems.push({ ...at, message: `role ${role.scriptid} grants ${record.scriptid} (${p.level}) but ${record.file} does not list the role in its <permissions>` });
        } else if (normalizeLevel(back.level) !== normalizeLevel(p.level)) {
          problems.push({ ...at, message: `role ${role.scriptid} grants ${record.scriptid} at ${p.level} but ${record.file}:${back.line} grants the role ${back.level}` });
        }
      }
    }
    return problems;
  },
};
