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
  // 401 or 403, whichever the tenant answers ([client]; pessimistic profile: 403).
  const { wrongRegionStatus } = await h.fake.config();
  expect(refused.map((r) => [r.host, r.status])).toContainEqual(['api-eu.freshsuccess.com', wrongRegionStatus]);
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

  // An entity id that cannot be a Freshsuccess key is reported with its contacts, not dropped.
  const unusable = h.createCustomer({ companyname: 'Slashed Ltd', entityid: 'ACME/EU' });
  const itsContact = h.createContact({ firstname: 'Sla', lastname: 'Shed', company: String(unusable), email: 'sla@shed.test' });
  h.runDrainUntilIdle();
  expect(await h.accountOf('ACME/EU')).toBeUndefined();
  for (const [kind, id] of [['customer', unusable], ['contact', itsContact]] as const) {
    const dead = h.outboxFor(kind, id).filter((e) => e.status === 'DEAD');
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toContain('ACME/EU');
  }
  h.configure({ accountIdSource: 'internalid' });
});

describe('keys that can change: one customer or contact is one active record in Freshsuccess', () => {
  let k: SyncHarness;

  beforeAll(async () => {
    k = await startSyncHarness({ config: { accountIdSource: 'entityid', userIdSource: 'email' } });
  });

  afterAll(async () => {
    await k?.stop();
  });

  test('a customer whose entity id (its account_id) is renamed: the old account is retired, its contacts follow', async () => {
    const company = k.createCustomer({ companyname: 'Renamed Co', entityid: 'CUST-0100' });
    k.createContact({ firstname: 'Ren', lastname: 'Amed', company: String(company), email: 'ren@renamed.test' });
    k.runDrainUntilIdle();
    k.rt.ui.update('customer', company, { entityid: 'CUST-0100-EU' });
    k.runDrainUntilIdle();

    const accounts = (await k.accounts()).filter((a) => a.account_id.startsWith('CUST-0100'));
    expect(accounts.filter((a) => a.isActive).map((a) => a.account_id)).toEqual(['CUST-0100-EU']);
    const active = (await k.contacts()).filter((c) => c.user_id === 'ren@renamed.test' && c.isActive);
    expect(active.map((c) => c.account_id)).toEqual(['CUST-0100-EU']);
  });

  test('a contact whose email (its user_id) changes: the old contact is deactivated, the new one active', async () => {
    const company = k.createCustomer({ companyname: 'Mail Change Co', entityid: 'CUST-0200' });
    const person = k.createContact({ firstname: 'Mae', lastname: 'Change', company: String(company), email: 'mae@old.test' });
    k.runDrainUntilIdle();
    k.rt.ui.update('contact', person, { email: 'mae@new.test' });
    k.runDrainUntilIdle();

    const copies = (await k.contacts()).filter((c) => c.user_id.startsWith('mae@'));
    expect(copies.filter((c) => c.isActive).map((c) => c.user_id)).toEqual(['mae@new.test']);
  });
});
