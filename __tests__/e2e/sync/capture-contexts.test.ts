/**
 * Capture: a customer or contact saved in any execution context leaves one outbox entry (no HTTP
 * call at save time), tagged with that context, and the drain brings it to Freshsuccess. An edit
 * of a field Freshsuccess does not get leaves nothing.
 */
import type { ExecutionContextType } from '../../../emulator/runtime/execution';
import { ACCOUNTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';

/** Every context the runtime can save in from outside a User Event (runtime.ContextType). */
const CONTEXTS: ExecutionContextType[] = [
  'USERINTERFACE', 'CSVIMPORT', 'WEBSERVICES', 'RESTWEBSERVICES', 'RESTLET', 'SUITELET', 'SCHEDULED', 'MAPREDUCE', 'WORKFLOW', 'CUSTOMMASSUPDATE',
];

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

test.each(CONTEXTS)('a create and an edit in %s are captured without an HTTP call and reach Freshsuccess', async (context) => {
  const calls = h.httpLog.length;
  const id = h.createCustomer({ companyname: `Context ${context} Ltd`, phone: '+1 555 0100' }, context);
  h.saveAs(context).update('customer', id, { phone: '+1 555 0199' });

  expect(h.httpLog).toHaveLength(calls);
  const entries = h.outboxFor('customer', id);
  expect(entries.map((e) => [e.event, e.source, e.status])).toEqual([
    ['create', context, 'PENDING'],
    ['update', context, 'PENDING'],
  ]);
  expect(entries[1]?.changedFields).toEqual(['phone']);

  h.runDrainUntilIdle();
  const stored = await h.accountOf(id);
  expect(stored?.fields).toMatchObject({ name: `Context ${context} Ltd`, phone: '+1 555 0199' });
});

test('contacts are captured in every context too', async () => {
  const company = h.createCustomer({ companyname: 'Contact Contexts GmbH' });
  const ids = CONTEXTS.map((context, i) => ({ context, id: h.createContact({ firstname: 'Kim', lastname: `Lee${i}`, company: String(company), email: `kim${i}@contexts.test` }, context) }));
  for (const { context, id } of ids) expect(h.outboxFor('contact', id).map((e) => [e.event, e.source])).toEqual([['create', context]]);

  h.runDrainUntilIdle();
  const contacts = await h.contacts();
  for (const { id } of ids) expect(contacts.find((c) => c.user_id === String(id))).toMatchObject({ account_id: String(company), isActive: true });
});

test('an inline edit (xedit) is captured with the fields it changed', async () => {
  const id = h.createCustomer({ companyname: 'Inline Edit Co', phone: '1' });
  h.runDrainUntilIdle();
  h.rt.ui.inlineEdit('customer', id, { url: 'https://inline.example' });
  expect(h.outboxFor('customer', id).at(-1)).toMatchObject({ event: 'update', changedFields: ['url'], source: 'USERINTERFACE' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.fields).toMatchObject({ name: 'Inline Edit Co', phone: '1', website: 'https://inline.example' });
});

test('an edit of a field Freshsuccess does not get is captured as nothing and sends nothing', async () => {
  const id = h.createCustomer({ companyname: 'Quiet Fields Inc', phone: '2' });
  h.runDrainUntilIdle();
  const before = h.outbox().length;
  const written = (await h.accountOf(id))?.writeCount;
  const mark = await h.requestMark();

  h.rt.ui.update('customer', id, { comments: 'called about the renewal' });
  h.rt.ui.inlineEdit('customer', id, { comments: 'called again' });
  h.saveAs('CSVIMPORT', { runServerScripts: true }).update('customer', id, { comments: 'imported note' });

  expect(h.outbox()).toHaveLength(before);
  h.runDrainUntilIdle();
  expect(await h.postsSince(mark)).toEqual({});
  expect((await h.accountOf(id))?.writeCount).toBe(written);
  // Sanity: the same customer with a synced change is pushed.
  h.rt.ui.update('customer', id, { phone: '3' });
  h.runDrainUntilIdle();
  expect((await h.postsSince(mark))[ACCOUNTS_PATH]).toBe(1);
});

test('a CSV import with server scripts on is captured row by row, tagged CSVIMPORT', async () => {
  const result = h.rt.csvImport('customer', [
    { companyname: 'Row One Imports', phone: '100' },
    { companyname: 'Row Two Imports', phone: '200' },
  ], { runServerScripts: true });
  expect(result.errors).toEqual([]);
  expect(result.added).toHaveLength(2);
  for (const id of result.added) expect(h.outboxFor('customer', id).map((e) => [e.event, e.source])).toEqual([['create', 'CSVIMPORT']]);
  h.runDrainUntilIdle();
  for (const id of result.added) expect((await h.accountOf(id))?.isActive).toBe(true);
});

test('leads and prospects are captured and pushed once with their stage', async () => {
  const lead = h.rt.ui.create('lead', { companyname: 'Maybe Someday Ltd', subsidiary: '1' });
  const prospect = h.rt.ui.create('prospect', { companyname: 'Talking Now Ltd', subsidiary: '1' });
  const mark = await h.requestMark();
  // Whether the customer deployment also fires for leads is [open]: one entry or two, one push.
  expect(h.outboxFor('customer', lead).length).toBeGreaterThanOrEqual(1);
  h.runDrainUntilIdle();
  const sent = (await h.requestsSince(mark)).filter((r) => r.method === 'POST').flatMap((r) => (r.body as { records: Array<{ account_id: string }> }).records.map((x) => x.account_id));
  expect(sent.filter((id) => id === String(lead))).toHaveLength(1);
  expect((await h.accountOf(lead))?.fields).toMatchObject({ name: 'Maybe Someday Ltd', stage: expect.stringMatching(/lead/i) });
  expect((await h.accountOf(prospect))?.fields).toMatchObject({ name: 'Talking Now Ltd', stage: expect.stringMatching(/prospect/i) });
});
