/**
 * Deployment fields whose bounds the SDF schema does not carry (it types them as strings), and the
 * audience (the value lists, loglevel included, are the schema rule's):
 * - yieldaftermins is 3..60 and concurrencylimit a positive integer (Map/Reduce);
 * - a User Event, Suitelet, RESTlet or client deployment names an audience (allroles T or
 *   audslctrole), otherwise it runs for nobody: SDF's default for allroles is F.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';

const HAS_AUDIENCE = new Set(['usereventscript', 'suitelet', 'restlet', 'clientscript']);

export const deploymentFields: Rule = {
  id: 'deployment-fields',
  check({ project }) {
    const problems: Problem[] = [];
    for (const s of project.scripts) {
      for (const d of s.deployments) {
        const p = d.props;
        const at = (line: number): Pick<Problem, 'file' | 'line' | 'rule'> => ({ file: s.file, line, rule: this.id });
        if (p.yieldaftermins && !(Number.isInteger(d.yieldaftermins) && (d.yieldaftermins as number) >= 3 && (d.yieldaftermins as number) <= 60)) {
          problems.push({ ...at(p.yieldaftermins.line), message: `deployment ${d.scriptid}: yieldaftermins "${p.yieldaftermins.value}" must be a whole number from 3 to 60` });
        }
        if (p.concurrencylimit && !(Number.isInteger(d.concurrencylimit) && (d.concurrencylimit as number) >= 1)) {
          problems.push({ ...at(p.concurrencylimit.line), message: `deployment ${d.scriptid}: concurrencylimit "${p.concurrencylimit.value}" must be a positive whole number` });
        }
        if (HAS_AUDIENCE.has(s.type) && d.allroles !== true && !(d.audslctrole && d.audslctrole.length > 0)) {
          problems.push({ ...at(d.line), message: `${s.type} deployment ${d.scriptid} has no audience (allroles is not T and audslctrole is empty), so it runs for no one` });
        }
      }
    }
    return problems;
  },
};
