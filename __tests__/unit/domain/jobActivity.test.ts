/** What each job does now, from what it left on the state record; marks of dead jobs go stale. */
import { busyRefusal, DRAIN_QUEUED_TTL_MS, drainActivity, fullSyncActivity, FULLSYNC_QUEUED_TTL_MS, jobActivities, RECONCILE_TTL_MS, reconcileActivity, somethingRuns, SWEEP_OVERDUE_MS, sweepActivity, type ActivityInputs } from '../../../src/TypeScript/domain/jobActivity';
import { LEASE_TTL_MS, takeLease } from '../../../src/TypeScript/domain/pushLease';

const T = Date.UTC(2026, 0, 5, 9, 0);
const MIN = 60_000;
const base = (over: Partial<ActivityInputs> = {}): ActivityInputs => ({
  now: T,
  fullSync: null,
  sweepWatermark: T - 5 * MIN,
  syncEnabled: true,
  pageTasks: [],
  taskState: () => 'unknown',
  ...over,
});
const partial = { startedAt: T - 30 * MIN, status: 'partial' as const, progress: { read: 200, about: 500 }, parts: 2, endedAt: T - 2 * MIN };

test('a full sync part running (push lease) says which part, of about how many, and the records done before it', () => {
  const a = fullSyncActivity(base({ fullSync: partial, pushLease: takeLease('fullsync', T - MIN) }));
  expect(a).toMatchObject({ phase: 'running', since: T - MIN, percent: 40 });
  expect(a.text).toBe('Full sync: running part 3 of about 5 since 2026-01-05 08:59 UTC; 200 of about 500 records done (40 %) before it.');
  expect(busyRefusal(a)).toMatch(/^Full sync is already running \(since 2026-01-05 08:59 UTC\), so it was not started again and nothing was submitted\./);
});

test("a part started from this page adds its own percentage; a first part is part 1", () => {
  const a = fullSyncActivity(base({ pushLease: takeLease('fullsync', T - MIN), pageTasks: [{ job: 'fullsync', submittedAt: T - 2 * MIN, status: 'PROCESSING', stage: 'MAP', percent: 62.4 }] }));
  expect(a.text).toBe('Full sync: running part 1 since 2026-01-05 08:59 UTC; this part: stage MAP, 62 % done.');
});

test('a handed-over part is queued while its task waits, stale once the task ended or after the bound', () => {
  const queued = fullSyncActivity(base({ fullSync: { ...partial, continues: true, next: 'T1' }, taskState: () => 'running' }));
  expect(queued).toMatchObject({ phase: 'queued', since: T - 2 * MIN });
  expect(queued.text).toBe('Full sync: part 3 of about 5 waiting for a free processor (handed over 2026-01-05 08:58 UTC); 200 of about 500 records done (40 %).');
  const ended = fullSyncActivity(base({ fullSync: { ...partial, continues: true, next: 'T1' }, taskState: () => 'finished' }));
  expect(ended.phase).toBe('stale');
  expect(ended.text).toMatch(/has not run; 200 of about 500 records done \(40 %\)\. Start the full sync again to continue from there\./);
  expect(busyRefusal(ended)).toBeNull();
  const old = fullSyncActivity(base({ now: T + FULLSYNC_QUEUED_TTL_MS, fullSync: { ...partial, continues: true } }));
  expect(old.phase).toBe('stale');
});

test('a lease past its bound is stale and does not block a new start', () => {
  const a = fullSyncActivity(base({ now: T + LEASE_TTL_MS.fullsync + 1, pushLease: takeLease('fullsync', T) }));
  expect(a.phase).toBe('stale');
  expect(a.text).toMatch(/stopped without finishing.*Start the full sync again/);
  expect(busyRefusal(a)).toBeNull();
  const drain = drainActivity(base({ now: T + LEASE_TTL_MS.drain, pushLease: takeLease('drain', T) }));
  expect(drain.phase).toBe('stale');
  expect(drain.text).toMatch(/the next drain takes over and nothing queued is lost/);
});

