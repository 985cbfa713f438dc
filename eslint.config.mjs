// ESLint flat config.
// - TypeScript everywhere we write it (product, tools, local runtime, tests, benchmarks):
//   typescript-eslint's recommended rules, without type-aware linting (fast; `tsc` type-checks).
// - The built SuiteScript entry files (tsc's AMD output under src/FileCabinet/SuiteApps/*/entry/):
//   eslint-plugin-suitescript's header and module checks. Its `entry-points` rule is left off: it
//   expects `return {...}` and flags tsc's `exports.x = ...`; other build output is not linted.
// - The product's layers (src/TypeScript): entry -> netsuite -> app -> freshsuccess -> domain,
//   each importing only layers to its right; only netsuite/ loads N/* modules, statically or
//   with import()/require() (entry/ may name N/types for its signatures). See layerRules below.
import { createRequire } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const suitescript = require('eslint-plugin-suitescript');

// eslint-plugin-suitescript 1.4.1 calls context.getSourceCode(), which ESLint 10 removed; give its
// rules a context that still has it (delegating everything else to ESLint's own context).
const suitescriptPlugin = {
  meta: { name: 'eslint-plugin-suitescript', version: '1.4.1' },
  rules: Object.fromEntries(
    Object.entries(suitescript.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context) {
          const shim = Object.create(context, { getSourceCode: { value: () => context.sourceCode } });
          return rule.create(shim);
        },
      },
    ]),
  ),
};

const TYPESCRIPT = ['src/TypeScript/**/*.ts', 'tools/**/*.ts', 'emulator/**/*.ts', '__tests__/**/*.ts', 'bench/**/*.ts'];
const BUILT_ENTRIES = ['src/FileCabinet/SuiteApps/*/entry/**/*.js'];

// Import boundaries of src/TypeScript, checked on the import text (relative paths or N/*):
// a path segment names the layer it reaches. `@typescript-eslint/no-restricted-imports` also
// sees `import x = require('N/record')` and `export ... from`.
const PRODUCT = 'src/TypeScript';
const segment = (folder) => `(^|/)${folder}(/|$)`;
const OUTSIDE_PRODUCT = {
  // NetSuite's AMD loader only knows the SuiteApp's own files and N/* modules.
  regex: '^(?![./]|N(/|$))',
  message: 'SuiteScript can load only relative modules and N/* (no npm package, no Node built-in).',
};
const DEV_CODE = {
  regex: segment('(emulator|__tests__|tools|bench)'),
  message: 'Product code never imports the local runtime, tests, tools or benchmarks.',
};
const N_MODULES = (layer) => ({
  regex: '^N(/|$)',
  message: `Only netsuite/ loads N/* modules; ${layer}/ reaches NetSuite only through ports that netsuite/ implements.`,
});
const LAYER = (layer, target, why) => ({ regex: segment(target), message: `${layer}/ must not import ${target}/: ${why}` });

// `no-restricted-imports` sees only static imports. Dynamic loads (`import('N/record')`,
// `require('N/record')`) are held to the same N/* boundary by this small rule, which names the
// module it refuses (a `no-restricted-syntax` selector could not). Only literal module names are
// checked: a computed name is not a module NetSuite's loader would find anyway.
const moduleName = (arg) =>
  arg?.type === 'Literal' && typeof arg.value === 'string'
    ? arg.value
    : arg?.type === 'TemplateLiteral' && arg.expressions.length === 0
      ? arg.quasis[0].value.cooked
      : undefined;
const layeringPlugin = {
  meta: { name: 'freshsync-layering' },
  rules: {
    'no-dynamic-n-modules': {
      meta: {
        type: 'problem',
        schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } }, additionalProperties: false }],
        messages: { restricted: "'{{module}}' loaded dynamically is restricted from being used. {{why}}" },
      },
      create(context) {
        const { allow = [], message = '' } = context.options[0] ?? {};
        const check = (node, arg) => {
          const name = moduleName(arg);
          if (name !== undefined && /^N(\/|$)/.test(name) && !allow.includes(name)) context.report({ node, messageId: 'restricted', data: { module: name, why: message } });
        };
        return {
          ImportExpression: (node) => check(node, node.source),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
          },
        };
      },
    },
  },
};
const DYNAMIC_N = 'layering/no-dynamic-n-modules';

