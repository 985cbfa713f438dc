/**
 * The admin Suitelet end to end: the built page served by the local account over HTTP, submitted
 * as a browser would, against the fake Freshsuccess in its child process. Assertions are on what
 * the page says, what the config/outbox records hold and what Freshsuccess received.
 */
import { DEFAULT_BATCH } from '../../../src/TypeScript/domain/config';
import { CONFIG } from '../support/syncHarness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminClient, fieldErrors, messages, PAGE_COSTS, text } from './adminHarness';

let a: AdminClient;
const KEY = () => a.h.freshsuccessKey;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 6, contacts: 4 } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

function configValues(): Record<string, unknown> {
  const rows = a.configRows();
  expect(rows).toHaveLength(1);
  return rows[0]!.values as Record<string, unknown>;
}

test('GET renders every section, the account id and the token role', async () => {
  const page = await a.get();
  expect(page.status).toBe(200);
  for (const legend of ['Connection', 'Field mapping and scope']) expect(page.html).toMatch(new RegExp(`<legend>${legend}</legend>`));
  // Sections are tabs; with no settings saved yet, Settings and the setup checklist come first.
  const tabs = [...page.html.matchAll(/<h2 id="(custpage_tab_[a-z]+)_title">([^<]+)/g)].map((m) => m[2]);
  expect(tabs).toEqual(['Settings', 'Setup checklist', 'Status and errors', 'Sync control']);
  expect(page.html).toMatch(/<h3 id="custpage_[a-z_]+_title">Custom fields sent as dimensions/);
  const t = text(page.html);
  expect(t).toContain(a.h.rt.accountId);
  expect(t).toContain('customrole_fsc_token');
  expect(page.html).toMatch(/<input type="password"[^>]*name="custpage_api_key"[^>]*maxlength="256"/);
  for (const action of ['test', 'fullsync', 'drain', 'reconcile']) expect(page.html).toContain(`name="custpage_action" value="${action}"`);
  // Help text is tied to its field for screen readers.
  expect(page.html).toMatch(/id="custpage_region"[^>]*aria-describedby="custpage_region_help"/);
  // The batch help states the engine's own range and default (domain/config.ts).
  expect(t).toContain(`Records per request, 1 to 5000; empty: ${DEFAULT_BATCH.maxRecords}.`);
  expect(t).toContain(`Request body size cap, 10000 to 9000000; empty: ${DEFAULT_BATCH.maxBytes}.`);
  expect(a.lastUnits()).toBeLessThan(100);
});

test('invalid settings: each problem is shown by field, what was typed stays, nothing is saved', async () => {
  const page = await a.submit({
    set: { custpage_api_key: KEY(), custpage_batch_records: 'lots', custpage_acct_source: 'field', custpage_acct_field: '', custpage_retry_first: '1e3', custpage_subsidiaries: '1, two' },
    submit: 'Save settings',
  });
  expect(page.redirectedTo).toBeNull();
  // One alert at the top sums up and links to each field; no stack of banners.
  const { alerts } = messages(page.html);
  expect(alerts).toEqual([expect.stringMatching(/^Settings not saved\. Fix the 4 problems shown at these fields; nothing was changed: Custom field holding the account id Subsidiaries in scope Batch size \(records\) First wait before a retry \(seconds\)$/)]);
  const errors = fieldErrors(page.html);
  expect(errors.find((m) => m.startsWith('Batch size (records)'))).toMatch(/whole number from 1 to 5000 \(got lots\)/);
  expect(errors.find((m) => m.startsWith('Custom field holding the account id'))).toMatch(/custentity/);
  expect(errors.find((m) => m.startsWith('First wait before a retry (seconds)'))).toMatch(/whole number from 1 to 3600 \(got 1e3\)/);
  expect(errors.find((m) => m.startsWith('Subsidiaries in scope'))).toMatch(/internal ids/);
  // Each problem sits right below its own field, and the summary links to it.
  for (const [input, next] of [['custpage_batch_records', 'custpage_batch_bytes'], ['custpage_subsidiaries', 'custpage_saved_search'], ['custpage_acct_field', 'custpage_user_source']]) {
    const at = page.html.indexOf(`id="custpage_err_${input}"`);
    expect(at).toBeGreaterThan(page.html.indexOf(`name="${input}"`));
    expect(at).toBeLessThan(page.html.indexOf(`name="${next}"`));
    expect(page.html).toContain(`<a href="#custpage_err_${input}">`);
  }
  expect(a.configRows()).toHaveLength(0);
  // Nothing lost: the form comes back as typed.
  expect(page.html).toMatch(/name="custpage_batch_records"[^>]*value="lots"/);
  expect(page.html).toMatch(/name="custpage_retry_first"[^>]*value="1e3"/);
  expect(page.html).not.toContain(KEY());

  // Fixing the problems on that page saves; the key typed the first time is kept (not retyped).
  const fixed = await a.submit({ set: { custpage_batch_records: '500', custpage_acct_source: 'internalid', custpage_retry_first: '', custpage_subsidiaries: '' }, submit: 'Save settings' }, page);
  expect(messages(fixed.html).statuses.join(' ')).toMatch(/Settings saved/);
  // Configured: the status comes first now.
  expect([...fixed.html.matchAll(/<h2 id="custpage_tab_[a-z]+_title">([^<]+)/g)].map((m) => m[1])).toEqual(['Status and errors', 'Sync control', 'Settings', 'Setup checklist', 'Payload preview']);
  expect(String(configValues()[CONFIG.secretRef])).toMatch(/^[A-Za-z0-9]{16,64}$/);
  expect(configValues()[CONFIG.batchMaxRecords]).toBe(500);
  expect(messages((await a.click('test')).html).statuses.join(' ')).toMatch(/Connection OK/);
});

