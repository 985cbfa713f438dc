/**
 * The live local account as `npm start` runs it, in a real browser: the processors loop runs
 * what is submitted (no test-side queue call). The admin starts a full sync on the admin page and
 * sees it finish there; a customer's phone edited on its local NetSuite page shows in the
 * Freshsuccess view, which links back to the record.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ProcessorLoop } from '../../emulator/local/processors';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { startLiveAdmin, type LiveAdmin } from './support/liveAdmin';

let live: LiveAdmin;
let a: AdminClient;
let loop: ProcessorLoop;
let page: Page;

beforeAll(async () => {
  live = await startLiveAdmin({ customers: 15, contacts: 10 }, (admin) => admin.h.configure({}));
  ({ a, loop, page } = live);
}, 120_000);

afterAll(async () => {
  await live?.stop();
});

test('Start full sync on the admin page: it runs on its own and the page shows it finished with what it sent', async () => {
  await page.goto(a.url);
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Start full sync' }).click()]);
  await page.getByRole('status').filter({ hasText: 'Full sync started' }).waitFor();
  await loop.idle();
  await page.reload();
  await page.getByText(/Full sync: finished \(submitted [^)]*\): \d+ record\(s\) sent/).waitFor();
  expect(await a.h.accounts()).toHaveLength(a.h.sample!.counts.customers);
}, 60_000);

test("a customer's phone edited on its NetSuite page shows in the Freshsuccess view after the drain, which links back", async () => {
  const id = a.h.sample!.customers[0]!;
  const origin = new URL(a.url).origin;
  // The customer list, its search, the record's page and its edit page, as a user goes.
  await page.goto(`${origin}/app/common/entity/custjoblist.nl`);
  await page.getByLabel(/^Search/).fill(String(id));
  await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: 'Search' }).click()]);
  await Promise.all([page.waitForURL(/custjob\.nl\?id=/), page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(id), exact: true }) }).getByRole('link').first().click()]);
  // The SuiteApp's own subtab, built by its beforeLoad User Event.
  await expect(page.getByRole('region', { name: 'Freshsuccess sync' }).innerText()).resolves.toMatch(/full sync/);
  await Promise.all([page.waitForURL(/e=T/), page.getByRole('link', { name: 'Edit' }).click()]);
  await page.getByLabel('Phone', { exact: true }).fill('+1 212 555 0142');
  await Promise.all([page.waitForURL(new RegExp(`custjob\\.nl\\?id=${id}$`)), page.getByRole('button', { name: 'Save' }).click()]);
  await loop.idle();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Freshsuccess sync' }).innerText()).resolves.toMatch(/^Sent: Freshsuccess has its latest change/);

  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Freshsuccess view' }).first().click()]);
  await page.getByLabel(/Search/).fill(String(id));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Filter' }).click()]);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(id), exact: true }) }).first();
  await expect(row.getByRole('cell', { name: '+1 212 555 0142', exact: true }).count()).resolves.toBe(1);
  await page.screenshot({ path: join(tmpdir(), 'fsc-freshsuccess-view.png'), fullPage: true });
  // The account links back to its NetSuite record list.
  await Promise.all([page.waitForURL(/custjoblist\.nl\?q=/), row.getByRole('link', { name: String(id) }).click()]);
  await expect(page.getByRole('link', { name: a.h.rt.ui.get('customer', id)!.values.companyname as string }).count()).resolves.toBe(1);
}, 60_000);
