/**
 * Faults over real sockets: each answers (or fails to answer) the way a client will meet it, and
 * none advances state, except the two "lost answer" cases (slow response, drop after write) that
 * idempotent upserts exist to survive.
 */
import { startFakeFreshsuccess } from '../../emulator/fake-freshsuccess/server';
import type { RequestLogEntry } from '../../emulator/fake-freshsuccess/types';
import { account, basic, send, TEST_KEY } from './http';
import { useFakeFreshsuccess } from './support/useFake';

const fake = useFakeFreshsuccess();

const pushA = () => fake.api.post('accounts', { records: [account('A')] });
const stored = async () => (await fake.control.accounts()).map((a) => a.account_id);
const postA = (timeout?: AbortSignal) =>
  send(fake.url, { method: 'POST', path: '/api/v2/accounts', headers: basic(TEST_KEY), body: { records: [account('A')] }, timeout });

async function lastRequest(): Promise<RequestLogEntry> {
  const log = await fake.control.requests();
  return log[log.length - 1] as RequestLogEntry;
}

describe('body size limit', () => {
  it('answers 413 with a JSON message over the configured limit and writes nothing', async () => {
    await fake.control.configure({ maxBodyBytes: 1000 });
    const big = { records: Array.from({ length: 20 }, (_, i) => account(`A${i}`, { description: 'x'.repeat(40) })) };
    const r = await fake.api.post('accounts', big);
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ status_is_ok: false, message: 'Request body too large (limit 1000 bytes)' });
    expect(await stored()).toEqual([]);
    expect(await lastRequest()).toMatchObject({ status: 413, bodyBytes: JSON.stringify(big).length });
    expect((await fake.api.post('accounts', { records: [account('SMALL')] })).status).toBe(200);
  });

  it('defaults to 5 MB', async () => {
    expect((await fake.control.config()).maxBodyBytes).toBe(5 * 1024 * 1024);
  });

  it('can force a 413 once with a too_large fault', async () => {
    await fake.control.injectFaults([{ kind: 'too_large' }]);
    expect((await pushA()).status).toBe(413);
    expect(await stored()).toEqual([]);
    expect((await pushA()).status).toBe(200);
  });
});

describe('429 and 5xx', () => {
  it('answers 429 with Retry-After in seconds, then serves normally', async () => {
    await fake.control.injectFaults([{ kind: 'rate_limit', retryAfter: 7 }]);
    const limited = await pushA();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.json.status_is_ok).toBe(false);
    expect(await stored()).toEqual([]);
    expect((await pushA()).status).toBe(200);
  });

  it('can answer 429 without Retry-After (its presence is [open])', async () => {
    await fake.control.injectFaults([{ kind: 'rate_limit' }]);
    const limited = await pushA();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeUndefined();
  });

  it('answers a burst of N 5xx before any write, then recovers', async () => {
    await fake.control.injectFaults([{ kind: 'status', status: 503, times: 3 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await pushA()).status);
      if (i < 3) expect(await stored()).toEqual([]);
    }
    expect(statuses).toEqual([503, 503, 503, 200]);
    expect((await fake.control.account('A'))?.writeCount).toBe(1);
    expect(await fake.control.pendingFaults()).toEqual([]);
  });

  it('consumes faults in order, only for the method and path they match', async () => {
    await fake.control.injectFaults([
      { kind: 'status', status: 500, method: 'POST', path: '/api/v2/account_contacts' },
      { kind: 'status', status: 502, method: 'GET', path: '/api/v2/accounts/*' },
      { kind: 'rate_limit', retryAfter: 1, path: '/api/v2/accounts' },
      { kind: 'status', status: 504, path: '/api/v2/accounts' },
    ]);
    expect((await fake.api.get('accounts')).status).toBe(429); // first matching fault for this path
    expect((await pushA()).status).toBe(504);
    expect((await pushA()).status).toBe(200);
    expect((await fake.api.get('accounts/A')).status).toBe(502);
    expect((await fake.api.get('accounts/A')).status).toBe(200);
    expect((await fake.control.pendingFaults()).map((f) => f.path)).toEqual(['/api/v2/account_contacts']);
  });
});

