/**
 * `npm run screenshots`: the admin page in a real browser at 1280 × 800, as an administrator sees
 * it, written to docs/img/ for the admin guide, and the local account's customer page and
 * Freshsuccess view for emulator/local/README.md. Each picture is made from a state the page really
 * reached in the local account (settings saved, a dead letter from a value Freshsuccess refused,
 * a save refused at its fields, the mapping section filled in, a deactivation asking first, the setup checklist after a passed
 * connection test, a payload preview, a full sync part way, a resync asking first, a sandbox
 * holding pushes back), never from a mock-up.
 */
import { join } from 'node:path';
import { AdminClient } from '../e2e/admin/adminHarness';
import { SCRIPTS } from '../e2e/support/syncHarness';
import { clientScriptReady } from './support/adminBrowser';
import { openBrowserPage } from './support/browserPage';
import { screenshotMapping } from './support/mappingSection';

const OUT = join(__dirname, '..', '..', 'docs', 'img');
const PLAN_FIELD = 'custentity_success_plan';
/** The full sync's "Records per run" (netsuite/fullSyncJob.ts SLICE_PARAMS; that module needs N/ and loads only under jest). */
const SLICE_RECORDS_PARAM = 'custscript_fsc_fs_slice_records';

async function main(): Promise<void> {
  const a = await AdminClient.start({ sample: { customers: 12, contacts: 20 } });
  const browser = await openBrowserPage({ width: 1280, height: 800 });
  try {
    const page = browser.page;
    const shot = async (name: string, fullPage = false) => {
      await page.screenshot({ path: join(OUT, name), fullPage });
      console.log(`docs/img/${name}`);
    };
    // First visit: nothing saved, Settings first.
    await page.goto(a.url);
    await shot('admin-first-visit.png');

    // A save refused at its fields.
    await page.getByLabel('Freshsuccess API key').fill(a.h.freshsuccessKey);
    await page.getByLabel('Batch size (records)').fill('ten thousand');
    await page.getByLabel('First wait before a retry (seconds)').fill('a minute');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save settings' }).click()]);
    await shot('admin-refused-save.png');

    // Saved, with a custom field a tenant will refuse for one customer: a dead letter.
    a.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
    // The mapping without JSON: the plan field picked from the account's fields, the phone never sent.
    // (The page again, so the select lists the field just created; nothing was saved, so the key is typed again.)
    await page.goto(a.url);
    await page.getByLabel('Freshsuccess API key').fill(a.h.freshsuccessKey);
    await page.getByLabel('Field (record, NetSuite type, sent as), line 1').selectOption(`customer:${PLAN_FIELD}:text`);
    await page.getByLabel('Freshsuccess key, line 1').fill('success_plan');
    await page.getByLabel('Customer fields never sent').selectOption(['phone']);
    await page.getByLabel('Flag as long-retrying after (attempts)').fill('6');
    await page.getByLabel('Custom fields your Freshsuccess plan allows').fill('10');
    await screenshotMapping(page, join(OUT, 'admin-mapping.png'));
    console.log('docs/img/admin-mapping.png');
    await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Save settings' }).click()]);
    a.h.runDrainUntilIdle();
    await a.h.fake.configure({ labelMaxLength: 300 });
    a.h.createCustomer({ companyname: 'Verbose Ventures', [PLAN_FIELD]: 'Expand to every region. '.repeat(15).slice(0, 350) });
    a.h.runDrainUntilIdle();
    await page.goto(a.url);
    await shot('admin-first-screen.png');

    // Deactivating what only Freshsuccess has asks first.
    await page.getByLabel(/Also deactivate accounts NetSuite does not know/).check();
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Start reconcile' }).click()]);
    await shot('admin-confirm-removal.png');

    // The setup checklist once the key passed Test connection: pushing ready; the connector's
    // role given to nobody yet, and the two steps only a person can do.
    await page.goto(a.url);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Test connection' }).click()]);
    await page.locator('#custpage_tab_setup').screenshot({ path: join(OUT, 'admin-setup-checklist.png') });
    console.log('docs/img/admin-setup-checklist.png');

    // The payload preview of a customer whose long plan text is cut, asked for on its tab.
    const northwind = a.h.createCustomer({ companyname: 'Northwind Traders', phone: '+1 206 555 0134', url: 'https://northwind.example', [PLAN_FIELD]: 'Roll out to the EMEA teams, then the Americas; quarterly reviews with the sponsor. '.repeat(6) });
    await page.goto(a.url);
    await page.getByLabel('Internal id').fill(String(northwind));
    await Promise.all([page.waitForURL(/fsc_preview=/), page.getByRole('button', { name: 'Show what would be sent' }).click()]);
    // The tab alone, whole: the JSON, what it cuts and why, and the count against the plan.
    await page.locator('#custpage_tab_preview').screenshot({ path: join(OUT, 'admin-payload-preview.png') });
    console.log('docs/img/admin-payload-preview.png');

    // A full sync started from its deployment, part way: the "What runs now" box under Sync control.
    a.h.rt.deployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand).parameterValues[SLICE_RECORDS_PARAM] = '10';
    a.h.startFullSync();
    const parts = () => (a.h.state()?.fullSync as { parts?: number } | null)?.parts ?? 0;
    for (let i = 0; i < 500 && !(parts() === 2 && a.h.state()?.pushLease?.holder === 'fullsync'); i++) a.h.processQueue({ maxSteps: 1 });
    await page.goto(a.url);
    await clientScriptReady(page);
    await page.locator('#custpage_tab_control').screenshot({ path: join(OUT, 'admin-live-progress.png') });
    console.log('docs/img/admin-live-progress.png');
    a.h.runDrainUntilIdle();

    // The local account: a customer's page with the SuiteApp's subtab, and what Freshsuccess holds.
    const id = a.h.sample!.customers[0]!;
    const origin = new URL(a.url).origin;
    await page.goto(`${origin}/app/common/entity/custjob.nl?id=${id}&e=T`);
    await page.getByLabel('Phone', { exact: true }).fill('+1 212 555 0142');
    await Promise.all([page.waitForURL(/custjob\.nl\?id=\d+$/), page.getByRole('button', { name: 'Save' }).click()]);
    a.h.runDrainUntilIdle();
    await page.reload();
    await page.getByRole('region', { name: 'Freshsuccess sync' }).scrollIntoViewIfNeeded();
    await shot('local-customer-page.png');
    await page.goto(`${a.h.account.fakeUrl}/__fake/view?q=${id}`);
    await shot('local-freshsuccess-view.png');

    // Resync now from the subtab asks first on the settings page.
    await page.goto(`${origin}/app/common/entity/custjob.nl?id=${id}`);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('region', { name: 'Freshsuccess sync' }).getByRole('link', { name: 'Resync now' }).click()]);
    await shot('admin-resync-confirm.png');

    // A sandbox refreshed from production: pushing held back until the tenant is confirmed.
    a.h.rt.refreshAsSandbox('TSTDRV0000001_SB1');
    await page.goto(a.url);
    await shot('admin-sandbox-held.png');
  } finally {
    await browser.close();
    await a.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
