/**
 * The live local account as `npm start` runs it, in a real browser: the processors loop runs
 * what is submitted (no test-side queue call). The admin starts a full sync on the admin page and
 * sees it finish there; a customer's phone changed in NetSuite shows in the Freshsuccess view.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startProcessorLoop, type ProcessorLoop } from '../../emulator/local/processors';
import { AdminClient } from '../e2e/admin/adminHarness';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';

let a: AdminClient;
let loop: ProcessorLoop;
let context: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
  const browser = findChromium();
  a = await AdminClient.start({ sample: { customers: 15, contacts: 10 } });
  a.h.configure({});
  loop = startProcessorLoop(a.h.account, { intervalMs: 20, print: () => undefined });
  profile = mkdtempSync(join(tmpdir(), 'fsc-chromium-live-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: browser.path, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  loop?.stop();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await a?.stop();
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

test("a customer's phone changed in NetSuite shows in the Freshsuccess view after the drain", async () => {
  const id = a.h.sample!.customers[0]!;
  a.h.rt.ui.update('customer', id, { phone: '+1 212 555 0142' });
  await loop.idle();
  await page.goto(`${a.h.account.fakeUrl}/__fake/view`);
  await page.getByLabel(/Search/).fill(String(id));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Filter' }).click()]);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(id), exact: true }) }).first();
  await expect(row.getByRole('cell', { name: '+1 212 555 0142', exact: true }).count()).resolves.toBe(1);
  await page.screenshot({ path: join(tmpdir(), 'fsc-freshsuccess-view.png'), fullPage: true });
}, 60_000);
