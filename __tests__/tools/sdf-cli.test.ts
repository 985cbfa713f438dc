/** The CLI: `file:line: message [rule]` lines, a one-line summary, and the exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withSdfFixture } from './support/sdf-fixture';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, '..', 'fixtures', 'sdf');

function cliIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'tools', 'sdf', 'cli.ts'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const cli = (...args: string[]): ReturnType<typeof cliIn> => cliIn(ROOT, ...args);

test('a clean project prints one summary line and exits 0', () => {
  const r = cli(join(FIXTURES, 'valid'));
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe('SDF offline validation: 7 objects, 8 XML files, 3 script files checked: no errors');
});

test('a broken project prints file:line: message and exits 1', () => {
  // Run from the temp root: the printed path is then the case's repo-relative path.
  const r = withSdfFixture('ue-not-released', ({ dir, tempRoot }) => cliIn(tempRoot, dir));
  expect(r.status).toBe(1);
  expect(r.stdout.trim()).toBe(
    '__tests__/fixtures/sdf/ue-not-released/Objects/customscript_ex_ue_customer.xml:14: usereventscript deployment customdeploy_ex_ue_customer is TESTING; it must be RELEASED to run for every user [deployment-status]',
  );
  expect(r.stderr).toContain('1 error(s)');
});

test('a folder without manifest.xml is a usage error', () => {
  const r = cli(join(FIXTURES));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('not an SDF project');
});
