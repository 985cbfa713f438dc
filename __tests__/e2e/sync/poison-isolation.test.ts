/**
 * One record that cannot be sent never holds back its batch. A key that is not valid Unicode text
 * (a lone surrogate: half of an emoji pasted into the entity id) cannot be put in a URL or stored
 * under that key, and a record that Freshsuccess refuses as too large on its own cannot be made
 * smaller by retrying. Each is dead-lettered alone with its reason; the rest of its batch —
 * upserts and DELETEs alike — lands in the same drain run, and nothing is left to retry.
 */
import { ACCOUNTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const LONE = '\uD83D'; // the high half of an emoji, without its low half
let h: SyncHarness;

beforeEach(async () => {
  h = await startSyncHarness({ config: { accountIdSource: 'entityid' } });
});

afterEach(async () => {
  await h?.stop();
});

/** One drain run (no retries past backoff): what it did not land now, it did not land. */
function oneDrainRun(): void {
  h.startDrain();
  h.processQueue();
}

test('a deleted customer whose key holds a lone surrogate is dead-lettered alone; the other DELETE and the edit in its batch land in the same run', async () => {
  // The broken key can be captured only as a tombstone (its upsert is refused before sending).
  const poison = h.createCustomer({ companyname: 'Half Emoji Ltd', entityid: `CUST-${LONE}-9` });
  const gone = h.createCustomer({ companyname: 'Leaving Ltd', entityid: 'CUST-0001' });
  const kept = h.createCustomer({ companyname: 'Staying Ltd', entityid: 'CUST-0002' });
  h.runDrainUntilIdle();
  expect((await h.accountOf('CUST-0001'))?.isActive).toBe(true);

  h.rt.ui.delete('customer', poison);
  h.rt.ui.delete('customer', gone);
  h.rt.ui.update('customer', kept, { companyname: 'Staying Renamed Ltd' });
  oneDrainRun();

  expect((await h.accountOf('CUST-0001'))?.isActive).toBe(false);
  expect((await h.accountOf('CUST-0002'))?.fields.name).toBe('Staying Renamed Ltd');
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  const dead = h.outboxFor('customer', poison).filter((e) => e.status === 'DEAD');
  expect(dead.at(-1)).toMatchObject({ recordIds: [String(poison)] });
  expect(dead.at(-1)?.lastError).toMatch(/account_id "CUST-\\ud83d-9" is not valid Unicode text/);
  expect(dead.at(-1)?.hint).not.toBe('');
  // The admin's page shows the reason as text, not as a broken character.
  expect(dead.at(-1)?.lastError).not.toContain(LONE);
  expect(h.state()?.lastRun).toMatchObject({ failedBatches: 0 });
});

test('a new customer and contact keyed by a lone surrogate are dead-lettered before sending; their batch neighbours land', async () => {
  const poison = h.createCustomer({ companyname: 'Half Emoji Ltd', entityid: `${LONE}ACME` });
  const contact = h.createContact({ firstname: 'Hal', lastname: 'Fmoji', company: String(poison), email: 'hal@emoji.test' });
  for (const i of [1, 2, 3]) h.createCustomer({ companyname: `Fine ${i} Ltd`, entityid: `FINE-${i}` });
  const mark = await h.requestMark();
  oneDrainRun();

  for (const i of [1, 2, 3]) expect((await h.accountOf(`FINE-${i}`))?.isActive).toBe(true);
  expect(await h.contactOf(contact)).toBeUndefined();
  const sent = (await h.requestsSince(mark)).filter((r) => r.method === 'POST').flatMap((r) => (r.body as { records: Array<{ account_id: string }> }).records.map((x) => x.account_id));
  expect(sent.some((k) => k.includes(LONE))).toBe(false);
  for (const [kind, id] of [['customer', poison], ['contact', contact]] as const) {
    const dead = h.outboxFor(kind, id).filter((e) => e.status === 'DEAD');
    expect(dead).toHaveLength(1);
    expect(dead[0]?.recordIds).toEqual([String(id)]);
    expect(dead[0]?.lastError).toMatch(/account_id "\\ud83dACME" is not valid Unicode text/);
  }
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
});

test('a lone surrogate in a name is sent as U+FFFD (a documented transformation), not dead-lettered', async () => {
  const id = h.createCustomer({ companyname: `Cut ${LONE} Emoji Ltd`, entityid: 'CUT-1' });
  oneDrainRun();
  expect((await h.accountOf('CUT-1'))?.fields.name).toBe('Cut \uFFFD Emoji Ltd');
  expect(h.outboxFor('customer', id).filter((e) => e.status === 'DEAD')).toEqual([]);
});

test('a record too large on its own: its one-record 413 dead-letters it with the reason; the rest of its batch lands in the same run', async () => {
  h.configure({ accountIdSource: 'internalid' });
  // A tenant whose body limit fits one ordinary record but not this one (the fake's limit is set
  // low so ordinary NetSuite field lengths reach it).
  await h.fake.configure({ maxBodyBytes: 420 });
  const big = h.createCustomer({ companyname: `Big ${'B'.repeat(76)}`, billaddr1: 'A'.repeat(80), billaddr2: 'C'.repeat(80), billcity: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch' });
  const small = [1, 2, 3, 4].map((i) => h.createCustomer({ companyname: `Small ${i} Ltd` }));
  const mark = await h.requestMark();
  oneDrainRun();

  for (const id of small) expect((await h.accountOf(id))?.isActive).toBe(true);
  expect(await h.accountOf(big)).toBeUndefined();
  const dead = h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ kind: 'customer', recordIds: [String(big)] })]);
  expect(dead[0]?.lastError).toMatch(/too large/i);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
  expect(posts.filter((p) => p.status === 413).length).toBeGreaterThanOrEqual(1);
});

test('a 413 for a one-record batch (a proxy limit below the cap): that record is dead-lettered, the next batch lands', async () => {
  h.configure({ accountIdSource: 'internalid', batchMaxRecords: 1 });
  const first = h.createCustomer({ companyname: 'Refused Ltd' });
  const second = h.createCustomer({ companyname: 'Accepted Ltd' });
  await h.fake.injectFaults([{ kind: 'too_large', times: 1, method: 'POST', path: ACCOUNTS_PATH }]);
  oneDrainRun();

  expect(await h.accountOf(first)).toBeUndefined();
  expect((await h.accountOf(second))?.isActive).toBe(true);
  const dead = h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ recordIds: [String(first)] })]);
  expect(dead[0]?.lastError).toMatch(/too large/i);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
});
