/** The built module must export the entry points its script type runs, or NetSuite refuses the script. */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import type { ScriptType } from '../object-types';
import { scriptEntryFiles } from './entry-files';

/** What is missing from `exported` for a script of `type`; undefined when the exports suffice. */
function missingEntryPoints(type: ScriptType, exported: readonly string[]): string | undefined {
  const has = (n: string): boolean => exported.includes(n);
  switch (type) {
    case 'usereventscript':
      return ['beforeLoad', 'beforeSubmit', 'afterSubmit'].some(has) ? undefined : 'at least one of beforeLoad, beforeSubmit, afterSubmit';
    case 'mapreducescript': {
      const missing = [];
      if (!has('getInputData')) missing.push('getInputData');
      if (!has('map') && !has('reduce')) missing.push('map or reduce');
      return missing.length ? missing.join(' and ') : undefined;
    }
    case 'suitelet':
      return has('onRequest') ? undefined : 'onRequest';
    case 'scheduledscript':
      return has('execute') ? undefined : 'execute';
    case 'restlet':
      return ['get', 'post', 'put', 'delete'].some(has) ? undefined : 'at least one of get, post, put, delete';
    case 'clientscript':
      return exported.length > 0 ? undefined : 'at least one client entry point (pageInit, fieldChanged, saveRecord, ...)';
  }
}

export const entryExports: Rule = {
  id: 'entry-exports',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { script: s, file, analysis } of scriptEntryFiles(ctx)) {
      if (analysis.defineCount === 0) continue; // reported by entry-header
      const missing = missingEntryPoints(s.type, analysis.exports);
      if (missing) {
        problems.push({
          file,
          line: analysis.defineLine,
          rule: this.id,
          message: `${s.type} ${s.scriptid} must export ${missing}; the module exports ${analysis.exports.length ? analysis.exports.join(', ') : 'nothing'}`,
        });
      }
    }
    return problems;
  },
};
