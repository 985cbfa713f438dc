/**
 * Child-process mode: the local runtime's N/https blocks its thread in Atomics.wait while a
 * worker does the request, so the fake must answer from another process.
 */
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { startFakeFreshsuccessProcess, type FakeFreshsuccessProcess } from '../../emulator/fake-freshsuccess/process';
import { account, apiClient, basic, send } from './http';

const KEY = 'child-key-91e3';
let child: FakeFreshsuccessProcess;

beforeAll(async () => {
  child = await startFakeFreshsuccessProcess({ apiKeys: [KEY], region: 'eu', maxPageSize: 50 });
});
afterAll(() => child.stop());

/** A blocking POST, the way a synchronous N/https does it: a worker requests, this thread waits. */
function blockingPost(url: string, body: unknown, headers: Record<string, string>): { status: number; text: string } {
  const shared = new SharedArrayBuffer(4 + 4 + 65536);
  const flag = new Int32Array(shared, 0, 1);
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { shared, url, body, headers } = workerData;
     const flag = new Int32Array(shared, 0, 1), status = new Int32Array(shared, 4, 1), out = new Uint8Array(shared, 8);
     fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
       .then(async (r) => { status[0] = r.status; const bytes = new TextEncoder().encode(await r.text()); out.set(bytes.slice(0, out.length)); })
       .catch(() => { status[0] = -1; })
       .finally(() => { Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); });`,
    { eval: true, workerData: { shared, url, body: JSON.stringify(body), headers } },
  );
  const outcome = Atomics.wait(flag, 0, 0, 10_000);
  void worker.terminate();
  if (outcome === 'timed-out') throw new Error('blocking request timed out');
  const text = new TextDecoder().decode(new Uint8Array(shared, 8)).replace(/\0+$/, '');
  return { status: new Int32Array(shared, 4, 1)[0] as number, text };
}

describe('startFakeFreshsuccessProcess', () => {
  it('runs in its own process on an ephemeral loopback port with the given configuration', async () => {
    expect(child.pid).not.toBe(process.pid);
    expect(child.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await child.control.config()).toMatchObject({ region: 'eu', maxPageSize: 50, apiKeyCount: 1 });
  });

  it('takes pushes and shows them in its state', async () => {
    const r = await send(child.url, { method: 'POST', path: '/api/v2/accounts', host: 'api-eu.freshsuccess.com', headers: basic(KEY), body: { records: [account('P1')] } });
    expect(r.json).toEqual({ status_is_ok: true, failed_results: [] });
    const state = await child.control.state();
    expect(state.accounts.map((a) => a.account_id)).toEqual(['P1']);
    expect(state.requests[0]).toMatchObject({ method: 'POST', region: 'eu', auth: 'basic', status: 200 });
  });

  it('answers a caller whose thread is blocked in Atomics.wait', async () => {
    const r = blockingPost(`${child.url}/api/v2/accounts`, { records: [account('SYNC')] }, basic(KEY));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ status_is_ok: true, failed_results: [] });
    expect(await child.control.account('SYNC')).toMatchObject({ writeCount: 1 });
  });

  it('resets to its start-up configuration', async () => {
    await child.control.configure({ maxPageSize: 2 });
    await child.control.reset();
    expect((await child.control.config()).maxPageSize).toBe(50);
    expect(await child.control.accounts()).toEqual([]);
    expect((await apiClient(child.url, KEY).get('accounts')).json.results).toEqual([]);
  });

  it('stops: the process exits and the port closes', async () => {
    const other = await startFakeFreshsuccessProcess({ apiKeys: [KEY] });
    await other.stop();
    expect(() => process.kill(other.pid, 0)).toThrow();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(other.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('reports a bad configuration instead of hanging', async () => {
    await expect(startFakeFreshsuccessProcess({ region: 'apac' } as never)).rejects.toThrow(/region must be one of/);
  });
});
