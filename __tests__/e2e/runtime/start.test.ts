/**
 * `npm start -- --once` as a newcomer runs it: a child process that builds if needed, seeds the
 * sample account, runs what the SuiteApp has against the fake Freshsuccess, prints the report
 * and exits 0. What the report must say depends on whether the SuiteApp's sync scripts exist
 * yet; both cases are checked against the project's own files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../tools/project';

const FULL_SYNC_OBJECT = join(PROJECT_ROOT, 'src', 'Objects', 'customscript_fsc_mr_fullsync.xml');

test('npm start -- --once prints the report and exits 0', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['start', '--silent', '--', '--once'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, START_ONCE: '' },
  });
  const out = run.stdout;
  // stderr is shown only when the run failed (npm may print notices there).
  expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });

  expect(out).toMatch(/^Local NetSuite account \S+ running SuiteApp com\.freshsync\.connector/m);
  expect(out).toMatch(/^Build: (up to date|rebuilt) \(\d+ TypeScript sources\)$/m);
  // The sample account's defaults: a few hundred customers, about a thousand contacts.
  expect(out).toMatch(/^Seeded: 300 customers \(.*non-ASCII names\), 1,000 contacts \(/m);
  const fake = /^ {2}Fake Freshsuccess +(http:\/\/127\.0\.0\.1:\d+) /m.exec(out);
  expect(fake).not.toBeNull();
  expect(out).toMatch(/^ {2}(Suitelet server|Suitelet .+) +http:\/\/127\.0\.0\.1:\d+/m);

  const held = /^Freshsuccess holds: (\d+) accounts \(\d+ active\), (\d+) contacts/m.exec(out);
  expect(held).not.toBeNull();
  if (existsSync(FULL_SYNC_OBJECT)) {
    expect(out).toMatch(/^Ran: initial full sync MAPREDUCETASK_\d+: COMPLETE$/m);
    expect(Number(held![1])).toBeGreaterThan(0);
    expect(out).toMatch(/^ {2}customscript_fsc_mr_fullsync +\d+ units, \d+ invocations$/m);
    expect(out).toMatch(/^Script errors logged: 0$/m);
    const tasks = /^Tasks run: (\d+) \(COMPLETE (\d+)\)$/m.exec(out);
    expect(tasks?.[2]).toBe(tasks?.[1]);
    // Every UI edit made after the full sync reached Freshsuccess.
    const edits = /visible in Freshsuccess: (\d+) of (\d+)$/m.exec(out);
    expect(Number(edits?.[2])).toBeGreaterThan(0);
    expect(edits?.[1]).toBe(edits?.[2]);
  } else {
    expect(out).toMatch(/^SuiteApp pieces missing \(so not run\):\n {2}- .*customscript_fsc_mr_fullsync/m);
    expect(out).toMatch(/^HTTPS requests sent by scripts: 0$/m);
    expect(held![1]).toBe('0');
  }
}, 100_000);
