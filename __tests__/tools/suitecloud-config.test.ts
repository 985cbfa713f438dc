/**
 * The SuiteCloud CLI hooks: every deploy, validate and package runs the whole test suite first,
 * hands the CLI its context back intact, and aborts the command when a test fails.
 */
import * as childProcess from 'child_process';

jest.mock('child_process');

const config = require('../../suitecloud.config.js') as {
  defaultProjectFolder: string;
  commands: Record<string, { beforeExecuting: (context: unknown) => unknown }>;
};

const context = () => ({
  command: 'project:deploy',
  projectPath: '/projects/freshsync/src',
  arguments: { authid: 'sandbox', applyinstallprefs: true, dryrun: false },
});

test.each(['project:deploy', 'project:validate', 'project:package'])('%s runs npm test and returns the CLI context unchanged', (command) => {
  jest.mocked(childProcess.execSync).mockReset().mockReturnValue(Buffer.from(''));
  const given = context();
  const returned = config.commands[command]!.beforeExecuting(given) as ReturnType<typeof context>;
  expect(returned).toEqual(context());
  expect(returned.arguments.authid).toBe('sandbox');
  expect(jest.mocked(childProcess.execSync).mock.calls.map((c) => c[0])).toEqual(['npm test']);
});

test('a failing test run aborts the command', () => {
  jest.mocked(childProcess.execSync).mockReset().mockImplementation(() => {
    throw new Error('Command failed: npm test');
  });
  expect(() => config.commands['project:deploy']!.beforeExecuting(context())).toThrow('npm test');
});

test('the SDF project folder is src', () => {
  expect(config.defaultProjectFolder).toBe('src');
});
