/** Which SuiteCloud CLI `npm run deploy` / `validate` / `package` use: the project's, a global one, or none. */
import { join, resolve } from 'node:path';
import { resolveSuiteCloudCli, type CliLookup } from '../../tools/suitecloudCli';

const ROOT = resolve('/projects/freshsync');
const PROJECT_BIN = join(ROOT, 'node_modules', '.bin');

function lookup(files: string[], path: string[], platform: NodeJS.Platform = 'linux'): CliLookup {
  return { projectRoot: ROOT, env: { PATH: path.join(process.platform === 'win32' ? ';' : ':') }, platform, exists: (p) => files.includes(p) };
}

test("the project's own CLI is used when it installed, even with a global one on PATH", () => {
  const l = lookup([join(PROJECT_BIN, 'suitecloud'), join('/usr/local/bin', 'suitecloud')], ['/usr/local/bin']);
  expect(resolveSuiteCloudCli(l)).toEqual({ kind: 'project', path: join(PROJECT_BIN, 'suitecloud') });
});

test('a global CLI on PATH is used when the optional dependency did not install', () => {
  const l = lookup([join('/opt/node/bin', 'suitecloud')], ['/usr/bin', '/opt/node/bin']);
  expect(resolveSuiteCloudCli(l)).toEqual({ kind: 'global', path: join('/opt/node/bin', 'suitecloud') });
});

test("the project's .bin on PATH (as npm run puts it) is not mistaken for a global CLI", () => {
  const l = lookup([], [PROJECT_BIN, '/usr/bin']);
  expect(resolveSuiteCloudCli(l).kind).toBe('missing');
});

test('with neither, the answer says what to install and what it needs', () => {
  const got = resolveSuiteCloudCli(lookup([], ['/usr/bin', '/bin']));
  expect(got.kind).toBe('missing');
  const message = got.kind === 'missing' ? got.message : '';
  expect(message).toContain('SUITECLOUD_CLI_ACCEPT_LICENSE=true');
  expect(message).toContain('Node >= 22');
  expect(message).toContain('Java 17+');
});

test('on Windows the npm shims (suitecloud.cmd) are found', () => {
  const l = lookup([join(PROJECT_BIN, 'suitecloud.cmd')], []);
  expect(resolveSuiteCloudCli({ ...l, platform: 'win32' })).toEqual({ kind: 'project', path: join(PROJECT_BIN, 'suitecloud.cmd') });
});
