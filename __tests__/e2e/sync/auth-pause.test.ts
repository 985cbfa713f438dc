/**
 * A refused key (401) stops pushing — no request is repeated against Freshsuccess while the key
 * is wrong — is reported on the state record and in the execution log, and capture keeps
 * queuing. Once the admin puts the new key in the API secret and saves the settings, pushing
 * resumes and every change made meanwhile lands. The key itself appears nowhere.
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const ROTATED_KEY = 'fs-e2e-rotated-key-7f3a9c21d4e8b605';
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

test('401 pauses pushing and is reported; after the key is fixed everything queued meanwhile lands', async () => {
  const early = h.createCustomer({ companyname: 'Before Rotation SA', phone: '+33 1 00 00 00 00' });
  h.runDrainUntilIdle();
  expect(await h.accountOf(early)).toBeDefined();
  // The settings were saved well before the key goes bad (last-modified times are to the minute).
  h.advanceTime(20 * 60_000);

  // Freshsuccess's key is rotated; NetSuite still holds the old one.
  await h.fake.configure({ apiKeys: [ROTATED_KEY] });
  const mark = await h.requestMark();
  h.rt.ui.update('customer', early, { phone: '+33 1 11 11 11 11' });
  const company = h.createCustomer({ companyname: 'During Outage SARL' });
  const contact = h.createContact({ firstname: 'Léa', lastname: 'Martin', company: String(company), email: 'lea@outage.test' });
  const report = h.runDrainUntilIdle();

  expect(report.paused).toBe(true);
  const refused = await h.requestsSince(mark);
  expect(refused.length).toBeGreaterThanOrEqual(1);
  expect(refused.every((r) => r.status === 401)).toBe(true);
  const state = h.state();
  expect(state?.pausedAt).not.toBeNull();
  expect(state?.pauseMessage).toMatch(/401/);
  expect(h.logs(SCRIPTS.drain.scriptId).filter((l) => l.level === 'ERROR').map((l) => l.title).join('\n')).toMatch(/refused the API key/i);
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);

  // Still paused: more saves queue, drains (on demand and the 15-minute net) send nothing.
  const pausedMark = await h.requestMark();
  h.rt.ui.update('customer', company, { phone: '+33 4 22 22 22 22' });
  expect(h.outboxFor('customer', company).at(-1)).toMatchObject({ status: 'PENDING', event: 'update' });
  h.advanceTime(60 * 60_000);
  h.startDrain();
  h.processQueue();
  expect(await h.requestsSince(pausedMark)).toEqual([]);

  // The admin stores the new key and saves the settings; the 15-minute safety net resumes.
  h.setApiSecret(ROTATED_KEY);
  h.configure({});
  const fixedMark = await h.requestMark();
  h.advanceTime(15 * 60_000);
  expect((await h.requestsSince(fixedMark)).filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
  const resumed = h.runDrainUntilIdle();
  expect(resumed.paused).toBe(false);

  expect((await h.accountOf(early))?.fields.phone).toBe('+33 1 11 11 11 11');
  expect((await h.accountOf(company))?.fields).toMatchObject({ name: 'During Outage SARL', phone: '+33 4 22 22 22 22' });
  expect(await h.contactOf(contact)).toMatchObject({ account_id: String(company), isActive: true });
  expect(h.state()).toMatchObject({ pausedAt: null, pauseMessage: '' });
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});

test('a full sync that meets a refused key loses nothing: its records wait and land once the key is fixed', async () => {
  const THIRD_KEY = 'fs-e2e-third-key-0c1d2e3f4a5b6c7d';
  const sample = h.seedSample({ customers: 40, contacts: 40 });
  h.advanceTime(20 * 60_000);
  await h.fake.configure({ apiKeys: [THIRD_KEY] });
  const mark = await h.requestMark();
  h.runFullSync();

  expect((await h.requestsSince(mark)).every((r) => r.status === 401)).toBe(true);
  expect(h.state()?.pausedAt).not.toBeNull();
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);

  h.setApiSecret(THIRD_KEY);
  h.configure({});
  expect(h.runDrainUntilIdle().paused).toBe(false);
  const accounts = new Set((await h.accounts()).map((a) => a.account_id));
  const contacts = new Set((await h.contacts()).map((c) => c.user_id));
  expect(sample.customers.length).toBeGreaterThan(0);
  for (const id of sample.customers) expect(accounts.has(String(id))).toBe(true);
  const taken = await h.takesContact();
  const withCompany = h.rt.store.rows('contact').filter((c) => sample.contacts.includes(c.id) && taken(c));
  expect(withCompany.length).toBeGreaterThan(0);
  for (const c of withCompany) expect(contacts.has(String(c.id))).toBe(true);
  expect(h.outbox().filter((e) => e.status === 'RETRY')).toEqual([]);
  expect(JSON.stringify(h.rt.logs) + JSON.stringify(h.rt.store.rows('customrecord_fsc_outbox'))).not.toContain(THIRD_KEY);
});

test('403 is treated like 401: paused until the settings are saved, then everything lands', async () => {
  h.advanceTime(20 * 60_000);
  await h.fake.injectFaults([{ kind: 'status', status: 403, times: 1, method: 'POST', path: '/api/v2/accounts', message: 'Forbidden' }]);
  const id = h.createCustomer({ companyname: 'Forbidden Fruit Ltd' });
  expect(h.runDrainUntilIdle().paused).toBe(true);
  expect(h.state()?.pauseMessage).toMatch(/403/);
  expect(await h.accountOf(id)).toBeUndefined();

  h.configure({});
  expect(h.runDrainUntilIdle().paused).toBe(false);
  expect(await h.accountOf(id)).toMatchObject({ fields: expect.objectContaining({ name: 'Forbidden Fruit Ltd' }) });
});

test('neither key shows up in logs, the outbox, the state record or the HTTPS log', async () => {
  const everything = [
    JSON.stringify(h.rt.logs),
    JSON.stringify(h.httpLog),
    JSON.stringify(h.rt.store.rows('customrecord_fsc_outbox')),
    JSON.stringify(h.rt.store.rows('customrecord_fsc_state')),
    JSON.stringify(h.rt.store.rows('customrecord_fsc_config')),
    JSON.stringify(await h.fake.requests()),
  ].join('\n');
  expect(everything).not.toContain(h.freshsuccessKey);
  expect(everything).not.toContain(ROTATED_KEY);
});
