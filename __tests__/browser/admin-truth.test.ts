/**
 * Each misleading case a review of the admin page found (issue 14), in a real browser: a job that
 * cannot run is refused with its reason and nothing reaches Freshsuccess; "switched off" is said;
 * Test connection tests what is typed and keeps it, and blames NetSuite for a key reference it
 * refuses; a dead letter names its own reason (a contact
 * held back by its company says which company); a record skipped by every full sync is one row;
 * a row can be dismissed; no cursor jargon; deactivating extras asks first, with how many.
 */
import type { Page } from 'playwright-core';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { clientScriptReady, useAdminBrowser } from './support/adminBrowser';

const PLAN_FIELD = 'custentity_success_plan';
let a: AdminClient;
let page: Page;
useAdminBrowser({
  sample: { customers: 4, contacts: 0 },
  prepare: (x) => x.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false }),
}, (s) => ({ a, page } = s));

const ready = () => clientScriptReady(page);
const open = async (url: string) => {
  await page.goto(url);
  await ready();
};
const click = async (name: string) => {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.getByRole('button', { name, exact: true }).click()]);
  await ready();
};
const health = () => page.getByRole('region', { name: 'Sync health' }).innerText();
const alertText = async () => (await page.getByRole('alert').allInnerTexts()).join(' ');
const requestsToFreshsuccess = async () => (await a.h.requestsSince(0)).length;

test('no settings: Start full sync is refused with the reason, and Freshsuccess hears nothing', async () => {
  await open(a.url);
  await expect(health()).resolves.toMatch(/^Not set up: nothing is pushed until the connection settings below are saved\./);
  await click('Start full sync');
  await expect(alertText()).resolves.toMatch(/Full sync not started[\s\S]*No settings are saved yet/);
  a.h.processQueue();
  expect(await requestsToFreshsuccess()).toBe(0);
  await expect(page.getByText('Full sync started').count()).resolves.toBe(0);
});

test('sync switched off: the page says so, and Start full sync is refused with the fix', async () => {
  a.h.configure({ enabled: false, mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }] } }) });
  await open(a.url);
  await expect(health()).resolves.toMatch(/^Switched off: \d+ change\(s\) wait and nothing is sent\. Tick "Sync enabled" and save to send them\./);
  await expect(page.getByText('Pushing is active').count()).resolves.toBe(0);
  await click('Start full sync');
  await expect(page.getByText(/Full sync not started.*Sync is switched off/).count()).resolves.toBe(1);
  a.h.processQueue();
  expect(await requestsToFreshsuccess()).toBe(0);
});

test('Test connection tests the key and data centre typed on the screen, saves nothing, and keeps the choices', async () => {
  a.h.configure({ enabled: true, mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }] } }) });
  const before = JSON.stringify(a.configRows()[0]?.values);
  await open(a.url);
  await page.getByLabel('Data centre').selectOption('eu');
  // The key is kept as an API Secret: the typed-key field shows once that choice changes.
  await expect(page.getByLabel('Freshsuccess API key').isVisible()).resolves.toBe(false);
  await page.getByLabel('Key kept as').selectOption('credential');
  await page.getByLabel('Freshsuccess API key').fill('a-key-nobody-issued-0000');
  await click('Test connection');
  // Refused, and for the values typed: not "Connection OK (US)" for the saved ones.
  await expect(alertText()).resolves.toMatch(/refused|not accepted/i);
  await expect(page.getByLabel('Data centre').inputValue()).resolves.toBe('eu');
  expect(JSON.stringify(a.configRows()[0]?.values)).toBe(before);
  // The saved settings, tested as they are on a fresh page, work.
  await open(a.url);
  await click('Test connection');
  await expect(page.getByRole('status').filter({ hasText: /Connection OK/ }).count()).resolves.toBe(1);
});

