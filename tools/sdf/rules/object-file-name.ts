/** SDF requires Objects/<scriptid>.xml, and a scriptid may exist only once in a project. */
import type { Rule } from './rule';
import type { Problem } from '../problem';

export const objectFileName: Rule = {
  id: 'object-file-name',
  check({ project }) {
    const problems: Problem[] = [];
    const seen = new Map<string, string>();
    for (const o of project.objects) {
      const base = o.file.slice(o.file.lastIndexOf('/') + 1).replace(/\.xml$/, '');
      if (base !== o.scriptid) {
        problems.push({ file: o.file, line: o.line, rule: this.id, message: `file name "${base}.xml" differs from scriptid "${o.scriptid}" (must be ${o.scriptid}.xml)` });
      }
      const other = seen.get(o.scriptid);
      if (other) problems.push({ file: o.file, line: o.line, rule: this.id, message: `scriptid "${o.scriptid}" is also defined in ${other}` });
      else seen.set(o.scriptid, o.file);
    }
    return problems;
  },
};
