/**
 * The drain's queued mark (on the state record): a save that finds a drain already queued or
 * running skips the submit. These tests check that nothing is lost or delayed for it:
 *  - a save made while a drain pushes is pushed right after it, by the drain's follow-up run
 *    (no simulated time passes, so the 15-minute safety net plays no part);
 *  - a lost mark only costs the next save one extra submit attempt;
 *  - a mark left by a drain that died silences saves for 10 minutes at most, and the safety net
 *    pushes what they queued meanwhile;
 *  - a drain started beside a pushing one (mark lost at the wrong moment) stands back: every
 *    record is still sent exactly once.
 */
import { SCRIPTS, STATE, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const UE_SCRIPTS = ['customscript_fsc_ue_customer', 'customscript_fsc_ue_contact'];

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

afterEach(() => {
  h.processQueue();
});

/** Units the capture User Events spent on one save (and no HTTP call in it). */
function saveUnits(save: () => unknown): number {
  const calls = h.httpLog.length;
  const before = h.usageSnapshot();
  save();
  expect(h.httpLog).toHaveLength(calls);
  const spent = h.usageSince(before);
  return UE_SCRIPTS.reduce((n, s) => n + (spent[s]?.['all']?.units ?? 0), 0);
}

/** Sets or clears the mark by hand (a drain that died, or a mark lost). */
function setMark(at: number | null): void {
  const row = h.rt.store.rows(STATE.type)[0]!;
  h.rt.store.update(STATE.type, row.id, { [STATE.drainQueuedAt]: at === null ? '' : at });
}

const drainRunning = () => h.account.drivers.task.queue.tasks.some((t) => t.scriptId === SCRIPTS.drain.scriptId && !t.job.done);

/** How many POSTed records carried this account_id / user_id since `mark`. */
async function timesSent(mark: number, id: string): Promise<number> {
  let n = 0;
  for (const r of await h.requestsSince(mark)) {
    if (r.method !== 'POST') continue;
    const records = ((r.body as { records?: Array<Record<string, unknown>> } | undefined)?.records ?? []);
    n += records.filter((x) => x['account_id'] === id || x['user_id'] === id).length;
  }
  return n;
}

test('a save made while a drain pushes skips the submit and is pushed by the follow-up run, with no time passing', async () => {
  const first = h.createCustomer({ companyname: 'First Of The Burst Ltd' });
  // getInputData and map: the first customer is pushed, summarize has not run yet.
  h.processQueue({ maxSteps: 2 });
  expect(drainRunning()).toBe(true);
  expect(await h.accountOf(first)).toBeDefined();

  const started = h.rt.clock.nowMs();
  let during = 0;
  const units = saveUnits(() => {
    during = h.createCustomer({ companyname: 'Saved Mid Drain GmbH' });
  });
  // Settings 1 + outbox entry 6 + mark read 1: the drain is known to be running.
  expect(units).toBeLessThanOrEqual(10);
  expect(h.outboxFor('customer', during)).toEqual([expect.objectContaining({ status: 'PENDING' })]);

  h.processQueue();
  expect((await h.accountOf(during))?.fields.name).toBe('Saved Mid Drain GmbH');
  expect(h.rt.clock.nowMs()).toBe(started);
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.state()?.pushLease).toBeNull();
  expect(h.rt.logs.filter((l) => l.level === 'ERROR')).toEqual([]);
});

test('a lost mark only costs the next save one extra submit attempt; every change lands', async () => {
  h.processQueue();
  const a = h.createCustomer({ companyname: 'Before The Lost Mark Inc' });
  expect(h.state()?.drainQueuedAt).not.toBeNull();
  const skipping = saveUnits(() => h.rt.ui.update('customer', a, { phone: '+1 555 0201' }));
  expect(skipping).toBeLessThanOrEqual(10);

  setMark(null);
  // The drain is still queued: the submit is refused (MAP_REDUCE_ALREADY_RUNNING) and no mark is
  // set (that drain might be ending), so the next save tries once more too — nothing is lost.
  const afterLoss = saveUnits(() => h.rt.ui.update('customer', a, { phone: '+1 555 0202' }));
  expect(afterLoss).toBeGreaterThan(20);
  expect(afterLoss).toBeLessThanOrEqual(30);

  h.processQueue();
  expect((await h.accountOf(a))?.fields.phone).toBe('+1 555 0202');
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.state()?.drainQueuedAt).toBeNull();
  expect(h.rt.logs.filter((l) => l.level === 'ERROR')).toEqual([]);
});

test('a mark left by a drain that died silences saves 10 minutes at most; the safety net pushes their changes', async () => {
  h.processQueue();
  setMark(h.rt.clock.nowMs());
  const quiet = h.createCustomer({ companyname: 'Saved Under A Dead Mark Ltd' });
  expect(drainRunning()).toBe(false);
  h.advanceTime(15 * 60_000);
  expect((await h.accountOf(quiet))?.fields.name).toBe('Saved Under A Dead Mark Ltd');

  // Older than 10 minutes, the mark no longer counts: the save submits and is pushed at once.
  setMark(h.rt.clock.nowMs() - 11 * 60_000);
  const prompt = h.createCustomer({ companyname: 'Saved After The Mark Aged Ltd' });
  expect(drainRunning()).toBe(true);
  h.processQueue();
  expect((await h.accountOf(prompt))?.fields.name).toBe('Saved After The Mark Aged Ltd');
});

test('a drain started beside a pushing one stands back: every record is sent exactly once', async () => {
  h.processQueue();
  const mark = await h.requestMark();
  const a = h.createCustomer({ companyname: 'Alpha Running Ltd' });
  h.processQueue({ maxSteps: 2 });
  const b = h.createCustomer({ companyname: 'Bravo Waiting Ltd' });
  // The first drain ends: its summarize submits its follow-up run (the other deployment) for Bravo.
  const followUp = () => h.account.drivers.task.queue.tasks.find((t) => t.deploymentId === SCRIPTS.drain.next && !t.job.done);
  for (let i = 0; i < 10 && !followUp(); i++) h.processQueue({ maxSteps: 1 });
  expect(followUp()?.job.status).toBe('PENDING');
  expect(h.queued().pending).toBe(1);
  // The mark is lost just then: the next save submits the first deployment beside the follow-up.
  setMark(null);
  const c = h.createCustomer({ companyname: 'Charlie Evicted Ltd' });

  h.processQueue();
  for (const [id, name] of [[a, 'Alpha Running Ltd'], [b, 'Bravo Waiting Ltd'], [c, 'Charlie Evicted Ltd']] as const) {
    expect((await h.accountOf(id))?.fields.name).toBe(name);
    expect(await timesSent(mark, String(id))).toBe(1);
  }
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.state()?.pushLease).toBeNull();
  expect(h.logs(SCRIPTS.drain.scriptId).some((l) => /another drain run is pushing/.test(String(l.title)))).toBe(true);
});
