/**
 * The admin's record-level and account-level controls in a real browser, with the processors
 * running what is submitted (as `npm start` does): the Freshsuccess subtab's "Resync now" asks
 * first on the settings page and, once confirmed, the record is sent again; a sandbox refreshed
 * from production holds every push back until the administrator confirms the tenant there.
 */
import type { Page } from 'playwright-core';
import type { ProcessorLoop } from '../../emulator/local/processors';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { startLiveAdmin, type LiveAdmin } from './support/liveAdmin';

let live: LiveAdmin;
let a: AdminClient;
let loop: ProcessorLoop;
let page: Page;

beforeAll(async () => {
  live = await startLiveAdmin({ customers: 6, contacts: 4 }, async (admin) => {
    // Saved on the page, as an administrator does: the settings remember this account.
    await admin.submit({ set: { custpage_api_key: admin.h.freshsuccessKey }, submit: 'Save settings' });
    admin.h.runFullSync();
  });
  ({ a, loop, page } = live);
}, 120_000);

afterAll(async () => {
  await live?.stop();
});

const subtab = () => page.getByRole('region', { name: 'Freshsuccess sync' });

test("Resync now on a customer's page asks first; Cancel queues nothing, Yes sends the record again", async () => {
  const id = a.h.sample!.customers[1]!;
  const origin = new URL(a.url).origin;
  // Someone changed the account in Freshsuccess by hand: a resync puts NetSuite's values back.
  await a.h.fake.seed({ accounts: [{ account_id: String(id), phone: 'typed in Freshsuccess' }] });
  await page.goto(`${origin}/app/common/entity/custjob.nl?id=${id}`);
  await expect(subtab().innerText()).resolves.toMatch(/full sync/);

  const outboxBefore = a.h.outbox().length;
  await Promise.all([page.waitForLoadState('load'), subtab().getByRole('link', { name: 'Resync now' }).click()]);
  await page.getByRole('alert').filter({ hasText: /Send customer .* to Freshsuccess again\?/ }).waitFor();
  expect(a.h.outbox().length).toBe(outboxBefore);
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Cancel' }).click()]);
  await page.getByRole('status').filter({ hasText: /Nothing queued/ }).waitFor();
  expect(a.h.outbox().length).toBe(outboxBefore);

  await page.goto(`${origin}/app/common/entity/custjob.nl?id=${id}`);
  await Promise.all([page.waitForLoadState('load'), subtab().getByRole('link', { name: 'Resync now' }).click()]);
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Yes: resync it' }).click()]);
  await page.getByRole('status').filter({ hasText: /queued/ }).waitFor();
  await loop.idle();
  expect((await a.h.accountOf(id))?.fields.phone).not.toBe('typed in Freshsuccess');
  await page.goto(`${origin}/app/common/entity/custjob.nl?id=${id}`);
  await expect(subtab().innerText()).resolves.toMatch(/^Sent: Freshsuccess has its latest change/);
}, 60_000);

test('a sandbox refreshed from production: the page says pushing is held back, nothing is sent, and confirming the tenant resumes', async () => {
  a.h.rt.refreshAsSandbox('TSTDRV0000001_SB1');
  const made = a.h.createCustomer({ companyname: 'Sandbox Trial Ltd' });
  await loop.idle();
  expect(await a.h.accountOf(made)).toBeUndefined();

  await page.goto(a.url);
  const held = page.getByRole('alert').filter({ hasText: 'Pushing is held back in this account.' });
  await held.waitFor();
  await expect(held.innerText()).resolves.toMatch(/saved in NetSuite account TSTDRV0000001, and this is account TSTDRV0000001_SB1/);
  // The status agrees with the notice above it (it used to say "Pushing is active").
  expect(await page.getByText('Pushing is active (not paused).').count()).toBe(0);
  await page.getByText(/^Pushing is held back in this account: the settings were saved in another NetSuite account/).waitFor();
  // Starting a job here is refused with the reason, and nothing is submitted.
  const tasks = a.h.account.drivers.task.queue.tasks.length;
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Start full sync' }).click()]);
  await page.getByRole('alert').filter({ hasText: /Full sync not started.*saved in another NetSuite account/ }).waitFor();
  expect(a.h.account.drivers.task.queue.tasks.length).toBe(tasks);

  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Use these settings in this account' }).click()]);
  await page.getByRole('status').filter({ hasText: /Settings confirmed for this account/ }).waitFor();
  expect(await page.getByRole('alert').filter({ hasText: 'Pushing is held back' }).count()).toBe(0);
  // Nothing was lost while held back: the drain the next save or the safety net starts sends it.
  a.h.startDrain();
  await loop.idle();
  expect((await a.h.accountOf(made))?.fields.name).toBe('Sandbox Trial Ltd');
}, 60_000);