test('an API Secret id NetSuite does not have is blamed on NetSuite, and nothing reaches Freshsuccess', async () => {
  await open(a.url);
  await page.getByLabel('Key kept as').selectOption('secret');
  await page.getByLabel('API Secret id').fill('custsecret_nobody_made');
  const before = await requestsToFreshsuccess();
  await click('Test connection');
  await expect(alertText()).resolves.toMatch(/NetSuite refused to use the key[\s\S]*Nothing was sent to Freshsuccess[\s\S]*Setup > Company > API Secrets/);
  await expect(alertText()).resolves.not.toMatch(/Freshsuccess refused/);
  expect(await requestsToFreshsuccess()).toBe(before);
});

test("dead letters name their own reason: the contact held back by its company says which company and why; one row per record; a row is dismissed", async () => {
  await a.h.fake.configure({ labelMaxLength: 300 });
  const verbose = a.h.createCustomer({ companyname: 'Verbose Ventures', [PLAN_FIELD]: 'Expand to every region. '.repeat(15).slice(0, 350) });
  const contact = a.h.createContact({ firstname: 'Vera', lastname: 'Verbose', company: String(verbose), email: 'vera@verbose.test' });
  const loner = a.h.createContact({ firstname: 'Lone', lastname: 'Contact', email: 'lone@nowhere.test' });
  a.h.runDrainUntilIdle();
  // Two full syncs skip the contact without a company twice: it is still one row.
  for (let i = 0; i < 2; i++) {
    a.h.startFullSync();
    a.h.runDrainUntilIdle();
  }
  await open(a.url);
  const rowOf = (id: number, type: 'custjob' | 'contact') => page.getByRole('row').filter({ has: page.locator(`a[href*="${type}.nl?id=${id}"]`) });
  await expect(rowOf(verbose, 'custjob').innerText()).resolves.toMatch(/Dead letter\s+Customer Verbose Ventures[\s\S]*Value too long/);
  await expect(rowOf(contact, 'contact').innerText()).resolves.toMatch(new RegExp(`Contact Vera Verbose[\\s\\S]*Freshsuccess refused its company, customer ${verbose}, for the company's data`));
  // Not the company's message as if it were the contact's own.
  await expect(rowOf(contact, 'contact').innerText()).resolves.toMatch(/Nothing is wrong with the contact/);
  await expect(rowOf(loner, 'contact').count()).resolves.toBe(1);
  await expect(rowOf(loner, 'contact').innerText()).resolves.toMatch(/Skipped[\s\S]*no company[\s\S]*reported by 3 runs/i);

  await Promise.all([page.waitForEvent('framenavigated'), rowOf(loner, 'contact').getByRole('button', { name: /^Dismiss/ }).click()]);
  await expect(page.getByRole('status').filter({ hasText: /1 record\(s\) dismissed/ }).count()).resolves.toBe(1);
  await expect(rowOf(loner, 'contact').count()).resolves.toBe(0);
  await expect(rowOf(verbose, 'custjob').count()).resolves.toBe(1);
});

test('the status speaks plainly: no cursor or internal-id jargon', async () => {
  await open(a.url);
  const status = await page.locator('main').innerText();
  expect(status).not.toMatch(/cursor|outbox entr|Accounts on the first page/i);
});

test('deactivating accounts NetSuite does not know asks first, says how many, and Cancel starts nothing', async () => {
  await a.h.fake.seed({ accounts: [{ account_id: 'crm-0042', name: 'From Another System', join_date: Date.UTC(2025, 0, 1) }] });
  await open(a.url);
  await click('Start reconcile');
  a.h.runDrainUntilIdle();
  await open(a.url);
  await page.getByLabel(/Also deactivate accounts NetSuite does not know/).check();
  await click('Start reconcile');
  await expect(alertText()).resolves.toMatch(/found 1 account\(s\) and 0 contact\(s\) in Freshsuccess that NetSuite does not have/);
  await click('Cancel');
  await expect(page.getByText(/Nothing started/).count()).resolves.toBe(1);
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf('crm-0042')).toMatchObject({ isActive: true });
});
