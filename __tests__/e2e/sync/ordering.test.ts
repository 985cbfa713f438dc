/**
 * Parents before children, accounts before contacts. Whether Freshsuccess accepts a
 * parent_account_id it does not know yet is [open]; this tenant refuses it ("require"), so any
 * child sent before its parent would be dead-lettered.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 300, contacts: 150 } });
  await h.fake.configure({ parentAccount: 'require' });
});

afterAll(async () => {
  await h?.stop();
});

const problems = () => h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY');

test('a full sync in small batches sends every parent before its sub-customers', async () => {
  h.configure({ batchMaxRecords: 50 });
  h.runFullSync();
  h.runDrainUntilIdle();
  expect(problems()).toEqual([]);
  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  expect(accounts.size).toBe(h.sample!.counts.customers);
  const children = h.rt.store.rows('customer').filter((r) => r.values.parent);
  expect(children.length).toBeGreaterThan(0);
  expect(children.length).toBe(h.sample!.counts.subCustomers);
  for (const c of children) expect(accounts.get(String(c.id))?.fields.parent_account_id).toBe(String(c.values.parent));
});

test('a three-level hierarchy created at once lands in order, with its contacts', async () => {
  const top = h.createCustomer({ companyname: 'Holding AG' });
  const middle = h.createCustomer({ companyname: 'Division GmbH', parent: String(top) });
  const leaf = h.createCustomer({ companyname: 'Branch KG', parent: String(middle) });
  const person = h.createContact({ firstname: 'Lena', lastname: 'Leaf', company: String(leaf), email: 'lena@branch.test' });
  h.rt.ui.update('customer', top, { phone: '+49 89 000' }); // the top is edited last: still sent first
  h.runDrainUntilIdle();
  expect(problems()).toEqual([]);
  expect((await h.accountOf(leaf))?.fields.parent_account_id).toBe(String(middle));
  expect((await h.accountOf(middle))?.fields.parent_account_id).toBe(String(top));
  expect(await h.contactOf(person)).toMatchObject({ account_id: String(leaf), isActive: true });
});
