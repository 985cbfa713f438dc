/**
 * The built-entry guard: what every built SuiteScript file must satisfy before it may reach an
 * account. Entry files (under <appid>/entry/) carry the header first, `@NApiVersion 2.1`, the
 * `@NScriptType` of the script object that points at them, and exactly one define(...). Every built
 * module, entry or not, must not call an N/ module while loading (NetSuite forbids N/ calls
 * outside entry points, and they would run on every script load).
 */
import { analyzeEntryFile } from './entry-file';
import { headerProblems } from './rules/entry-header';
import { SCRIPT_TYPES } from './object-types';

const KNOWN_SCRIPT_TYPES = new Set(Object.values(SCRIPT_TYPES).map((t) => t.nScriptType));

export interface GuardFinding {
  line: number;
  message: string;
}

/** Findings for a built module that is not an entry point. */
export function checkBuiltModule(text: string, fileName = 'module.js'): GuardFinding[] {
  const analysis = analyzeEntryFile(text, fileName);
  const findings: GuardFinding[] = [];
  if (analysis.defineCount !== 1) findings.push({ line: analysis.defineLine, message: `expected exactly one define(...), found ${analysis.defineCount}` });
  for (const call of analysis.topLevelNCalls) {
    findings.push({ line: call.line, message: `${call.callee}(...) calls ${call.module} at module top level; move it into a function` });
  }
  return findings;
}

/**
 * Findings for a built entry file. `expectedScriptType` is the @NScriptType its script object
 * implies; undefined when no script object references the file (reported as a finding too).
 */
export function checkBuiltEntry(text: string, expectedScriptType: string | undefined, fileName = 'entry.js'): GuardFinding[] {
  const analysis = analyzeEntryFile(text, fileName);
  const findings: GuardFinding[] = [];
  if (!text.startsWith('/**') && analysis.header.headerFirst) findings.push({ line: 1, message: 'the file does not start with /** (nothing, not even whitespace, may precede the header)' });
  for (const message of headerProblems(analysis, expectedScriptType)) findings.push({ line: 1, message });
  const declared = analysis.header.tags.NScriptType;
  if (declared && !KNOWN_SCRIPT_TYPES.has(declared)) findings.push({ line: 1, message: `@NScriptType ${declared} is not a script type this SuiteApp knows` });
  if (expectedScriptType === undefined) findings.push({ line: 1, message: 'no script object in Objects/ references this entry file' });
  findings.push(...checkBuiltModule(text, fileName));
  return findings;
}
