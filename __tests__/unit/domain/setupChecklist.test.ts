import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyFingerprint, parseKeyTest, type KeyTestRecord } from '../../../src/TypeScript/domain/keyTest';
import { evaluateChecklist, progressText, TOKEN_ROLE, type CheckItem, type SetupFacts } from '../../../src/TypeScript/domain/setupChecklist';
import type { SecretReference } from '../../../src/TypeScript/domain/config';
import { SETTINGS_PAUSE_PREFIX } from '../../../src/TypeScript/domain/configFailure';

const KEY: SecretReference = { kind: 'credential', guid: 'a1b2c3d4e5f6a7b8c9d0' };
const AT = Date.UTC(2026, 11, 4, 7, 50);

const tested = (over: Partial<KeyTestRecord> = {}): KeyTestRecord => ({ at: AT, ok: true, title: 'Connection OK', fingerprint: keyFingerprint('us', KEY), ...over });

/** Everything done, so each test changes the one fact it is about. */
function facts(over: Partial<SetupFacts> = {}): SetupFacts {
  return {
    accountId: '1234567_SB1',
    saved: { region: 'us', secret: KEY },
    keyTest: tested(),
    pause: null,
    deployments: [
      { scriptId: 'customdeploy_fsc_ss_sweep', title: 'FreshSync Sweep', found: { deployed: true, status: 'SCHEDULED' } },
      { scriptId: 'customdeploy_fsc_mr_drain_sched', title: 'FreshSync Drain safety net', found: { deployed: true, status: 'SCHEDULED' } },
    ],
    tba: true,
    tokenRole: { found: true, inactive: false, holders: 2 },
    ...over,
  };
}

