/**
 * One bulk request at a time per endpoint (docs/freshsuccess-api-contract.md §8) when a full sync and a drain
 * (separate scripts, separate deployments, two processors) run at the same time: whichever
 * pushes holds the lease on the state record and the other stands back, losing nothing. A lease
 * left by a run that died is taken over once its task is known to be finished or its time is up.
 *
 * "Overlap" is read from the runtime's HTTPS log: a run's pushes span from its first to its last
 * POST; the spans of the full sync and of any drain must not interleave.
 */
import type { HttpRequestLogEntry } from '../../../emulator/runtime/https/requestLog';
import { SCRIPTS, STATE, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const QUARTER_HOUR = 15 * 60_000;
let h: SyncHarness;

afterEach(async () => {
  await h?.stop();
});

const posts = (log: readonly HttpRequestLogEntry[]) => log.filter((r) => r.method === 'POST');

/** The scripts whose POSTs follow each other, consecutive repeats collapsed (e.g. drain, fullsync, drain). */
function pushRuns(log: readonly HttpRequestLogEntry[]): string[] {
  const runs: string[] = [];
  for (const r of posts(log)) {
    const who = r.scriptId === SCRIPTS.fullSync.scriptId ? 'fullsync' : r.scriptId === SCRIPTS.drain.scriptId ? 'drain' : r.scriptId;
    if (runs.at(-1) !== who) runs.push(who);
  }
  return runs;
}

const phone = (i: number) => `+1 212 555 ${String(i).padStart(4, '0')}`;

/** 120 customer edits and 80 contact edits through a CSV import with scripts on (each save submits the drain). */
async function editMany(): Promise<{ customers: number[]; contacts: number[] }> {
  const customers = h.sample!.customers.slice(0, 120);
  const contacts = h.rt.store.rows('contact').filter(await h.takesContact()).slice(0, 80).map((c) => c.id);
  h.rt.csvImport('customer', customers.map((id, i) => ({ internalid: String(id), phone: phone(i) })), { runServerScripts: true });
  h.rt.csvImport('contact', contacts.map((id, i) => ({ internalid: String(id), title: `Lease title ${i}` })), { runServerScripts: true });
  return { customers, contacts };
}

async function expectEverythingLanded(changes: { customers: number[]; contacts: number[] }): Promise<void> {
  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  const people = new Map((await h.contacts()).map((c) => [c.user_id, c]));
  expect(accounts.size).toBe(h.sample!.counts.customers);
  expect(people.size).toBe(await h.expectedSampleContacts());
  changes.customers.forEach((id, i) => expect(accounts.get(String(id))?.fields.phone).toBe(phone(i)));
  changes.contacts.forEach((id, i) => expect(people.get(String(id))?.fields.title).toBe(`Lease title ${i}`));
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toEqual([]);
}

describe('a full sync and a drain running together', () => {
  beforeEach(async () => {
    // Small batches: each run makes many POSTs, so an interleaving would show.
    h = await startSyncHarness({ sample: { customers: 300, contacts: 300 }, config: { batchMaxRecords: 40 } });
  });

  test('drain first: the full sync stands back, starts when the drain is done, and no POSTs interleave', async () => {
    const changes = await editMany(); // the User Events queue the drain
    h.startFullSync();
    h.processQueue();
    const requested = h.state()?.fullSyncRequestedAt ?? null;
    // The safety net starts the waiting full sync once no drain pushes.
    h.advanceTime(QUARTER_HOUR);
    h.processQueue();
    h.runDrainUntilIdle();
    const runs = pushRuns(h.httpLog);
    expect(runs.slice(0, 2)).toEqual(['drain', 'fullsync']);
    // A tenant that checks parents refuses, in the first drain, sub-customers whose parent it does
    // not hold yet: their retry is a drain after the full sync, never in the middle of it.
    expect(runs.filter((r) => r === 'fullsync')).toHaveLength(1);
    expect(runs.slice(2).every((r) => r === 'drain')).toBe(true);
    expect(h.queued()).toEqual({ pending: 0, retries: [] });
    expect(requested).not.toBeNull();
    expect(h.logs(SCRIPTS.fullSync.scriptId).map((l) => l.title)).toContain('FreshSync full sync waits: the drain is pushing');
    expect(h.state()).toMatchObject({ pushLease: null, fullSyncRequestedAt: null });
    await expectEverythingLanded(changes);
  });

  test('full sync first: the drain stands back, its entries wait and land after, and no POSTs interleave', async () => {
    h.startFullSync();
    const changes = await editMany(); // queued behind the full sync on the second processor
    h.processQueue();
    h.advanceTime(QUARTER_HOUR); // the safety net finds the entries due and starts the drain
    h.runDrainUntilIdle();
    const runs = pushRuns(h.httpLog);
    expect(runs[0]).toBe('fullsync');
    expect(runs.filter((r) => r === 'fullsync')).toHaveLength(1);
    expect(h.logs(SCRIPTS.drain.scriptId).map((l) => l.title)).toContain('FreshSync drain waits: a full sync is pushing');
    expect(h.queued()).toEqual({ pending: 0, retries: [] });
    await expectEverythingLanded(changes);
  });
});

describe('a lease left by a full sync that died before summarize', () => {
  beforeEach(async () => {
    h = await startSyncHarness({ sample: { customers: 30, contacts: 30 } });
    h.runFullSync();
  });

  const plant = (lease: Record<string, unknown>) => {
    const state = h.rt.store.rows(STATE.type)[0]!;
    h.rt.store.update(STATE.type, state.id, { [STATE.pushLease]: JSON.stringify(lease) });
  };

  test('its task is known and finished (task.checkStatus): the next drain takes it over at once', async () => {
    const fullSyncTask = h.account.drivers.task.queue.tasks.find((t) => t.scriptId === SCRIPTS.fullSync.scriptId)!;
    expect(fullSyncTask.job.status).toBe('COMPLETE');
    const now = h.rt.clock.nowMs();
    plant({ holder: 'fullsync', since: now, until: now + 2 * 3600_000, taskId: fullSyncTask.taskId });
    const id = h.sample!.customers[0]!;
    h.rt.ui.update('customer', id, { phone: '+1 555 7000' });
    h.processQueue();
    expect((await h.accountOf(id))?.fields.phone).toBe('+1 555 7000');
    expect(h.state()?.pushLease).toBeNull();
  });

  test('its task is unknown: drains stand back until the lease time is up, then the change lands', async () => {
    const now = h.rt.clock.nowMs();
    const until = now + 2 * 3600_000;
    plant({ holder: 'fullsync', since: now, until });
    const id = h.sample!.customers[1]!;
    const mark = await h.requestMark();
    h.rt.ui.update('customer', id, { phone: '+1 555 7001' });
    h.processQueue();
    h.advanceTime(QUARTER_HOUR * 4);
    expect(await h.postsSince(mark)).toEqual({});
    expect(h.queued().pending).toBe(1); // waiting, not lost
    h.advanceTime(until - h.rt.clock.nowMs() + QUARTER_HOUR);
    h.processQueue();
    expect((await h.accountOf(id))?.fields.phone).toBe('+1 555 7001');
    const first = posts(h.httpLog).find((r) => r.at.getTime() > now);
    expect(first!.at.getTime()).toBeGreaterThanOrEqual(until);
  });
});
