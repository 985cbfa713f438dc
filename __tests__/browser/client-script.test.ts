/**
 * The local runtime runs a Suitelet form's client script in the browser, as NetSuite does: the
 * fixture's pageInit, fieldChanged (for the user's changes and the script's own setValue),
 * saveRecord refusing a submit, a button's function, and N/currentRecord's isDisplay on the page.
 */
import type { Page } from 'playwright-core';
import { pathFor, startHarness, type Harness } from '../emulator/suitelet/support/harness';
import { openBrowserPage, type BrowserPage } from './support/browserPage';

let h: Harness;
let browser: BrowserPage;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  browser = await openBrowserPage();
  page = browser.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const ready = async (path: string) => {
  await page.goto(h.server.url(path));
  await page.locator('#main_form[data-client-script-ready="T"]').waitFor();
};

test('pageInit and fieldChanged run on the page; isDisplay hides and shows a field', async () => {
  await ready(pathFor('customdeploy_fsc_sl_config'));
  await expect(page.locator('#custpage_status').innerText()).resolves.toBe('pageInit create');
  const batch = page.getByLabel('Batch size');
  await expect(batch.isVisible()).resolves.toBe(true);
  await page.getByLabel('Sync active').uncheck();
  await expect(batch.isVisible()).resolves.toBe(false);
  await page.getByLabel('Sync active').check();
  await expect(batch.isVisible()).resolves.toBe(true);
  // The user's change fires fieldChanged; the script's setValue fires it again (for the status),
  // and a setValue with ignoreFieldChange does not.
  await page.getByLabel('Account name').fill('Globex');
  await page.getByLabel('Account name').blur();
  await expect(page.locator('#custpage_status').innerText()).resolves.toBe('name is Globex');
  await expect(page.getByLabel('Dimensions').evaluate((el: { selectedOptions: ArrayLike<{ value: string }> }) => Array.from(el.selectedOptions, (o) => o.value))).resolves.toEqual(['tier']);
});

test("a button calls the client script's function, and the inactive-button note goes", async () => {
  await ready(pathFor('customdeploy_fsc_sl_config'));
  await expect(page.locator('#ns_client_note').isVisible()).resolves.toBe(false);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.locator('#custpage_status').innerText()).resolves.toBe('testConnection clicked');
});

test('saveRecord returning false keeps the form from being submitted', async () => {
  await ready(pathFor('customdeploy_fsc_sl_config'));
  const before = h.server.requests.filter((r) => r.method === 'POST').length;
  await page.getByLabel('Batch size').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForTimeout(300);
  expect(h.server.requests.filter((r) => r.method === 'POST').length).toBe(before);
  // Any other size goes through: the same click posts the form.
  await page.getByLabel('Batch size').fill('5');
  await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: 'Save settings' }).click()]);
  expect(h.server.requests.filter((r) => r.method === 'POST').length).toBe(before + 1);
});

test('a client script that asks for a server-only module shows the failure on the page', async () => {
  // A client script cannot load N/https here (the runtime serves N/currentRecord only to the browser).
  await page.goto(h.server.url(pathFor('customdeploy_fsc_sl_config', { clientScript: './cs_fixture_server_module.js' })));
  await expect(page.getByRole('alert').filter({ hasText: 'Client script error' }).innerText()).resolves.toMatch(/Client script error: .*N\/https/);
});
