/** One finding of the offline SDF validator, always tied to a file and a line. */
export interface Problem {
  /** Path relative to the SDF project root (the folder holding manifest.xml), with `/` separators. */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  message: string;
  /** The rule's id, e.g. `role-permission`; one rule per module under tools/sdf/rules/. */
  rule: string;
  /** Warnings are printed but do not fail the run. Absent means error. */
  severity?: 'warning';
}

export function formatProblem(p: Problem, displayFile: string = p.file): string {
  return `${displayFile}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message} [${p.rule}]`;
}

export function isError(p: Problem): boolean {
  return p.severity !== 'warning';
}
