/**
 * Settings that pass their own checks but point at something the account does not have (a
 * mapped custom field id that is no field, a saved search that does not exist) made every run
 * fail in getInputData while the page said "Pushing is active". Now the first such run pauses
 * pushing with the reason; the page says NetSuite refused a setting and which kind; nothing
 * queued is lost, and saving fixed settings resumes pushing.
 */
import { CONFIG } from '../support/syncHarness';
import { AdminClient, messages, text } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 3, contacts: 0 } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

test('the same settings saved through the record (another script, a CSV import with scripts on) are refused by its User Event', () => {
  expect(() => a.h.configure({ scopeSavedSearch: 'customsearch_deleted_long_ago' })).toThrow(/FreshSync settings not saved: savedSearch: NetSuite refused it/);
  expect(() => a.h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: 'custentity_no_such_field', type: 'text', key: 'gone' }] } }) })).toThrow(/customFields: NetSuite refused it: .*custentity_no_such_field/);
});

test.each([
  ['a mapped custom field that does not exist', { mappingJson: JSON.stringify({ customer: { custom: [{ field: 'custentity_no_such_field', type: 'text', key: 'gone' }] } }) }, /not a field of this account/],
  ['a saved search scope that does not exist', { scopeSavedSearch: 'customsearch_deleted_long_ago' }, /saved search scope does not exist/],
])('%s: the run pauses pushing with the reason; fixed settings resume it and the change lands', async (_name, broken, reason) => {
  a.h.configure({ mappingJson: '', scopeSavedSearch: '' });
  a.h.advanceTime(2 * 60_000);
  // Past every check: a CSV import with server scripts off stores them without the User Event.
  const fields = Object.fromEntries(Object.entries(broken).map(([k, v]) => [CONFIG[k as keyof typeof broken], v]));
  a.h.rt.csvImport(CONFIG.type, [{ internalid: String(a.configRows()[0]!.id), ...fields }], { runServerScripts: false });
  a.h.advanceTime(2 * 60_000);
  const id = a.h.createCustomer({ companyname: `Held By Settings ${Object.keys(broken)[0]} Ltd` });
  const report = a.h.runDrainUntilIdle();
  expect(report.paused).toBe(true);
  expect(a.h.state()?.pauseMessage).toMatch(reason);
  expect(await a.h.accountOf(id)).toBeUndefined();

  const page = await a.get();
  expect(text(page.html)).toMatch(/Paused: NetSuite refused a setting/);
  expect(text(page.html)).toMatch(reason);
  expect(text(page.html)).not.toMatch(/Freshsuccess refused the key/);
  expect(messages(page.html).alerts.join(' ')).toMatch(/NetSuite refused a setting/);

  // Fixed and saved: the held change lands.
  a.h.configure({ mappingJson: '', scopeSavedSearch: '' });
  expect(a.h.runDrainUntilIdle().paused).toBe(false);
  expect((await a.h.accountOf(id))?.fields.name).toMatch(/^Held By Settings/);
  expect(a.h.state()?.pausedAt).toBeNull();
});