const layerRules = [
  {
    layer: 'entry',
    patterns: [
      { regex: '^N/(?!types$)', message: 'Entry files are thin: only netsuite/ loads N/* modules (entry/ may name N/types for its signatures).' },
      ...['app', 'domain', 'freshsuccess'].map((t) => LAYER('entry', t, 'an entry file calls its netsuite/ adapter, which wires the use case.')),
    ],
    dynamicN: { allow: ['N/types'], message: 'Entry files are thin: only netsuite/ loads N/* modules.' },
  },
  {
    layer: 'netsuite',
    patterns: [LAYER('netsuite', 'entry', 'entry files are the outermost layer.')],
  },
  {
    layer: 'app',
    patterns: [
      N_MODULES('app'),
      ...['netsuite', 'entry'].map((t) => LAYER('app', t, 'use cases depend on ports, and netsuite/ implements them.')),
    ],
    dynamicN: { message: N_MODULES('app').message },
  },
  {
    layer: 'freshsuccess',
    patterns: [
      N_MODULES('freshsuccess'),
      ...['app', 'netsuite', 'entry'].map((t) => LAYER('freshsuccess', t, 'the client depends on domain/ and its HTTP port only.')),
    ],
    dynamicN: { message: N_MODULES('freshsuccess').message },
  },
  {
    layer: 'domain',
    patterns: [
      N_MODULES('domain'),
      ...['app', 'netsuite', 'freshsuccess', 'entry'].map((t) => LAYER('domain', t, 'domain/ is pure and imports only domain/.')),
    ],
    dynamicN: { message: N_MODULES('domain').message },
  },
].map(({ layer, patterns, dynamicN }) => ({
  files: [`${PRODUCT}/${layer}/**/*.ts`],
  plugins: { layering: layeringPlugin },
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [OUTSIDE_PRODUCT, DEV_CODE, ...patterns] }],
    ...(dynamicN ? { [DYNAMIC_N]: ['error', dynamicN] } : {}),
  },
}));

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'build/',
    'coverage/',
    // Build output is not ours to lint, except the entry files (unignored step by step: ESLint
    // cannot unignore files inside an ignored directory).
    'src/FileCabinet/**/*',
    '!src/FileCabinet/SuiteApps/',
    '!src/FileCabinet/SuiteApps/*/',
    '!src/FileCabinet/SuiteApps/*/entry/',
    '!src/FileCabinet/SuiteApps/*/entry/**',
    // Deliberately broken inputs of the validator and guard tests.
    '__tests__/fixtures/',
  ]),
  {
    files: TYPESCRIPT,
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import record = require('N/record')` is a supported way to import N modules.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // The local runtime mirrors NetSuite's loosely typed APIs, and tests poke at them: visible,
      // not fatal.
      '@typescript-eslint/no-explicit-any': 'warn',
      // `const self = this` is the plain way to reach the owner from getters of a returned object.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // Any other product file (a new layer folder) is held to the rules every layer shares.
    files: [`${PRODUCT}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [OUTSIDE_PRODUCT, DEV_CODE] }] },
  },
  ...layerRules,
  {
    // Tests and the local runtime load modules on demand (built scripts, fixtures, jest's
    // module registry), where require() is the tool for the job.
    files: ['__tests__/**/*.ts', 'emulator/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Jest, tsx and the runtime load CommonJS config and helpers written in plain JavaScript.
    files: ['*.js', '*.cjs', 'emulator/**/*.js', 'tools/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', exports: 'writable' },
    },
  },
  {
    files: BUILT_ENTRIES,
    languageOptions: { ecmaVersion: 2020, sourceType: 'script', globals: { define: 'readonly' } },
    plugins: { suitescript: suitescriptPlugin },
    rules: {
      'suitescript/api-version': 'error',
      'suitescript/script-type': 'error',
      'suitescript/no-invalid-modules': 'error',
    },
  },
);
