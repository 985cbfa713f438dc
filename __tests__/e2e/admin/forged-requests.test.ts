/**
 * Forged requests to the admin page change nothing. A POST that did not come from a page this
 * user was shown (no form token, another site's Origin, another user's token, an expired or spent
 * token, or an action in the URL) starts no job, re-queues no dead letter and saves no setting; the
 * page says why. The same page's own form still works. Assertions are on the settings record, the
 * outbox, the task queue and the page's messages.
 */
import { FORM_TOKEN_FIELD, FORM_TOKEN_TTL_MS } from '../../../src/TypeScript/domain/formToken';
import { submitForm } from '../../emulator/suitelet/support/browser-form';
import { CONFIG } from '../support/syncHarness';
import { AdminClient, messages, type Page } from './adminHarness';

const PLAN_FIELD = 'custentity_success_plan';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 8, contacts: 3 } });
  a.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  // Legitimate setup through the page's own form: key, contacts on, a mapped custom field.
  // The plan field picked in the custom fields table, sent as text under the key success_plan.
  const mapping = { 'custpage_custom_fields[0][custpage_cf_choice]': `customer:${PLAN_FIELD}:text`, 'custpage_custom_fields[0][custpage_cf_key]': 'success_plan' };
  const saved = await a.submit({ set: { custpage_key_source: 'secret', custpage_secret_id: a.h.account.secretId, custpage_region: 'us', ...mapping }, check: { custpage_enabled: true, custpage_sync_contacts: true }, submit: 'Save settings' });
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  // One dead letter: the tenant refuses a label longer than 300 characters.
  await a.h.fake.configure({ labelMaxLength: 300 });
  a.h.createCustomer({ companyname: 'Verbose Ventures', [PLAN_FIELD]: 'Expand to every region. '.repeat(15).slice(0, 350) });
  a.h.runDrainUntilIdle();
  await a.h.fake.configure({ labelMaxLength: 1000 });
  expect(deadLetters()).toBe(1);
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const EVIL = 'https://evil.example';
const settings = () => JSON.stringify(a.configRows().map((r) => r.values));
const deadLetters = () => a.h.outbox().filter((e) => e.status === 'DEAD').length;
const tasks = () => a.h.account.drivers.task.queue.tasks.length;
const alerts = (html: string) => messages(html).alerts.join(' ');

/** Everything a forged request could change, to compare before and after. */
function snapshot() {
  return { settings: settings(), dead: deadLetters(), outbox: a.h.outbox().length, tasks: tasks() };
}

async function post(body: Record<string, string>, options: { origin?: string; query?: string; user?: number } = {}): Promise<Page> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (options.origin) headers.Origin = options.origin;
  if (options.user !== undefined) headers['X-Emulator-User'] = String(options.user);
  const res = await fetch(a.url + (options.query ?? ''), { method: 'POST', redirect: 'manual', headers, body: new URLSearchParams(body).toString() });
  return { status: res.status, html: await res.text(), redirectedTo: res.headers.get('location') };
}

/** The token of a page as served (to the default administrator, or to another user). */
async function tokenOf(user?: number): Promise<{ page: Page; token: string }> {
  const res = await fetch(a.url, { headers: user === undefined ? {} : { 'X-Emulator-User': String(user) } });
  const html = await res.text();
  const token = new RegExp(`name="${FORM_TOKEN_FIELD}" value="([0-9a-f]{32})"`).exec(html)?.[1];
  if (!token) throw new Error('the page carries no form token');
  return { page: { status: res.status, html, redirectedTo: null }, token };
}

const hostile: Record<string, string> = {
  custpage_enabled: 'F',
  custpage_region: 'eu',
  custpage_key_source: 'secret',
  custpage_secret_id: 'custsecret_attacker',
  custpage_sync_contacts: 'F',
};

test('every page carries a fresh form token in a hidden field', async () => {
  const first = await tokenOf();
  const second = await tokenOf();
  expect(first.page.html).toMatch(new RegExp(`<input type="hidden"[^>]*name="${FORM_TOKEN_FIELD}"`));
  expect(first.token).not.toBe(second.token);
});

