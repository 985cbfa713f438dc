/**
 * Settings copied into a sandbox by a refresh: the settings remember the account they were saved
 * in, nothing is pushed from another one (drain, full sync, reconcile), the page says why and
 * how to resume, and "Use these settings in this account" (or saving other settings) resumes.
 */
import { AdminClient, messages, text } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 2, contacts: 0 } });
  await a.submit({ set: { custpage_api_key: a.h.freshsuccessKey }, submit: 'Save settings' });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

test('a sandbox refreshed from production holds back every push until an administrator confirms the tenant there', async () => {
  const before = a.h.createCustomer({ companyname: 'Before Refresh Ltd' });
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf(before)).toBeDefined();

  a.h.rt.refreshAsSandbox('TSTDRV0000001_SB1');
  const inSandbox = a.h.createCustomer({ companyname: 'Sandbox Test Data Ltd' });
  a.h.startDrain();
  a.h.processQueue();
  // Neither the drain nor a full sync nor a reconcile sends anything from the copy.
  a.h.startFullSync();
  a.h.processQueue();
  expect(await a.h.accountOf(inSandbox)).toBeUndefined();
  expect(a.h.outboxFor('customer', inSandbox).map((e) => e.status)).toEqual(['PENDING']);
  expect(a.h.rt.logs.some((l) => /saved in NetSuite account TSTDRV0000001, and this is account TSTDRV0000001_SB1/.test(`${l.title} ${l.details}`))).toBe(true);

  const page = await a.get();
  expect(text(page.html)).toMatch(/Paused: These settings were saved in NetSuite account TSTDRV0000001, and this is account TSTDRV0000001_SB1/);
  expect(messages(page.html).alerts.join(' ')).toMatch(/Pushing is held back in this account/);
  // Starting a job from the page says it cannot run instead of "started" for nothing.
  const submitted = a.h.account.drivers.task.queue.tasks.length;
  const refused = await a.click('fullsync', {}, page);
  expect(messages(refused.html).alerts.join(' ')).toMatch(/Full sync not started.*saved in another NetSuite account/);
  expect(a.h.account.drivers.task.queue.tasks.length).toBe(submitted);

  const confirmed = await a.click('confirm_account', {}, refused);
  expect(messages(confirmed.html).statuses.join(' ')).toMatch(/Settings confirmed for this account/);
  expect(messages(confirmed.html).alerts.join(' ')).not.toMatch(/held back/);
  a.h.runDrainUntilIdle();
  expect((await a.h.accountOf(inSandbox))?.fields.name).toBe('Sandbox Test Data Ltd');
});
