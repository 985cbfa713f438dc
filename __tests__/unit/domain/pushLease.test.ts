import { LEASE_TTL_MS, leaseLive, parseLease, takeLease } from '../../../src/TypeScript/domain/pushLease';

const T = 1_800_000_000_000;
const unknown = () => 'unknown' as const;

describe('push lease', () => {
  test('a taken lease is live until its bound, then stale', () => {
    const drain = takeLease('drain', T);
    expect(drain).toEqual({ holder: 'drain', since: T, until: T + LEASE_TTL_MS.drain });
    expect(leaseLive(drain, T + LEASE_TTL_MS.drain - 1, unknown)).toBe(true);
    expect(leaseLive(drain, T + LEASE_TTL_MS.drain, unknown)).toBe(false);
    expect(LEASE_TTL_MS.fullsync).toBeGreaterThan(LEASE_TTL_MS.drain);
  });

  test('a lease naming a finished task is stale at once; running or unknown tasks keep it', () => {
    const lease = takeLease('fullsync', T, 'MAPREDUCETASK_1');
    expect(leaseLive(lease, T + 1, () => 'finished')).toBe(false);
    expect(leaseLive(lease, T + 1, () => 'running')).toBe(true);
    expect(leaseLive(lease, T + 1, unknown)).toBe(true);
    expect(leaseLive(null, T, unknown)).toBe(false);
  });

  test('stored text: round trip; unreadable or foreign text is no lease', () => {
    const lease = takeLease('fullsync', T, 'MAPREDUCETASK_9');
    expect(parseLease(JSON.stringify(lease))).toEqual(lease);
    expect(parseLease('')).toBeNull();
    expect(parseLease('{not json')).toBeNull();
    expect(parseLease(JSON.stringify({ holder: 'sweep', since: T, until: T + 1 }))).toBeNull();
    expect(parseLease(JSON.stringify({ holder: 'drain', since: 'x', until: T }))).toBeNull();
  });
});
