/**
 * The health figures for the last 24 hours come from what really happened: records Freshsuccess
 * received, records it did not (a failed request's records wait to retry), and changes only the
 * sweep saw (a CSV import with server scripts off). A day later they have left the window.
 */
import { AdminClient, text } from './adminHarness';

const MINUTE = 60_000;
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start();
  a.h.configure({});
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const figure = async () => /Last 24 hours: .*?queued/.exec(text((await a.get()).html))?.[0];

test('records sent and failed, and the sweep catches, as the health figures', async () => {
  expect(await figure()).toBe('Last 24 hours: 0 record(s) sent, 0 failed attempt(s); the sweep caught 0 change(s) no save had queued');
  for (const name of ['Alder AB', 'Birch AS', 'Cedar Oy']) a.h.createCustomer({ companyname: name });
  a.h.runDrainUntilIdle();
  expect(await a.h.accounts()).toHaveLength(3);
  expect(await figure()).toBe('Last 24 hours: 3 record(s) sent, 0 failed attempt(s); the sweep caught 0 change(s) no save had queued');

  // Freshsuccess fails the next push: its record waits to retry and counts as failed once.
  await a.h.fake.injectFaults([{ kind: 'status', status: 503, method: 'POST', path: '/api/v2/accounts', times: 1 }]);
  a.h.createCustomer({ companyname: 'Dogwood ApS' });
  a.h.processQueue();
  expect(await a.h.accounts()).toHaveLength(3);
  expect(await figure()).toBe('Last 24 hours: 3 record(s) sent, 1 failed attempt(s); the sweep caught 0 change(s) no save had queued');

  // Two customers imported with scripts off: only the sweep sees them; the retry lands meanwhile.
  a.h.rt.csvImport('customer', [{ companyname: 'Elm GmbH' }, { companyname: 'Fir BV' }], { runServerScripts: false });
  a.h.advanceTime(16 * MINUTE);
  a.h.runDrainUntilIdle();
  expect(await a.h.accounts()).toHaveLength(6);
  expect(await figure()).toBe('Last 24 hours: 6 record(s) sent, 1 failed attempt(s); the sweep caught 2 change(s) no save had queued');

  // A day and an hour later the window is empty again (it covers 24 to 25 hours; the sweeps in
  // between catch nothing).
  a.h.advanceTime(25 * 60 * MINUTE);
  expect(await figure()).toBe('Last 24 hours: 0 record(s) sent, 0 failed attempt(s); the sweep caught 0 change(s) no save had queued');
}, 120_000);
