/**
 * The admin page shows what runs whoever started it (the deployment's Save & Execute, a chained
 * full-sync part, a save's drain submission), in the page and in the progress fragment the
 * client script asks for; a second start of a job that runs or is queued is refused and submits
 * nothing. The fragment's cost is measured.
 */
import { SLICE_PARAMS } from '../../../src/TypeScript/netsuite/fullSyncJob';
import { SCRIPTS } from '../support/syncHarness';
import { AdminClient, messages, PAGE_COSTS, text } from './adminHarness';

let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 12, contacts: 8 } });
  a.h.configure({});
  a.h.runDrainUntilIdle();
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const fragmentUrl = () => `${a.url}&fsc_part=progress`;
async function fragment(): Promise<{ html: string; line: (job: string) => string; units: number }> {
  const page = await a.get(fragmentUrl());
  // A line's words, without its progress bar's fallback text.
  const line = (job: string) => text((page.html.match(new RegExp(`<li data-job="${job}"[^>]*>([\\s\\S]*?)</li>`))?.[1] ?? '').replace(/<progress[\s\S]*?<\/progress>/, '')).trim();
  return { html: page.html, line, units: a.lastUnits() };
}
/** Runs the processors one stage step at a time until `done` holds (bounded). */
function stepUntil(done: () => boolean, max = 200): void {
  for (let i = 0; i < max && !done(); i++) a.h.processQueue({ maxSteps: 1 });
  if (!done()) throw new Error('the processors never reached the awaited point');
}
const queued = (scriptId: string) => a.h.account.drivers.task.queue.tasks.filter((t) => t.scriptId === scriptId && !t.job.done).length;
const reconcileRun = () => String(a.h.rt.store.rows('customrecord_fsc_state')[0]?.values['custrecord_fsc_st_reconcile_run'] ?? '');
const fullSync = () => a.h.state()?.fullSync as { status: string; parts?: number; continues?: boolean; progress?: { read: number; about: number } } | null;

test('the fragment is the progress box alone, a GET that changes nothing, for 2 units when nothing runs', async () => {
  const before = JSON.stringify(a.h.rt.store.rows('customrecord_fsc_state'));
  const f = await fragment();
  expect(f.html.startsWith('<div id="custpage_progress"')).toBe(true);
  expect(f.html).toContain('data-running="F"');
  expect(f.html).not.toMatch(/custpage_form_token|<form/);
  expect(f.line('drain')).toBe('Idle Drain: not running.');
  expect(f.units).toBe(2);
  expect(JSON.stringify(a.h.rt.store.rows('customrecord_fsc_state'))).toBe(before);
  // Only the page's own audience gets it.
  const other = await fetch(fragmentUrl(), { headers: { 'X-Emulator-Role': 'customrole_fsc_token' } });
  expect(other.status).toBe(403);
});

test('a full sync started from its deployment, not the page, shows its parts and records done of about N, to 100 %', async () => {
  a.h.rt.deployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand).parameterValues[SLICE_PARAMS.records] = '8';
  a.h.startFullSync();
  // Part 1 holds the push lease while it runs.
  stepUntil(() => a.h.state()?.pushLease?.holder === 'fullsync');
  let f = await fragment();
  expect(f.line('fullsync')).toMatch(/^Running Full sync: running part 1 since \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
  expect(f.html).toContain('data-running="T"');
  // Part 1 landed and handed over to part 2, queued on the deployment.
  stepUntil(() => fullSync()?.parts === 1 && a.h.state()?.pushLease == null);
  f = await fragment();
  expect(f.line('fullsync')).toMatch(/^Queued Full sync: part 2 of about 3 waiting for a free processor \(handed over [^)]+\); 8 of about 20 records done \(40 %\)\.$/);
  expect(f.html).toMatch(/<progress max="100" value="40"/);
  // A start from the page now is refused, and nothing more is queued.
  const refused = await a.click('fullsync');
  expect(messages(refused.html).statuses.join(' ')).toMatch(/Full sync already queued.*Full sync is already queued \(since [^)]+\), so it was not started again and nothing was submitted\. Full sync: part 2 of about 3/);
  expect(queued(SCRIPTS.fullSync.scriptId)).toBe(1);
  stepUntil(() => a.h.state()?.pushLease?.holder === 'fullsync');
  f = await fragment();
  expect(f.line('fullsync')).toMatch(/^Running Full sync: running part 2 of about 3 since [^;]+; 8 of about 20 records done \(40 %\) before it\.$/);
  expect(messages((await a.click('fullsync')).html).statuses.join(' ')).toMatch(/Full sync already running/);
  expect(queued(SCRIPTS.fullSync.scriptId)).toBe(1);
  a.h.runDrainUntilIdle();
  f = await fragment();
  expect(f.line('fullsync')).toMatch(/^Idle Full sync: not running; the last one finished [^(]+\(20 records in 3 part\(s\), 100 %\)\.$/);
  expect(f.html).toContain('data-running="F"');
  // The page itself shows the same box.
  expect(text((await a.get()).html)).toContain(f.line('fullsync'));
});

