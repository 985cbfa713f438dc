/**
 * The Map/Reduce driver with a fixture compiled from TypeScript to AMD: all five stages, errors
 * per key, retries, restarts, yields, concurrency, limits and exact governance totals.
 * N/https calls (10 units each) go to a child-process server, since the calls block this thread.
 */
import { ChildServer, startChildServer } from './support/child-server';
import { deployment, items, MR, MR_EXIT, MR_NORETRY, mrWorld } from './support/mr-setup';

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

test('five stages: input, map with a retried and a failed key, shuffle, reduce, summarize — with exact units', () => {
  const w = mrWorld(server.origin);
  const taskId = w.submit({
    deploymentId: 'customdeploy_fx_mr',
    params: {
      custscript_fx_items: items([
        { group: 'a', calls: 2 },
        { group: 'b', calls: 1 },
        { group: 'a', calls: 3, failTimes: 1 }, // fails once, succeeds on the retry (retryCount 1)
        { group: 'b', calls: 1, failTimes: 9 }, // fails on both attempts
        { group: 'c' },
      ]),
    },
  });
  expect(w.task.queue.find(taskId)?.job.status).toBe('PENDING');
  w.task.processQueue();

  const s = w.summary();
  expect(s.inputError).toBeNull();
  expect(s.mapErrors).toEqual([
    ['2', 'FX_MAP_FAILED', 1],
    ['3', 'FX_MAP_FAILED', 1],
    ['3', 'FX_MAP_FAILED', 2],
  ]);
  expect(s.mapKeys).toEqual([
    ['0', 1, 'COMPLETE'],
    ['1', 1, 'COMPLETE'],
    ['2', 2, 'COMPLETE'],
    ['3', 2, 'FAILED'],
    ['4', 1, 'COMPLETE'],
  ]);
  // Shuffle grouped the written values by key, in first-written order.
  expect(s.output).toEqual([
    ['a', '1,3'],
    ['b', '2'],
    ['c', '5'],
  ]);
  expect(s.reduceErrors).toEqual([]);

  // The retried invocation saw its earlier error and isRestarted.
  const retried = w.logs('map').filter((m) => m.key === '2');
  expect(retried).toEqual([
    { key: '2', executionNo: 1, isRestarted: false, earlier: [] },
    { key: '2', executionNo: 2, isRestarted: true, earlier: ['FX_MAP_FAILED'] },
  ]);

  // Units: map calls 2+1+(3+3)+(1+1)+1 = 12 HTTPS calls; reduce 3 posts; submit 20.
  expect(s.mapUsage).toBe(120);
  expect(s.reduceUsage).toBe(30);
  expect(s.inputUsage).toBe(0);
  expect(s.usage).toBe(150);
  expect(w.rt.ledger.total({ scriptId: MR, stage: 'map' })).toEqual({ units: 120, invocations: 7, byApi: { 'N/https.get': 120 } });
  expect(w.rt.ledger.total({ scriptId: MR, stage: 'reduce' })).toEqual({ units: 30, invocations: 3, byApi: { 'N/https.post': 30 } });
  expect(w.rt.ledger.total({ scriptId: MR, stage: 'getInputData' }).invocations).toBe(1);
  expect(w.rt.ledger.total({ scriptId: MR, stage: 'summarize' }).invocations).toBe(1);
  expect(w.rt.ledger.total({ scriptId: 'customscript_fx_sl' }).byApi).toEqual({ 'N/task.submit': 20 });
  expect(w.status(taskId, (st) => [st.status, st.getPercentageCompleted()])).toEqual(['COMPLETE', 100]);
});

test('object input, a failing reduce key retried once, parameters from the task', () => {
  const w = mrWorld(server.origin);
  w.submit({
    deploymentId: 'customdeploy_fx_mr',
    params: { custscript_fx_mode: 'object', custscript_fx_fail_group: 'b', custscript_fx_items: items([{ group: 'a' }, { group: 'b' }]) },
  });
  w.task.processQueue();
  const s = w.summary();
  expect(s.mapKeys.map((k: unknown[]) => k[0])).toEqual(['item-1', 'item-2']);
  expect(s.reduceErrors).toEqual([
    ['b', 'Error', 1],
    ['b', 'Error', 2],
  ]);
  expect(s.reduceKeys).toEqual([
    ['a', 1, 'COMPLETE'],
    ['b', 2, 'FAILED'],
  ]);
  expect(s.output).toEqual([['a', '1']]);
});

