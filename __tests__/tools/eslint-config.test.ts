/**
 * eslint.config.mjs: the SuiteScript checks run on built entry files (through the ESLint 10 shim)
 * and TypeScript is linted; fixtures stay out. ESLint runs as a child process, as `npm run lint` does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function lint(text: string, filePath: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filePath], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

const ENTRY = 'src/FileCabinet/SuiteApps/com.freshsync.connector/entry/ue_probe.js';

test('a built entry with a bad header and an unknown N/ module fails lint with the suitescript rules', () => {
  const text = '/**\n * @NApiVersion 2.3\n * @NScriptType UserEvent\n */\ndefine(["require", "exports", "N/lg"], function (require, exports, log) {\n    exports.afterSubmit = function () { log.debug("x"); };\n});\n';
  const r = lint(text, ENTRY);
  expect(r.status).toBe(1);
  expect(r.out).toContain('suitescript/api-version');
  expect(r.out).toContain('suitescript/script-type');
  expect(r.out).toContain('suitescript/no-invalid-modules');
});

test('tsc-style output of a valid entry passes', () => {
  const text = '/**\n * @NApiVersion 2.1\n * @NScriptType UserEventScript\n */\ndefine(["require", "exports", "N/log", "../app/x"], function (require, exports, log, x) {\n    "use strict";\n    Object.defineProperty(exports, "__esModule", { value: true });\n    exports.afterSubmit = afterSubmit;\n    function afterSubmit(ctx) { log.debug("saved", x.describe(ctx.type)); }\n});\n';
  const r = lint(text, ENTRY);
  expect(r.out).toBe('');
  expect(r.status).toBe(0);
});

test('TypeScript gets typescript-eslint recommended rules', () => {
  const r = lint('const unused: any = 1;\nexport {};\n', 'tools/sdf/lint-probe.ts');
  expect(r.status).toBe(1);
  expect(r.out).toContain('@typescript-eslint/no-unused-vars');
  expect(r.out).toContain('@typescript-eslint/no-explicit-any');
});
