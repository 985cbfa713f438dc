/**
 * Settings as an admin gets them wrong and right: the wrong data centre (the tenant's key is
 * refused on the other region's host) pauses pushing with a hint naming the data centre, and
 * fixing it resumes with nothing lost; account_id taken from the entity id keys accounts,
 * contacts and deletes consistently.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ config: { region: 'eu' } });
  h.advanceTime(20 * 60_000); // the settings were saved a while ago
});

afterAll(async () => {
  await h?.stop();
});

test('the wrong data centre pauses pushing with a hint; saving the right one resumes, nothing lost', async () => {
  const id = h.createCustomer({ companyname: 'Wrong Region Ltd' });
  const report = h.runDrainUntilIdle();
  expect(report.paused).toBe(true);
  const refused = await h.requestsSince(0);
  expect(refused.map((r) => [r.host, r.status])).toContainEqual(['api-eu.freshsuccess.com', 401]);
  expect(refused.some((r) => r.host === 'api-us.freshsuccess.com')).toBe(false);
  const waiting = h.outboxFor('customer', id).filter((e) => e.status === 'RETRY');
  expect(waiting.length).toBeGreaterThanOrEqual(1);
  expect(waiting[0]?.hint).toMatch(/data centre|region/i);

  h.configure({ region: 'us' });
  expect(h.runDrainUntilIdle().paused).toBe(false);
  expect(await h.accountOf(id)).toMatchObject({ fields: expect.objectContaining({ name: 'Wrong Region Ltd' }) });
  expect((await h.requestsSince(0)).filter((r) => r.status === 200).every((r) => r.host === 'api-us.freshsuccess.com')).toBe(true);
});

test('account_id from the entity id: accounts, their contacts and deletes use it', async () => {
  h.configure({ accountIdSource: 'entityid' });
  const company = h.createCustomer({ companyname: 'Entity Keyed Ltd', entityid: 'CUST-0042' });
  const contact = h.createContact({ firstname: 'Eve', lastname: 'Keyed', company: String(company), email: 'eve@keyed.test' });
  h.runDrainUntilIdle();
  expect(await h.accountOf('CUST-0042')).toMatchObject({ isActive: true, fields: expect.objectContaining({ name: 'Entity Keyed Ltd' }) });
  expect(await h.accountOf(company)).toBeUndefined();
  expect(await h.contactOf(contact)).toMatchObject({ account_id: 'CUST-0042', isActive: true });

  h.rt.ui.delete('customer', company);
  h.runDrainUntilIdle();
  expect((await h.accountOf('CUST-0042'))?.isActive).toBe(false);
  h.configure({ accountIdSource: 'internalid' });
});
