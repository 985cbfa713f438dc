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

test.each(['reject', 'accept'] as const)('a contact deleted while its company is churned, tenant answer %s: deactivated, or reported as left active; never passed off as done', async (answer) => {
  await h.fake.configure({ contactsOnInactiveAccounts: answer });
  const company = h.createCustomer({ companyname: `Winding Down ${answer} Ltd` });
  const contact = h.createContact({ firstname: 'Pia', lastname: `Stays ${answer}`, company: String(company), email: `pia.${answer}@winding.test` });
  h.runDrainUntilIdle();
  expect((await h.contactOf(contact))?.isActive).toBe(true);
  h.rt.ui.update('customer', company, { isinactive: true });
  h.runDrainUntilIdle();
  h.rt.ui.delete('contact', contact);
  h.runDrainUntilIdle();

  expect(unsettled(contact)).toEqual([]);
  const skipped = h.outboxFor('contact', contact).filter((e) => e.status === 'SKIPPED' && /Not deactivated/.test(e.lastError));
  if (answer === 'reject') {
    expect((await h.contactOf(contact))?.isActive).toBe(true);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.hint).toMatch(/Deactivate the contact in Freshsuccess by hand/);
  } else {
    expect((await h.contactOf(contact))?.isActive).toBe(false);
    expect(skipped).toEqual([]);
  }
});

test('a contact deleted whose company Freshsuccess never had: nothing to deactivate, nothing reported', async () => {
  await h.fake.configure({ contactsOnInactiveAccounts: 'reject' });
  const company = h.createCustomer({ companyname: 'Never Synced Ltd', isinactive: false });
  const contact = h.createContact({ firstname: 'Quinn', lastname: 'Unsent', company: String(company), email: 'quinn@unsent.test' });
  // Both deleted before any drain ran: the company's account never existed in Freshsuccess.
  h.rt.ui.delete('contact', contact);
  h.rt.ui.delete('customer', company);
  h.runDrainUntilIdle();
  expect(h.outboxFor('contact', contact).filter((e) => e.status !== 'PENDING' && e.status !== 'DONE')).toEqual([]);
});

// The edit case was found by the pessimistic soak: its capture saw no change of isinactive (the
// import had made it already), and the sweep skipped the company because that capture was newer.
test.each([
  ['caught by the sweep', false, 'Sweep'],
  ['then edited before the sweep ran', true, 'Edit'],
] as const)('a company made active again by an import with scripts off, %s, brings its refused contacts along', async (_case, editedAfter, tag) => {
  await h.fake.configure({ contactsOnInactiveAccounts: 'reject' });
  const company = h.createCustomer({ companyname: `Quiet Comeback ${tag} Ltd`, isinactive: true });
  const contact = h.createContact({ firstname: 'Rae', lastname: `Frozen ${tag}`, company: String(company), email: `rae.${editedAfter}@comeback.test` });
  h.runDrainUntilIdle();
  expect(await h.contactOf(contact)).toBeUndefined();
  expect(h.state()?.frozenCompanies).toContain(String(company));
  // Later (the sweep sees last-modified times to the minute), an import with scripts off.
  h.advanceTime(5 * 60_000);
  expect(h.rt.csvImport('customer', [{ internalid: String(company), isinactive: false }], { runServerScripts: false }).errors).toEqual([]);
  if (editedAfter) {
    h.advanceTime(60_000);
    h.rt.ui.update('customer', company, { phone: '+46 8 555 0101' });
  }
  h.advanceTime(15 * 60_000);
  h.runDrainUntilIdle();
  expect((await h.accountOf(company))?.fields.is_churned).toBe(false);
  expect((await h.contactOf(contact))?.isActive).toBe(true);
  expect(h.state()?.frozenCompanies).not.toContain(String(company));
});

test('a contact deleted while its company comes back but has not landed yet: deactivated after the company, never passed off as done', async () => {
  // Found by the pessimistic soak: the refusal came while Freshsuccess still held the company
  // churned, NetSuite already had it active, and the deactivation passed for done.
  await h.fake.configure({ contactsOnInactiveAccounts: 'reject' });
  const company = h.createCustomer({ companyname: 'Back Soon Ltd' });
  const contact = h.createContact({ firstname: 'Sol', lastname: 'Leaving', company: String(company), email: 'sol@backsoon.test' });
  h.runDrainUntilIdle();
  h.rt.ui.update('customer', company, { isinactive: true });
  h.runDrainUntilIdle();
  expect((await h.accountOf(company))?.isActive).toBe(false);

  // The company is active again, but its push fails for now; the contact is deleted meanwhile.
  await h.fake.injectFaults([{ kind: 'status', status: 503, method: 'POST', path: '/api/v2/accounts' }]);
  h.rt.ui.update('customer', company, { isinactive: false });
  h.rt.ui.delete('contact', contact);
  h.runDrainUntilIdle();

  expect((await h.accountOf(company))?.isActive).toBe(true);
  expect((await h.contactOf(contact))?.isActive).toBe(false);
  expect(h.outboxFor('contact', contact).filter((e) => e.status === 'SKIPPED' || e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});

