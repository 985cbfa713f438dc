/**
 * The payload preview in a real browser: the administrator picks a record on the Payload preview
 * tab (or follows its subtab's link) and reads the JSON the drain would send, what is cut or left
 * out and why, whether the record is in scope, and the custom field count against the plan.
 */
import type { Page } from 'playwright-core';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { CONFIG } from '../e2e/support/syncHarness';
import { clientScriptReady, useAdminBrowser } from './support/adminBrowser';

const PLAN_FIELD = 'custentity_success_plan';
let a: AdminClient;
let page: Page;
useAdminBrowser({
  sample: { customers: 3, contacts: 0 },
  prepare: (x) => {
    x.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
    x.h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }], exclude: ['phone'] } }), customFieldCap: 5, scopeStages: 'CUSTOMER' });
  },
}, (s) => ({ a, page } = s));

const ready = () => clientScriptReady(page);
const preview = () => page.getByRole('region', { name: 'What would be sent' });

test('the admin picks a customer by internal id and reads the JSON, the value cut and why, and the count against the plan', async () => {
  const id = a.h.createCustomer({ companyname: 'Browser Preview Inc', phone: '+1 212 555 0199', [PLAN_FIELD]: 'Grow the account. '.repeat(30) });
  await page.goto(a.url);
  await ready();
  await page.getByLabel('Record type').selectOption('customer');
  await page.getByLabel('Internal id').fill(String(id));
  await Promise.all([page.waitForURL(/fsc_preview=customer%3A\d+/), page.getByRole('button', { name: 'Show what would be sent' }).click()]);
  await ready();
  // The preview is the first tab now, and it is on screen without scrolling far.
  await expect(page.locator('h2[id$="_title"]').first().innerText()).resolves.toBe('Payload preview');
  const json = page.locator('#custpage_preview_json');
  await expect(json.isVisible()).resolves.toBe(true);
  const shown = JSON.parse(await json.innerText()) as Record<string, unknown>;
  expect(shown).toMatchObject({ account_id: String(id), name: 'Browser Preview Inc', custom_label_dimensions: [{ key: 'success_plan', value: 'Grow the account. '.repeat(30).slice(0, 400) }] });
  expect(shown).not.toHaveProperty('phone');
  const text = await preview().innerText();
  expect(text).toContain('In the sync scope: yes.');
  expect(text).toContain(`${PLAN_FIELD}: text longer than 400 characters, sent cut to 400`);
  expect(text).toContain('phone: not sent: it is among the fields never sent (Settings)');
  expect(text).toContain('1 custom field(s) mapped (customer 1, contact 0) of the 5 your Freshsuccess plan allows.');
  // What was asked stays in the chooser.
  await expect(page.getByLabel('Internal id').inputValue()).resolves.toBe(String(id));
  // Nothing reached Freshsuccess.
  expect(await a.h.requestsSince(0)).toEqual([]);
}, 60_000);

test('Enter in the Internal id box shows the preview; the settings typed but not saved stay unsaved', async () => {
  const id = a.h.createCustomer({ companyname: 'Enter Key Ltd' });
  await page.goto(a.url);
  await ready();
  const savedBefore = a.configRows().map((r) => r.values[CONFIG.batchMaxRecords]);
  await page.getByLabel('Batch size (records)').fill('7');
  await page.getByLabel('Record type').selectOption('customer');
  await page.getByLabel('Internal id').fill(String(id));
  await Promise.all([page.waitForURL(/fsc_preview=customer%3A\d+/), page.getByLabel('Internal id').press('Enter')]);
  await ready();
  expect(JSON.parse(await page.locator('#custpage_preview_json').innerText())).toMatchObject({ account_id: String(id), name: 'Enter Key Ltd' });
  // Left to the browser, Enter would have pressed the form's first button, Save settings.
  expect(a.configRows().map((r) => r.values[CONFIG.batchMaxRecords])).toEqual(savedBefore);
  await expect(page.getByLabel('Batch size (records)').inputValue()).resolves.not.toBe('7');
}, 60_000);

test("the Enter that ends an input method's composition does not send the preview, as Safari reports it too (keyCode 229, isComposing false)", async () => {
  await page.goto(a.url);
  await ready();
  const before = page.url();
  await page.getByLabel('Internal id').fill('１２');
  // WebKit fires the keydown of the Enter that commits a composition after compositionend: key
  // 'Enter', isComposing false, keyCode 229. The user only confirmed the characters typed.
  await page.getByLabel('Internal id').evaluate((el: { dispatchEvent(e: unknown): boolean }) => {
    const w = globalThis as unknown as { KeyboardEvent: new (type: string, init: object) => object };
    const e = new w.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    Object.defineProperty(e, 'keyCode', { get: () => 229 });
    el.dispatchEvent(e);
  });
  await page.waitForTimeout(1500);
  expect(page.url()).toBe(before);
  await expect(page.getByLabel('Internal id').inputValue()).resolves.toBe('１２');
}, 60_000);

test("from a customer's page: its subtab's link shows that a lead is out of scope, and no JSON", async () => {
  const lead = a.h.rt.ui.create('lead', { companyname: 'Browser Lead Ltd' });
  const origin = new URL(a.url).origin;
  await page.goto(`${origin}/app/common/entity/custjob.nl?id=${lead}`);
  await Promise.all([page.waitForURL(/fsc_preview=customer/), page.getByRole('link', { name: 'See what would be sent' }).click()]);
  await ready();
  const text = await preview().innerText();
  expect(text).toContain(`Browser Lead Ltd (${lead})`);
  expect(text).toContain("Not synced: the settings' scope leaves this record out");
  expect(text).toContain('Nothing would be sent: out of scope (stage or subsidiary).');
  await expect(page.locator('#custpage_preview_json').count()).resolves.toBe(0);
}, 60_000);
