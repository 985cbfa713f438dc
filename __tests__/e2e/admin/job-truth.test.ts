/**
 * The admin page reports nothing that did not happen: a full sync or a drain that could send
 * nothing (no settings, sync switched off, pushing paused by a refused key) is refused with the
 * reason and nothing is submitted; the status says plainly when sync is off; a finished full
 * sync says what it did.
 */
import { SCRIPTS } from '../support/syncHarness';
import { AdminClient, messages, text } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 12, contacts: 8 } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const alerts = (html: string) => messages(html).alerts.join(' ');
const statuses = (html: string) => messages(html).statuses.join(' ');
const fullSyncsQueued = () => a.h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === SCRIPTS.fullSync.scriptId).length;

test('no settings saved: Start full sync is refused, nothing is submitted, the status says why nothing is pushed', async () => {
  const page = await a.click('fullsync');
  expect(alerts(page.html)).toMatch(/Full sync not started.*No settings are saved yet/);
  expect(fullSyncsQueued()).toBe(0);
  expect(text(page.html)).toContain('Nothing is pushed yet: no settings are saved.');
  // The health verdict is the first thing on the page, above the settings.
  const health = page.html.indexOf('aria-label="Sync health"');
  expect(health).toBeGreaterThan(-1);
  expect(health).toBeLessThan(page.html.indexOf('Data centre'));
  expect(text(page.html)).toMatch(/Not set up: nothing is pushed until the connection settings below are saved\./);
});

test('sync switched off: refused with the fix, and the status says sync is off instead of "active"', async () => {
  a.h.configure({ enabled: false });
  const page = await a.click('fullsync');
  expect(statuses(page.html) + alerts(page.html)).toMatch(/Full sync not started.*Sync is switched off/);
  expect(fullSyncsQueued()).toBe(0);
  expect(text(page.html)).toContain('Sync is switched off: changes are queued but nothing is sent to Freshsuccess.');
  expect(text(page.html)).not.toContain('Pushing is active');
  expect(text(page.html)).toMatch(/Switched off: \d+ change\(s\) wait and nothing is sent/);
  // Reconcile only reads while sync is off: it may start.
  const reconcile = await a.click('reconcile');
  expect(statuses(reconcile.html)).toMatch(/Reconcile started/);
});

test('paused by a refused key: a drain is refused until the settings are saved again', async () => {
  a.h.configure({ enabled: true });
  // The refusal comes minutes after the settings were saved (a save after it lifts the pause).
  a.h.advanceTime(2 * 60_000);
  a.h.setApiSecret('a-key-freshsuccess-refuses');
  a.h.createCustomer({ companyname: 'Waiting While Paused Ltd' });
  a.h.runDrainUntilIdle();
  expect(a.h.state()?.pausedAt).not.toBeNull();
  const page = await a.click('drain');
  expect(alerts(page.html)).toMatch(/Drain \(push queued changes\) not started.*paused because Freshsuccess refused the key/);
  expect(a.h.account.drivers.task.queue.pending()).toEqual([]);
});

test('a finished full sync says what it did', async () => {
  a.h.setApiSecret(a.h.freshsuccessKey);
  a.h.configure({});
  // The changes held by the pause land first, so the full sync's run is the last one.
  a.h.runDrainUntilIdle();
  const started = await a.click('fullsync');
  expect(statuses(started.html)).toMatch(/Full sync started/);
  a.h.runDrainUntilIdle();
  const page = await a.get();
  expect(text(page.html)).toMatch(/Full sync: finished \(submitted [^)]*\): \d+ record\(s\) sent in \d+ batch\(es\)/);
});

test('Test connection tests what is on the screen, saves nothing, and keeps what was typed', async () => {
  const before = JSON.stringify(a.configRows()[0]?.values);
  // A key Freshsuccess does not know, typed and not saved; then the EU data centre chosen.
  const wrong = await a.click('test', { set: { custpage_key_source: 'credential', custpage_api_key: 'not-the-tenant-key', custpage_region: 'eu' } });
  expect(alerts(wrong.html)).toMatch(/refused|not accepted|401|403/i);
  expect(text(wrong.html)).toContain('they are not saved until you click Save settings');
  expect(wrong.html).toMatch(/<option value="eu" selected>/);
  expect(JSON.stringify(a.configRows()[0]?.values)).toBe(before);
  // The saved settings still work: the page's values, unchanged, test OK.
  const ok = await a.click('test');
  expect(statuses(ok.html)).toMatch(/Connection OK/);
});
