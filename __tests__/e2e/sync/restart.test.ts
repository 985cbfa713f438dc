/**
 * A map invocation interrupted by a server restart (its side effects stay, what it wrote to the
 * context is lost, it runs again with isRestarted) creates no duplicates: one account per record
 * in Freshsuccess, one dead letter per refused record in NetSuite, nothing left queued.
 */
import { ACCOUNTS_PATH, SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const PLAN_FIELD = 'custentity_success_plan';
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
  // A refused record in the interrupted batch shows whether its dead letter is written twice.
  await h.fake.configure({ labelMaxLength: 300 });
  h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  h.configure({ batchMaxRecords: 2, mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }] } }) });
});

afterAll(async () => {
  await h?.stop();
});

test('the drain\'s map stage restarted midway: no duplicate accounts, no duplicate dead letters, nothing lost', async () => {
  const ids = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((n, i) =>
    h.createCustomer({ companyname: `Restart ${n} KK`, [PLAN_FIELD]: i === 2 ? 'x'.repeat(350) : `plan ${n}` }));
  const refused = ids[2]!;
  const mark = await h.requestMark();

  // Three batches of two; the second map invocation (batch 2, with the refused record) is
  // interrupted after it ran and is run again.
  h.processQueue({ restarts: [{ stage: 'map', afterInvocations: 1, deploymentId: SCRIPTS.drain.onDemand }] });
  h.runDrainUntilIdle();

  const bodies = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH).map((r) => (r.body as { records: Array<{ account_id: string }> }).records.map((x) => x.account_id));
  // The interrupted batch really was sent twice: its side effects stayed.
  const sentTwice = bodies.filter((b) => b.includes(String(refused)));
  expect(sentTwice).toHaveLength(2);
  expect(bodies).toHaveLength(4);

  const accounts = (await h.accounts()).filter((a) => ids.map(String).includes(a.account_id));
  expect(accounts.map((a) => a.account_id).sort()).toEqual(ids.filter((id) => id !== refused).map(String).sort());
  for (const a of accounts) expect(a.writeCount).toBe(sentTwice[0]!.includes(a.account_id) ? 2 : 1);

  const dead = h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ recordIds: [String(refused)] })]);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
});

test('the full sync\'s map stage restarted midway: every record once in Freshsuccess, the run completes', async () => {
  const sample = h.seedSample({ customers: 12, contacts: 16, leadShare: 0, prospectShare: 0, inactiveShare: 0, contactsWithoutCompanyShare: 0, individualShare: 0 });
  h.configure({ batchMaxRecords: 5, mappingJson: '' });
  const mark = await h.requestMark();

  h.runFullSync({ restarts: [{ stage: 'map', afterInvocations: 1, deploymentId: SCRIPTS.fullSync.onDemand }] });
  h.runDrainUntilIdle();

  const accounts = await h.accounts();
  const contacts = await h.contacts();
  for (const id of sample.customers) expect(accounts.filter((a) => a.account_id === String(id))).toHaveLength(1);
  for (const id of sample.contacts) expect(contacts.filter((c) => c.user_id === String(id))).toHaveLength(1);
  // 12 accounts in batches of 5 is at least three POSTs; the interrupted one was sent again.
  const accountPosts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
  const sentIds = accountPosts.flatMap((r) => (r.body as { records: Array<{ account_id: string }> }).records.map((x) => x.account_id));
  expect(sentIds.length).toBeGreaterThan(new Set(sentIds).size);
  expect(h.state()?.fullSync).toMatchObject({ status: 'done' });
  expect(h.outbox().filter((e) => e.status === 'DEAD' && sample.customers.map(String).some((id) => e.recordIds.includes(id)))).toEqual([]);
});

test('the drain\'s reduce stage (contacts) restarted midway: no duplicate contacts or dead letters', async () => {
  const NOTE = 'custentity_contact_note';
  h.rt.defineEntityField({ scriptId: NOTE, label: 'Contact note', fieldType: 'TEXTAREA', appliesToCustomer: false, appliesToContact: true });
  h.configure({ batchMaxRecords: 2, mappingJson: JSON.stringify({ contact: { custom: [{ field: NOTE, type: 'text', key: 'note' }] } }) });
  const company = h.createCustomer({ companyname: 'Reduce Restart SA' });
  h.runDrainUntilIdle();
  const contacts = [0, 1, 2, 3].map((i) => h.createContact({ firstname: 'Rio', lastname: `R${i}`, company: String(company), email: `rio${i}@restart.test`, [NOTE]: i === 3 ? 'y'.repeat(350) : `note ${i}` }));
  const refused = contacts[3]!;
  const mark = await h.requestMark();

  // Two contact batches of two; the second reduce invocation (with the refused contact) is interrupted and re-run.
  h.processQueue({ restarts: [{ stage: 'reduce', afterInvocations: 1, deploymentId: SCRIPTS.drain.onDemand }] });
  h.runDrainUntilIdle();

  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === '/api/v2/account_contacts');
  expect(posts.filter((p) => JSON.stringify(p.body).includes(`"user_id":"${refused}"`)).length).toBe(2);
  const stored = (await h.contacts()).filter((c) => contacts.map(String).includes(c.user_id));
  expect(stored.map((c) => c.user_id).sort()).toEqual(contacts.filter((id) => id !== refused).map(String).sort());
  expect(h.outbox().filter((e) => e.status === 'DEAD' && e.kind === 'contact')).toEqual([expect.objectContaining({ recordIds: [String(refused)] })]);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
});

