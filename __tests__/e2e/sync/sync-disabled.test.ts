/**
 * "Sync enabled" switched off: changes keep being queued (the settings page promises it) but
 * nothing is sent and no drain is started; switched back on, everything queued meanwhile lands,
 * including deletes whose records no longer exist.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

test('changes made while sync is off are queued, not sent, and land once it is on again', async () => {
  const acme = h.createCustomer({ companyname: 'Acme Ltd' });
  const ada = h.createContact({ firstname: 'Ada', lastname: 'Lovelace', company: String(acme) });
  const bob = h.createContact({ firstname: 'Bob', lastname: 'Byte', company: String(acme) });
  h.runDrainUntilIdle();
  expect(await h.contactOf(bob)).toBeTruthy();

  h.configure({ enabled: false });
  const mark = await h.requestMark();
  h.rt.ui.update('customer', acme, { companyname: 'Acme Holdings' });
  h.rt.ui.update('contact', ada, { title: 'Countess' });
  h.rt.ui.delete('contact', bob);
  // A quarter hour passes: the safety net must not start a drain for nothing either.
  h.advanceTime(16 * 60_000);
  h.processQueue();

  expect(await h.requestsSince(mark)).toEqual([]);
  expect(h.outbox().filter((e) => e.status === 'PENDING').length).toBeGreaterThanOrEqual(3);

  h.configure({ enabled: true });
  h.startDrain();
  h.runDrainUntilIdle();

  expect((await h.accountOf(acme))?.fields.name).toBe('Acme Holdings');
  expect((await h.contactOf(ada))?.fields.title).toBe('Countess');
  expect((await h.contactOf(bob))?.isActive).toBe(false);
});
