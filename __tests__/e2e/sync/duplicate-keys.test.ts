/**
 * Two NetSuite records with one Freshsuccess key would overwrite each other there (an account_id
 * custom field holding the same value, two contacts keyed by one e-mail). They are caught before
 * sending: the record with the lowest internal id keeps the key, the other is dead-lettered with
 * a reason naming it, and Freshsuccess holds the first one's data only.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

const KEY_FIELD = 'custentity_product_account';
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 1, contacts: 0 } });
  h.rt.defineEntityField({ scriptId: KEY_FIELD, label: 'Product account', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
});

afterAll(async () => {
  await h?.stop();
});

test('two customers with the same account_id field value: the first keeps it, the second is a dead letter naming it', async () => {
  h.configure({ accountIdSource: 'field', accountIdField: KEY_FIELD });
  // Imported together (scripts off), then found by a full sync: both in one plan.
  const [first, second] = h.rt.csvImport('customer', [
    { companyname: 'Original Holder Ltd', subsidiary: '1', [KEY_FIELD]: 'ACME-1' },
    { companyname: 'Copy Paste Ltd', subsidiary: '1', [KEY_FIELD]: 'ACME-1' },
  ], { runServerScripts: false }).added as [number, number];
  h.runFullSync();
  expect((await h.accountOf('ACME-1'))?.fields.name).toBe('Original Holder Ltd');
  const dead = h.outboxFor('customer', second).filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ lastError: `Not sent: its account_id "ACME-1" is also the key of customer ${first}, which keeps it` })]);
  expect(dead[0]?.hint).toMatch(/its own value/);
  expect(h.outboxFor('customer', first).filter((e) => e.status === 'DEAD')).toEqual([]);
});

test('two contacts keyed by the same e-mail in one drain: the first keeps the user_id', async () => {
  h.configure({ accountIdSource: 'internalid', userIdSource: 'email' });
  const company = h.createCustomer({ companyname: 'Shared Inbox Ltd' });
  h.runDrainUntilIdle();
  const [a, b] = h.rt.csvImport('contact', [
    { firstname: 'Ana', lastname: 'First', company: String(company), email: 'team@shared.test' },
    { firstname: 'Ben', lastname: 'Second', company: String(company), email: 'team@shared.test' },
  ], { runServerScripts: true }).added as [number, number];
  h.runDrainUntilIdle();
  const stored = (await h.contacts()).filter((c) => c.user_id === 'team@shared.test');
  expect(stored).toEqual([expect.objectContaining({ fields: expect.objectContaining({ first_name: 'Ana' }) })]);
  expect(h.outboxFor('contact', b).filter((e) => e.status === 'DEAD').map((e) => e.lastError)).toEqual([`Not sent: its user_id "team@shared.test" is also the key of contact ${a}, which keeps it`]);
});

test('a customer given a key that one synced in an earlier run holds: it is a dead letter naming that one, which keeps its data', async () => {
  h.configure({ accountIdSource: 'field', accountIdField: KEY_FIELD, userIdSource: 'internalid' });
  const holder = h.createCustomer({ companyname: 'Earlier Holder Ltd', [KEY_FIELD]: 'ACME-7' });
  h.runDrainUntilIdle();
  expect((await h.accountOf('ACME-7'))?.fields.name).toBe('Earlier Holder Ltd');
  // Another run, later: a second customer gets the same value.
  const later = h.createCustomer({ companyname: 'Later Copy Ltd', [KEY_FIELD]: 'ACME-7' });
  h.runDrainUntilIdle();
  expect((await h.accountOf('ACME-7'))?.fields.name).toBe('Earlier Holder Ltd');
  expect(h.outboxFor('customer', later).filter((e) => e.status === 'DEAD').map((e) => e.lastError)).toEqual([`Not sent: its account_id "ACME-7" is also the key of customer ${holder}, which keeps it`]);
  // The holder's own changes still go out.
  h.rt.ui.update('customer', holder, { phone: '+1 555 0107' });
  h.runDrainUntilIdle();
  expect((await h.accountOf('ACME-7'))?.fields).toMatchObject({ name: 'Earlier Holder Ltd', phone: '+1 555 0107' });
  expect(h.outboxFor('customer', holder).filter((e) => e.status === 'DEAD')).toEqual([]);
});

test('a contact given an e-mail that a contact synced in an earlier run uses: a dead letter naming it', async () => {
  h.configure({ accountIdSource: 'internalid', userIdSource: 'email' });
  const company = h.createCustomer({ companyname: 'Two Runs Ltd' });
  const first = h.createContact({ firstname: 'Cai', lastname: 'First', company: String(company), email: 'desk@tworuns.test' });
  h.runDrainUntilIdle();
  const second = h.createContact({ firstname: 'Dee', lastname: 'Second', company: String(company), email: 'Desk@TwoRuns.test' });
  h.runDrainUntilIdle();
  const stored = (await h.contacts()).filter((c) => c.user_id === 'desk@tworuns.test');
  expect(stored).toEqual([expect.objectContaining({ fields: expect.objectContaining({ first_name: 'Cai' }) })]);
  expect(h.outboxFor('contact', second).filter((e) => e.status === 'DEAD').map((e) => e.lastError)).toEqual([`Not sent: its user_id "desk@tworuns.test" is also the key of contact ${first}, which keeps it`]);
});