test('the drain\'s getInputData and summarize restarted: no duplicate reports, pushes or runs', async () => {
  h.configure({ batchMaxRecords: '', mappingJson: '' });
  const drainsBefore = h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === SCRIPTS.drain.scriptId).length;
  const company = h.createCustomer({ companyname: 'Input Restart Ltd' });
  const lonely = h.createContact({ firstname: 'No', lastname: 'Company', email: 'no.company@restart.test' });
  const mark = await h.requestMark();

  h.processQueue({ restarts: [
    { stage: 'getInputData', afterInvocations: 0, deploymentId: SCRIPTS.drain.onDemand },
    { stage: 'summarize', afterInvocations: 0, deploymentId: SCRIPTS.drain.onDemand },
  ] });
  h.runDrainUntilIdle();

  expect(h.outboxFor('contact', lonely).filter((e) => e.status === 'SKIPPED')).toHaveLength(1);
  expect((await h.requestsSince(mark)).filter((r) => r.method === 'POST')).toHaveLength(1);
  expect((await h.accountOf(company))?.writeCount).toBe(1);
  // One drain instance (submitted by the first save); a restarted summarize does not submit another.
  expect(h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === SCRIPTS.drain.scriptId).length - drainsBefore).toBe(1);
});

describe('a full sync with every stage restarted once', () => {
  let f: SyncHarness;

  beforeAll(async () => {
    f = await startSyncHarness({ sample: { customers: 20, contacts: 30 } });
  });

  afterAll(async () => {
    await f?.stop();
  });

  test('getInputData, map, reduce and summarize each interrupted: one report, every record once, run done', async () => {
    const restarts = (['getInputData', 'map', 'reduce', 'summarize'] as const).map((stage) => ({ stage, afterInvocations: 0, deploymentId: SCRIPTS.fullSync.onDemand }));
    f.runFullSync({ restarts });
    f.runDrainUntilIdle();

    const accounts = await f.accounts();
    const contacts = await f.contacts();
    expect(accounts.map((a) => a.account_id).sort()).toEqual(f.sample!.customers.map(String).sort());
    expect(new Set(contacts.map((c) => c.user_id)).size).toBe(contacts.length);
    expect(contacts).toHaveLength(f.sample!.counts.contacts - f.sample!.counts.contactsWithoutCompany);
    const skipped = f.outbox().filter((e) => e.status === 'SKIPPED');
    expect(skipped.flatMap((e) => e.recordIds)).toHaveLength(f.sample!.counts.contactsWithoutCompany);
    expect(f.state()?.fullSync).toMatchObject({ status: 'done' });
  });
});

test('a drain map invocation that runs out of governance fails alone: its batch is retried and lands, nothing dead', async () => {
  h.configure({ batchMaxRecords: 2, mappingJson: '' });
  const ids = ['Ada', 'Bo', 'Cy', 'Di'].map((n) => h.createCustomer({ companyname: `Spent ${n} GmbH` }));
  // The second map invocation starts with 5 units left: its POST (10 units) cannot be made.
  h.processQueue({ exhausts: [{ stage: 'map', afterInvocations: 1, leaveUnits: 5, deploymentId: SCRIPTS.drain.onDemand }] });
  expect(h.logs(SCRIPTS.drain.scriptId).some((l) => l.level === 'ERROR' && /SSS_USAGE_LIMIT_EXCEEDED/.test(`${l.title} ${l.details}`))).toBe(true);
  const landedFirst = (await h.accounts()).filter((a) => ids.map(String).includes(a.account_id)).length;
  expect(landedFirst).toBe(2);
  h.runDrainUntilIdle();
  const accounts = (await h.accounts()).filter((a) => ids.map(String).includes(a.account_id));
  expect(accounts.map((a) => a.account_id).sort()).toEqual(ids.map(String).sort());
  expect(h.outbox().filter((e) => e.status === 'DEAD' && ids.map(String).some((id) => e.recordIds.includes(id)))).toEqual([]);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
});
