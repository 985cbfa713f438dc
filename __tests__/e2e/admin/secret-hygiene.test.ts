/**
 * The API key leaks nowhere. One run through everything an administrator and the engine do —
 * the key typed on the admin page, a key pasted into the wrong box, the connection test with the
 * right key, a wrong one and a dropped connection, a full sync and drains under 5xx, 429, 413,
 * dropped connections and batch rejections, records dead-lettered, the key rotated in Freshsuccess
 * (pushing paused) and put right, dead letters retried, reconcile — then a scan of every place a
 * value can end up: each execution log line, every row of every record type (custom records
 * included), every page the Suitelet served and every message on it, every Map/Reduce and
 * scheduled instance's stage data and errors, the runtime's HTTPS log and the request log of
 * Freshsuccess (URLs and bodies), the alert mail the administrator received. The key is in none
 * of them, in any of its encodings.
 *
 * Where it must be: in the Authorization header Freshsuccess received (the fake accepted Basic
 * authentication with it, and only that form). The one other place is the admin's own form POST
 * that typed it in (input, not output): the Suitelet's inbound request log is left out for that.
 */
import { ACCOUNTS_PATH, CONTACTS_PATH } from '../support/syncHarness';
import { keyForms, strings } from '../support/secretScan';
import { AdminClient, messages } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 40, contacts: 30 } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

test('the key appears nowhere but in the Authorization header Freshsuccess received', async () => {
  const h = a.h;
  const key = h.freshsuccessKey;
  const saved = await a.submit({ set: { custpage_api_key: key, custpage_region: 'us', custpage_batch_records: '7', custpage_alert_dead: '1' }, choose: { custpage_alert_to: [String(h.rt.admin.id)] }, check: { custpage_enabled: true }, submit: 'Save settings' });
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  const wrongBox = await a.submit({ set: { custpage_key_source: 'secret', custpage_secret_id: key }, submit: 'Save settings' });
  expect(messages(wrongBox.html).alerts.join(' ')).toMatch(/API Secret id/);
  expect(messages((await a.click('test')).html).statuses.join(' ')).toMatch(/Connection OK/);
  await h.fake.injectFaults([{ kind: 'drop', method: 'GET', path: ACCOUNTS_PATH }]);
  expect(messages((await a.click('test')).html).alerts.join(' ')).toMatch(/could not be reached/);

  // Full sync and drains under faults; some batches refused outright become dead letters.
  await h.fake.injectFaults([
    { kind: 'status', status: 503, times: 2, method: 'POST', path: ACCOUNTS_PATH, message: 'Service unavailable' },
    { kind: 'rate_limit', retryAfter: 30, times: 1, method: 'POST', path: CONTACTS_PATH },
    { kind: 'drop', times: 1, method: 'POST', path: ACCOUNTS_PATH },
    { kind: 'drop', afterWrite: true, times: 1, method: 'POST', path: ACCOUNTS_PATH },
    { kind: 'too_large', times: 1, method: 'POST', path: ACCOUNTS_PATH },
    { kind: 'reject', times: 4, method: 'POST', path: CONTACTS_PATH, message: 'Invalid type for property: email' },
  ]);
  await a.click('fullsync');
  h.processQueue();
  h.runDrainUntilIdle();
  const dead = h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead.length).toBeGreaterThan(0);

  // The key is rotated in Freshsuccess: pushing pauses on 401; the admin saves the new key.
  const rotated = `${key}-rotated`;
  await h.fake.configure({ apiKeys: [rotated] });
  h.createCustomer({ companyname: 'During Rotation Ltd' });
  expect(h.runDrainUntilIdle().paused).toBe(true);
  h.advanceTime(15 * 60_000); // the sweep mails the alert recipients
  expect(messages((await a.click('test')).html).alerts.join(' ')).toMatch(/refused/i);
  await h.fake.configure({ apiKeys: [key] });
  await a.submit({ set: { custpage_key_source: 'credential', custpage_api_key: key }, submit: 'Save settings' });
  expect(h.runDrainUntilIdle().paused).toBe(false);

  // Dead letters are retried from the page; reconcile and a drain are started from it.
  const page = await a.get();
  expect(page.html).toContain('value="retry"');
  await a.click('retry', {}, page);
  await a.click('drain');
  await a.click('reconcile', { check: { custpage_remove_extras: false } });
  h.processQueue();
  h.runDrainUntilIdle();
  await a.get();

  // Freshsuccess received the key in the Authorization header, and in no other form.
  const received = await h.fake.requests();
  const accepted = received.filter((r) => r.status !== undefined && r.status < 400);
  expect(accepted.length).toBeGreaterThan(10);
  // (A fault is answered before authentication, so the fake does not look at those requests' headers.)
  expect(new Set(received.filter((r) => r.fault === undefined).map((r) => r.auth))).toEqual(new Set(['basic']));
  expect(received.some((r) => r.authFailure === 'wrong-key')).toBe(true);

  // Everything else, scanned.
  const jobs = h.account.drivers.task.queue.tasks.map((t) => t.job);
  expect(jobs.length).toBeGreaterThan(3);
  const sources: Record<string, string[]> = {
    'execution log': strings(h.rt.logs),
    records: h.rt.store.schemas.types().flatMap((type) => strings(h.rt.store.rows(type), [type])),
    'admin pages': a.pages,
    'stage data and errors': strings(jobs),
    'HTTPS log': strings(h.httpLog),
    'Freshsuccess request log': strings(received),
    'Suitelet errors': (h.account.suitelets?.server.requests ?? []).map((r) => `${r.error ?? ''} ${r.location ?? ''}`),
    'alert mail': strings(h.rt.emails),
  };
  // The scan reaches real data: stage data holds the pushed records' ids, pages the dead letters.
  expect(sources['stage data and errors']!.join('\n')).toContain(dead[0]!.recordIds[0]);
  expect(sources['records']!.join('\n')).toContain('During Rotation Ltd');
  expect(sources['HTTPS log']!.length).toBeGreaterThan(20);
  expect(h.rt.emails.map((m) => m.subject)).toEqual(expect.arrayContaining(['FreshSync: pushing to Freshsuccess is paused: Freshsuccess refused the key', expect.stringMatching(/record\(s\) refused by Freshsuccess$/)]));
  for (const [where, texts] of Object.entries(sources)) {
    const all = texts.join('\n');
    for (const form of keyForms(key)) expect({ where, leaked: all.includes(form) }).toEqual({ where, leaked: false });
  }
});
