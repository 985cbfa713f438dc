/**
 * The admin page in a real browser (headless Chromium driven by playwright-core): an admin fills
 * in the form, submits, and reads the result. The browser comes from support/chromium.ts (a
 * system Chromium or Chrome, else the one npm installs); without one this test fails and says
 * so, it never passes quietly.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { CONFIG } from '../e2e/support/syncHarness';
import { clientScriptReady, useAdminBrowser } from './support/adminBrowser';
export const SCREENSHOT = join(tmpdir(), 'fsc-admin-page.png');

let a: AdminClient;
let page: Page;
useAdminBrowser({
  sample: { customers: 5, contacts: 5 },
  viewport: { width: 1100, height: 900 },
  prepare: (x) => {
    // The field the admin maps exists in this account (saving checks field ids against it).
    x.h.rt.defineEntityField({ scriptId: 'custentity_tier', label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
    // A customer saved search to pick as the scope, and a contact one that must not be offered.
    x.h.rt.savedSearches.define({ id: 'customsearch_key_accounts', type: 'customer', title: 'Key accounts', filters: [['isinactive', 'is', 'F']], columns: ['entityid'] });
    x.h.rt.savedSearches.define({ id: 'customsearch_call_list', type: 'contact', title: 'Call list', columns: ['entityid'] });
  },
}, (s) => ({ a, page } = s));

test('an invalid batch size is shown at its field, the summary at the top links to it, and nothing is saved', async () => {
  await page.goto(a.url);
  await page.getByLabel('Freshsuccess API key').fill(a.h.freshsuccessKey);
  await page.getByLabel('Batch size (records)').fill('ten thousand');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save settings' }).click()]);
  // One alert, at the top, naming the field; no banner per problem.
  const alerts = page.getByRole('alert');
  await expect(alerts.count()).resolves.toBe(1);
  await expect(alerts.innerText()).resolves.toMatch(/Settings not saved\. Fix the problem shown at this field/);
  await alerts.getByRole('link', { name: 'Batch size (records)' }).click();
  expect(new URL(page.url()).hash).toBe('#custpage_err_custpage_batch_records');
  // The message sits right below the field it is about.
  const error = page.locator('#custpage_err_custpage_batch_records');
  await expect(error.innerText()).resolves.toMatch(/^Batch size \(records\): .*whole number from 1 to 5000/);
  const field = await page.getByLabel('Batch size (records)').boundingBox();
  const below = await error.boundingBox();
  expect(below!.y).toBeGreaterThan(field!.y);
  expect(below!.y - (field!.y + field!.height)).toBeLessThan(80);
  expect(await page.getByLabel('Batch size (records)').inputValue()).toBe('ten thousand');
  expect(a.configRows()).toHaveLength(0);
}, 60_000);

test('only the fields that apply show: the key or the API Secret id by how the key is kept, the account-id field only with a custom field', async () => {
  await page.goto(a.url);
  await clientScriptReady(page);
  await expect(page.getByRole('alert').count()).resolves.toBe(0);
  const key = page.getByLabel('Freshsuccess API key');
  const secret = page.getByLabel('API Secret id');
  const accountField = page.getByLabel('Custom field holding the account id');
  await expect([await key.isVisible(), await secret.isVisible(), await accountField.isVisible()]).toEqual([true, false, false]);
  await page.getByLabel('Key kept as').selectOption('secret');
  await expect([await key.isVisible(), await secret.isVisible()]).toEqual([false, true]);
  await page.getByLabel('Account id in Freshsuccess').selectOption('field');
  await expect(accountField.isVisible()).resolves.toBe(true);
  await page.getByLabel('Key kept as').selectOption('credential');
  await page.getByLabel('Account id in Freshsuccess').selectOption('entityid');
  await expect([await key.isVisible(), await secret.isVisible(), await accountField.isVisible()]).toEqual([true, false, false]);
}, 60_000);

test('the admin fills in the form, saves, tests the connection and reads the result', async () => {
  await page.goto(a.url);
  await page.getByLabel('Data centre').selectOption('us');
  await page.getByLabel('Freshsuccess API key').fill(a.h.freshsuccessKey);
  await page.getByLabel('Subsidiaries in scope').selectOption(['1']);
  await page.getByLabel('Customer stages in scope').selectOption(['CUSTOMER', 'PROSPECT']);
  // The saved-search scope is picked by title, among customer searches only.
  const scope = page.getByLabel('Saved search scope');
  await expect(scope.locator('option').allInnerTexts()).resolves.toEqual(['None: no saved search narrows the scope', 'Key accounts (customsearch_key_accounts)']);
  await scope.selectOption({ label: 'Key accounts (customsearch_key_accounts)' });
  await page.getByLabel('Batch size (records)').fill('');
  await page.getByLabel('Field (record, NetSuite type, sent as), line 1').selectOption('customer:custentity_tier:text');
  await page.getByLabel('Freshsuccess key, line 1').fill('tier');
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Save settings' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' }).count()).resolves.toBe(1);
  const saved = a.configRows()[0]!.values as Record<string, unknown>;
  expect(saved[CONFIG.scopeStages]).toBe('PROSPECT, CUSTOMER');
  // Subsidiaries are picked from the account's own list, not typed.
  expect(saved[CONFIG.scopeSubsidiaries]).toBe('1');
  expect(saved[CONFIG.scopeSavedSearch]).toBe('customsearch_key_accounts');
  await expect(page.getByLabel('Subsidiaries in scope').evaluate((el) => Array.from((el as unknown as { selectedOptions: ArrayLike<{ value: string }> }).selectedOptions, (o) => o.value))).resolves.toEqual(['1']);
  expect(String(saved[CONFIG.secretRef])).toMatch(/^[A-Za-z0-9]{16,64}$/);
  expect(JSON.parse(String(saved[CONFIG.mappingJson]))).toEqual({ customer: { custom: [{ field: 'custentity_tier', type: 'text', key: 'tier' }] } });
  expect(await page.getByLabel('Field (record, NetSuite type, sent as), line 1').inputValue()).toBe('customer:custentity_tier:text');

  // Test connection answers with the page itself (it tests what is on the screen, saves nothing).
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Test connection' }).click()]);
  await page.getByRole('status').filter({ hasText: 'Connection OK' }).waitFor();
  await expect(page.getByRole('status').filter({ hasText: 'Connection OK' }).count()).resolves.toBe(1);
  expect(await page.content()).not.toContain(a.h.freshsuccessKey);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
}, 60_000);

test('once configured, the first screen at 1280 × 720 holds the verdict, the key figures and the status; a row can be retried there', async () => {
  await a.h.fake.configure({ labelMaxLength: 3 });
  const bad = a.h.createCustomer({ companyname: 'Long Tier Ltd', custentity_tier: 'Platinum' });
  a.h.runDrainUntilIdle();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(a.url);
  const health = page.getByRole('region', { name: 'Sync health' });
  await expect(health.innerText()).resolves.toMatch(/Needs attention: 1 record\(s\) Freshsuccess refused for their data[\s\S]*Last run: drain at .* · Records last sent: never · Last 24 hours: 0 record\(s\) sent, 1 failed attempt\(s\); the sweep caught 0 change\(s\) no save had queued · Changes waiting: 0 · To retry: 0 · Dead letters: 1/);
  const box = await health.boundingBox();
  expect(box!.y + box!.height).toBeLessThan(720);
  // The status tab comes first, and the record's own row with it.
  const row = page.getByRole('row').filter({ hasText: `Long Tier Ltd (${bad})` });
  await expect(row.innerText()).resolves.toMatch(/Dead letter.*Value too long/s);
  await a.h.fake.configure({ labelMaxLength: 512 });
  await Promise.all([page.waitForURL(/fsc_notice=/), row.getByRole('button', { name: `Retry Customer Long Tier Ltd (${bad})` }).click()]);
  await expect(page.getByRole('status').filter({ hasText: '1 record(s) queued again' }).count()).resolves.toBe(1);
  a.h.runDrainUntilIdle();
  expect((await a.h.accountOf(bad))?.dimensions.labels).toEqual({ tier: 'Platinum' });
  await page.reload();
  await expect(health.innerText()).resolves.toMatch(/^Healthy: nothing is waiting to be sent\.[\s\S]*Records last sent: \d{4}-\d\d-\d\d \d\d:\d\d UTC · Last 24 hours: 1 record\(s\) sent, 1 failed attempt\(s\); [^·]* · Changes waiting: 0 · To retry: 0 · Dead letters: 0/);
}, 60_000);
