/**
 * NetSuite reads the JSDoc header of an entry file only when it is the first thing in the file;
 * it must say `@NApiVersion 2.1` and the `@NScriptType` of the script object that points at it.
 * Problems are reported at the built file's line (the file is under FileCabinet/).
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { SCRIPT_TYPES } from '../object-types';
import type { EntryFileAnalysis } from '../entry-file';
import { scriptEntryFiles } from './entry-files';

/** Problems with an entry file's header, given the @NScriptType its script object expects. */
export function headerProblems(analysis: EntryFileAnalysis, expectedScriptType: string | undefined): string[] {
  const { header } = analysis;
  if (!header.headerFirst || !header.tags.NApiVersion) {
    if (header.tagsElsewhere) return ['the @NApiVersion/@NScriptType header is not the first thing in the file (NetSuite ignores it there)'];
    return ['the /** @NApiVersion 2.1 @NScriptType ... */ header is missing'];
  }
  const out: string[] = [];
  if (header.tags.NApiVersion !== '2.1') out.push(`@NApiVersion is ${header.tags.NApiVersion}; SuiteScript 2.1 is required`);
  const actual = header.tags.NScriptType;
  if (!actual) out.push('@NScriptType is missing from the header');
  else if (expectedScriptType && actual !== expectedScriptType) out.push(`@NScriptType is ${actual} but the script object expects ${expectedScriptType}`);
  return out;
}

export const entryHeader: Rule = {
  id: 'entry-header',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { script: s, file, analysis } of scriptEntryFiles(ctx)) {
      for (const message of headerProblems(analysis, SCRIPT_TYPES[s.type].nScriptType)) {
        problems.push({ file, line: 1, rule: this.id, message: `${message} (script ${s.scriptid}, ${s.file})` });
      }
      if (analysis.defineCount !== 1) {
        problems.push({ file, line: analysis.defineLine, rule: this.id, message: `expected exactly one define(...), found ${analysis.defineCount} (script ${s.scriptid})` });
      }
    }
    return problems;
  },
};
