/**
 * The setup checklist in a real browser (headless Chromium): an administrator reads what is done
 * and what is left, does a step (gives the token role, saves and tests the key), and sees the
 * page mark it done on the next view. The picture for the admin guide is made by
 * `npm run screenshots` (docs/img/admin-setup-checklist.png).
 */
import type { Locator, Page } from 'playwright-core';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { useAdminBrowser } from './support/adminBrowser';

let a: AdminClient;
let page: Page;
useAdminBrowser({ sample: { customers: 3, contacts: 0 }, viewport: { width: 1100, height: 900 } }, (s) => ({ a, page } = s));

function checklist(): Locator {
  return page.getByRole('region', { name: 'Setup checklist' });
}

/** A step as the admin reads it: its state word first, then what was found and what to do. */
function step(name: RegExp): Locator {
  return checklist().getByRole('listitem').filter({ hasText: name });
}

test('a new account: each step says done, to do or by hand, what to do next and where; the account id is shown', async () => {
  await page.goto(a.url);
  const push = checklist().getByRole('region', { name: /^FreshSync pushing to Freshsuccess/ });
  await expect(push.getByRole('heading').innerText()).resolves.toBe('FreshSync pushing to Freshsuccess (1 of 3 checks done)');
  await expect(step(/Settings saved/).innerText()).resolves.toMatch(/^To do: Settings saved\. No settings are saved yet.*\nWhat to do: .*click Save settings\.$/);
  await expect(step(/Scheduled runs active/).innerText()).resolves.toMatch(/^Done: Scheduled runs active\. FreshSync Sweep and FreshSync Drain safety net: deployed and scheduled\.$/);
  await expect(step(/Token-based authentication/).innerText()).resolves.toMatch(/^Done: /);
  await expect(step(/given to an active employee/).innerText()).resolves.toMatch(/^To do: .*No active employee has the role\.\nWhat to do: Lists > Employees > Employees > edit the employee/);
  await expect(step(/Access token created/).innerText()).resolves.toMatch(/^By hand: .*\nWhere: Setup > Users\/Roles > Access Tokens > New/);
  await expect(step(/Credentials entered in Freshsuccess/).innerText()).resolves.toContain(`account id ${a.h.rt.accountId}`);
  await expect(checklist().locator('#custpage_account_id').innerText()).resolves.toBe(a.h.rt.accountId);

  // The administrator gives the role to an employee (Lists > Employees): the next view says so.
  const role = a.h.rt.store.rows('role').find((r) => r.values.scriptid === 'customrole_fsc_token')!;
  const owner = a.h.rt.createUser({ firstname: 'Tina', lastname: 'Token', email: 'tina@example.com', role: '3', roleId: 'administrator' });
  a.h.rt.store.update('employee', owner.id, { role: ['3', String(role.id)] });
  await page.reload();
  await expect(step(/given to an active employee/).innerText()).resolves.toMatch(/^Done: .*1 active employee has the role\.$/);
}, 60_000);

test('saving the key leaves it to do until Test connection accepts it; the answer already shows it done', async () => {
  await page.goto(a.url);
  await page.getByLabel('Freshsuccess API key').fill(a.h.freshsuccessKey);
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Save settings' }).click()]);
  await expect(step(/Settings saved/).innerText()).resolves.toMatch(/^Done: /);
  await expect(step(/Key accepted by Freshsuccess/).innerText()).resolves.toMatch(/^To do: .*has not been tested from this page\.\nWhat to do: Click Test connection/);

  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Test connection' }).click()]);
  await expect(step(/Key accepted by Freshsuccess/).innerText()).resolves.toMatch(/^Done: Key accepted by Freshsuccess\. Freshsuccess accepted the saved key in the test of /);
  await expect(checklist().getByRole('heading', { name: /^FreshSync pushing to Freshsuccess/ }).innerText()).resolves.toBe('FreshSync pushing to Freshsuccess (3 of 3 checks done)');

  // An administrator switches the sweep off on its deployment page: the checklist says which and where.
  const sweep = a.h.rt.deployment('customscript_fsc_ss_sweep', 'customdeploy_fsc_ss_sweep');
  sweep.status = 'NOTSCHEDULED';
  try {
    await page.goto(a.url);
    await expect(step(/Scheduled runs active/).innerText()).resolves.toMatch(/^To do: .*FreshSync Sweep \(customdeploy_fsc_ss_sweep\) is status NOTSCHEDULED.*\nWhat to do: Customization > Scripting > Script Deployments: open FreshSync Sweep/);
  } finally {
    sweep.status = 'SCHEDULED';
  }
}, 60_000);
