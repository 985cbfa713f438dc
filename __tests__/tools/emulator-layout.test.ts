/**
 * The emulator's naming convention and its READMEs: folders are lowercase, kebab-case when they
 * have several words (`fake-freshsuccess`, `map-reduce`); source files are camelCase
 * (`userEventDispatcher.ts`; plain `.js` only for code that runs in the browser); every folder has a README.md beside its code.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const EMULATOR = join(ROOT, 'emulator');
const FOLDER = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE = /^[a-z][a-zA-Z0-9]*\.(ts|cjs|js)$/;

function folders(dir: string): string[] {
  const below = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  return [dir, ...below.flatMap((e) => folders(join(dir, e.name)))];
}

const all = folders(EMULATOR);
const name = (dir: string) => relative(ROOT, dir);

test('emulator folders are lowercase kebab-case, files camelCase', () => {
  const badFolders = all.filter((d) => !FOLDER.test(d.split('/').pop()!)).map(name);
  const files = all.flatMap((d) =>
    readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'README.md')
      .map((e) => join(d, e.name)),
  );
  const badFiles = files.filter((f) => !FILE.test(f.split('/').pop()!)).map(name);
  expect({ badFolders, badFiles }).toEqual({ badFolders: [], badFiles: [] });
  expect(all.length).toBeGreaterThanOrEqual(20);
  expect(files.length).toBeGreaterThanOrEqual(100);
});

test('every emulator folder has a README beside its code', () => {
  const withoutReadme = all.filter((d) => !readdirSync(d).includes('README.md')).map(name);
  expect(withoutReadme).toEqual([]);
});

// A run-together name (`dataentry`) reads as one word to a pattern: that part is left to review.
test('the patterns refuse the other styles', () => {
  expect(['dataentry', 'data-entry', 'DataEntry', 'data_entry'].map((n) => FOLDER.test(n))).toEqual([true, true, false, false]);
  expect(['userEventDispatcher.ts', 'UserEventDispatcher.ts', 'user-event.ts', 'transportWorker.cjs'].map((n) => FILE.test(n))).toEqual([true, false, false, true]);
});
