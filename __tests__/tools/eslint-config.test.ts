/**
 * eslint.config.mjs: the SuiteScript checks run on built entry files (through the ESLint 10 shim),
 * TypeScript is linted, and the product's layers are enforced (only netsuite/ loads N/* modules, also through import() or require();
 * domain/ imports nothing of the other layers; nothing in src imports dev code). Snippets are
 * linted in memory with ESLint's API in one child process (see support/lintSnippets.mjs); one
 * case goes through the command line as `npm run lint` does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ESLINT_BIN = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  severity: number;
}

interface Snippet {
  filePath: string;
  text: string;
}

function lintSnippets(snippets: Snippet[]): LintMessage[][] {
  const r = spawnSync(process.execPath, [join(__dirname, 'support', 'lintSnippets.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lintSnippets failed (${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as LintMessage[][];
  expect(results).toHaveLength(snippets.length);
  return results;
}

const BOUNDARY = '@typescript-eslint/no-restricted-imports';
const DYNAMIC = 'layering/no-dynamic-n-modules';
const SRC = 'src/TypeScript';
const ENTRY = 'src/FileCabinet/SuiteApps/com.freshsync.connector/entry/ue_probe.js';

/** A product file that imports `source` and uses what it imported (so no-unused-vars stays quiet). */
type Form = 'named' | 'require' | 'type' | 're-export' | 'dynamic-import' | 'require-call';

function importing(layer: string, source: string, form: Form = 'named'): Snippet {
  const filePath = `${SRC}/${layer}/lintProbe.ts`;
  switch (form) {
    case 'named':
      return { filePath, text: `import { probe } from '${source}';\n\nexport const used = probe;\n` };
    case 'require':
      return { filePath, text: `import probe = require('${source}');\n\nexport const used = probe;\n` };
    case 'type':
      return { filePath, text: `import type { Probe } from '${source}';\n\nexport type Used = Probe;\n` };
    case 're-export':
      return { filePath, text: `export { probe } from '${source}';\n` };
    case 'dynamic-import':
      return { filePath, text: `export const used = () => import('${source}');\n` };
    case 'require-call':
      return { filePath, text: `// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const used = () => require(\`${source}\`);\n` };
  }
}

/** Layer, import, form and what the layering says of it. */
const CASES: Array<[string, string, Form, 'forbidden' | 'allowed']> = [
  // Only netsuite/ loads N/* modules.
  ['domain', 'N/record', 'named', 'forbidden'],
  ['domain', 'N/record', 'require', 'forbidden'],
  ['domain', 'N/record', 're-export', 'forbidden'],
  ['domain', 'N/types', 'type', 'forbidden'],
  ['app', 'N/search', 'named', 'forbidden'],
  ['app', 'N/record', 'require', 'forbidden'],
  ['freshsuccess', 'N/https', 'named', 'forbidden'],
  ['netsuite', 'N/record', 'named', 'allowed'],
  ['netsuite', 'N/record', 'require', 'allowed'],
  ['netsuite', 'N/ui/serverWidget', 'named', 'allowed'],
  ['entry', 'N/types', 'type', 'allowed'],
  ['entry', 'N/record', 'named', 'forbidden'],
  // Loaded on demand: the same boundary, by the layering rule.
  ['domain', 'N/record', 'dynamic-import', 'forbidden'],
  ['domain', 'N/search', 'require-call', 'forbidden'],
  ['app', 'N/https', 'dynamic-import', 'forbidden'],
  ['app', 'N/task', 'require-call', 'forbidden'],
  ['freshsuccess', 'N/https', 'require-call', 'forbidden'],
  ['entry', 'N/record', 'dynamic-import', 'forbidden'],
  ['entry', 'N/types', 'dynamic-import', 'allowed'],
  ['netsuite', 'N/record', 'dynamic-import', 'allowed'],
  ['netsuite', 'N/record', 'require-call', 'allowed'],
  // entry -> netsuite -> app -> freshsuccess -> domain, each only to its right.
  ['entry', '../netsuite/userEventCapture', 'named', 'allowed'],
  ['entry', '../app/captureChange', 'named', 'forbidden'],
  ['entry', '../domain/mapping', 'named', 'forbidden'],
  ['netsuite', '../app/drain', 'named', 'allowed'],
  ['netsuite', '../domain/config', 'named', 'allowed'],
  ['netsuite', '../freshsuccess/client', 'named', 'allowed'],
  ['netsuite', '../entry/mr_fsc_drain', 'named', 'forbidden'],
  ['app', '../domain/plan', 'named', 'allowed'],
  ['app', '../freshsuccess/client', 'named', 'allowed'],
  ['app', '../netsuite/wiring', 'named', 'forbidden'],
  ['app', '../entry/mr_fsc_drain', 'named', 'forbidden'],
  ['freshsuccess', '../domain/types', 'named', 'allowed'],
  ['freshsuccess', '../app/ports', 'type', 'forbidden'],
  ['freshsuccess', '../netsuite/httpsPort', 'named', 'forbidden'],
  ['domain', './mapping', 'named', 'allowed'],
  ['domain', '../app/ports', 'type', 'forbidden'],
  ['domain', '../netsuite/schema', 'named', 'forbidden'],
  ['domain', '../freshsuccess/endpoints', 'named', 'forbidden'],
  // Dev code, npm packages and Node built-ins never reach the SuiteApp.
  ['netsuite', '../../../emulator/runtime/netSuiteRuntime', 'named', 'forbidden'],
  ['app', '../../../__tests__/e2e/support/syncHarness', 'named', 'forbidden'],
  ['domain', '../../../tools/build', 'named', 'forbidden'],
  ['netsuite', 'node:fs', 'named', 'forbidden'],
  ['app', 'lodash', 'named', 'forbidden'],
];