test("a drain submitted by a save shows as queued, then pushing; Drain now is refused meanwhile", async () => {
  a.h.createCustomer({ companyname: 'Progress Watch Ltd' });
  expect(a.h.state()?.drainQueuedAt).not.toBeNull();
  let f = await fragment();
  expect(f.line('drain')).toMatch(/^Queued Drain: queued since \d{4}-\d\d-\d\d \d\d:\d\d UTC, waiting for a free processor\.$/);
  const before = queued(SCRIPTS.drain.scriptId);
  const refused = await a.click('drain');
  expect(messages(refused.html).statuses.join(' ')).toMatch(/Drain \(push queued changes\) already queued.*is already queued \(since [^)]+\), so it was not started again and nothing was submitted/);
  expect(queued(SCRIPTS.drain.scriptId)).toBe(before);
  stepUntil(() => a.h.state()?.pushLease?.holder === 'drain');
  f = await fragment();
  expect(f.line('drain')).toMatch(/^Running Drain: pushing queued changes since/);
  a.h.runDrainUntilIdle();
  expect((await fragment()).line('drain')).toBe('Idle Drain: not running.');
});

test('a reconcile started from its deployment shows running, what it compares, then its result; a second start is refused', async () => {
  a.h.startReconcile();
  stepUntil(() => reconcileRun().includes('"pages"'));
  const f = await fragment();
  expect(f.line('reconcile')).toMatch(/^Running Reconcile: running since [^,]+, comparing \d+ Freshsuccess page\(s\) and \d+ NetSuite id range\(s\)\.$/);
  const refused = await a.click('reconcile');
  expect(messages(refused.html).statuses.join(' ')).toMatch(/Reconcile already running.*Reconcile is already running \(since [^)]+\), so it was not started again/);
  expect(queued(SCRIPTS.reconcile.scriptId)).toBe(1);
  a.h.processQueue();
  const after = await fragment();
  expect(after.line('reconcile')).toMatch(/^Idle Reconcile: not running; the last one ended .* \(its result is under Status and errors\)\.$/);
  expect(text((await a.get()).html)).toMatch(/Last reconcile \([^)]+\) found accounts: 0 missing in Freshsuccess, 0 different/);
});

test('the fragment costs 2 units, and 12 while a Map/Reduce this page started runs (its percentage); the page view costs what it did', async () => {
  await a.get();
  expect(a.lastUnits()).toBe(PAGE_COSTS.view);
  const started = await a.click('reconcile');
  expect(messages(started.html).statuses.join(' ')).toMatch(/Reconcile started/);
  expect((await fragment()).units).toBe(2); // pending: no percentage to ask for
  stepUntil(() => a.h.account.drivers.task.queue.tasks.some((t) => t.scriptId === SCRIPTS.reconcile.scriptId && t.job.status === 'PROCESSING'));
  const f = await fragment();
  expect(f.units).toBe(12);
  expect(f.line('reconcile')).toMatch(/^Running Reconcile: running since/);
  a.h.processQueue();
});
