/**
 * Many deletes or emptied dimensions in one drain. Each is a DELETE request of its own (10
 * units) inside a map invocation allowed 1,000: 150 of them in one batch would exceed its
 * governance, fail the batch every run and hold the drain. They are planned into batches whose
 * requests fit, so everything propagates, each DELETE is sent once, and the drain goes idle.
 */
import { ACCOUNTS_PATH, SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const TIER_FIELD = 'custentity_fsc_tier';
const COUNT = 150;
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
  h.rt.defineEntityField({ scriptId: TIER_FIELD, label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
  h.configure({ deleteCustomer: 'deactivate', mappingJson: JSON.stringify({ customer: { custom: [{ field: TIER_FIELD, type: 'text', key: 'tier' }] } }) });
});

afterAll(async () => {
  await h?.stop();
});

function createMany(prefix: string): number[] {
  const ids = Array.from({ length: COUNT }, (_, i) => h.createCustomer({ companyname: `${prefix} ${i + 1} GmbH`, [TIER_FIELD]: 'gold' }));
  h.runDrainUntilIdle();
  return ids;
}

function expectNoGovernanceFailure(): void {
  const logged = h.rt.logs.map((l) => `${l.title} ${l.details}`).join('\n');
  expect(logged).not.toMatch(/SSS_USAGE_LIMIT_EXCEEDED/);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.state()?.lastRun).toMatchObject({ failedBatches: 0, retried: 0, dead: 0 });
}

test(`${COUNT} customers deleted in the UI: every account is deactivated with one DELETE each; the drain goes idle`, async () => {
  const ids = createMany('Gone');
  const mark = await h.requestMark();

  for (const id of ids) h.rt.ui.delete('customer', id);
  const report = h.runDrainUntilIdle();

  expectNoGovernanceFailure();
  const deletes = (await h.requestsSince(mark)).filter((r) => r.method === 'DELETE');
  expect(deletes.map((r) => r.path).sort()).toEqual(ids.map((id) => `${ACCOUNTS_PATH}/${id}`).sort());
  for (const id of ids) expect(await h.accountOf(id)).toMatchObject({ deactivated: true });
  // Batches that fit one invocation each, all in the first drain run (and its follow-ups, none needed).
  expect(report.rounds).toBe(1);
  const maps = h.logs(SCRIPTS.drain.scriptId).filter((l) => l.level === 'ERROR');
  expect(maps).toEqual([]);
});

test(`a mapped text field emptied on ${COUNT} customers: the label is removed from every account, once each`, async () => {
  const ids = createMany('Cleared');
  for (const id of ids) expect((await h.accountOf(id))?.dimensions.labels).toEqual({ tier: 'gold' });
  const mark = await h.requestMark();

  for (const id of ids) h.rt.ui.update('customer', id, { [TIER_FIELD]: '' });
  h.runDrainUntilIdle();

  expectNoGovernanceFailure();
  const requests = await h.requestsSince(mark);
  const deletes = requests.filter((r) => r.method === 'DELETE');
  expect(deletes).toHaveLength(COUNT);
  expect(new Set(deletes.map((r) => r.path)).size).toBe(COUNT);
  // The upserts still go in one POST (records and bytes allow it); the clears add requests, not posts.
  expect(requests.filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH).length).toBeLessThanOrEqual(Math.ceil(COUNT / 30));
  for (const id of ids) expect((await h.accountOf(id))?.dimensions.labels ?? {}).toEqual({});
});
