/** Scheduled deployments on the simulated clock, and the recurrence rules they follow. */
import { nextRunAfter, parseRecurrence } from '../../../emulator/runtime/scheduler/recurrence';
import { Scheduler } from '../../../emulator/runtime/scheduler/scheduler';
import { ChildServer, startChildServer } from './support/child-server';
import { deployment, items, mrWorld } from './support/mr-setup';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('recurrence', () => {
  // the SDF model shape: { kind, props: { tag: { value } } }.
  const sdf = (kind: string, fields: Record<string, string>) => ({
    kind,
    props: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }])),
  });

  test('daily with repeat runs every interval from the start time until the day ends', () => {
    const r = parseRecurrence(sdf('daily', { startdate: '2026-01-05', starttime: '09:00:00Z', everyxdays: '1', repeat: 'PT15M' }));
    expect(iso(nextRunAfter(r, at('2026-01-01T00:00:00Z')))).toBe('2026-01-05T09:00:00.000Z');
    expect(iso(nextRunAfter(r, at('2026-01-05T09:00:00Z')))).toBe('2026-01-05T09:15:00.000Z');
    expect(iso(nextRunAfter(r, at('2026-01-05T09:07:00Z')))).toBe('2026-01-05T09:15:00.000Z');
    expect(iso(nextRunAfter(r, at('2026-01-05T23:45:00Z')))).toBe('2026-01-06T09:00:00.000Z');
  });

  test('every x days, without repeat, until the end date; single runs once', () => {
    const r = parseRecurrence({ kind: 'daily', startdate: '2026-01-05', starttime: '01:30', everyxdays: 2, enddate: '2026-01-09' });
    expect(iso(nextRunAfter(r, at('2026-01-05T01:30:00Z')))).toBe('2026-01-07T01:30:00.000Z');
    expect(iso(nextRunAfter(r, at('2026-01-07T02:00:00Z')))).toBe('2026-01-09T01:30:00.000Z');
    expect(nextRunAfter(r, at('2026-01-09T01:30:00Z'))).toBeNull();
    const once = parseRecurrence(sdf('single', { startdate: '2026-02-01', starttime: '12:00:00Z' }));
    expect(iso(nextRunAfter(once, 0))).toBe('2026-02-01T12:00:00.000Z');
    expect(nextRunAfter(once, at('2026-02-01T12:00:00Z'))).toBeNull();
  });

  test('bad recurrences are refused with a clear message', () => {
    expect(() => parseRecurrence(sdf('daily', { startdate: '2026-01-05', repeat: 'PT5M' }))).toThrow(/PT5M is not one of PT15M/);
    expect(() => parseRecurrence(sdf('weekly', { startdate: '2026-01-05' }))).toThrow(/weekly> is not modelled/);
    expect(() => parseRecurrence(sdf('daily', { starttime: '09:00' }))).toThrow(/startdate/);
  });
});

describe('scheduler', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  const sweep = () =>
    deployment('customdeploy_fx_sweep', {
      status: 'SCHEDULED',
      parameterValues: { custscript_fx_items: items([{ group: 'a' }]) },
      extra: { recurrence: { kind: 'daily', props: { startdate: { value: '2026-01-05' }, starttime: { value: '09:00:00Z' }, repeat: { value: 'PT15M' } } } },
    });

  test('advancing the clock an hour runs a PT15M sweep four times, each as the scheduled run', () => {
    const w = mrWorld(server.origin, { deployments: [sweep()] });
    const scheduler = new Scheduler(w.rt, w.task);
    expect(w.rt.clock.now().toISOString()).toBe('2026-01-05T09:00:00.000Z');
    scheduler.advance(60 * 60_000);
    expect(scheduler.history.map((h) => [h.at.toISOString().slice(11, 16), h.taskId !== null])).toEqual([
      ['09:15', true],
      ['09:30', true],
      ['09:45', true],
      ['10:00', true],
    ]);
    expect(w.summaries()).toHaveLength(4);
    expect(w.summary(0).output).toEqual([['a', '1']]); // deployment parameters reached the script
    expect(w.task.queue.tasks.every((t) => t.job.status === 'COMPLETE' && t.origin === 'schedule')).toBe(true);
    expect(w.rt.clock.now().toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  test('no catch-up storm: while an instance waits unprocessed, later due times queue nothing', () => {
    const w = mrWorld(server.origin, { deployments: [sweep()] });
    const scheduler = new Scheduler(w.rt, w.task);
    const queued = scheduler.advance(3 * 60 * 60_000, { runQueue: false });
    expect(queued).toHaveLength(1);
    expect(scheduler.history.filter((h) => h.taskId === null)).toHaveLength(11);
    w.task.processQueue();
    expect(w.summaries()).toHaveLength(1);
    scheduler.advance(15 * 60_000, { runQueue: false });
    expect(w.task.queue.pending()).toHaveLength(1); // free again: the next due time queued one
  });

  test('a clock moved without the scheduler: advance(0) checks once, no burst of missed runs', () => {
    const w = mrWorld(server.origin, { deployments: [sweep()] });
    const scheduler = new Scheduler(w.rt, w.task);
    w.rt.clock.advance(2 * 60 * 60_000); // eight PT15M due times pass unseen
    expect(scheduler.advance(0)).toHaveLength(1);
    expect(w.summaries()).toHaveLength(1);
    expect(scheduler.history.map((h) => h.at.toISOString())).toEqual(['2026-01-05T11:00:00.000Z']);
    scheduler.advance(15 * 60_000);
    expect(w.summaries()).toHaveLength(2);
  });

  test('only SCHEDULED deployments run on the clock; NOTSCHEDULED ones wait for a submit', () => {
    const w = mrWorld(server.origin, { deployments: [sweep(), deployment('customdeploy_fx_mr')] });
    const scheduler = new Scheduler(w.rt, w.task);
    scheduler.advance(24 * 60 * 60_000, { runQueue: false });
    expect(w.task.queue.tasks.map((t) => t.deploymentId)).toEqual(['customdeploy_fx_sweep']);
  });

  test('a Scheduled script deployment runs execute() with type SCHEDULED at its time', () => {
    const w = mrWorld(server.origin, {
      deployments: [],
      scheduledDeployments: [
        deployment('customdeploy_fx_ss_daily', {
          status: 'SCHEDULED',
          extra: { recurrence: { kind: 'daily', startdate: '2026-01-05', starttime: '22:00:00Z' } },
        }),
      ],
    });
    const scheduler = new Scheduler(w.rt, w.task);
    scheduler.advance(12 * 60 * 60_000); // 09:00 → 21:00: not yet
    expect(w.logs<string>('execute')).toEqual([]);
    scheduler.advance(60 * 60_000);
    expect(w.logs<string>('execute')).toEqual(['SCHEDULED']);
    expect(scheduler.history.map((h) => h.at.toISOString())).toEqual(['2026-01-05T22:00:00.000Z']);
  });
});
