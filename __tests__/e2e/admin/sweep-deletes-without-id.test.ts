/**
 * The sweep fails loud when NetSuite's deleted-record search gives rows without a record id (the
 * id column's name is not confirmed on a real account): it logs it, keeps the fact on the state
 * record, and the admin page says deletes rely on capture and reconcile until a sweep reads ids
 * again. The local account is set up so that the `recordid` column yields nothing.
 */
import { SCRIPTS, STATE } from '../support/syncHarness';
import { AdminClient, text } from './adminHarness';

const MINUTE = 60_000;
const NOT_SWEPT = /Deletes not swept\. The sweep cannot read deleted records: NetSuite's deleted-record search returned rows without a record id .* deletes rely on capture and reconcile/;
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ configure: true, account: { runtime: { deletedRecordIdColumns: ['internalid'] } } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const sweepReports = () => a.h.logs(SCRIPTS.sweep.scriptId).filter((l) => l.title === 'FreshSync sweep').map((l) => JSON.parse(l.details) as { deletedWithoutId: number; caught: { deletions: number } });
const stateValue = () => a.h.rt.store.rows(STATE.type)[0]?.values[STATE.deletedWithoutIdAt];

test('before any delete the page says nothing about it', async () => {
  a.h.advanceTime(15 * MINUTE);
  expect(sweepReports().at(-1)).toMatchObject({ deletedWithoutId: 0 });
  expect(text((await a.get()).html)).not.toMatch(/Deletes not swept/);
});

test('deleted rows without an id are reported by the sweep, kept on the state record and shown on the page', async () => {
  const id = a.h.createCustomer({ companyname: 'Deleted Quietly Ltd' });
  a.h.runDrainUntilIdle();
  a.h.rt.ui.delete('customer', id);
  a.h.advanceTime(15 * MINUTE);

  expect(sweepReports().at(-1)).toMatchObject({ deletedWithoutId: 1, caught: { deletions: 0 } });
  expect(a.h.logs(SCRIPTS.sweep.scriptId).some((l) => l.title === 'Sweep: deleted-record rows without a record id')).toBe(true);
  expect(stateValue()).not.toBeFalsy();
  expect(text((await a.get()).html)).toMatch(NOT_SWEPT);

  // A later sweep that sees no deleted rows leaves the warning up: nothing proved the ids back.
  a.h.advanceTime(15 * MINUTE);
  expect(text((await a.get()).html)).toMatch(NOT_SWEPT);
});

test('once the search yields ids again, the next sweep clears the warning', async () => {
  a.h.rt.store.deletedRecordIdColumns = ['recordid', 'internalid'];
  const id = a.h.createCustomer({ companyname: 'Deleted Visibly Ltd' });
  a.h.runDrainUntilIdle();
  a.h.rt.ui.delete('customer', id);
  a.h.advanceTime(15 * MINUTE);
  expect(sweepReports().at(-1)).toMatchObject({ deletedWithoutId: 0 });
  expect(stateValue()).toBeFalsy();
  expect(text((await a.get()).html)).not.toMatch(/Deletes not swept/);
});
