/**
 * A contact whose company Freshsuccess refuses for the company's own data is dead-lettered with
 * its own reason (held back by that company, named), not with the company's field error, which
 * the contact does not have.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

const PLAN = 'custentity_plan_notes';
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 1, contacts: 0 } });
  h.rt.defineEntityField({ scriptId: PLAN, label: 'Plan notes', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN, type: 'text', key: 'plan_notes' }] } }) });
});

afterAll(async () => {
  await h?.stop();
});

test("the contact's dead letter names its company and the company's reason, and says the contact is fine", async () => {
  await h.fake.configure({ labelMaxLength: 300 });
  // Both imported quietly, then one drain (as after an import with scripts on).
  const company = h.rt.csvImport('customer', [{ companyname: 'Verbose Holdings', subsidiary: '1', [PLAN]: 'x'.repeat(350) }], { runServerScripts: false }).added[0]!;
  const contact = h.rt.csvImport('contact', [{ firstname: 'Cleo', lastname: 'Clean', company: String(company), email: 'cleo@verbose.test' }], { runServerScripts: true }).added[0]!;
  h.runDrainUntilIdle();
  const contactDead = h.outboxFor('contact', contact).filter((e) => e.status === 'DEAD');
  expect(contactDead).toHaveLength(1);
  expect(contactDead[0]?.lastError).toMatch(new RegExp(`^Not sent: Freshsuccess refused its company, customer ${company}, for the company's data \\(.*plan_notes`));
  expect(contactDead[0]?.hint).toMatch(/Nothing is wrong with the contact/);
  expect(await h.contactOf(contact)).toBeUndefined();
});