function item(f: SetupFacts, id: CheckItem['id']): CheckItem {
  const c = evaluateChecklist(f);
  const found = [...c.push, ...c.connector].find((i) => i.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

test('everything in place: every check a script can make is done, with nothing left to do', () => {
  const c = evaluateChecklist(facts());
  for (const i of [...c.push, ...c.connector].filter((x) => x.state !== 'manual')) {
    expect(i.state).toBe('done');
    expect(i.next).toBe('');
  }
  expect(progressText(c.push)).toBe('3 of 3 checks done');
  expect(progressText(c.connector)).toBe('3 of 3 checks done');
});

test('the steps no script can see are always "by hand", with where to click and the account id', () => {
  const c = evaluateChecklist(facts());
  expect(c.connector.filter((i) => i.state === 'manual').map((i) => i.id)).toEqual(['token', 'freshsuccess']);
  expect(item(facts(), 'token').next).toMatch(/^Setup > Users\/Roles > Access Tokens > New: application Freshsuccess Integration/);
  expect(item(facts(), 'freshsuccess').next).toMatch(/Settings > IT Administration > Source Credentials > Add Source > NetSuite.*account id 1234567_SB1/);
});

test('settings: to do until saved; then the key cannot be accepted either', () => {
  const f = facts({ saved: null, keyTest: null });
  expect(item(f, 'settings')).toMatchObject({ state: 'todo', next: expect.stringMatching(/click Save settings/) });
  expect(item(f, 'key')).toMatchObject({ state: 'todo', detail: 'No key is saved yet.' });
  expect(progressText(evaluateChecklist(f).push)).toBe('1 of 3 checks done');
});

test('the key: done only when the last test passed with the saved data centre and key', () => {
  expect(item(facts(), 'key')).toMatchObject({ state: 'done', detail: 'Freshsuccess accepted the saved key in the test of 2026-12-04 07:50 UTC.' });
  expect(item(facts({ keyTest: null }), 'key')).toMatchObject({ state: 'todo', detail: expect.stringMatching(/has not been tested/) });
  // Tested, then the data centre or the key changed: the saved settings are unproven.
  expect(item(facts({ saved: { region: 'eu', secret: KEY } }), 'key').detail).toMatch(/other values than the saved ones/);
  expect(item(facts({ saved: { region: 'us', secret: { kind: 'credential', guid: 'another' } } }), 'key').state).toBe('todo');
  // The last test of the saved values failed: its answer and what to do.
  const refused = item(facts({ keyTest: tested({ ok: false, title: 'Key refused (HTTP 401)' }) }), 'key');
  expect(refused).toMatchObject({ state: 'todo', detail: 'The test of 2026-12-04 07:50 UTC said: Key refused (HTTP 401).', next: expect.stringMatching(/^Fix the key or the data centre/) });
});

test('the key: a refusal by a run outweighs an older passed test; a settings pause does not', () => {
  const later = AT + 3_600_000;
  const byFreshsuccess = item(facts({ pause: { at: later, message: 'HTTP 401: Unauthorized' } }), 'key');
  expect(byFreshsuccess).toMatchObject({ state: 'todo', detail: 'Freshsuccess refused the key at 2026-12-04 08:50 UTC; pushing is paused.' });
  const byNetSuite = item(facts({ pause: { at: later, message: 'NetSuite key reference: no such secret' } }), 'key');
  expect(byNetSuite.detail).toMatch(/^NetSuite refused to use the stored key at/);
  expect(item(facts({ pause: { at: later, message: `${SETTINGS_PAUSE_PREFIX}custentity_gone is no field` } }), 'key').state).toBe('done');
});

test('scheduled deployments: each missing, undeployed or unscheduled one is named with where to fix it', () => {
  const [sweep, drain] = facts().deployments!;
  const off = item(facts({ deployments: [{ ...sweep!, found: { deployed: true, status: 'Not Scheduled' } }, { ...drain!, found: null }] }), 'schedules');
  expect(off.state).toBe('todo');
  expect(off.detail).toMatch(/^FreshSync Sweep \(customdeploy_fsc_ss_sweep\) is status Not Scheduled; FreshSync Drain safety net \(customdeploy_fsc_mr_drain_sched\) is missing\./);
  expect(off.next).toMatch(/^Customization > Scripting > Script Deployments: open FreshSync Sweep and FreshSync Drain safety net, tick Deployed, set Status to Scheduled and save\. A missing deployment comes back/);
  expect(item(facts({ deployments: [{ ...sweep!, found: { deployed: false, status: 'SCHEDULED' } }, drain!] }), 'schedules').detail).toMatch(/is not deployed, status SCHEDULED/);
  // A search may give the status's label instead of its id.
  expect(item(facts({ deployments: [{ ...sweep!, found: { deployed: true, status: 'Scheduled' } }, drain!] }), 'schedules').state).toBe('done');
  expect(item(facts({ deployments: null }), 'schedules')).toMatchObject({ state: 'unknown', next: expect.stringMatching(/Customization > Scripting > Script Deployments/) });
});

test('token-based authentication: done, to do with where to switch it on, or not checked', () => {
  expect(item(facts({ tba: false }), 'tba')).toMatchObject({ state: 'todo', next: expect.stringMatching(/^Setup > Company > Enable Features > SuiteCloud > Manage Authentication: tick Token-based Authentication/) });
  expect(item(facts({ tba: null }), 'tba').state).toBe('unknown');
});

test('the token role: missing, inactive, held by nobody, or not looked up', () => {
  const missing = facts({ tokenRole: { found: false } });
  expect(item(missing, 'role')).toMatchObject({ state: 'todo', detail: 'No role customrole_fsc_token in this account.' });
  expect(item(missing, 'roleHolder').state).toBe('todo');
  const inactive = facts({ tokenRole: { found: true, inactive: true, holders: 1 } });
  expect(item(inactive, 'role').next).toMatch(/untick Inactive/);
  expect(item(inactive, 'roleHolder').detail).toMatch(/must be present and active first/);
  const nobody = item(facts({ tokenRole: { found: true, inactive: false, holders: 0 } }), 'roleHolder');
  expect(nobody).toMatchObject({ state: 'todo', next: expect.stringMatching(/^Lists > Employees > Employees > edit the employee who will own the token > Access subtab: add Freshsuccess Connector \(Token\)/) });
  expect(item(facts({ tokenRole: { found: true, inactive: false, holders: 1 } }), 'roleHolder').detail).toBe('1 active employee has the role.');
  expect(item(facts({ tokenRole: { found: true, inactive: false, holders: null } }), 'roleHolder').state).toBe('unknown');
  const unknown = facts({ tokenRole: null });
  expect([item(unknown, 'role').state, item(unknown, 'roleHolder').state]).toEqual(['unknown', 'unknown']);
});

test('the key fingerprint tells settings apart and holds nothing of the reference', () => {
  const secret: SecretReference = { kind: 'secret', id: 'custsecret_fsc_api_key' };
  const prints = [keyFingerprint('us', KEY), keyFingerprint('eu', KEY), keyFingerprint('us', secret), keyFingerprint('us', { kind: 'credential', guid: 'a1b2c3d4e5f6a7b8c9d1' })];
  expect(new Set(prints).size).toBe(prints.length);
  for (const p of prints) expect(p).toMatch(/^[0-9a-f]{8}$/);
  // An API Secret id is matched without case, as NetSuite matches it.
  expect(keyFingerprint('us', { kind: 'secret', id: 'CUSTSECRET_FSC_API_KEY' })).toBe(keyFingerprint('us', secret));
});

test('a stored test record is read back only when it has the expected shape', () => {
  expect(parseKeyTest(tested())).toEqual(tested());
  expect(parseKeyTest(null)).toBeNull();
  expect(parseKeyTest({ at: 'yesterday', ok: true, fingerprint: 'x' })).toBeNull();
  expect(parseKeyTest({ at: AT, ok: 'T', fingerprint: 'x' })).toBeNull();
  expect(parseKeyTest({ at: AT, ok: false, fingerprint: 'x' })).toEqual({ at: AT, ok: false, title: '', fingerprint: 'x' });
});

test('the role the checklist looks for is the one the project ships, by script id and name', () => {
  const xml = readFileSync(join(__dirname, '..', '..', '..', 'src', 'Objects', `${TOKEN_ROLE.scriptId}.xml`), 'utf8');
  expect(xml).toContain(`<role scriptid="${TOKEN_ROLE.scriptId}">`);
  expect(xml).toContain(`<name>${TOKEN_ROLE.name}</name>`);
});
