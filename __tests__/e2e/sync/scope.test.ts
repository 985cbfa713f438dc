/**
 * Scope by customer stage (here: customers only). Leads and their contacts stay out of
 * Freshsuccess; when a lead becomes a customer it enters scope, and so must the contacts it
 * already has: they were captured while out of scope and will not be saved again just because
 * their company was won.
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ config: { scopeStages: 'CUSTOMER' } });
});

afterAll(async () => {
  await h?.stop();
});

let lead = 0;
let leadContact = 0;

test('a lead and its contact stay out of Freshsuccess; customers go in', async () => {
  lead = h.rt.ui.create('lead', { companyname: 'Not Yet Won Ltd', subsidiary: '1' });
  leadContact = h.createContact({ firstname: 'Nia', lastname: 'Prospect', company: String(lead), email: 'nia@notyet.test' });
  const customer = h.createCustomer({ companyname: 'Already Won Ltd' });
  const mark = await h.requestMark();
  h.runDrainUntilIdle();

  const sent = (await h.requestsSince(mark)).flatMap((r) => ((r.body as { records?: Array<{ account_id: string; user_id?: string }> } | undefined)?.records ?? []));
  expect(sent.map((r) => r.account_id)).toEqual([String(customer)]);
  expect(await h.accountOf(lead)).toBeUndefined();
  expect(await h.contactOf(leadContact)).toBeUndefined();
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
});

test('the lead is won: it enters scope and its existing contacts follow', async () => {
  h.rt.ui.update('customer', lead, { entitystatus: '13' }); // CUSTOMER-Closed Won
  h.runDrainUntilIdle();
  h.advanceTime(15 * 60_000); // a sweep runs too, in case the engine relies on it
  h.runDrainUntilIdle();

  expect(await h.accountOf(lead)).toMatchObject({ isActive: true, fields: expect.objectContaining({ name: 'Not Yet Won Ltd' }) });
  expect(await h.contactOf(leadContact)).toMatchObject({ account_id: String(lead), isActive: true });
});

describe('a saved-search scope applies to contacts through their company', () => {
  let s: SyncHarness;
  beforeAll(async () => {
    s = await startSyncHarness({ sample: { customers: 1, contacts: 0 } });
    s.rt.savedSearches.define({ id: 'customsearch_fsc_test_scope', type: 'customer', filters: [['companyname', 'startswith', 'Kept']], columns: ['entityid'] });
    s.configure({ scopeSavedSearch: 'customsearch_fsc_test_scope' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('drain and full sync: a contact of a company the saved search leaves out is not sent', async () => {
    const kept = s.createCustomer({ companyname: 'Kept Ltd' });
    const left = s.createCustomer({ companyname: 'Left Out Ltd' });
    s.runDrainUntilIdle();
    expect(await s.accountOf(kept)).toBeDefined();
    expect(await s.accountOf(left)).toBeUndefined();

    // Saved on their own (the companies are not in this drain).
    const inside = s.createContact({ firstname: 'In', lastname: 'Side', company: String(kept), email: 'in@kept.test' });
    const outside = s.createContact({ firstname: 'Out', lastname: 'Side', company: String(left), email: 'out@left.test' });
    s.runDrainUntilIdle();
    expect(await s.contactOf(inside)).toBeDefined();
    expect(await s.contactOf(outside)).toBeUndefined();
    // Out of scope is not a problem to report: nothing dead, skipped or waiting for it.
    expect(s.outboxFor('contact', outside).filter((e) => e.status !== 'DONE' && e.status !== 'PENDING')).toEqual([]);

    s.runFullSync();
    expect(await s.contactOf(outside)).toBeUndefined();
    expect((await s.contacts()).map((c) => c.user_id)).toContain(String(inside));

    // The reconcile applies the same scope: the left-out company and its contact are not
    // "missing"; a kept contact imported quietly is, and only it is sent.
    const quiet = s.rt.csvImport('contact', [{ firstname: 'Quiet', lastname: 'Kept', company: String(kept), email: 'quiet@kept.test' }], { runServerScripts: false }).added[0]!;
    s.startReconcile();
    s.runDrainUntilIdle();
    const report = s.logs(SCRIPTS.reconcile.scriptId).find((l) => l.title === 'Reconcile finished')?.details;
    expect(JSON.parse(String(report))).toMatchObject({ accounts: { missing: 0, extra: 0 }, contacts: { missing: 1, extra: 0 }, queued: 1 });
    expect(await s.contactOf(quiet)).toBeDefined();
    expect(await s.contactOf(outside)).toBeUndefined();
    expect(await s.accountOf(left)).toBeUndefined();
  });
});
