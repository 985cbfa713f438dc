/**
 * The sweep is the safety net for changes no User Event sees: a CSV import with "Run Server
 * SuiteScript and Trigger Workflows" off queues nothing at save time; the scheduled sweep (every
 * 15 minutes) finds the records by their last-modified date, reports what it caught, and the
 * drain brings them to Freshsuccess.
 */
import { UsageMeter } from '../../../emulator/runtime/governance';
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const MINUTE = 60_000;
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

interface SweepLog {
  status: string;
  caught: { customer: number; contact: number; deletions: number };
  alreadyCaptured: number;
  purged: number;
}

const sweepReports = (): SweepLog[] =>
  h.logs(SCRIPTS.sweep.scriptId).filter((l) => l.title === 'FreshSync sweep').map((l) => JSON.parse(l.details) as SweepLog);

test('a CSV import with server scripts off is caught by the next scheduled sweep and drained', async () => {
  // The SuiteApp has been running: a customer and a contact saved in the UI are in Freshsuccess,
  // and the sweep has run once since (it skips what User Events already captured).
  const known = h.createCustomer({ companyname: 'Known Customer AS', phone: '+47 2200 0000' });
  const knownContact = h.createContact({ firstname: 'Ola', lastname: 'Nordmann', company: String(known), email: 'ola@known.test' });
  h.runDrainUntilIdle();
  h.advanceTime(15 * MINUTE);
  expect(sweepReports().at(-1)).toMatchObject({ status: 'swept', caught: { customer: 0, contact: 0, deletions: 0 }, alreadyCaptured: 2 });

  const outboxBefore = h.outbox().length;
  const mark = await h.requestMark();
  const imported = h.rt.csvImport('customer', [
    { internalid: String(known), phone: '+47 2200 9999' },
    { companyname: 'Imported Quietly Oy', phone: '+358 9 000 111' },
  ], { runServerScripts: false });
  expect(imported.errors).toEqual([]);
  const newCustomer = imported.added[0]!;
  const contacts = h.rt.csvImport('contact', [{ firstname: 'Aino', lastname: 'Virtanen', company: String(newCustomer), email: 'aino@quiet.test' }], { runServerScripts: false });
  expect(contacts.errors).toEqual([]);
  const newContact = contacts.added[0]!;

  // No User Event ran: nothing is queued and nothing is sent, however long the drain waits.
  expect(h.outbox()).toHaveLength(outboxBefore);
  h.runDrainUntilIdle();
  expect(await h.requestsSince(mark)).toEqual([]);

  // 15 minutes on, the scheduled sweep runs and catches exactly the imported records.
  h.advanceTime(15 * MINUTE);
  expect(sweepReports().at(-1)).toMatchObject({ status: 'swept', caught: { customer: 2, contact: 1, deletions: 0 }, alreadyCaptured: 1 });
  // What it queued, however it groups entries: exactly the imported records.
  const caught = h.outbox().filter((e) => e.source === 'SWEEP');
  const idsOf = (kind: string) => caught.filter((e) => e.kind === kind).flatMap((e) => e.recordIds).sort();
  expect(idsOf('customer')).toEqual([String(known), String(newCustomer)].sort());
  expect(idsOf('contact')).toEqual([String(newContact)]);

  h.runDrainUntilIdle();
  expect((await h.accountOf(known))?.fields.phone).toBe('+47 2200 9999');
  expect((await h.accountOf(newCustomer))?.fields).toMatchObject({ name: 'Imported Quietly Oy', phone: '+358 9 000 111' });
  expect(await h.contactOf(newContact)).toMatchObject({ account_id: String(newCustomer), fields: expect.objectContaining({ email: 'aino@quiet.test' }) });
  // The contact saved in the UI was not sent again.
  expect((await h.contactOf(knownContact))?.writeCount).toBe(1);
});

