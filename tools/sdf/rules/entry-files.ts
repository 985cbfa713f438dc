/** The built entry file of every script object, read and analysed once for the rules that check them. */
import { analyzeEntryFile, type EntryFileAnalysis } from '../entry-file';
import { fileCabinetPath, type SdfScript } from '../model';
import type { RuleContext } from './rule';

export interface ScriptEntryFile {
  script: SdfScript;
  /** Project-relative path of the built file (under FileCabinet/). */
  file: string;
  analysis: EntryFileAnalysis;
}

/** Scripts whose file exists; a missing file is the scriptfile rule's to report. */
export function scriptEntryFiles(ctx: RuleContext): ScriptEntryFile[] {
  return ctx.project.scripts.flatMap((script) => {
    if (!script.scriptfile) return [];
    const file = fileCabinetPath(script.scriptfile.path);
    const text = ctx.readText(file);
    return text === undefined ? [] : [{ script, file, analysis: analyzeEntryFile(text, file) }];
  });
}
