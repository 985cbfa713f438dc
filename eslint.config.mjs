// ESLint flat config.
// - TypeScript everywhere we write it (product, tools, local runtime, tests, benchmarks):
//   typescript-eslint's recommended rules, without type-aware linting (fast; `tsc` type-checks).
// - The built SuiteScript entry files (tsc's AMD output under src/FileCabinet/SuiteApps/*/entry/):
//   eslint-plugin-suitescript's header and module checks. Its `entry-points` rule is left off: it
//   expects `return {...}` and flags tsc's `exports.x = ...`; other build output is not linted.
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
