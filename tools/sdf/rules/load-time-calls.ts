/**
 * No built module of the SuiteApp may call an N/ module while it loads (outside any function):
 * NetSuite rejects N/ calls outside entry points, and such calls would run on every script load.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { analyzeEntryFile } from '../entry-file';

function jsFiles(root: string, rel: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, rel)).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const child = `${rel}/${n}`;
    if (statSync(join(root, child)).isDirectory()) return jsFiles(root, child);
    return n.endsWith('.js') ? [child] : [];
  });
}

export const loadTimeCalls: Rule = {
  id: 'load-time-n-call',
  check(ctx) {
    const appId = ctx.project.manifest?.appId;
    if (!appId) return [];
    const problems: Problem[] = [];
    for (const file of jsFiles(ctx.project.root, `FileCabinet/SuiteApps/${appId}`)) {
      const text = ctx.readText(file);
      if (text === undefined) continue;
      for (const call of analyzeEntryFile(text, file).topLevelNCalls) {
        problems.push({ file, line: call.line, rule: this.id, message: `${call.callee}(...) calls ${call.module} when the module loads; move it into a function` });
      }
    }
    return problems;
  },
};
