/**
 * "What runs now" in a real browser: the box refreshes by itself (the client script asks the
 * Suitelet for it again; the page is not reloaded) while something runs, through a full sync
 * started from its deployment to 100 %, and stops asking once nothing runs. The browser's clock
 * is driven by the test (playwright's page.clock), the local processors by the harness, so each
 * refresh sees the next step. A second start is refused on the page and queues nothing.
 */
import type { Page } from 'playwright-core';
import { AdminClient } from '../e2e/admin/adminHarness';
import { SCRIPTS } from '../e2e/support/syncHarness';
import { SLICE_PARAMS } from '../../src/TypeScript/netsuite/fullSyncJob';
import { REFRESH_MS } from '../../src/TypeScript/app/progressBox';
import { clientScriptReady } from './support/adminBrowser';
import { openBrowserPage, type BrowserPage } from './support/browserPage';

let a: AdminClient;
let browser: BrowserPage;
let page: Page;
let fragmentRequests = 0;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 12, contacts: 8 } });
  a.h.configure({});
  a.h.runDrainUntilIdle();
  a.h.rt.deployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand).parameterValues[SLICE_PARAMS.records] = '8';
  browser = await openBrowserPage({ width: 1100, height: 900 });
  page = browser.page;
  page.on('request', (r) => {
    if (r.url().includes('fsc_part=progress')) fragmentRequests++;
  });
  await page.clock.install();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await a?.stop();
});

function stepUntil(done: () => boolean, max = 200): void {
  for (let i = 0; i < max && !done(); i++) a.h.processQueue({ maxSteps: 1 });
  if (!done()) throw new Error('the processors never reached the awaited point');
}
const line = (job: string) => page.locator(`#custpage_progress li[data-job="${job}"]`);
/** One refresh period passes in the browser; the box then shows `expected`. */
async function afterRefresh(job: string, expected: RegExp): Promise<void> {
  await page.clock.runFor(REFRESH_MS);
  await line(job).filter({ hasText: expected }).waitFor({ timeout: 10_000 });
}
const fullSync = () => a.h.state()?.fullSync as { parts?: number } | null;

test('a full sync started from its deployment is watched to 100 % without reloading the page', async () => {
  a.h.startFullSync();
  stepUntil(() => a.h.state()?.pushLease?.holder === 'fullsync');
  await page.goto(a.url);
  await clientScriptReady(page);
  // Kept only while the page is not reloaded.
  await page.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
  await expect(line('fullsync').innerText()).resolves.toMatch(/Running\s+Full sync: running part 1 since/);
  await expect(page.locator('#custpage_progress').getAttribute('data-running')).resolves.toBe('T');

  // Part 1 lands and hands over; the box says so at its next refresh.
  stepUntil(() => fullSync()?.parts === 1 && a.h.state()?.pushLease == null);
  await afterRefresh('fullsync', /part 2 of about 3 waiting for a free processor .* 8 of about 20 records done \(40 %\)/);
  await expect(line('fullsync').locator('progress').getAttribute('value')).resolves.toBe('40');

  stepUntil(() => fullSync()?.parts === 2);
  await afterRefresh('fullsync', /16 of about 20 records done \(80 %\)/);

  a.h.runDrainUntilIdle();
  await afterRefresh('fullsync', /Idle\s+Full sync: not running; the last one finished .*\(20 records in 3 part\(s\), 100 %\)/);
  await expect(line('fullsync').locator('progress').getAttribute('value')).resolves.toBe('100');
  await expect(page.locator('#custpage_progress').getAttribute('data-running')).resolves.toBe('F');
  await expect(page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(true);

  // Nothing runs: the box stops asking.
  const asked = fragmentRequests;
  await page.clock.runFor(REFRESH_MS * 6);
  expect(fragmentRequests).toBe(asked);
}, 120_000);

test('a second start while the reconcile runs is refused on the page and queues nothing; the box then shows its end', async () => {
  await page.goto(a.url);
  await clientScriptReady(page);
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Start reconcile' }).click()]);
  await expect(line('reconcile').innerText()).resolves.toMatch(/Queued\s+Reconcile: waiting for a free processor/);
  stepUntil(() => String(a.h.rt.store.rows('customrecord_fsc_state')[0]?.values['custrecord_fsc_st_reconcile_run'] ?? '').includes('"pages"'));
  await afterRefresh('reconcile', /Running\s+Reconcile: running since .*, comparing \d+ Freshsuccess page\(s\)/);

  await clientScriptReady(page);
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Start reconcile' }).click()]);
  await expect(page.getByRole('status').first().innerText()).resolves.toMatch(/Reconcile already running[\s\S]*Reconcile is already running \(since [^)]+\), so it was not started again and nothing was submitted/);
  expect(a.h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === SCRIPTS.reconcile.scriptId && !t.job.done)).toHaveLength(1);

  a.h.processQueue();
  await afterRefresh('reconcile', /Idle\s+Reconcile: not running; the last one ended/);
  await expect(page.locator('#custpage_progress').innerText()).resolves.toMatch(/Started from this page in the last day:\s*Reconcile: finished \(submitted [^)]+\)\. Last reconcile/);
}, 120_000);
