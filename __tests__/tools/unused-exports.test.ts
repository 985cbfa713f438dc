/**
 * No exported value (const, let, function, class) in src/TypeScript, emulator/, tools/ or bench/
 * is used only by its own file: un-export it, or delete it when nothing uses it. A name counts as
 * used elsewhere when it appears as a word in any other source file of the repository, so this
 * can miss an export whose name is common (a false "used"), never the other way round. Types are
 * not checked: one an exported function's signature names belongs to that function's API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'build', 'coverage', 'FileCabinet']);
const SOURCE = /\.(ts|mjs|cjs|js)$/;
const CHECKED = ['src/TypeScript/', 'emulator/', 'tools/', 'bench/'];
const EXPORTED_VALUE = /^export\s+(?:async\s+)?(?:abstract\s+)?(?:const|let|function\*?|class)\s+([A-Za-z_$][\w$]*)/gm;

function sources(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) sources(path, out);
    else if (SOURCE.test(e.name)) out.push(relative(ROOT, path));
  }
  return out;
}

test('every exported value is used outside its own file', () => {
  const files = sources(ROOT, []);
  const text = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
  const filesWith = new Map<string, Set<string>>();
  for (const [file, t] of text) {
    for (const word of new Set(t.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
      let where = filesWith.get(word);
      if (!where) filesWith.set(word, (where = new Set()));
      where.add(file);
    }
  }
  const onlyOwnFile: string[] = [];
  let checked = 0;
  for (const [file, t] of text) {
    if (!CHECKED.some((prefix) => file.startsWith(prefix))) continue;
    for (const m of t.matchAll(EXPORTED_VALUE)) {
      checked++;
      const where = filesWith.get(m[1]!)!;
      if (where.size === 1) onlyOwnFile.push(`${file}: ${m[1]}`);
    }
  }
  expect(onlyOwnFile).toEqual([]);
  expect(checked).toBeGreaterThan(300);
});