describe('eslint.config.mjs', () => {
  let layerResults: LintMessage[][];
  let entryResults: LintMessage[][];
  let typescriptResults: LintMessage[][];

  beforeAll(() => {
    const layerSnippets = CASES.map(([layer, source, form]) => importing(layer, source, form));
    const entrySnippets: Snippet[] = [
      {
        filePath: ENTRY,
        text: '/**\n * @NApiVersion 2.3\n * @NScriptType UserEvent\n */\ndefine(["require", "exports", "N/lg"], function (require, exports, log) {\n    exports.afterSubmit = function () { log.debug("x"); };\n});\n',
      },
      {
        filePath: ENTRY,
        text: '/**\n * @NApiVersion 2.1\n * @NScriptType UserEventScript\n */\ndefine(["require", "exports", "N/log", "../app/x"], function (require, exports, log, x) {\n    "use strict";\n    Object.defineProperty(exports, "__esModule", { value: true });\n    exports.afterSubmit = afterSubmit;\n    function afterSubmit(ctx) { log.debug("saved", x.describe(ctx.type)); }\n});\n',
      },
    ];
    const typescriptSnippets: Snippet[] = [{ filePath: 'tools/sdf/lint-probe.ts', text: 'const unused: any = 1;\nexport {};\n' }];
    const all = lintSnippets([...layerSnippets, ...entrySnippets, ...typescriptSnippets]);
    layerResults = all.slice(0, layerSnippets.length);
    entryResults = all.slice(layerSnippets.length, layerSnippets.length + entrySnippets.length);
    typescriptResults = all.slice(layerSnippets.length + entrySnippets.length);
  });

  test('a built entry with a bad header and an unknown N/ module is reported by the suitescript rules', () => {
    const rules = entryResults[0]!.filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['suitescript/api-version', 'suitescript/script-type', 'suitescript/no-invalid-modules']));
  });

  test('tsc-style output of a valid entry passes', () => {
    expect(entryResults[1]).toEqual([]);
  });

  test('TypeScript gets typescript-eslint recommended rules', () => {
    const rules = typescriptResults[0]!.map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['@typescript-eslint/no-unused-vars', '@typescript-eslint/no-explicit-any']));
  });

  test.each(CASES.map((c, i) => [...c, i] as const))('%s/ importing %s (%s) is %s', (_layer, source, form, verdict, i) => {
    const messages = layerResults[i]!;
    const dynamic = form === 'dynamic-import' || form === 'require-call';
    if (verdict === 'forbidden') {
      const line = form === 'require-call' ? 2 : 1;
      expect(messages).toEqual([expect.objectContaining({ ruleId: dynamic ? DYNAMIC : BOUNDARY, severity: 2, line, message: expect.stringContaining(`'${source}'`) })]);
    } else {
      expect(messages).toEqual([]);
    }
  });

  test('an N/record import in domain/ fails the lint command, naming the module and the rule', () => {
    const probe = importing('domain', 'N/record');
    const r = spawnSync(process.execPath, [ESLINT_BIN, '--stdin', '--stdin-filename', probe.filePath], { cwd: ROOT, input: probe.text, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("'N/record' import is restricted");
    expect(r.stdout).toContain('Only netsuite/ loads N/* modules');
    expect(r.stdout).toContain(BOUNDARY);
  });

  test('a dynamic N/record load in domain/ fails the lint command too, naming the module and the rule', () => {
    const probe = importing('domain', 'N/record', 'dynamic-import');
    const r = spawnSync(process.execPath, [ESLINT_BIN, '--stdin', '--stdin-filename', probe.filePath], { cwd: ROOT, input: probe.text, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("'N/record' loaded dynamically is restricted");
    expect(r.stdout).toContain('Only netsuite/ loads N/* modules');
    expect(r.stdout).toContain(DYNAMIC);
  });
});
