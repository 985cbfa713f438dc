import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { emptyProject } from '../../../emulator/runtime/project/definitions';
import { fixtureFile } from './helpers/compileFixtures';
import { fixtureRuntime } from './helpers/fixtureRuntime';

const HEADER = '/**\n * @NApiVersion 2.1\n * @NScriptType ScheduledScript\n */\n';

/** A throwaway SDF root with hand-written built files. */
function rootWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ns-loader-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, 'FileCabinet', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

function runtimeFor(files: Record<string, string>) {
  const rt = new NetSuiteRuntime({ sdfRoot: rootWith(files), appId: 'com.test.app', project: emptyProject() });
  rt.defineScript({
    scriptId: 'customscript_t',
    name: 't',
    scriptType: 'SCHEDULED',
    scriptFile: '/SuiteApps/com.test.app/entry/ss.js',
    parameters: [],
    deployments: [{ scriptId: 'customdeploy_t', status: 'NOTSCHEDULED', isDeployed: true, logLevel: 'DEBUG', parameterValues: {}, extra: {} }],
  });
  const run = () => rt.runScript({ scriptId: 'customscript_t', deploymentId: 'customdeploy_t', executionContext: 'SCHEDULED' }, (exp) => (exp.execute as () => unknown)());
  return { rt, run };
}

describe('AMD loader', () => {
  test('loads define() with require, exports, N modules and relative modules (.js appended)', () => {
    const { rt, run } = runtimeFor({
      'SuiteApps/com.test.app/entry/ss.js': `${HEADER}define(['require', 'exports', 'N/log', '../lib/greet'], function (require, exports, log, greet) {
  exports.execute = function () { log.audit('hello', greet.greet('Zoë')); return require('N/runtime').accountId; };
});`,
      'SuiteApps/com.test.app/lib/greet.js': `define([], function () { return { greet: function (n) { return 'Hi ' + n; } }; });`,
    });
    expect(run()).toBe('TSTDRV0000001');
    expect(rt.logs.map((l) => [l.level, l.title, l.details])).toEqual([['AUDIT', 'hello', 'Hi Zoë']]);
  });

  test.each([
    ['no header', `define([], function () { return { execute: function () {} }; });`, 'SSS_MISSING_API_VERSION'],
    ['header not first', `var x = 1;\n${HEADER}define([], function () { return { execute: function () {} }; });`, 'SSS_MISSING_API_VERSION'],
    ['API 2.0', HEADER.replace('2.1', '2.0') + `define([], function () { return { execute: function () {} }; });`, 'INVALID_API_VERSION'],
    ['wrong script type', HEADER.replace('ScheduledScript', 'Suitelet') + `define([], function () { return { execute: function () {} }; });`, 'INVALID_SCRIPT_TYPE'],
    ['no entry point', `${HEADER}define([], function () { return { other: function () {} }; });`, 'SCRIPT_OF_API_VERSION_21_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE'],
    ['unknown N module', `${HEADER}define(['N/nope'], function () { return { execute: function () {} }; });`, 'MODULE_DOES_NOT_EXIST'],
    ['missing library', `${HEADER}define(['./missing'], function () { return { execute: function () {} }; });`, 'MODULE_DOES_NOT_EXIST'],
  ])('refuses a file with %s', (_label, source, name) => {
    const { run } = runtimeFor({ 'SuiteApps/com.test.app/entry/ss.js': source });
    expect(run).toThrow(expect.objectContaining({ name }));
  });

  test('script code cannot reach Node: require, process, Buffer are not there', () => {
    const { run } = runtimeFor({
      'SuiteApps/com.test.app/entry/ss.js': `${HEADER}define(['exports'], function (exports) {
  exports.execute = function () { return [typeof process, typeof Buffer, typeof globalThis, typeof setTimeout, typeof console].join(','); };
});`,
    });
    expect(run()).toBe('undefined,undefined,undefined,undefined,undefined');
  });

  test('N/ calls at module top level fail: there is no execution yet', () => {
    const { run } = runtimeFor({
      'SuiteApps/com.test.app/entry/ss.js': `${HEADER}define(['exports', 'N/runtime'], function (exports, runtime) {
  var script = runtime.getCurrentScript();
  exports.execute = function () { return script.id; };
});`,
    });
    expect(run).toThrow(/outside a script execution/);
  });

  test('stack traces name the built file and its real line', () => {
    const { run } = runtimeFor({
      'SuiteApps/com.test.app/entry/ss.js': `${HEADER}define(['exports'], function (exports) {\n  exports.execute = function () {\n    throw new Error('boom');\n  };\n});`,
    });
    try {
      run();
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as Error).stack).toMatch(/entry[\\/]ss\.js:7:\d+/);
    }
  });

  test('new Date() in scripts reads the simulated clock; runtime Dates are instanceof Date', () => {
    const { rt, run } = runtimeFor({
      'SuiteApps/com.test.app/entry/ss.js': `${HEADER}define(['exports', 'N/format'], function (exports, format) { exports.execute = function () {
  var parsed = format.parse({ value: '1/5/2026', type: format.Type.DATE });
  return [new Date().toISOString(), Date.now(), new Date(0).getTime(), parsed instanceof Date, new Date() instanceof Date, 'x' instanceof Date];
}; });`,
    });
    rt.clock.advance(1234);
    expect(run()).toEqual([new Date(rt.clock.nowMs()).toISOString(), rt.clock.nowMs(), 0, true, true, false]);
  });

  test('a compiled TypeScript fixture loads and gets its typed parameters', () => {
    const rt = fixtureRuntime();
    const got = require('./helpers/inExecution').inExecution(rt, (ex: { parameters: Record<string, unknown> }) => {
      const script = (rt.modules.get('N/runtime') as { getCurrentScript(): { getParameter(o: { name: string }): unknown } }).getCurrentScript();
      return [script.getParameter({ name: 'custscript_fx_limit' }), script.getParameter({ name: 'custscript_fx_flag' }), script.getParameter({ name: 'custscript_fx_text' }), ex.parameters.custscript_fx_limit];
    });
    expect(got).toEqual([25, true, 'default text', 25]);
    expect(fixtureFile('ss_probe')).toMatch(/^\/SuiteApps\/com\.freshsync\.connector\/fixtures\/ss_probe\.js$/);
  });
});
