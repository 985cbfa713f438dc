/**
 * Settings that pass their own checks but point at something the account does not have (a
 * mapped custom field id that is no field, a saved search that does not exist) made every run
 * fail in getInputData while the page said "Pushing is active". Now the first such run pauses
 * pushing with the reason; the page says NetSuite refused a setting and which kind; nothing
 * queued is lost, and saving fixed settings resumes pushing.
 */
import { AdminClient, messages, text } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 3, contacts: 0 } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

test.each([
  ['a mapped custom field that does not exist', { mappingJson: JSON.stringify({ customer: { custom: [{ field: 'custentity_no_such_field', type: 'text', key: 'gone' }] } }) }, /not a field of this account/],
  ['a saved search scope that does not exist', { scopeSavedSearch: 'customsearch_deleted_long_ago' }, /saved search scope does not exist/],
])('%s: the run pauses pushing with the reason; fixed settings resume it and the change lands', async (_name, broken, reason) => {
  a.h.configure({ mappingJson: '', scopeSavedSearch: '' });
  a.h.advanceTime(2 * 60_000);
  a.h.configure(broken);
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
