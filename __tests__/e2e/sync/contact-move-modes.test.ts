/**
 * What Freshsuccess does when a contact's user_id is posted with another account_id is [open]
 * (docs/freshsuccess-api-contract.md §5); lifecycle.test.ts covers "move". Here the other two answers:
 * "duplicate" (contacts keyed by account and user: the old one must be deactivated, the new one
 * active) and "reject" (the move is refused record by record: a dead letter with Freshsuccess's
 * message and a hint about moving, never a silent loss).
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

function employedContact(name: string): { from: number; to: number; contact: number } {
  const from = h.createCustomer({ companyname: `${name} Old Co` });
  const to = h.createCustomer({ companyname: `${name} New Co` });
  const contact = h.createContact({ firstname: name, lastname: 'Mover', company: String(from), email: `${name.toLowerCase()}@move.test` });
  h.runDrainUntilIdle();
  return { from, to, contact };
}

test('"duplicate" tenant: the contact under the old account is deactivated, the one under the new account is active', async () => {
  await h.fake.configure({ contactMove: 'duplicate' });
  const { from, to, contact } = employedContact('Dana');
  h.rt.ui.update('contact', contact, { company: String(to) });
  h.runDrainUntilIdle();

  const copies = (await h.contacts()).filter((c) => c.user_id === String(contact));
  expect(copies.map((c) => [c.account_id, c.isActive]).sort()).toEqual([[String(from), false], [String(to), true]].sort());
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});

test('"duplicate" tenant, moved twice before the drain: nothing is written under the company it only passed through', async () => {
  await h.fake.configure({ contactMove: 'duplicate' });
  const { from, to, contact } = employedContact('Theo');
  const passedThrough = h.createCustomer({ companyname: 'Theo Brief Stop Co' });
  h.runDrainUntilIdle();
  h.rt.ui.update('contact', contact, { company: String(passedThrough) });
  h.rt.ui.update('contact', contact, { company: String(to) });
  h.runDrainUntilIdle();

  const copies = (await h.contacts()).filter((c) => c.user_id === String(contact));
  expect(copies.map((c) => [c.account_id, c.isActive]).sort()).toEqual([[String(from), false], [String(to), true]].sort());
});

test('"reject" tenant: the refused move is dead-lettered with Freshsuccess\'s message and a hint about moving', async () => {
  await h.fake.configure({ contactMove: 'reject' });
  const { to, contact } = employedContact('Remy');
  const mark = await h.requestMark();
  h.rt.ui.update('contact', contact, { company: String(to) });
  h.runDrainUntilIdle();

  const refusals = (await h.requestsSince(mark))
    .flatMap((r) => ((r.response as { failed_results?: Array<{ message: string; user_id?: string }> } | undefined)?.failed_results ?? []))
    .filter((f) => f.user_id === String(contact));
  expect(refusals.length).toBeGreaterThanOrEqual(1);
  const dead = h.outboxFor('contact', contact).filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ lastError: refusals[0]!.message })]);
  // The admin must learn that the move was refused, not be sent to check field mappings.
  expect(dead[0]?.hint).toMatch(/mov/i);
  expect(h.outbox().filter((e) => e.status === 'RETRY')).toEqual([]);
});

test.each(['move', 'duplicate'] as const)('"%s" tenant, moved to a company Freshsuccess does not have yet and deleted before the drain: deactivated where Freshsuccess holds it', async (mode) => {
  // Found by the soak: only the new company was tried, Freshsuccess answered "Account not found",
  // and the contact stayed active under its old account.
  await h.fake.configure({ contactMove: mode });
  const from = h.createCustomer({ companyname: `Left Behind ${mode} Co` });
  const contact = h.createContact({ firstname: 'Ivo', lastname: `Gone ${mode}`, company: String(from), email: `ivo.${mode}@move.test` });
  h.runDrainUntilIdle();
  // The new company is kept out of Freshsuccess for now: its push keeps failing.
  const to = h.createCustomer({ companyname: `Not Yet ${mode} Co` });
  h.rt.ui.update('contact', contact, { company: String(to) });
  h.rt.ui.delete('contact', contact);
  await h.fake.injectFaults([{ kind: 'status', status: 503, method: 'POST', path: '/api/v2/accounts', times: 3 }]);
  h.runDrainUntilIdle();

  const copies = (await h.contacts()).filter((c) => c.user_id === String(contact));
  expect(copies.filter((c) => c.isActive)).toEqual([]);
  expect(h.outbox().filter((e) => e.recordIds.includes(String(contact)) && (e.status === 'DEAD' || e.status === 'RETRY' || e.status === 'SKIPPED'))).toEqual([]);
  expect((await h.accountOf(to))?.isActive).toBe(true);
});