describe('right after setup', () => {
  let fresh: SyncHarness;

  beforeAll(async () => {
    fresh = await startSyncHarness({ configure: false });
  });

  afterAll(async () => {
    await fresh?.stop();
  });

  test('a CSV import with scripts off just after the settings are saved and the full sync ran is still caught', async () => {
    fresh.advanceTime(6 * MINUTE); // installed at 09:06; the 09:05 sweep found no settings yet
    fresh.configure();
    fresh.runFullSync();
    fresh.advanceTime(MINUTE);
    const imported = fresh.rt.csvImport('customer', [{ companyname: 'Right After Setup Ltd' }], { runServerScripts: false });
    expect(imported.errors).toEqual([]);

    // The first scheduled sweep (09:20) must look back far enough to see the 09:07 import.
    fresh.advanceTime(15 * MINUTE);
    fresh.runDrainUntilIdle();
    expect(await fresh.accountOf(imported.added[0]!)).toMatchObject({ fields: expect.objectContaining({ name: 'Right After Setup Ltd' }) });
  });
});

test('a save made inside another vendor\'s User Event (no User Event fires for it) is caught by the sweep', async () => {
  const id = h.createCustomer({ companyname: 'Nested Save Ltd', phone: '+1 555 0400' });
  h.runDrainUntilIdle();
  h.advanceTime(MINUTE);
  const outboxBefore = h.outbox().length;
  // Another SuiteApp's User Event is running and saves our customer: NetSuite fires no User Event for that save.
  const otherVendor = { scriptId: 'customscript_other_vendor_ue', deploymentId: 'customdeploy_other_vendor_ue', scriptType: 'USEREVENT' as const, executionContext: 'USERINTERFACE' as const, meter: new UsageMeter(1000), parameters: {}, user: h.rt.admin };
  h.rt.executions.run(otherVendor, () => h.saveAs('USEREVENT').update('customer', id, { phone: '+1 555 0499' }));
  expect(h.rt.ui.get('customer', id)?.values.phone).toBe('+1 555 0499');
  expect(h.outbox()).toHaveLength(outboxBefore);

  h.advanceTime(15 * MINUTE);
  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.fields.phone).toBe('+1 555 0499');
});

test('a month on, the sweep purges drained entries and keeps what the admin must look at', async () => {
  h.createContact({ firstname: 'No', lastname: 'Company', email: 'no.company@purge.test' });
  h.runDrainUntilIdle();
  const before = h.outbox();
  expect(before.some((e) => e.status === 'SKIPPED')).toBe(true);
  expect(before.some((e) => e.status === 'PENDING')).toBe(true);

  // Jump the clock (no sweep ran in between), then let one scheduled sweep run.
  h.rt.clock.advance(31 * 24 * 60 * MINUTE);
  h.advanceTime(15 * MINUTE);

  const after = h.outbox();
  expect(after.map((e) => e.status)).toEqual(before.filter((e) => e.status === 'SKIPPED').map((e) => e.status));
  expect(sweepReports().some((r) => r.purged === before.length - after.length)).toBe(true);
});

describe('a bulk quiet import', () => {
  let bulk: SyncHarness;

  beforeAll(async () => {
    bulk = await startSyncHarness({ sample: { customers: 1500, contacts: 0 } });
    bulk.runFullSync();
    bulk.advanceTime(15 * MINUTE);
  });

  afterAll(async () => {
    await bulk?.stop();
  });

  test('1,500 customers updated by a CSV import with scripts off are all caught and land', async () => {
    const rows = bulk.sample!.customers.map((id, i) => ({ internalid: String(id), phone: `+44 161 555 ${String(i).padStart(4, '0')}` }));
    expect(bulk.rt.csvImport('customer', rows, { runServerScripts: false }).errors).toEqual([]);
    bulk.advanceTime(15 * MINUTE);
    bulk.runDrainUntilIdle();
    const accounts = new Map((await bulk.accounts()).map((a) => [a.account_id, a]));
    expect(rows.filter((r) => accounts.get(r.internalid)?.fields.phone !== r.phone)).toEqual([]);
    expect(bulk.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
  });
});