test('an error in getInputData goes straight to summarize with inputSummary.error', () => {
  const w = mrWorld(server.origin);
  const taskId = w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_mode: 'input-error' } });
  w.task.processQueue();
  const s = w.summary();
  expect(s.inputError).toBe('input exploded');
  expect(s.mapKeys).toEqual([]);
  expect(w.logs('map')).toEqual([]);
  expect(w.status(taskId, (st) => st.status)).toBe('COMPLETE');
});

test('a restart midway re-runs the interrupted invocation with isRestarted, and an idempotent map writes once', () => {
  const w = mrWorld(server.origin);
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items([{ group: 'a' }, { group: 'a' }, { group: 'a' }, { group: 'b' }]) } });
  w.task.processQueue({ restarts: [{ stage: 'map', afterInvocations: 2 }, { stage: 'summarize', afterInvocations: 0 }] });

  const maps = w.logs('map');
  expect(maps.map((m) => `${m.key}#${m.executionNo}${m.isRestarted ? 'R' : ''}`)).toEqual(['0#1', '1#1', '2#1', '2#2R', '3#1']);
  expect(maps[3]?.earlier).toEqual(['SSS_APP_SERVER_RESTART']);
  expect(w.summaries().map((s) => s.isRestarted)).toEqual([false, true]);
  const last = w.summary(1);
  // The interrupted attempt's write was lost, the re-run's kept: each id appears once.
  expect(last.output).toEqual([
    ['a', '1,2,3'],
    ['b', '4'],
  ]);
  // The interrupted invocation still spent its units; the restart is in the stage's errors.
  expect(last.mapUsage).toBe(50);
  expect(last.mapErrors).toEqual([['2', 'SSS_APP_SERVER_RESTART', 1]]);
  expect(last.mapKeys[2]).toEqual(['2', 2, 'COMPLETE']);
});

test('yields after 10,000 units per job; concurrencylimit 1 makes one job do everything', () => {
  const heavy = items(Array.from({ length: 10 }, () => ({ group: 'g', calls: 100 }))); // 1,000 units per map
  const one = mrWorld(server.origin, { deployments: [deployment('customdeploy_fx_mr', { extra: { concurrencylimit: '1' } })] });
  one.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: heavy } });
  one.task.processQueue();
  const two = mrWorld(server.origin);
  two.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: heavy } });
  two.task.processQueue();

  const a = one.summary();
  const b = two.summary();
  expect([a.mapUsage, a.mapConcurrency, a.mapYields, a.yields]).toEqual([10_000, 1, 1, 1]);
  expect([b.mapUsage, b.mapConcurrency, b.mapYields]).toEqual([10_000, 2, 0]);
});

test('yieldaftermins: a job yields once its invocations ran that long on the simulated clock', () => {
  const w = mrWorld(server.origin, {
    deployments: [deployment('customdeploy_fx_mr', { extra: { concurrencylimit: 1, yieldaftermins: 3 } })],
    invocationMs: (stage) => (stage === 'map' ? 61_000 : 1_000),
  });
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items(Array.from({ length: 7 }, () => ({ group: 'g' }))) } });
  w.task.processQueue();
  const s = w.summary();
  // 61 s each: the 3rd invocation passes 3 minutes (yield), then the 6th; the 7th starts a new count.
  expect([s.mapYields, s.mapUsage]).toEqual([2, 70]);

  // With two jobs side by side each job counts only its own minutes: 4 and 3 invocations.
  const two = mrWorld(server.origin, {
    deployments: [deployment('customdeploy_fx_mr', { extra: { yieldaftermins: 3 } })],
    invocationMs: () => 61_000,
  });
  two.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items(Array.from({ length: 7 }, () => ({ group: 'g' }))) } });
  two.task.processQueue();
  expect(two.summary(0).mapYields).toBe(2);
});

test('a restart uses up a retry: with retryCount 1 an interrupted pair that then fails is not run again', () => {
  const w = mrWorld(server.origin);
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items([{ group: 'a', failTimes: 2 }]) } });
  w.task.processQueue({ restarts: [{ stage: 'map', afterInvocations: 0 }] });
  expect(w.logs('map').map((m) => [m.executionNo, m.isRestarted, m.earlier])).toEqual([
    [1, false, []],
    [2, true, ['SSS_APP_SERVER_RESTART']],
  ]);
  const s = w.summary();
  expect(s.mapKeys).toEqual([['0', 2, 'FAILED']]);
  expect(s.mapErrors).toEqual([
    ['0', 'SSS_APP_SERVER_RESTART', 1],
    ['0', 'FX_MAP_FAILED', 2],
  ]);
});