test('a full sync standing back for a drain is queued; a finished one shows 100 %', () => {
  const waiting = fullSyncActivity(base({ fullSyncRequestedAt: T - MIN, pushLease: takeLease('drain', T - 2 * MIN) }));
  expect(waiting).toMatchObject({ phase: 'queued', since: T - MIN });
  expect(waiting.text).toMatch(/^Full sync: part 1 waiting since 2026-01-05 08:59 UTC for the drain that is pushing or for a free processor; it starts by itself\.$/);
  const done = fullSyncActivity(base({ fullSync: { ...partial, status: 'done', progress: { read: 512, about: 500 }, parts: 3 } }));
  expect(done).toMatchObject({ phase: 'idle', percent: 100 });
  expect(done.text).toBe('Full sync: not running; the last one finished 2026-01-05 08:58 UTC (512 records in 3 part(s), 100 %).');
});

test('the drain: pushing under its lease, queued by a save for ten minutes, then stale, then forgotten', () => {
  expect(drainActivity(base({ pushLease: takeLease('drain', T - MIN) }))).toMatchObject({ phase: 'running', text: 'Drain: pushing queued changes since 2026-01-05 08:59 UTC.' });
  const queued = drainActivity(base({ drainQueuedAt: T - MIN }));
  expect(queued).toMatchObject({ phase: 'queued', text: 'Drain: queued since 2026-01-05 08:59 UTC, waiting for a free processor.' });
  expect(busyRefusal(queued)).toMatch(/^Drain \(push queued changes\) is already queued \(since 2026-01-05 08:59 UTC\)/);
  expect(drainActivity(base({ drainQueuedAt: T - DRAIN_QUEUED_TTL_MS })).phase).toBe('stale');
  expect(drainActivity(base({ drainQueuedAt: T - LEASE_TTL_MS.drain })).phase).toBe('idle');
});

test('the reconcile: planning, then comparing pages and ranges; no result after the bound is stale', () => {
  expect(reconcileActivity(base({ reconcileRun: { startedAt: T - MIN } })).text).toBe('Reconcile: running since 2026-01-05 08:59 UTC, finding the Freshsuccess pages to compare.');
  const comparing = reconcileActivity(base({ reconcileRun: { startedAt: T - MIN, pages: 4, ranges: 2 } }));
  expect(comparing).toMatchObject({ phase: 'running', text: 'Reconcile: running since 2026-01-05 08:59 UTC, comparing 4 Freshsuccess page(s) and 2 NetSuite id range(s).' });
  const dead = reconcileActivity(base({ now: T + RECONCILE_TTL_MS, reconcileRun: { startedAt: T } }));
  expect(dead.phase).toBe('stale');
  expect(dead.text).toMatch(/has no result after 6 hours: it stopped.*Start it again\./);
  expect(reconcileActivity(base({ lastReconcileAt: T - MIN })).text).toBe('Reconcile: not running; the last one ended 2026-01-05 08:59 UTC (its result is under Status and errors).');
  expect(reconcileActivity(base({ pageTasks: [{ job: 'reconcile', submittedAt: T, status: 'PENDING', percent: null }] }))).toMatchObject({ phase: 'queued', since: T });
});

test('the sweep: last run from its watermark, overdue after three missed runs, idle while sync is off', () => {
  expect(sweepActivity(base())).toMatchObject({ phase: 'idle', text: 'Sweep: last ran 2026-01-05 08:55 UTC (every 15 minutes).' });
  const overdue = sweepActivity(base({ sweepWatermark: T - SWEEP_OVERDUE_MS - 1 }));
  expect(overdue.phase).toBe('stale');
  expect(overdue.text).toMatch(/over 45 minutes ago, though it runs every 15 minutes\. Check that its deployment is scheduled/);
  expect(sweepActivity(base({ syncEnabled: false, sweepWatermark: 0 })).phase).toBe('idle');
});

test('the page refreshes only while something runs or is queued', () => {
  expect(somethingRuns(jobActivities(base()))).toBe(false);
  expect(somethingRuns(jobActivities(base({ drainQueuedAt: T })))).toBe(true);
  expect(somethingRuns(jobActivities(base({ pushLease: takeLease('drain', T - LEASE_TTL_MS.drain) })))).toBe(false);
});