test.each([
  ['full sync', { custpage_action: 'fullsync' }],
  ['reconcile with "deactivate extras"', { custpage_action: 'reconcile', custpage_remove_extras: 'T' }],
  ['reconcile with "deactivate extras", confirmed', { custpage_action: 'reconcile_extras' }],
  ['drain', { custpage_action: 'drain' }],
  ['retry dead letters', { custpage_action: 'retry' }],
  ['settings save', { ...hostile, custpage_action: 'save' }],
  ['settings save without an action', hostile],
])('a forged POST from another site (%s, no token) changes nothing and says why', async (_name, body) => {
  const before = snapshot();
  const page = await post(body, { origin: EVIL });
  expect(page.status).toBe(200);
  expect(page.redirectedTo).toBeNull();
  expect(alerts(page.html)).toMatch(/Request refused.*Nothing was changed/);
  a.h.processQueue();
  expect(snapshot()).toEqual(before);
});

test('without an Origin header (older browsers, scripts), a POST without the token is refused all the same', async () => {
  const before = snapshot();
  for (const body of [{ custpage_action: 'fullsync' }, { custpage_action: 'retry' }, hostile, { ...hostile, [FORM_TOKEN_FIELD]: 'not-a-token' }]) {
    const page = await post(body);
    expect(alerts(page.html)).toMatch(/Request refused.*Nothing was changed/);
  }
  a.h.processQueue();
  expect(snapshot()).toEqual(before);
});

test('the same-site form token does not help a POST that names another site as its Origin', async () => {
  const before = snapshot();
  const { token } = await tokenOf();
  const page = await post({ [FORM_TOKEN_FIELD]: token, custpage_action: 'fullsync' }, { origin: EVIL });
  expect(alerts(page.html)).toMatch(/came from another site/);
  expect(snapshot()).toEqual(before);
});

test("another user's token is refused", async () => {
  const before = snapshot();
  const { token } = await tokenOf(4242); // another administrator's page
  const page = await post({ [FORM_TOKEN_FIELD]: token, custpage_action: 'retry' });
  expect(alerts(page.html)).toMatch(/issued to another user/);
  expect(snapshot()).toEqual(before);
});

test('an action or a token in the query string is refused, even with a valid token in the form', async () => {
  const before = snapshot();
  const { token } = await tokenOf();
  const inQuery = await post({ [FORM_TOKEN_FIELD]: token }, { query: '&custpage_action=fullsync' });
  expect(alerts(inQuery.html)).toMatch(/never from a link or address/);
  const tokenInQuery = await post({ custpage_action: 'drain' }, { query: `&${FORM_TOKEN_FIELD}=${(await tokenOf()).token}` });
  expect(alerts(tokenInQuery.html)).toMatch(/never from a link or address/);
  // A GET never acts, whatever its query string says.
  const get = await fetch(`${a.url}&custpage_action=fullsync`);
  expect(get.status).toBe(200);
  a.h.processQueue();
  expect(snapshot()).toEqual(before);
});

test('a token is spent by its first use: the same page submitted twice acts once', async () => {
  const { page } = await tokenOf();
  const first = await a.click('drain', {}, page);
  expect(messages(first.html).statuses.join(' ')).toMatch(/Drain \(push queued changes\) (started|already running)/);
  a.h.processQueue();
  const before = snapshot();
  const body = new URLSearchParams(submitForm(page.html, { submit: 'drain' })).toString();
  const res = await fetch(a.url, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  expect(alerts(await res.text())).toMatch(/unknown or was already used/);
  expect(snapshot()).toEqual(before);
});

test('an expired page changes nothing; the page served with the refusal works', async () => {
  const { page } = await tokenOf();
  a.h.advanceTime(FORM_TOKEN_TTL_MS + 60_000);
  a.h.processQueue();
  const before = snapshot();
  const expired = await a.submit({ set: hostile, submit: 'Save settings' }, page);
  expect(alerts(expired.html)).toMatch(/Page expired.*Nothing was changed/);
  expect(snapshot()).toEqual(before);
  // The refusal page carries a new token: the administrator's own retry goes through.
  const retried = await a.click('retry', {}, expired);
  expect(messages(retried.html).statuses.join(' ')).toMatch(/1 dead letter\(s\) with 1 record\(s\) were queued again/);
  expect(deadLetters()).toBe(0);
  expect(a.configRows()[0]!.values[CONFIG.region]).toBe('us');
});

test('refusals are in the execution log with their reason, never with the posted values', () => {
  const refusals = a.h.rt.logs.filter((l) => l.title === 'FreshSync admin page refused a request');
  expect(refusals.map((l) => /reason (\w+)/.exec(l.details)?.[1])).toEqual(expect.arrayContaining(['missing', 'foreign_origin', 'other_user', 'in_query', 'unknown', 'expired']));
  expect(JSON.stringify(refusals)).not.toContain('custsecret_attacker');
});