test('only administrators get the page', async () => {
  const res = await fetch(a.url, { headers: { 'X-Emulator-Role': 'customrole_fsc_token' } });
  expect(res.status).toBe(403);
  expect(await res.text()).toMatch(/You do not have privileges to view this page/);
});

test('saving with a typed key stores only a credential GUID; the key is nowhere', async () => {
  const page = await a.submit({ set: { custpage_api_key: KEY(), custpage_region: 'us' }, check: { custpage_enabled: true }, submit: 'Save settings' });
  expect(page.redirectedTo).toMatch(/fsc_notice=/);
  expect(messages(page.html).statuses.join(' ')).toMatch(/Settings saved/);
  const values = configValues();
  expect(String(values[CONFIG.secretRef])).toMatch(/^[A-Za-z0-9]{16,64}$/);
  expect(values[CONFIG.region]).toBe('us');
  // The stored key shows as stored, never as its value.
  expect(page.html).toMatch(/name="custpage_api_key"[^>]*value=""/);

  const mark = await a.h.requestMark();
  const tested = await a.click('test');
  expect(messages(tested.html).statuses.join(' ')).toMatch(/Connection OK.*accepted the key/);
  const requests = await a.h.requestsSince(mark);
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/accounts', status: 200 });

  const key = KEY();
  expect(a.pages.join('\n')).not.toContain(key);
  expect(JSON.stringify(a.configRows())).not.toContain(key);
  expect(JSON.stringify(a.h.rt.logs)).not.toContain(key);
  expect(JSON.stringify(await a.h.fake.requests())).not.toContain(key);
  expect(JSON.stringify(a.h.account.suitelets?.server.requests)).not.toContain(key);
  expect(JSON.stringify(a.h.httpLog)).not.toContain(key);
});

// After the key checks: the emulator's request log keeps plain text parameters as posted.
test('a key pasted into the API Secret id box is refused, never shown again, and the saved reference is kept', async () => {
  const page = await a.submit({ set: { custpage_key_source: 'secret', custpage_secret_id: KEY() }, submit: 'Save settings' });
  expect(fieldErrors(page.html).find((m) => m.startsWith('API Secret id'))).toMatch(/not shown again/);
  expect(page.html).not.toContain(KEY());
  expect(JSON.stringify(a.configRows())).not.toContain(KEY());
  expect(JSON.stringify(a.h.rt.logs)).not.toContain(KEY());
  expect(String(configValues()[CONFIG.secretRef])).toMatch(/^[A-Za-z0-9]{16,64}$/);
});

test('test connection: a wrong key is reported as refused (401), the other region as wrong region', async () => {
  const saved = String(configValues()[CONFIG.secretRef]);
  await a.submit({ set: { custpage_api_key: 'not-the-key-0123456789abcdef' }, submit: 'Save settings' });
  expect(String(configValues()[CONFIG.secretRef])).not.toBe(saved);
  const refused = await a.click('test');
  const alert = messages(refused.html).alerts.join(' ');
  expect(alert).toMatch(/Key refused \(HTTP 401\)/);
  expect(alert).not.toContain('not-the-key');

  await a.submit({ set: { custpage_api_key: KEY(), custpage_region: 'eu' }, submit: 'Save settings' });
  const wrongRegion = await a.click('test');
  expect(messages(wrongRegion.html).alerts.join(' ')).toMatch(/Wrong data centre.*choose US/);

  await a.submit({ set: { custpage_region: 'us' }, submit: 'Save settings' });
  expect(messages((await a.click('test')).html).statuses.join(' ')).toMatch(/Connection OK/);
});

