/**
 * The short soak: 500 seeded random NetSuite operations under faults (see soak.ts), then quiet.
 * Nothing lost, duplicated or stale; every dead letter a data error. `npm run soak` runs the long one.
 */
import { startSyncHarness, type SyncHarness } from '../e2e/support/syncHarness';
import { enginePlaces, keyLeaks, strings } from '../e2e/support/secretScan';
import { runSoak, SOAK_CLIENT_TIMEOUT_MS } from './soak';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ config: { batchMaxRecords: 25 }, account: { https: { totalTimeoutMs: SOAK_CLIENT_TIMEOUT_MS }, runtime: { randomSeed: 42 } } });
});

afterAll(async () => {
  await h?.stop();
});

test('500 operations under faults: Freshsuccess ends equal to NetSuite', async () => {
  const result = await runSoak(h, { seed: 42, ops: 500 });
  console.log(result.line);
  expect({ lost: result.lost, duplicated: result.duplicated, stale: result.stale, nonData: result.nonDataDeadLetters }).toEqual({ lost: [], duplicated: [], stale: [], nonData: [] });
  expect(result.faults).toBeGreaterThan(0);
  // Each kind of trouble really happened in this run.
  expect(result.kinds.lateWrites).toBeGreaterThan(0);
  expect(result.kinds.tooLarge).toBeGreaterThan(0);
  expect(result.kinds.batchRejections).toBeGreaterThan(0);
  expect(result.kinds.restarts).toBeGreaterThan(0);
  expect(result.kinds.exhausted).toBeGreaterThan(0);
  // Some names end with a lone surrogate, which Freshsuccess must hold as U+FFFD.
  expect(result.transformed).toBeGreaterThan(0);
  // Secret hygiene over the whole soak: the key is in no log line, record, stage datum, HTTPS log
  // entry or request Freshsuccess logged (its last 2,000), only in the Authorization headers.
  const received = await h.fake.requests();
  // (Faults and 413s are answered before authentication: the fake does not look at those headers.)
  expect(new Set(received.filter((r) => r.fault === undefined && r.status !== 413).map((r) => r.auth))).toEqual(new Set(['basic']));
  expect(keyLeaks(h.freshsuccessKey, { ...enginePlaces(h), 'Freshsuccess request log': strings(received) })).toEqual([]);
  expect(result.line).toMatch(/^soak: seed \d+, ops 500, faults \d+ \([\d.]+%\), lost 0, duplicated 0, stale 0, dead letters \d+ \(all data errors\)$/);
}, 240_000);
