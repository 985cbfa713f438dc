/**
 * The built-entry guard over the real SuiteApp: every file under <appid>/entry/ (one per script,
 * from src/TypeScript/entry/) starts with its header, declares SuiteScript 2.1 and the
 * @NScriptType of the script object pointing at it, is one define(...), and no built module calls
 * an N/ module at load time. The build is made fresh from the sources (see helpers/temp-build),
 * and must hold one entry file per script object and one module per TypeScript source, so an
 * empty or partial build fails rather than leaving nothing to check.
 * The same build must pass the whole offline validator. The guard's own logic is tested on small
 * files under __tests__/fixtures/sdf/entry-guard/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSdfProject } from '../../tools/sdf/model';
import { SCRIPT_TYPES } from '../../tools/sdf/object-types';
import { checkBuiltEntry, checkBuiltModule } from '../../tools/sdf/entry-guard';
import { buildToTemp, listFiles, listJs } from './helpers/temp-build';
import { SDF_ROOT, appId } from '../../tools/project';
import { validateProject } from '../../tools/sdf/validate';
import { formatProblem } from '../../tools/sdf/problem';

const build = buildToTemp();
afterAll(() => build.dispose());

const project = readSdfProject(build.root);
const entries = listJs(join(build.suiteAppFolder, 'entry')).map((f) => `entry/${f}`);
const modules = listJs(build.suiteAppFolder);

/** entry/x.js → the @NScriptType its script object implies. */
const expectedTypes = new Map<string, string>();
for (const s of project.scripts) {
  const prefix = `/SuiteApps/${appId()}/`;
  if (s.scriptfile?.path.startsWith(prefix)) expectedTypes.set(s.scriptfile.path.slice(prefix.length), SCRIPT_TYPES[s.type].nScriptType);
}
/**
 * Client scripts a form attaches by path (Form.clientScriptModulePath) need no script object: a
 * built module names them, and they must be ClientScripts.
 */
const byPath = new Set<string>();
for (const m of modules) {
  const text = readFileSync(join(build.suiteAppFolder, m), 'utf8');
  for (const hit of text.matchAll(new RegExp(`['"]/SuiteApps/${appId().replace(/\./g, '\\.')}/(entry/[\\w.]+\\.js)['"]`, 'g'))) byPath.add(hit[1]!);
}
for (const file of byPath) if (!expectedTypes.has(file)) expectedTypes.set(file, 'ClientScript');

// What the build must produce, read from the sources rather than from the build: one entry file
// per script object in src/Objects, one module per TypeScript source.
const scriptObjects = readSdfProject(SDF_ROOT).scripts;
const sourceModules = listFiles(join(SDF_ROOT, 'TypeScript'), '.ts')
  .filter((f) => !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, '.js'));

const describeFindings = (file: string, findings: { line: number; message: string }[]): string[] => findings.map((f) => `${file}:${f.line}: ${f.message}`);

test('the whole SuiteApp, as built, passes the offline SDF validator', () => {
  const errors = validateProject(build.root).filter((p) => p.severity !== 'warning');
  expect(errors.map((p) => formatProblem(p))).toEqual([]);
});

describe('what the build emits', () => {
  test('one entry file for each script object in src/Objects, and for each client script a form attaches by path', () => {
    const prefix = `/SuiteApps/${appId()}/`;
    const scriptFiles = scriptObjects.map((s) => s.scriptfile?.path ?? `(${s.scriptid} has no scriptfile)`).map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p));
    expect(scriptObjects.length).toBeGreaterThanOrEqual(1);
    expect(byPath).toEqual(new Set(['entry/cs_fsc_admin.js']));
    expect([...entries].sort()).toEqual([...new Set([...scriptFiles, ...byPath])].sort());
  });

  test('one module for each TypeScript source', () => {
    expect(sourceModules.length).toBeGreaterThan(entries.length);
    expect([...modules].sort()).toEqual([...sourceModules].sort());
  });
});

describe('built entry files', () => {
  test.each(entries)('%s carries its header, one define and no load-time N/ call', (file) => {
    const text = readFileSync(join(build.suiteAppFolder, file), 'utf8');
    expect(describeFindings(file, checkBuiltEntry(text, expectedTypes.get(file), file))).toEqual([]);
  });
});

describe('every built module', () => {
  const nonEntries = modules.filter((m) => !m.startsWith('entry/'));
  test.each(nonEntries)('%s calls no N/ module at load time', (file) => {
    const text = readFileSync(join(build.suiteAppFolder, file), 'utf8');
    expect(describeFindings(file, checkBuiltModule(text, file))).toEqual([]);
  });
});

describe('the guard itself, on fixture files', () => {
  const FIX = join(__dirname, '..', 'fixtures', 'sdf', 'entry-guard');
  const check = (name: string, expected: string | undefined): string[] =>
    checkBuiltEntry(readFileSync(join(FIX, name), 'utf8'), expected, name).map((f) => `${f.line}: ${f.message}`);

  test('a clean entry passes (N/ calls inside functions, methods and arrows; enums read at load time)', () => {
    expect(check('clean_ue.js', 'UserEventScript')).toEqual([]);
  });

  test('an N/ call in the define factory body is reported with its line', () => {
    expect(check('top_level_log.js', 'UserEventScript')).toEqual(['9: log.debug(...) calls N/log at module top level; move it into a function']);
  });

  test('calls inside an immediately invoked function count, and a chain is reported at its call on the module', () => {
    expect(check('top_level_iife.js', 'MapReduceScript')).toEqual([
      '11: search.create(...) calls N/search at module top level; move it into a function',
      '13: runtime.getCurrentScript(...) calls N/runtime at module top level; move it into a function',
    ]);
  });

  test('two define calls are reported', () => {
    expect(check('two_defines.js', 'Suitelet')).toEqual(['5: expected exactly one define(...), found 2']);
  });

  test('a header after code, or after another comment, is not first', () => {
    const notFirst = '1: the @NApiVersion/@NScriptType header is not the first thing in the file (NetSuite ignores it there)';
    expect(check('header_after_code.js', 'Suitelet')).toEqual([notFirst]);
    expect(check('not_first_comment.js', 'Suitelet')).toEqual([notFirst]);
  });

  test('wrong API version and a script type that differs from the script object', () => {
    expect(check('wrong_api_and_type.js', 'MapReduceScript')).toEqual([
      '1: @NApiVersion is 2.x; SuiteScript 2.1 is required',
      '1: @NScriptType is ScheduledScript but the script object expects MapReduceScript',
    ]);
  });

  test('an entry file no script object references is reported', () => {
    expect(check('clean_ue.js', undefined)).toEqual(['1: no script object in Objects/ references this entry file']);
  });

  test('leading whitespace before the header is reported', () => {
    const text = '\n' + readFileSync(join(FIX, 'clean_ue.js'), 'utf8');
    expect(checkBuiltEntry(text, 'UserEventScript').map((f) => f.message)).toEqual(['the file does not start with /** (nothing, not even whitespace, may precede the header)']);
  });
});
