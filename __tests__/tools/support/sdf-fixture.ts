/**
 * Broken SDF fixtures are overlays on `__tests__/fixtures/sdf/valid/` (see the README there): a
 * case folder holds only its changed or added files plus an optional `.remove` list. This turns
 * base + overlay into a complete project in a temp folder, so the validator sees a real project.
 *
 * The project lands at `<tempRoot>/__tests__/fixtures/sdf/<case>/`: a path printed relative to
 * tempRoot (the CLI prints paths relative to its cwd) reads exactly like the case's repo path.
 *
 * Manual use: `npx tsx __tests__/tools/support/sdf-fixture.ts <case> <destDir>` writes the full
 * project to destDir, e.g. to run `tools/sdf/cli.ts` on it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

export const SDF_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'sdf');
export const BASE_CASE = 'valid';
export const REMOVE_LIST = '.remove';
const REPO_RELATIVE = join('__tests__', 'fixtures', 'sdf');

export interface MaterialisedFixture {
  /** The complete SDF project (holds manifest.xml). */
  dir: string;
  /** The temp folder holding it; `dir` is `<tempRoot>/__tests__/fixtures/sdf/<case>`. */
  tempRoot: string;
  cleanup(): void;
}

function filesUnder(root: string, from = root): string[] {
  return readdirSync(from).flatMap((name) => {
    const path = join(from, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

/** The `.remove` list: one base-relative path a line; blank lines and `#` comments skipped. */
export function removedPaths(overlay: string): string[] {
  const list = join(overlay, REMOVE_LIST);
  if (!existsSync(list)) return [];
  return readFileSync(list, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const path = normalize(l);
      if (isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) throw new Error(`${list}: "${l}" is not a path inside the base project`);
      return path;
    });
}

/** Writes base + overlay of `name` into `dest` (which must not hold a project yet). */
export function writeSdfFixture(name: string, dest: string): void {
  const base = join(SDF_FIXTURES, BASE_CASE);
  const overlay = join(SDF_FIXTURES, name);
  if (!existsSync(join(base, 'manifest.xml'))) throw new Error(`${base}: the base SDF fixture has no manifest.xml`);
  if (!existsSync(overlay) || !statSync(overlay).isDirectory()) throw new Error(`no SDF fixture case "${name}" under ${SDF_FIXTURES}`);
  cpSync(base, dest, { recursive: true });
  if (name === BASE_CASE) return;

  for (const path of removedPaths(overlay)) {
    if (!existsSync(join(base, path))) throw new Error(`${name}/${REMOVE_LIST}: ${path} is not in ${BASE_CASE}/`);
    rmSync(join(dest, path), { recursive: true });
  }
  for (const file of filesUnder(overlay).filter((f) => f !== REMOVE_LIST)) {
    const inBase = join(base, file);
    // An overlay file equal to the base is a stale copy: the case would silently stop tracking the base.
    if (existsSync(inBase) && readFileSync(inBase).equals(readFileSync(join(overlay, file)))) {
      throw new Error(`${name}/${file} is identical to ${BASE_CASE}/${file}; delete it from the overlay`);
    }
    cpSync(join(overlay, file), join(dest, file));
  }
}

/** A fresh temp copy of the case's complete project; call cleanup() when done. */
export function materialiseSdfFixture(name: string): MaterialisedFixture {
  const tempRoot = mkdtempSync(join(tmpdir(), 'sdf-fixture-'));
  const dir = join(tempRoot, REPO_RELATIVE, name);
  const cleanup = (): void => rmSync(tempRoot, { recursive: true, force: true });
  try {
    writeSdfFixture(name, dir);
  } catch (e) {
    cleanup();
    throw e;
  }
  return { dir, tempRoot, cleanup };
}

/** Runs `use` on a temp copy of the case's project and removes the copy afterwards. */
export function withSdfFixture<T>(name: string, use: (fixture: MaterialisedFixture) => T): T {
  const fixture = materialiseSdfFixture(name);
  try {
    return use(fixture);
  } finally {
    fixture.cleanup();
  }
}

if (require.main === module) {
  const [name, dest] = process.argv.slice(2);
  if (!name || !dest) {
    console.error('usage: tsx __tests__/tools/support/sdf-fixture.ts <case> <destDir>');
    process.exitCode = 2;
  } else if (existsSync(dest) && readdirSync(dest).length > 0) {
    console.error(`${dest}: not empty; give a new or empty folder`);
    process.exitCode = 2;
  } else {
    writeSdfFixture(name, dest);
    console.log(`${name}: complete SDF project written to ${dest}`);
  }
}
