/**
 * The reconcile as a Map/Reduce over an account with several Freshsuccess pages and several
 * NetSuite id ranges per record type, with the platform's persisted-data limit lowered far
 * below what the records themselves weigh: differences anywhere (first range, last range, first
 * page, last page) are found, the run persists only ids and differences, and a page that fails
 * mid-run leaves the run incomplete with nothing queued until it is started again.
 */
import { RECORDS_PER_RANGE } from '../../../src/TypeScript/domain/reconcileWork';
import { SLICE_PARAMS } from '../../../src/TypeScript/netsuite/fullSyncJob';
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

/** Several ranges of customers and contacts (RECORDS_PER_RANGE each). */
const CUSTOMERS = RECORDS_PER_RANGE + 400;
const CONTACTS = 2 * RECORDS_PER_RANGE + 500;
const PAGE = 400;
/** Far below the NetSuite payloads alone (about 250 bytes a record): only ids and differences fit. */
const LIMIT = 300_000;

let h: SyncHarness;

type Counts = { missing: number; drifted: number; extra: number };

const runs = () =>
  h.account.drivers.task.queue.tasks
    .filter((t) => t.scriptId === SCRIPTS.reconcile.scriptId)
    .map((t) => (t.job as unknown as { maxPersistedBytes: number }).maxPersistedBytes);

function lastReport(): { accounts: Counts; contacts: Counts; queued: number } {
  const reports = h.logs(SCRIPTS.reconcile.scriptId).filter((l) => l.title === 'Reconcile finished');
  return JSON.parse(reports[reports.length - 1]?.details ?? '{}') as { accounts: Counts; contacts: Counts; queued: number };
}

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: CUSTOMERS, contacts: CONTACTS }, account: { fake: { maxPageSize: PAGE }, task: { persistedLimitBytes: LIMIT } } });
  // The initial load fits the lowered limit in slices (issue 7's chained full sync).
  h.rt.deployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand).parameterValues[SLICE_PARAMS.records] = '500';
  h.runFullSync();
  h.runDrainUntilIdle();
  expect((await h.fake.accounts()).length).toBe(CUSTOMERS);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

test('differences in the first and last ranges and pages are found; the run persists ids, not records', async () => {
  const customers = h.sample!.customers;
  const notTaken = new Set(await h.contactsNotTaken());
  const contacts = h.rt.store.rows('contact').filter((c) => c.values.company).map((c) => Number(c.id)).sort((a, b) => a - b);
  const held = contacts.filter((id) => !notTaken.has(String(id)));
  const [firstCustomer, lastCustomer] = [customers[0]!, customers[customers.length - 1]!];
  const [firstContact, lastContact] = [held[0]!, held[held.length - 1]!];
  // Edited in Freshsuccess directly: drift at both ends of each list.
  await h.fake.seed({
    accounts: [{ account_id: String(firstCustomer), phone: 'edited in Freshsuccess' }, { account_id: String(lastCustomer), phone: 'edited too' }, { account_id: 'zz-other-system', name: 'Elsewhere', join_date: Date.UTC(2025, 0, 1) }],
  });
  const firstHeld = await h.contactOf(firstContact);
  const lastHeld = await h.contactOf(lastContact);
  await h.fake.seed({
    contacts: [
      { account_id: firstHeld!.account_id, user_id: String(firstContact), title: 'edited in Freshsuccess' },
      { account_id: lastHeld!.account_id, user_id: String(lastContact), title: 'edited too' },
    ],
  });
  // Never sent: an import with scripts off adds a customer (the last range) and a contact.
  const quiet = h.rt.csvImport('customer', [{ companyname: 'Imported Quietly Ltd' }], { runServerScripts: false }).added[0]!;
  const quietContact = h.rt.csvImport('contact', [{ firstname: 'Quiet', lastname: 'Import', company: String(firstCustomer), email: 'quiet@example.com' }], { runServerScripts: false }).added[0]!;

  h.startReconcile();
  h.runDrainUntilIdle();

  const report = lastReport();
  expect(report.accounts).toEqual({ missing: 1, drifted: 2, extra: 1 });
  // Contacts a tenant refused (of churned companies) are missing there too: counted, not hidden.
  const refused = contacts.filter((id) => notTaken.has(String(id))).length;
  expect(report.contacts).toEqual({ missing: 1 + refused, drifted: 2, extra: 0 });
  expect((await h.accountOf(firstCustomer))?.fields.phone).not.toBe('edited in Freshsuccess');
  expect((await h.accountOf(lastCustomer))?.fields.phone).not.toBe('edited too');
  expect((await h.contactOf(firstContact))?.fields.title).not.toBe('edited in Freshsuccess');
  expect((await h.contactOf(lastContact))?.fields.title).not.toBe('edited too');
  expect(await h.accountOf(quiet)).toMatchObject({ isActive: true, fields: expect.objectContaining({ name: 'Imported Quietly Ltd' }) });
  expect(await h.contactOf(quietContact)).toBeTruthy();
  expect(await h.accountOf('zz-other-system')).toMatchObject({ isActive: true, writeCount: 1 });

  // Every Freshsuccess page was read once by a map (after getInputData's doubling and halving),
  // and the run stayed under a limit the NetSuite payloads alone would pass.
  const [persisted] = runs();
  expect(persisted).toBeGreaterThan(0);
  expect(persisted).toBeLessThan(LIMIT);
  expect((CUSTOMERS + CONTACTS) * 100).toBeGreaterThan(LIMIT);
});

test('a page answered 503 once is read again and the run completes', async () => {
  const customer = h.sample!.customers[7]!;
  await h.fake.seed({ accounts: [{ account_id: String(customer), phone: 'edited once more' }] });
  h.startReconcile();
  h.processQueue({ maxSteps: 1 });
  await h.fake.injectFaults([{ kind: 'status', status: 503, method: 'GET', path: '/api/v2/accounts' }]);
  h.runDrainUntilIdle();
  expect(lastReport().accounts).toMatchObject({ drifted: 1 });
  expect((await h.accountOf(customer))?.fields.phone).not.toBe('edited once more');
});

test('a page that keeps failing mid-run leaves the reconcile incomplete, nothing queued; starting again finds the differences', async () => {
  const customer = h.sample!.customers[5]!;
  await h.fake.seed({ accounts: [{ account_id: String(customer), phone: 'edited again' }] });
  const outboxBefore = h.outbox().length;
  h.startReconcile();
  // getInputData runs (it reads each list's bounds); then one contacts page fails.
  h.processQueue({ maxSteps: 1 });
  await h.fake.injectFaults([{ kind: 'status', status: 503, method: 'GET', path: '/api/v2/account_contacts', times: 3 }]);
  h.processQueue();

  expect(h.outbox().length).toBe(outboxBefore);
  const last = h.state()?.lastReconcile as { status: string; message: string } | null;
  expect(last?.status).toBe('failed');
  expect(last?.message).toMatch(/^account_contacts page \d+: transient \(HTTP 503.*after 3 attempts\.$/);
  expect((await h.accountOf(customer))?.fields.phone).toBe('edited again');

  await h.fake.clearFaults();
  h.startReconcile();
  h.runDrainUntilIdle();
  expect(lastReport().accounts).toMatchObject({ drifted: 1 });
  expect((await h.accountOf(customer))?.fields.phone).not.toBe('edited again');
});
