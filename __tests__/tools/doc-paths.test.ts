/**
 * Docs name files that exist. For every Markdown file of the repository (README.md files and
 * docs/*.md), this checks two things and nothing more:
 * - every relative link target `[text](path)` exists, relative to the Markdown file;
 * - every backticked token that looks like a repository path (it ends in a source or doc
 *   extension or in `/`, or starts with a top-level folder or a layer of src/TypeScript) names a
 *   file or folder: relative to the Markdown file or the repository root, or as the tail of a path
 *   in the repository (docs often write `app/drain.ts` for `src/TypeScript/app/drain.ts`).
 * Case counts (`UserEventDispatcher.ts` does not name `userEventDispatcher.ts`). It does not check
 * that the file says what the doc claims, nor paths written without backticks.
 *
 * Section citations of the two fact files ("netsuite-platform-facts.md §4", "platform §1",
 * "freshsuccess-api-contract.md §2, §6") are checked to name a numbered section that exists, in
 * docs, READMEs and source comments; whether the section says what the citation relies on is
 * for review (bare "§4" after a link is not resolved here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** Not the repository's own files: dependencies, build output, git. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'build', 'coverage', 'SuiteApps']);
/** Files a command writes and git ignores (a bench run's result, the SuiteCloud CLI's account link), by name. */
const GENERATED = new Set(['latest.local.json', 'project.json']);
const TOP_FOLDERS = new Set(['src', 'emulator', 'tools', 'bench', '__tests__', 'docs', 'runtime', 'app', 'domain', 'netsuite', 'freshsuccess', 'entry']);
const PATH_LIKE = /^[\w@-][\w.@-]*(\/[\w.@-]+)*\/?$/;
const EXTENSION = /\.(ts|js|cjs|mjs|json|md|xml)$/;

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    out.push(relative(ROOT, path));
    if (entry.isDirectory()) walk(path, out);
  }
  return out;
}

const repoPaths = walk(ROOT, []);
const markdown = repoPaths.filter((p) => p.endsWith('.md') && (p.startsWith('docs/') || p.endsWith('README.md')));

function looksLikeRepoPath(token: string): boolean {
  if (!PATH_LIKE.test(token) || token.startsWith('N/')) return false;
  return EXTENSION.test(token) || token.endsWith('/') || (token.includes('/') && TOP_FOLDERS.has(token.split('/')[0]!));
}

function names(token: string, docDir: string): boolean {
  const path = token.replace(/\/$/, '');
  if (existsSync(join(ROOT, docDir, path)) || existsSync(join(ROOT, path)) || GENERATED.has(basename(path))) return true;
  return repoPaths.some((p) => p === path || p.endsWith(`/${path}`));
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

test('every backticked repository path and every relative link in the docs and READMEs exists', () => {
  const missing: string[] = [];
  let paths = 0;
  let links = 0;
  for (const doc of markdown) {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const docDir = dirname(doc);
    for (const m of text.matchAll(/`([^`\n]+)`/g)) {
      if (!looksLikeRepoPath(m[1]!)) continue;
      paths++;
      if (!names(m[1]!, docDir)) missing.push(`${doc}:${lineOf(text, m.index)}: \`${m[1]}\``);
    }
    for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
      if (/^(https?:|mailto:)/.test(m[1]!)) continue;
      links++;
      if (!existsSync(join(ROOT, docDir, m[1]!))) missing.push(`${doc}:${lineOf(text, m.index)}: link (${m[1]})`);
    }
  }
  expect(missing).toEqual([]);
  // The scan found what the docs hold (a broken pattern would check nothing and pass).
  expect(markdown.length).toBeGreaterThanOrEqual(25);
  expect(paths).toBeGreaterThan(200);
  expect(links).toBeGreaterThan(30);
});

test('the check refuses a wrong case and a missing file', () => {
  expect(names('emulator/runtime/user-events/userEventDispatcher.ts', '.')).toBe(true);
  expect(names('user-events/userEventDispatcher.ts', 'docs')).toBe(true);
  expect(names('emulator/runtime/user-events/UserEventDispatcher.ts', '.')).toBe(false);
  expect(names('app/noSuchFile.ts', 'docs')).toBe(false);
  expect(looksLikeRepoPath('N/https')).toBe(false);
  expect(looksLikeRepoPath('M/D/YYYY')).toBe(false);
  expect(looksLikeRepoPath('domain/checkbox.ts')).toBe(true);
});

const FACT_FILES = { platform: 'docs/netsuite-platform-facts.md', contract: 'docs/freshsuccess-api-contract.md' } as const;
const CITATION = /(netsuite-platform-facts\.md|freshsuccess-api-contract\.md|platform(?: doc)?)\]?(?:\([^)]*\))?\s*\(?((?:§\s?\d+(?:[–-]§?\d+)?(?:,\s*|\s+and\s+)?)+)/g;

function sectionCount(file: string): number {
  return [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^## (\d+)\./gm)].length;
}

test('every cited section of the platform facts and the API contract exists', () => {
  const sections = { platform: sectionCount(FACT_FILES.platform), contract: sectionCount(FACT_FILES.contract) };
  expect(sections.platform).toBeGreaterThanOrEqual(7);
  expect(sections.contract).toBeGreaterThanOrEqual(10);
  const cited = repoPaths.filter((p) => /\.(md|ts|cjs|mjs|js)$/.test(p) && !p.includes('fixtures/sdf'));
  const wrong: string[] = [];
  let citations = 0;
  for (const file of cited) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(CITATION)) {
      const doc = m[1]!.startsWith('freshsuccess') ? 'contract' : 'platform';
      for (const n of m[2]!.match(/\d+/g) ?? []) {
        citations++;
        if (Number(n) < 1 || Number(n) > sections[doc]) wrong.push(`${file}:${lineOf(text, m.index)}: ${doc} §${n}`);
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(citations).toBeGreaterThan(40);
});
