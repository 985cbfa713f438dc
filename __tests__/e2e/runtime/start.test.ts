/**
 * `npm start -- --once` as a newcomer runs it: a child process that builds if needed, seeds the
 * sample account, runs what the SuiteApp has against the fake Freshsuccess, prints the report
 * and exits 0, after an initial full sync and UI edits that all reach Freshsuccess.
 */
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../../tools/project';

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
  expect(out).toMatch(/^Ran: initial full sync MAPREDUCETASK_\d+: COMPLETE$/m);
  expect(Number(held![1])).toBeGreaterThan(0);
  expect(Number(held![2])).toBeGreaterThan(0);
  expect(out).toMatch(/^ {2}customscript_fsc_mr_fullsync +\d+ units, \d+ invocations$/m);
  expect(out).toMatch(/^Script errors logged: 0$/m);
  expect(out).not.toMatch(/SuiteApp pieces missing/);
  const tasks = /^Tasks run: (\d+) \(COMPLETE (\d+)\)$/m.exec(out);
  expect(tasks?.[2]).toBe(tasks?.[1]);
  // Every UI edit made after the full sync reached Freshsuccess.
  const edits = /visible in Freshsuccess: (\d+) of (\d+)$/m.exec(out);
  expect(Number(edits?.[2])).toBeGreaterThan(0);
  expect(edits?.[1]).toBe(edits?.[2]);
}, 100_000);