describe('batch-level rejection', () => {
  it('answers HTTP 200 with status_is_ok:false and a message, writing nothing', async () => {
    await fake.control.injectFaults([{ kind: 'reject', message: 'Batch failed first-level validation' }]);
    const r = await pushA();
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status_is_ok: false, message: 'Batch failed first-level validation' });
    expect(await stored()).toEqual([]);
  });
});

// A delay's answer waits for the test's release, and the client gives up when the test says so:
// the order of events is fixed, whatever the machine's load, and nothing waits on a clock.
describe('slow responses past the client timeout', () => {
  it('writes, then answers late: the client times out although the record was stored', async () => {
    await fake.control.injectFaults([{ kind: 'delay', ms: 60_000 }]);
    const clientTimeout = new AbortController();
    const reply = postA(clientTimeout.signal);
    const held = await fake.delays.nextHeld();
    expect(await stored()).toEqual(['A']); // written before the late answer
    clientTimeout.abort();
    await expect(reply).rejects.toThrow('client timeout');
    await fake.delays.clientGone(held);
    await fake.delays.release();
    expect(await lastRequest()).toMatchObject({ fault: 'delay', status: 200, clientGone: true });
  });

  it('with beforeWrite, writes only after the delay (the client has given up by then)', async () => {
    await fake.control.injectFaults([{ kind: 'delay', ms: 60_000, beforeWrite: true }]);
    const clientTimeout = new AbortController();
    const reply = postA(clientTimeout.signal);
    const held = await fake.delays.nextHeld();
    clientTimeout.abort();
    await expect(reply).rejects.toThrow('client timeout');
    await fake.delays.clientGone(held);
    expect(await stored()).toEqual([]);
    await fake.delays.release();
    expect(await stored()).toEqual(['A']);
    expect(await lastRequest()).toMatchObject({ fault: 'delay', status: 200, clientGone: true });
  });

  it('answers normally when the client waits long enough', async () => {
    await fake.control.injectFaults([{ kind: 'delay', ms: 60_000 }]);
    const reply = postA();
    await fake.delays.nextHeld();
    await fake.delays.release();
    expect((await reply).json).toEqual({ status_is_ok: true, failed_results: [] });
    expect((await lastRequest()).clientGone).toBeUndefined();
  });

  it('ends a delay on its own when its time is up', async () => {
    await fake.control.injectFaults([{ kind: 'delay', ms: 0 }]);
    expect((await pushA()).status).toBe(200);
    expect(await lastRequest()).toMatchObject({ fault: 'delay', status: 200 });
  });
});

describe('dropped connections', () => {
  it('destroys the socket without an answer and writes nothing', async () => {
    await fake.control.injectFaults([{ kind: 'drop' }]);
    await expect(pushA()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await stored()).toEqual([]);
    expect(await lastRequest()).toMatchObject({ fault: 'drop' });
    expect((await lastRequest()).status).toBeUndefined();
  });

  it('with afterWrite, stores the record and then drops (a lost answer)', async () => {
    await fake.control.injectFaults([{ kind: 'drop', afterWrite: true }]);
    await expect(pushA()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await stored()).toEqual(['A']);
  });
});

describe('fault checking and shutdown', () => {
  it('refuses a misspelt fault', async () => {
    await expect(fake.control.injectFaults([{ kind: 'timeout' } as never])).rejects.toThrow(/unknown fault kind: timeout/);
    await expect(fake.control.injectFaults([{ kind: 'status', status: 200 }])).rejects.toThrow(/400..599/);
    expect(await fake.control.pendingFaults()).toEqual([]);
  });

  it('stops at once even with a slow answer pending', async () => {
    const other = await startFakeFreshsuccess({ apiKeys: [TEST_KEY] });
    // A minute's delay: stop() waiting for it would fail the test on Jest's timeout.
    await other.control.injectFaults([{ kind: 'delay', ms: 60_000 }]);
    const pending = send(other.url, { path: '/api/v2/accounts', headers: basic(TEST_KEY) }).catch((e: Error) => e);
    await other.delays.nextHeld();
    await other.stop();
    expect(String(await pending)).toMatch(/socket hang up|ECONNRESET/);
  });
});
