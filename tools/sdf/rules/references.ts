/**
 * `[scriptid=x]` and `[scriptid=x.y]` must name an object (and a part of it) in this project:
 * SDF resolves them at deploy time and fails on a dangling one. `[appid=..., scriptid=...]`
 * references point into other SuiteApps and are not checked.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import type { SdfObject } from '../model';

const REF = /\[scriptid=([a-z0-9_]+)(?:\.([a-z0-9_]+))?\]/gi;

function partIds(o: SdfObject): string[] {
  switch (o.kind) {
    case 'script':
      return [...o.deployments.map((d) => d.scriptid), ...o.parameters.map((p) => p.scriptid)];
    case 'customrecordtype':
      return o.fields.map((f) => f.scriptid);
    case 'customlist':
      return o.values.map((v) => v.scriptid);
    default:
      return [];
  }
}

export const references: Rule = {
  id: 'reference',
  check({ project }) {
    const byId = new Map(project.objects.map((o) => [o.scriptid, o]));
    // An object whose file could not be parsed is unknown, not missing: say nothing about it.
    const unreadable = new Set(project.readProblems.map((p) => p.file.slice(p.file.lastIndexOf('/') + 1).replace(/\.xml$/, '')));
    const problems: Problem[] = [];
    for (const o of project.objects) {
      for (const leaf of o.leaves) {
        for (const m of leaf.value.matchAll(REF)) {
          const [text, id, part] = m as unknown as [string, string, string | undefined];
          const target = byId.get(id);
          if (!target && unreadable.has(id)) continue;
          if (!target) {
            problems.push({ file: o.file, line: leaf.line, rule: this.id, message: `<${leaf.tag}> references ${text}, which is not an object in this project` });
          } else if (part && !partIds(target).includes(part)) {
            problems.push({ file: o.file, line: leaf.line, rule: this.id, message: `<${leaf.tag}> references ${text}, but ${target.file} has no "${part}"` });
          }
        }
      }
    }
    return problems;
  },
};
