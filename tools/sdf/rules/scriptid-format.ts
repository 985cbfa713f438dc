/** Each object type has its scriptid prefix and a maximum length; so do deployments, parameters, fields and list values. */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { DEPLOYMENT_ID, LIST_VALUE_ID, OBJECT_ID_RULES, RECORD_FIELD_ID, SCRIPT_PARAMETER_ID, type IdRule } from '../object-types';

const ID_CHARS = /^[a-z0-9_]+$/;

function checkId(id: string, rule: IdRule, what: string, file: string, line: number, ruleId: string): Problem[] {
  const problems: Problem[] = [];
  if (!id) return [{ file, line, rule: ruleId, message: `${what} has no scriptid` }];
  if (!id.startsWith(rule.prefix)) problems.push({ file, line, rule: ruleId, message: `${what} scriptid "${id}" must start with "${rule.prefix}"` });
  if (id.length > rule.maxLength) problems.push({ file, line, rule: ruleId, message: `${what} scriptid "${id}" is ${id.length} characters; the limit is ${rule.maxLength}` });
  if (!ID_CHARS.test(id)) problems.push({ file, line, rule: ruleId, message: `${what} scriptid "${id}" may hold only lowercase letters, digits and underscores` });
  return problems;
}

export const scriptidFormat: Rule = {
  id: 'scriptid-format',
  check({ project }) {
    const problems: Problem[] = [];
    for (const o of project.objects) {
      const idRule = OBJECT_ID_RULES[o.rootTag];
      if (idRule) problems.push(...checkId(o.scriptid, idRule, `<${o.rootTag}>`, o.file, o.line, this.id));
      if (o.kind === 'script') {
        for (const d of o.deployments) problems.push(...checkId(d.scriptid, DEPLOYMENT_ID, 'deployment', o.file, d.line, this.id));
        for (const p of o.parameters) problems.push(...checkId(p.scriptid, SCRIPT_PARAMETER_ID, 'script parameter', o.file, p.line, this.id));
      } else if (o.kind === 'customrecordtype') {
        for (const f of o.fields) problems.push(...checkId(f.scriptid, RECORD_FIELD_ID, 'custom record field', o.file, f.line, this.id));
      } else if (o.kind === 'customlist') {
        for (const v of o.values) problems.push(...checkId(v.scriptid, LIST_VALUE_ID, 'list value', o.file, v.line, this.id));
      }
    }
    return problems;
  },
};
