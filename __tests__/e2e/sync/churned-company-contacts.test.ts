/**
 * Contacts of a churned (inactive) company, under both answers of the [open] point whether
 * Freshsuccess takes contacts on a deactivated account (`contactsOnInactiveAccounts`). A tenant
 * that refuses them answers "Account not found" even after the company landed: the contacts are
 * reported once as SKIPPED with their company named, never retried for ever nor dead-lettered,
 * and they are sent when the company is made active again.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 1, contacts: 0 } });
});

afterAll(async () => {
  await h?.stop();
});

const unsettled = (id: number) => h.outboxFor('contact', id).filter((e) => e.status === 'DEAD' || e.status === 'RETRY');

test.each(['reject', 'accept'] as const)('a contact of a churned company, tenant answer %s: settled in one drain, sent once the company is active again', async (answer) => {
  await h.fake.configure({ contactsOnInactiveAccounts: answer });
  const company = h.createCustomer({ companyname: `Gone Away ${answer} Ltd`, isinactive: true });
  const contact = h.createContact({ firstname: 'Olga', lastname: `Left ${answer}`, company: String(company), email: `olga.${answer}@gone.test` });
  h.runDrainUntilIdle();

  expect((await h.accountOf(company))?.fields.is_churned).toBe(true);
  expect(unsettled(contact)).toEqual([]);
  if (answer === 'reject') {
    expect(await h.contactOf(contact)).toBeUndefined();
    const skipped = h.outboxFor('contact', contact).filter((e) => e.status === 'SKIPPED');
    expect(skipped).toEqual([expect.objectContaining({ lastError: expect.stringMatching(/its company is inactive in NetSuite/) })]);
    expect(skipped[0]?.hint).toMatch(/made active again/);
  } else {
    expect((await h.contactOf(contact))?.fields.last_name).toBe(`Left ${answer}`);
  }

  // Reactivated: the contact is not saved again, yet it reaches Freshsuccess with its company.
  h.rt.ui.update('customer', company, { isinactive: false });
  h.runDrainUntilIdle();
  expect((await h.accountOf(company))?.isActive).toBe(true);
  expect(await h.contactOf(contact)).toEqual(expect.objectContaining({ isActive: true, fields: expect.objectContaining({ email: `olga.${answer}@gone.test` }) }));
  expect(unsettled(contact)).toEqual([]);
});
