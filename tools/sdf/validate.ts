/** The offline SDF validator: read the project once, run every rule, return problems by file and line. */
import type { Problem } from './problem';
import { readSdfProject, type SdfProject } from './model';
import { createContext } from './rules/rule';
import { RULES } from './rules';

export type { Problem } from './problem';

export interface ValidationReport {
  project: SdfProject;
  problems: Problem[];
}

export function validateProjectReport(sdfRoot: string): ValidationReport {
  const project = readSdfProject(sdfRoot);
  const ctx = createContext(project);
  const problems = [...project.readProblems];
  for (const rule of RULES) problems.push(...rule.check(ctx));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  return { project, problems };
}

export function validateProject(sdfRoot: string): Problem[] {
  return validateProjectReport(sdfRoot).problems;
}