test('without retryCount a restart re-runs the pair (errors are not retried); with retryCount 0 it does not', () => {
  const w = mrWorld(server.origin);
  w.submit({ scriptId: MR_EXIT, deploymentId: 'customdeploy_fx_exit' });
  w.task.processQueue({ restarts: [{ stage: 'map', afterInvocations: 0 }] });
  expect(w.logs<string>('map')).toEqual(['ok', 'ok', 'fail']);
  expect(w.logs<string[]>('summary')).toEqual([['OK']]);

  w.submit({ scriptId: MR_NORETRY, deploymentId: 'customdeploy_fx_noretry' });
  w.task.processQueue({ restarts: [{ stage: 'map', afterInvocations: 0 }] });
  expect(w.logs<string>('map').slice(3)).toEqual(['a', 'b']);
  expect(w.logs('noretry')).toEqual([{ keys: [['0', 1, 'FAILED'], ['1', 1, 'COMPLETE']], errors: ['0:SSS_APP_SERVER_RESTART'] }]);
});

test('a map invocation over 1,000 units fails that key with SSS_USAGE_LIMIT_EXCEEDED', () => {
  const w = mrWorld(server.origin);
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items([{ group: 'a', calls: 101 }, { group: 'a' }]) } });
  w.task.processQueue();
  const s = w.summary();
  expect(s.mapErrors).toEqual([
    ['0', 'SSS_USAGE_LIMIT_EXCEEDED', 1],
    ['0', 'SSS_USAGE_LIMIT_EXCEEDED', 2],
  ]);
  expect(s.mapUsage).toBe(2010); // 1,000 spent by each attempt, 10 by the other key
  expect(s.output).toEqual([['a', '2']]);
});

test('keys over 3,000 bytes are refused by context.write', () => {
  const w = mrWorld(server.origin);
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_items: items([{ group: 'k'.repeat(3001) }, { group: 'k'.repeat(3000) }]) } });
  w.task.processQueue();
  const s = w.summary();
  expect(s.mapErrors.map((e: unknown[]) => [e[0], e[1]])).toEqual([
    ['0', 'KEY_LENGTH_IS_OVER_3000_BYTES'],
    ['0', 'KEY_LENGTH_IS_OVER_3000_BYTES'],
  ]);
  expect(s.output).toEqual([['k'.repeat(3000), '2']]);
});

test('exitOnError ends the stage at the first failed key and goes to summarize; map-only output', () => {
  const w = mrWorld(server.origin);
  w.submit({ scriptId: MR_EXIT, deploymentId: 'customdeploy_fx_exit' });
  w.task.processQueue();
  expect(w.logs<string>('map')).toEqual(['ok', 'fail']);
  expect(w.logs<string[]>('summary')).toEqual([['OK']]);
});

test('a search from getInputData feeds map one result per key as {recordType, id, values}, read without charge', () => {
  const w = mrWorld(server.origin);
  const category = { even: String(w.rt.records.create('customercategory', { name: 'even' })), odd: String(w.rt.records.create('customercategory', { name: 'odd' })) };
  const ids = Array.from({ length: 2500 }, (_, i) =>
    String(w.rt.records.create('customer', { companyname: `C${i}`, subsidiary: '1', category: i % 2 ? category.odd : category.even })),
  );
  const taskId = w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_mode: 'search' } });
  w.task.processQueue({ maxSteps: 1 });
  expect(w.status(taskId, (s) => s.getTotalMapCount())).toBe(2500); // all pages of 1,000 were read
  w.task.processQueue();
  const s = w.summary();
  expect(s.inputUsage).toBe(0);
  expect(s.mapKeys[0]).toEqual([ids[0], 1, 'COMPLETE']);
  expect(s.output.map((o) => [o[0], o[1].split(',').length])).toEqual([
    ['even', 1250],
    ['odd', 1250],
  ]);
  expect(s.output[0]?.[1].startsWith(`${ids[0]},${ids[2]},${ids[4]},`)).toBe(true);
});

test('a {type: "search", id} reference is loaded by the runtime', () => {
  const w = mrWorld(server.origin);
  const x = String(w.rt.records.create('customercategory', { name: 'x' }));
  w.rt.records.create('customer', { companyname: 'Other', subsidiary: '1' });
  const id = w.rt.records.create('customer', { companyname: 'Pick', subsidiary: '1', category: x });
  w.rt.savedSearches.define({ id: 'customsearch_fx_customers', type: 'customer', filters: [['category', 'anyof', x]], columns: ['entityid', 'category'] });
  w.submit({ deploymentId: 'customdeploy_fx_mr', params: { custscript_fx_mode: 'search-ref' } });
  w.task.processQueue();
  expect(w.summary(0).output).toEqual([['x', String(id)]]);
});