test('start full sync: progress shows, a second start says "already running", Freshsuccess receives the accounts', async () => {
  const started = await a.click('fullsync');
  expect(messages(started.html).statuses.join(' ')).toMatch(/Full sync started/);
  expect(text(started.html)).toMatch(/Queued Full sync: waiting for a free processor \(submitted [^)]+\)/);

  const again = await a.click('fullsync');
  const m = messages(again.html);
  expect(m.statuses.join(' ')).toMatch(/Full sync already queued.*Full sync is already queued \(since \d{4}-\d\d-\d\d \d\d:\d\d UTC\), so it was not started again and nothing was submitted/);
  expect(m.alerts.join(' ')).not.toMatch(/Full sync/);

  a.h.processQueue();
  const accounts = await a.h.accounts();
  expect(accounts.map((x) => x.account_id).sort()).toEqual(a.h.sample!.customers.map(String).sort());
  const after = await a.get();
  expect(text(after.html)).toMatch(/Full sync: finished/);
  expect(text(after.html)).toMatch(/The last full sync \(started .*\) finished/);
});

test('drain now and reconcile start from the page', async () => {
  const drain = await a.click('drain');
  expect(messages(drain.html).statuses.join(' ')).toMatch(/Drain \(push queued changes\) (started|already running)/);
  const rec = await a.click('reconcile', { check: { custpage_remove_extras: false } });
  expect(messages(rec.html).statuses.join(' ')).toMatch(/Reconcile started/);
  a.h.processQueue();
  expect(text((await a.get()).html)).toMatch(/Reconcile: finished/);
});

test('governance: every request stays far below the Suitelet limit of 1,000 units', async () => {
  const units: Record<string, number> = {};
  await a.get();
  units.view = a.lastUnits();
  await a.submit({ set: { custpage_subsidiaries: '' }, submit: 'Save settings' });
  units.save = a.lastPostUnits;
  await a.click('test');
  units.test = a.lastPostUnits;
  await a.click('drain');
  units.start = a.lastPostUnits;
  await a.get();
  units.viewWithJob = a.lastUnits();
  a.h.processQueue();
  // The figures docs/admin-guide.md (section 5) states, exactly: units are deterministic.
  expect(units).toMatchObject(PAGE_COSTS);
  // And the guide states them as measured.
  const guide = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'admin-guide.md'), 'utf8').replace(/\s+/g, ' ');
  expect(guide).toContain(`a page view costs ${PAGE_COSTS.view} units`);
  expect(guide).toContain(`Saving costs ${PAGE_COSTS.save}`);
  expect(guide).toContain(`A connection test costs ${PAGE_COSTS.test}`);
  expect(guide).toContain(`Starting a job costs ${PAGE_COSTS.start}`);
  // A view reads the settings, state and queue, the setup checklist's facts, lists the saved
  // searches (5 here: this account has none, so no page of them is fetched) and the custom entity
  // fields (10: one page of them).
  // Saving checks the settings against the account with the drain's two snapshot searches (10
  // each, app/settingsProbe.ts); with a saved-search scope, 6 more to load it as it is now.
  // Test connection answers with the page itself (what was typed stays on it), so its request
  // holds a page view plus the test, plus 2 to remember its outcome for the setup checklist.
  expect(units.test).toBe(units.view + 12 + 2);
  expect(units.viewWithJob).toBeLessThanOrEqual(60);
});

test('a custom field picked from the account\'s fields is saved as a row and sent as a dimension; a type that does not fit is refused', async () => {
  a.h.rt.defineEntityField({ scriptId: 'custentity_tier', label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
  const row = (n: number, col: string) => `custpage_custom_fields[${n}][${col}]`;
  // The select offers a text field as text only; a post that sends it as a number anyway is refused at the table.
  const page = await a.get();
  expect(page.html).toMatch(/<option value="customer:custentity_tier:text">Customer: Tier \(custentity_tier\), Free-Form Text, sent as text<\/option>/);
  expect(page.html).not.toContain('customer:custentity_tier:number');
  const bad = await a.submit({ set: { [row(0, 'custpage_cf_choice')]: 'customer:custentity_tier:number' }, submit: 'Save settings' }, page);
  expect(fieldErrors(bad.html).find((m) => m.startsWith('Custom fields sent as dimensions'))).toMatch(/custentity_tier is a field of type Free-Form Text: send it as text, not number/);

  const saved = await a.submit({ set: { [row(0, 'custpage_cf_choice')]: 'customer:custentity_tier:text', [row(0, 'custpage_cf_key')]: 'tier' }, submit: 'Save settings' }, bad);
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(JSON.parse(String(configValues()[CONFIG.mappingJson]))).toEqual({ customer: { custom: [{ field: 'custentity_tier', type: 'text', key: 'tier' }] } });
  // Shown back chosen, with a new empty row after it.
  expect(saved.html).toMatch(/name="custpage_custom_fields\[0\]\[custpage_cf_choice\]"[^>]*>(?:(?!<\/select>)[\s\S])*<option value="customer:custentity_tier:text" selected>/);
  expect(saved.html).toMatch(/name="custpage_custom_fields\[1\]\[custpage_cf_choice\]"/);

  const id = a.h.createCustomer({ companyname: 'Tiered Ltd', custentity_tier: 'Gold' });
  a.h.runDrainUntilIdle();
  expect((await a.h.accountOf(id))?.dimensions.labels).toEqual({ tier: 'Gold' });
});
