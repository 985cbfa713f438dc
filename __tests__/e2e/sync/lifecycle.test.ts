/**
 * Lifecycle changes reach Freshsuccess: inactivation (churn), deletes (the record is gone, so
 * capture keeps what the push needs), a duplicate merge (no User Event fires: the sweep finds the
 * moved contacts and the deleted source) and a contact moved to another company.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

const MINUTE = 60_000;
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
  // The sweep has run once, as on any account where the SuiteApp has been running a while.
  h.advanceTime(15 * MINUTE);
});

afterAll(async () => {
  await h?.stop();
});

test('inactivating a customer churns its account; re-activating brings it back', async () => {
  const id = h.createCustomer({ companyname: 'Churning Ltd' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.isActive).toBe(true);

  h.rt.ui.update('customer', id, { isinactive: true });
  expect(h.outboxFor('customer', id).at(-1)).toMatchObject({ event: 'inactivate' });
  h.runDrainUntilIdle();
  const churned = await h.accountOf(id);
  expect(churned).toMatchObject({ isActive: false, fields: expect.objectContaining({ is_churned: true }) });
  expect(typeof churned?.fields.inactive_time).toBe('number');

  h.rt.ui.inlineEdit('customer', id, { isinactive: false });
  h.runDrainUntilIdle();
  expect(await h.accountOf(id)).toMatchObject({ isActive: true, fields: expect.objectContaining({ is_churned: false }) });
});

test('inactivating a contact deactivates it in Freshsuccess', async () => {
  const company = h.createCustomer({ companyname: 'Contact Churn BV' });
  const contact = h.createContact({ firstname: 'Sem', lastname: 'de Vries', company: String(company), email: 'sem@churn.test' });
  h.runDrainUntilIdle();
  expect((await h.contactOf(contact))?.isActive).toBe(true);
  h.saveAs('WEBSERVICES').update('contact', contact, { isinactive: true });
  h.runDrainUntilIdle();
  expect((await h.contactOf(contact))?.isActive).toBe(false);
});

test('deleting a customer and a contact deactivates them in Freshsuccess (default policy)', async () => {
  const customer = h.createCustomer({ companyname: 'Short Lived Inc' });
  const company = h.createCustomer({ companyname: 'Stays Around Inc' });
  const contact = h.createContact({ firstname: 'Dee', lastname: 'Leted', company: String(company), email: 'dee@stays.test' });
  h.runDrainUntilIdle();

  h.rt.ui.delete('customer', customer);
  h.rt.ui.delete('contact', contact);
  expect(h.outboxFor('customer', customer).at(-1)).toMatchObject({ event: 'delete', status: 'PENDING' });
  expect(h.outboxFor('contact', contact).at(-1)).toMatchObject({ event: 'delete', status: 'PENDING' });
  h.runDrainUntilIdle();

  const account = await h.accountOf(customer);
  expect(account).toMatchObject({ isActive: false, fields: expect.objectContaining({ name: 'Short Lived Inc' }) });
  expect(await h.contactOf(contact)).toMatchObject({ isActive: false, account_id: String(company) });
  expect((await h.accountOf(company))?.isActive).toBe(true);
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);
});

test('a duplicate merge moves the contacts to the survivor and deactivates the merged-away account', async () => {
  const survivor = h.createCustomer({ companyname: 'Acme Corporation' });
  const duplicate = h.createCustomer({ companyname: 'ACME Corp.' });
  const moved = h.createContact({ firstname: 'Wile', lastname: 'Coyote', company: String(duplicate), email: 'wile@acme.test' });
  h.runDrainUntilIdle();
  expect((await h.contactOf(moved))?.account_id).toBe(String(duplicate));

  h.advanceTime(MINUTE);
  const outboxBefore = h.outbox().length;
  const merge = h.rt.mergeCustomers(duplicate, survivor);
  expect(merge.movedContacts).toEqual([moved]);
  // Whether User Events fire on a merge is [open]; by default they do not, so nothing is queued yet.
  expect(h.outbox()).toHaveLength(outboxBefore);

  h.advanceTime(15 * MINUTE); // the sweep finds the moved contact and the deleted duplicate
  h.runDrainUntilIdle();

  const contact = await h.contactOf(moved);
  expect(contact).toMatchObject({ account_id: String(survivor), isActive: true });
  expect(contact?.previousAccountIds).toEqual([String(duplicate)]);
  expect((await h.accountOf(duplicate))?.isActive).toBe(false);
  expect((await h.accountOf(survivor))?.isActive).toBe(true);
});

test('a contact moved to another company follows it in Freshsuccess', async () => {
  const from = h.createCustomer({ companyname: 'Old Employer plc' });
  const to = h.createCustomer({ companyname: 'New Employer plc' });
  const contact = h.createContact({ firstname: 'Jo', lastname: 'Mover', company: String(from), email: 'jo@old.test' });
  h.runDrainUntilIdle();

  h.rt.ui.update('contact', contact, { company: String(to), email: 'jo@new.test' });
  expect(h.outboxFor('contact', contact).at(-1)?.changedFields).toEqual(expect.arrayContaining(['company', 'email']));
  h.runDrainUntilIdle();

  const moved = (await h.contacts()).filter((c) => c.user_id === String(contact));
  expect(moved).toHaveLength(1);
  expect(moved[0]).toMatchObject({ account_id: String(to), isActive: true, previousAccountIds: [String(from)], fields: expect.objectContaining({ email: 'jo@new.test' }) });
});

test('delete policy "churn": a deleted customer is churned, its values kept', async () => {
  h.configure({ deleteCustomer: 'churn' });
  const id = h.createCustomer({ companyname: 'Churn On Delete AG' });
  h.runDrainUntilIdle();
  h.rt.ui.delete('customer', id);
  h.runDrainUntilIdle();
  const account = await h.accountOf(id);
  expect(account).toMatchObject({ isActive: false, fields: expect.objectContaining({ name: 'Churn On Delete AG', is_churned: true }) });
  expect(typeof account?.fields.inactive_time).toBe('number');
  h.configure({ deleteCustomer: 'deactivate' });
});

test('delete policy "ignore": Freshsuccess keeps the account as it was', async () => {
  h.configure({ deleteCustomer: 'ignore' });
  const id = h.createCustomer({ companyname: 'Kept Forever Oy' });
  h.runDrainUntilIdle();
  const mark = await h.requestMark();
  h.rt.ui.delete('customer', id);
  h.runDrainUntilIdle();
  expect(await h.requestsSince(mark)).toEqual([]);
  expect(await h.accountOf(id)).toMatchObject({ isActive: true, writeCount: 1 });
  h.configure({ deleteCustomer: 'deactivate' });
});

test('a contact whose company Freshsuccess does not have yet: the company is pushed first, then the contact', async () => {
  // The company came in by a CSV import without server scripts: Freshsuccess has never seen it.
  const imported = h.rt.csvImport('customer', [{ companyname: 'Imported Parent SpA' }], { runServerScripts: false });
  const company = imported.added[0]!;
  const contact = h.createContact({ firstname: 'Gia', lastname: 'Rossi', company: String(company), email: 'gia@parent.test' });
  h.runDrainUntilIdle();
  expect(await h.accountOf(company)).toMatchObject({ fields: expect.objectContaining({ name: 'Imported Parent SpA' }) });
  expect(await h.contactOf(contact)).toMatchObject({ account_id: String(company), isActive: true });
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});

test('a contact without a company is reported in the outbox, and sent once it gets one', async () => {
  const loner = h.createContact({ firstname: 'Solo', lastname: 'Person', email: 'solo@nowhere.test' });
  h.runDrainUntilIdle();
  expect(await h.contactOf(loner)).toBeUndefined();
  const reported = h.outboxFor('contact', loner).filter((e) => e.status === 'SKIPPED');
  expect(reported).toHaveLength(1);
  expect(reported[0]?.lastError).toMatch(/company/i);
  expect(reported[0]?.hint).not.toBe('');

  const company = h.createCustomer({ companyname: 'Finally Employed Ltd' });
  h.rt.ui.update('contact', loner, { company: String(company) });
  h.runDrainUntilIdle();
  expect(await h.contactOf(loner)).toMatchObject({ account_id: String(company), isActive: true });
});

test('a sub-customer moved to another parent, then made top-level: Freshsuccess follows both changes', async () => {
  const first = h.createCustomer({ companyname: 'First Parent Group' });
  const second = h.createCustomer({ companyname: 'Second Parent Group' });
  const child = h.createCustomer({ companyname: 'Wandering Subsidiary', parent: String(first), phone: '+1 555 0300' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(child))?.fields.parent_account_id).toBe(String(first));

  h.rt.ui.update('customer', child, { parent: String(second) });
  h.runDrainUntilIdle();
  expect((await h.accountOf(child))?.fields.parent_account_id).toBe(String(second));

  // Cleared fields are cleared in Freshsuccess too (the phone shows how: an empty value). How a
  // tenant takes an empty parent is [open]: one that refuses it still gets the other changes,
  // and the un-parenting is reported for the admin to do by hand.
  const refusesEmptyParent = (await h.fake.config()).parentAccount === 'refuseEmpty';
  h.rt.ui.update('customer', child, { parent: '', phone: '' });
  h.runDrainUntilIdle();
  const fields = (await h.accountOf(child))?.fields;
  expect(fields?.phone ?? '').toBe('');
  expect(fields?.parent_account_id ?? '').toBe(refusesEmptyParent ? String(second) : '');
  const reported = h.outboxFor('customer', child).filter((e) => e.status === 'SKIPPED' || e.status === 'DEAD' || e.status === 'RETRY');
  expect(reported.map((e) => [e.status, e.lastError])).toEqual(refusesEmptyParent ? [['SKIPPED', expect.stringMatching(/refused an empty parent_account_id/)]] : []);
});

test.each(['ignore', 'require', 'refuseEmpty'] as const)('made top-level on a tenant whose parent check is %s: the record\'s other changes land in one drain', async (parentAccount) => {
  const before = (await h.fake.config()).parentAccount;
  await h.fake.configure({ parentAccount });
  try {
    const parent = h.createCustomer({ companyname: `Holding ${parentAccount}` });
    const child = h.createCustomer({ companyname: `Spun Off ${parentAccount}`, parent: String(parent) });
    h.runDrainUntilIdle();
    h.rt.ui.update('customer', child, { parent: '', phone: '+1 555 0404' });
    h.runDrainUntilIdle();
    expect((await h.accountOf(child))?.fields.phone).toBe('+1 555 0404');
    expect(h.outboxFor('customer', child).filter((e) => e.status === 'RETRY' || e.status === 'DEAD')).toEqual([]);
    const skipped = h.outboxFor('customer', child).filter((e) => e.status === 'SKIPPED');
    expect(skipped).toHaveLength(parentAccount === 'refuseEmpty' ? 1 : 0);
    expect(skipped[0]?.hint ?? '').toMatch(parentAccount === 'refuseEmpty' ? /remove the parent account in Freshsuccess by hand/ : /^$/);
  } finally {
    await h.fake.configure({ parentAccount: before });
  }
});
