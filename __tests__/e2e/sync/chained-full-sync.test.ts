/**
 * A full sync in slices (domain/fullSyncSlice.ts): each run reads at most "Records per run"
 * records, hands its resume point to summarize on a mark key and submits its own deployment for
 * the next slice. With a small slice and the platform's persisted-data limit lowered so that one
 * run over the whole account fails, the chained full sync still lands every record, once; a run
 * whose getInputData fails releases the push lease and keeps the resume point where the last
 * slice landed, and starting again continues from there.
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';
import { SLICE_PARAMS } from '../../../src/TypeScript/netsuite/fullSyncJob';

const NOTES = 'custentity_fsc_test_notes';
/** Small enough that one run over the whole sample passes it, large enough for a slice of SLICE records. */
const LIMIT = 40_000;
const SLICE = 60;

let h: SyncHarness;

interface FullSyncView {
  status: string;
  customersDone: boolean;
  contactsDone: boolean;
  customerAfter: string | null;
  contactAfter: string | null;
  progress?: { read: number; about: number };
  continues?: boolean;
  error?: string;
}

const fullSync = () => h.state()?.fullSync as FullSyncView | null;
const setSlice = (records: number) => {
  h.rt.deployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand).parameterValues[SLICE_PARAMS.records] = String(records);
};
/** The full-sync instances the processors ran, with what each persisted and how it ended. */
const fullSyncRuns = () =>
  h.account.drivers.task.queue.tasks
    .filter((t) => t.scriptId === SCRIPTS.fullSync.scriptId)
    .map((t) => {
      const job = t.job as unknown as { maxPersistedBytes?: number; inputStats?: { error?: string } };
      return { persisted: job.maxPersistedBytes ?? 0, inputError: job.inputStats?.error ?? null };
    });

/**
 * Records POSTed more than once since `mark` with no refusal to explain it. A tenant that takes no
 * contacts on churned accounts answers a churned company's contact "Account not found"; the push
 * then sends the company again and retries the contact once (app/pushBatch.ts), per contact batch.
 */
async function resentWithoutReason(mark: number): Promise<string[]> {
  const refusesChurned = (await h.fake.config()).contactsOnInactiveAccounts === 'reject';
  const inactive = new Set(h.rt.store.rows('customer').filter((c) => c.values.isinactive === true).map((c) => String(c.id)));
  const sent = new Map<string, number>();
  for (const r of await h.requestsSince(mark)) {
    if (r.method !== 'POST') continue;
    for (const rec of (r.body as { records?: Array<{ account_id: string; user_id?: string }> }).records ?? []) {
      if (refusesChurned && inactive.has(rec.account_id)) continue;
      const id = rec.user_id !== undefined ? `contact ${rec.user_id}` : `account ${rec.account_id}`;
      sent.set(id, (sent.get(id) ?? 0) + 1);
    }
  }
  return [...sent].filter(([, n]) => n > 1).map(([id, n]) => `${id} sent ${n} times`);
}

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 120, contacts: 260 }, account: { task: { persistedLimitBytes: LIMIT } } });
  h.rt.defineEntityField({ scriptId: NOTES, label: 'Notes', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: NOTES, type: 'text', key: 'notes' }] } }) });
});

afterAll(async () => {
  await h?.stop();
});

test('one run over the whole account passes the persisted-data limit and fails with the platform\'s error; the lease is released', () => {
  setSlice(100_000);
  h.runFullSync();
  const runs = fullSyncRuns();
  expect(runs).toHaveLength(1);
  expect(runs[0]!.inputError).toContain('PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED');
  expect(h.state()?.pushLease ?? null).toBeNull();
  const fs = fullSync()!;
  expect(fs.status).toBe('partial');
  expect(fs.error).toContain('PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED');
  expect(fs.customersDone).toBe(false);
  expect(fs.customerAfter).toBeNull();
});

test('in slices the same account lands every record once; each run stays under the limit and says how far it got', async () => {
  setSlice(SLICE);
  const before = fullSyncRuns().length;
  const mark = await h.requestMark();
  h.runFullSync();
  const runs = fullSyncRuns().slice(before);
  const total = h.sample!.counts.customers + h.sample!.counts.contacts;
  // One run per slice (the last one finds the rest), each handed over by the one before.
  expect(runs.length).toBeGreaterThanOrEqual(Math.ceil(total / SLICE));
  expect(runs.length).toBeLessThanOrEqual(Math.ceil(total / SLICE) + 1);
  for (const r of runs) {
    expect(r.inputError).toBeNull();
    expect(r.persisted).toBeLessThanOrEqual(LIMIT);
  }
  expect(await h.accounts()).toHaveLength(h.sample!.counts.customers);
  expect(await h.contacts()).toHaveLength(await h.expectedSampleContacts());
  // No record sent twice by the chain: every account and contact appears in one POST, except
  // where the tenant's refusal makes the engine check again (documented in pushBatch.ts).
  expect(await resentWithoutReason(mark)).toEqual([]);
  const fs = fullSync()!;
  expect(fs.status).toBe('done');
  expect(fs.error).toBeUndefined();
  expect(fs.progress).toEqual({ read: total, about: total });
  expect(h.state()?.pushLease ?? null).toBeNull();
});

test('getInputData failing in a middle slice releases the lease, keeps the resume point, and the next start lands the rest with nothing twice', async () => {
  // Every customer changed, so a new full sync has something to show; the second slice's customers
  // get notes wide enough that their slice passes the persisted-data limit.
  const customers = [...h.sample!.customers].sort((a, b) => a - b);
  const wide = customers.slice(50, 100);
  setSlice(50);
  for (const id of customers) h.rt.store.update('customer', id, { [NOTES]: wide.includes(id) ? `n${id} ${'x'.repeat(390)}` : `n${id}` });
  const before = fullSyncRuns().length;
  const mark = await h.requestMark();
  h.runFullSync();
  const runs = fullSyncRuns().slice(before);
  // The first slice landed, the second failed reading; the chain stopped there.
  expect(runs.map((r) => r.inputError === null)).toEqual([true, false]);
  const stopped = fullSync()!;
  expect(stopped.status).toBe('partial');
  expect(stopped.continues).toBe(false);
  expect(stopped.error).toContain('PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED');
  expect(stopped.customerAfter).toBe(String(customers[49]));
  expect(h.state()?.pushLease ?? null).toBeNull();
  const firstPart = await h.requestsSince(mark);

  // The admin lowers the slice and starts again: it continues after the last slice that landed.
  setSlice(10);
  h.runFullSync();
  const notes = new Map((await h.accounts()).map((a) => [a.account_id, a.dimensions.labels['notes']]));
  for (const id of customers) expect(notes.get(String(id))?.startsWith(`n${id}`)).toBe(true);
  expect(await resentWithoutReason(mark)).toEqual([]);
  const posted = new Set((await h.requestsSince(mark)).filter((r) => r.method === 'POST').flatMap((r) => ((r.body as { records?: Array<{ account_id: string; user_id?: string }> }).records ?? []).map((x) => x.user_id ?? x.account_id)));
  expect(customers.filter((id) => !posted.has(String(id)))).toEqual([]);
  expect(firstPart.length).toBeGreaterThan(0);
  expect(fullSync()!.status).toBe('done');
  expect(h.state()?.pushLease ?? null).toBeNull();
});
