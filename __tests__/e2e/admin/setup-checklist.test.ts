/**
 * The setup checklist in the local account: each check a script can make is shown done and not
 * done from real states of the account (feature off, role inactive or held by nobody, a deployment
 * unscheduled, no settings, a key untested, refused or accepted), the steps no script can see are
 * marked "By hand" with where to click, and a page view never calls Freshsuccess.
 */
import { ACCOUNTS_PATH } from '../support/syncHarness';
import { AdminClient, text, type Page } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 2, contacts: 0 } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

/** Each check's state on the page, by id (custpage_check_<id> data-state). */
function checks(page: Page): Record<string, string> {
  return Object.fromEntries([...page.html.matchAll(/<li id="custpage_check_(\w+)"[^>]*data-state="(\w+)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** One check's text as the admin reads it. */
function check(page: Page, id: string): string {
  const m = new RegExp(`<li id="custpage_check_${id}"[^>]*>([\\s\\S]*?)</li>`).exec(page.html);
  return m ? text(m[1]!).trim() : '';
}

const ROLE = 'customrole_fsc_token';

function tokenRoleId(): number {
  const role = a.h.rt.store.rows('role').find((r) => r.values.scriptid === ROLE);
  if (!role) throw new Error('the project role is not installed in the local account');
  return role.id;
}

function sweepDeployment() {
  const d = a.h.rt.script('customscript_fsc_ss_sweep').deployments.find((x) => x.scriptId === 'customdeploy_fsc_ss_sweep');
  if (!d) throw new Error('no sweep deployment');
  return d;
}

test('a new account: what is done and what is left, with where to click; the account id is shown', async () => {
  const mark = await a.h.requestMark();
  const page = await a.get();
  expect(checks(page)).toEqual({ settings: 'todo', key: 'todo', schedules: 'done', tba: 'done', role: 'done', roleHolder: 'todo', token: 'manual', freshsuccess: 'manual' });
  expect(check(page, 'settings')).toMatch(/^To do: Settings saved\. .*click Save settings/);
  expect(check(page, 'roleHolder')).toMatch(/No active employee has the role\. What to do: Lists > Employees > Employees > edit the employee .* Access subtab: add Freshsuccess Connector \(Token\)/);
  expect(check(page, 'token')).toMatch(/^By hand: Access token created\. .*cannot be checked here\. Where: Setup > Users\/Roles > Access Tokens > New: application Freshsuccess Integration/);
  expect(check(page, 'freshsuccess')).toMatch(/Source Credentials > Add Source > NetSuite.*account id TSTDRV0000001/);
  expect(text(page.html)).toMatch(/NetSuite account id: TSTDRV0000001/);
  expect(text(page.html)).toMatch(/FreshSync pushing to Freshsuccess \(1 of 3 checks done\)/);
  // Looking is free of side effects: nothing was asked of Freshsuccess.
  expect(await a.h.requestsSince(mark)).toEqual([]);
});

test('token-based authentication: done when NetSuite reports the feature, to do when it is off', async () => {
  a.h.rt.features.delete('TBA');
  try {
    const off = await a.get();
    expect(checks(off).tba).toBe('todo');
    expect(check(off, 'tba')).toMatch(/Setup > Company > Enable Features > SuiteCloud > Manage Authentication: tick Token-based Authentication/);
  } finally {
    a.h.rt.features.add('TBA');
  }
  expect(checks(await a.get()).tba).toBe('done');
});

test('the token role: present, inactive, held by an active employee or by nobody', async () => {
  const role = tokenRoleId();
  const owner = a.h.rt.createUser({ firstname: 'Tina', lastname: 'Token', email: 'tina@example.com', role: '3', roleId: 'administrator' });
  a.h.rt.store.update('employee', owner.id, { role: ['3', String(role)] });
  const held = await a.get();
  expect(checks(held)).toMatchObject({ role: 'done', roleHolder: 'done' });
  expect(check(held, 'roleHolder')).toMatch(/1 active employee has the role/);

  // An inactive employee does not count.
  a.h.rt.store.update('employee', owner.id, { isinactive: true });
  expect(checks(await a.get()).roleHolder).toBe('todo');
  a.h.rt.store.update('employee', owner.id, { isinactive: false });

  a.h.rt.store.update('role', role, { isinactive: true });
  const inactive = await a.get();
  expect(checks(inactive)).toMatchObject({ role: 'todo', roleHolder: 'todo' });
  expect(check(inactive, 'role')).toMatch(/inactive\. What to do: Setup > Users\/Roles > Manage Roles > tick Show Inactives > edit Freshsuccess Connector \(Token\): untick Inactive/);
  a.h.rt.store.update('role', role, { isinactive: false });
  expect(checks(await a.get())).toMatchObject({ role: 'done', roleHolder: 'done' });
});

test('scheduled runs: to do while the sweep is not scheduled or not deployed, done again once it is', async () => {
  const d = sweepDeployment();
  d.status = 'NOTSCHEDULED';
  try {
    const page = await a.get();
    expect(checks(page).schedules).toBe('todo');
    expect(check(page, 'schedules')).toMatch(/FreshSync Sweep \(customdeploy_fsc_ss_sweep\) is status NOTSCHEDULED.*Customization > Scripting > Script Deployments: open FreshSync Sweep, tick Deployed, set Status to Scheduled/);
    d.status = 'SCHEDULED';
    d.isDeployed = false;
    expect(check(await a.get(), 'schedules')).toMatch(/is not deployed/);
  } finally {
    d.status = 'SCHEDULED';
    d.isDeployed = true;
  }
  expect(checks(await a.get()).schedules).toBe('done');
});

test('settings and key: saved, untested, accepted by the test, refused by Freshsuccess', async () => {
  const saved = await a.submit({ set: { custpage_api_key: a.h.freshsuccessKey }, submit: 'Save settings' });
  expect(checks(saved)).toMatchObject({ settings: 'done', key: 'todo' });
  expect(check(saved, 'key')).toMatch(/has not been tested from this page\. What to do: Click Test connection/);

  // The test's own answer already shows the key accepted, and so does every later view.
  const tested = await a.click('test');
  expect(checks(tested).key).toBe('done');
  expect(check(await a.get(), 'key')).toMatch(/^Done: Key accepted by Freshsuccess\. Freshsuccess accepted the saved key in the test of \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
  // Freshsuccess unreachable says nothing about the key: the passed test still counts.
  await a.h.fake.injectFaults([{ kind: 'drop', method: 'GET', path: ACCOUNTS_PATH }]);
  const unreachable = await a.click('test');
  expect(text(unreachable.html)).toMatch(/could not be reached/);
  expect(checks(unreachable).key).toBe('done');
  // The state record keeps when and whether, and a hash of what was tested: never the key.
  const stored = JSON.stringify(a.h.rt.store.rows('customrecord_fsc_state').map((r) => r.values));
  expect(stored).not.toContain(a.h.freshsuccessKey);

  // Values typed but not saved are tested, not the saved ones: the saved key is still unproven.
  const typed = await a.click('test', { set: { custpage_api_key: 'not-the-key-0000000000' } });
  expect(checks(typed).key).toBe('todo');
  expect(check(typed, 'key')).toMatch(/The last test was of other values than the saved ones/);

  // A wrong key saved and tested: the test's answer is shown with what to do.
  await a.submit({ set: { custpage_api_key: 'not-the-key-0000000000' }, submit: 'Save settings' });
  const refused = await a.click('test');
  expect(checks(refused).key).toBe('todo');
  expect(check(refused, 'key')).toMatch(/said: Key refused \(HTTP 40[13]\)\. What to do: Fix the key or the data centre/);

  // Back to the right key, accepted; then a run refused it: the pause outweighs the old test.
  await a.submit({ set: { custpage_api_key: a.h.freshsuccessKey }, submit: 'Save settings' });
  expect(checks(await a.click('test')).key).toBe('done');
  await a.h.fake.configure({ apiKeys: ['rotated-in-freshsuccess-0000'] });
  try {
    a.h.createCustomer({ companyname: 'After Rotation Ltd' });
    a.h.runDrainUntilIdle();
    const paused = await a.get();
    expect(checks(paused).key).toBe('todo');
    expect(check(paused, 'key')).toMatch(/Freshsuccess refused the key at .*pushing is paused\. What to do: Fix the key or the data centre and save the settings, then click Test connection/);
  } finally {
    await a.h.fake.configure({ apiKeys: [a.h.freshsuccessKey] });
  }
});

test('governance: the checklist looks the token role up once; later views take its id from the cache', async () => {
  await a.get();
  const cached = a.lastUnits();
  // NetSuite may drop a cache entry at any time: the next view looks the role up again.
  a.h.rt.runScript({ scriptId: 'customscript_fsc_ss_sweep', deploymentId: 'customdeploy_fsc_ss_sweep', executionContext: 'SCHEDULED' }, () => {
    const cache = a.h.rt.modules.get('N/cache') as { getCache(o: { name: string; scope: string }): { remove(o: { key: string }): void } };
    cache.getCache({ name: 'fsc_setup', scope: 'PROTECTED' }).remove({ key: 'token_role_id' });
  });
  await a.get();
  const looked = a.lastUnits();
  await a.get();
  // The look-up: a role search (10) and a put (1) instead of checking the cached id (1).
  expect([looked - cached, a.lastUnits()]).toEqual([10, cached]);
});
