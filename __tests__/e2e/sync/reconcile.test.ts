/**
 * Reconcile (on demand): pages through Freshsuccess's accounts and contacts (small pages here),
 * compares them with NetSuite, and queues the differences through the normal drain: a drifted
 * field is put back, a record Freshsuccess never got is sent, an account from another system is
 * reported and left alone (deactivating extras is opt-in).
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 30, contacts: 30 }, account: { fake: { maxPageSize: 7 } } });
  h.runFullSync();
});

afterAll(async () => {
  await h?.stop();
});

test('drift repaired, missing records sent, extras reported and left alone', async () => {
  const drifted = h.sample!.customers[0]!;
  const phone = (await h.accountOf(drifted))?.fields.phone;
  // Someone edited Freshsuccess directly; another system owns an account NetSuite does not know.
  const seeded = await h.fake.seed({ accounts: [{ account_id: String(drifted), phone: 'edited in Freshsuccess' }, { account_id: 'crm-7781', name: 'From Another System', join_date: Date.UTC(2025, 0, 1) }] });
  expect(seeded.accounts).toEqual([]);
  // A record Freshsuccess never got (imported quietly; no sweep ran since).
  const missing = h.rt.csvImport('customer', [{ companyname: 'Never Sent Ltd' }], { runServerScripts: false }).added[0]!;
  const mark = await h.requestMark();

  h.startReconcile();
  h.runDrainUntilIdle();

  // It read every page of both lists.
  const pages = (await h.requestsSince(mark)).filter((r) => r.method === 'GET');
  expect(pages.filter((r) => r.path === '/api/v2/accounts').length).toBeGreaterThanOrEqual(Math.ceil(31 / 7));
  expect(pages.some((r) => r.path === '/api/v2/account_contacts')).toBe(true);

  expect((await h.accountOf(drifted))?.fields.phone).toBe(phone);
  expect(await h.accountOf(missing)).toMatchObject({ isActive: true, fields: expect.objectContaining({ name: 'Never Sent Ltd' }) });
  expect(await h.accountOf('crm-7781')).toMatchObject({ isActive: true, writeCount: 1 });
  const report = h.logs(SCRIPTS.reconcile.scriptId).map((l) => l.details).find((d) => d.includes('"accounts"'));
  // Contacts of churned companies a tenant refused (SKIPPED) are missing there: reconcile sends
  // them again (skipped again on such a tenant; it heals a company that crashed before landing).
  const withCompany = new Set(h.rt.store.rows('contact').filter((c) => c.values.company).map((c) => String(c.id)));
  const refused = (await h.contactsNotTaken()).filter((id) => withCompany.has(id)).length;
  expect(JSON.parse(report ?? '{}')).toMatchObject({ accounts: { missing: 1, drifted: 1, extra: 1 }, contacts: { missing: refused, drifted: 0, extra: 0 } });
});

test('with sync switched off it reports the differences and queues nothing', async () => {
  h.configure({ enabled: false });
  const quiet = h.rt.csvImport('customer', [{ companyname: 'Imported While Off Ltd' }], { runServerScripts: false }).added[0]!;
  const before = h.outbox().length;
  const mark = await h.requestMark();

  h.startReconcile();
  h.processQueue();

  expect(h.outbox().length).toBe(before);
  expect((await h.requestsSince(mark)).filter((r) => r.method !== 'GET')).toEqual([]);
  const report = h.logs(SCRIPTS.reconcile.scriptId).map((l) => l.title).find((t) => t.includes('switched off'));
  expect(report).toBeDefined();
  expect(await h.accountOf(quiet)).toBeFalsy();
  h.configure({ enabled: true });
});
