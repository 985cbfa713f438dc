/** Starts http-server.cjs in a child process and talks to it over IPC. */
import { ChildProcess, fork } from 'node:child_process';
import { connect, Socket } from 'node:net';
import { join } from 'node:path';

export interface ChildServer {
  port: number;
  origin: string;
  /** Blocks the server's event loop for `ms`; resolves once it is frozen. */
  freeze(ms: number): Promise<void>;
  /** Opens connections that fill the kernel's accept queue (the server is frozen). */
  fillAcceptQueue(): Promise<Socket[]>;
  stop(): Promise<void>;
}

export function startChildServer(): Promise<ChildServer> {
  const child: ChildProcess = fork(join(__dirname, 'http-server.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { port: number }) => {
      const port = m.port;
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        freeze: (ms) =>
          new Promise((done) => {
            child.once('message', () => done());
            child.send({ freezeMs: ms });
          }),
        fillAcceptQueue: async () => {
          const sockets: Socket[] = [];
          for (let i = 0; i < 2; i++) {
            const s = connect(port, '127.0.0.1');
            await new Promise<void>((ok, ko) => { s.once('connect', ok); s.once('error', ko); });
            sockets.push(s);
          }
          return sockets;
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}
