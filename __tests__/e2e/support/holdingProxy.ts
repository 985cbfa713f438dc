/**
 * A proxy in front of the fake Freshsuccess that answers on a signal: a request matching a hold
 * gets no answer until the test calls release(), so a client timeout happens every time, on any
 * machine load, without the test sleeping. Route the Freshsuccess hosts through it with
 * createLocalAccount's `freshsuccessVia`.
 *
 *   until 'answered': the fake processes the request at once (it writes); the answer is held.
 *   until 'received': the request itself is held; the fake sees it (and writes) only on release.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface Hold {
  method: string;
  path: string;
  until: 'answered' | 'received';
  /** Matching requests let through before this hold catches one (default 0). */
  skip?: number;
}

export interface ReleasedRequest extends Omit<Hold, 'skip'> {
  /** The client had closed its connection when the held answer was finally sent. */
  clientGone: boolean;
  error?: string;
}

export interface HoldingProxy {
  url: string;
  /** Queues holds; each catches the next request with that method and path (after `skip` of them). */
  hold(holds: Hold[]): Promise<void>;
  /** Lets every caught request through and resolves once all were answered (or found gone). */
  release(): Promise<{ released: ReleasedRequest[]; unused: Hold[] }>;
  stop(): Promise<void>;
}

interface WorkerMessage {
  type: string;
  port?: number;
  log?: ReleasedRequest[];
  unused?: Hold[];
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const worker = new Worker(join(__dirname, 'holdingProxyWorker.cjs'), { workerData: { target } });
  const next = (type: string) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type !== type) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(m);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const ready = await next('ready');
  return {
    url: `http://127.0.0.1:${ready.port}`,
    async hold(holds) {
      const held = next('held');
      worker.postMessage({ type: 'hold', holds });
      await held;
    },
    async release() {
      const done = next('released');
      worker.postMessage({ type: 'release' });
      const m = await done;
      return { released: m.log ?? [], unused: m.unused ?? [] };
    },
    async stop() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'stop' });
      await exited;
    },
  };
}
