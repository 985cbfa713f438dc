// The end-to-end sync suites and the short soak once more against the fake Freshsuccess's pessimistic profile
// (every open point of the API answered the hardest way for a client; see
// emulator/fake-freshsuccess/README.md). Run by `npm test` through `npm run test:pessimistic`,
// which sets FAKE_FS_CONFIG='{"profile":"pessimistic"}' for the fakes the suites start.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const base = require('./jest.config');

// Suites that still fail under the pessimistic profile because of engine defects it exposes,
// grouped by defect. Remove a suite when its fix lands. Every run prints this list, so nothing is
// skipped silently.
const pendingEngineFixes = [];

const excluded = pendingEngineFixes.flatMap((f) => f.suites);
const unknown = excluded.filter((name) => !existsSync(join(__dirname, '__tests__', 'e2e', 'sync', `${name}.test.ts`)));
if (unknown.length > 0) throw new Error(`jest.pessimistic.config.js excludes suites that do not exist: ${unknown.join(', ')}`);
if (excluded.length > 0) {
  process.stderr.write(
    `Pessimistic pass: ${excluded.length} suite(s) of __tests__/e2e/sync excluded, pending engine fixes (jest.pessimistic.config.js):\n` +
      pendingEngineFixes.map((f) => `  - ${f.suites.join(', ')}: ${f.defect}\n`).join(''),
  );
}

module.exports = {
  ...base,
  // The sync suites and the short soak.
  testMatch: ['<rootDir>/__tests__/e2e/sync/**/*.test.ts', '<rootDir>/__tests__/soak/soak.test.ts'],
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...excluded.map((name) => `/__tests__/e2e/sync/${name}\\.test\\.ts$`)],
};
