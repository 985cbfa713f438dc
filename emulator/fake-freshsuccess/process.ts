/**
 * Runs the fake in a child process. Needed by the local runtime: its N/https is synchronous
 * (the calling thread blocks in Atomics.wait while a worker does the request), so a server in
 * the caller's own thread could never answer.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { configFromEnvironment } from './config';
import { FakeFreshsuccessControl } from './control';
import type { RunningFakeFreshsuccess } from './server';
import type { ConfigPatch } from './types';

export const READY_PREFIX = 'FAKE_FRESHSUCCESS_READY ';

export interface FakeProcessOptions extends ConfigPatch {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** How long to wait for the READY line (tsx compiles the sources on first start). */
  startTimeoutMs?: number;
}

export interface FakeFreshsuccessProcess extends RunningFakeFreshsuccess {
  pid: number;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(__dirname, 'main.ts');

export function startFakeFreshsuccessProcess(options: FakeProcessOptions = {}): Promise<FakeFreshsuccessProcess> {
  const { port = 0, startTimeoutMs = 20_000, ...config } = options;
  // `node --import tsx` (tsx 4) runs the TypeScript sources in one process, so the pid we hold
  // is the server's own and stop() needs no process-group handling.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      FAKE_FS_PORT: String(port),
      FAKE_FS_CHILD: '1',
      // Keys travel in the child's environment, never on its command line. Options from this
      // process's own FAKE_FS_CONFIG (a profile for a whole suite) come first; the caller's win.
      FAKE_FS_CONFIG: JSON.stringify({ ...configFromEnvironment(process.env), ...config }),
      FAKE_FS_API_KEY: '',
      FAKE_FS_REGION: '',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    stderr = (stderr + s).slice(-4000);
  });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`fake Freshsuccess did not start within ${startTimeoutMs} ms: ${stderr}`));
    }, startTimeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`fake Freshsuccess exited before it was ready (code ${code}, signal ${signal}): ${stderr}`));
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      stdout += s;
      const line = stdout.split('\n').find((l) => l.startsWith(READY_PREFIX));
      if (!line) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume(); // keep draining so the child never blocks on a full pipe
      const { url, port: actual } = JSON.parse(line.slice(READY_PREFIX.length)) as { url: string; port: number };
      resolve({ url, port: actual, pid: child.pid as number, control: new FakeFreshsuccessControl(url), stop });
    });
  });
}
