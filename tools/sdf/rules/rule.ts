/** The shape every validator rule has: a name and a pure check over the parsed project. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../problem';
import type { SdfProject } from '../model';

export interface RuleContext {
  project: SdfProject;
  /** Text of a project-relative file, or undefined when it does not exist. Cached. */
  readText(relativePath: string): string | undefined;
}

export interface Rule {
  id: string;
  check(ctx: RuleContext): Problem[];
}

export function createContext(project: SdfProject): RuleContext {
  const cache = new Map<string, string | undefined>();
  return {
    project,
    readText(relativePath) {
      if (!cache.has(relativePath)) {
        const full = join(project.root, relativePath);
        cache.set(relativePath, existsSync(full) ? readFileSync(full, 'utf8') : undefined);
      }
      return cache.get(relativePath);
    },
  };
}
