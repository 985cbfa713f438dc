// Oracle's configuration maps every N/* module to its stubs, maps SuiteScripts/... to the
// SuiteApp's built folder and turns built AMD files into CommonJS; TypeScript tests, the local
// runtime and the tools run through ts-jest on top of it.
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const suitecloud = SuiteCloudJestConfiguration.build({
  projectFolder: 'src',
  projectType: SuiteCloudJestConfiguration.ProjectType.SUITEAPP,
});

module.exports = {
  ...suitecloud,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  transform: {
    ...suitecloud.transform,
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Built output is tested through the tests, never collected as a test itself.
  testPathIgnorePatterns: ['/node_modules/', '/src/FileCabinet/'],
  // The runtime's synchronous HTTPS and the fake Freshsuccess use real sockets and threads.
  testTimeout: 30000,
};
