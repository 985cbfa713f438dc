/** Starts http-server.cjs in a child process and talks to it over IPC. */
import { ChildProcess, fork } from 'node:child_process';
import { connect, Socket } from 'node:net';
import { join } from 'node:path';

export interface ChildServer {
  port: number;
  origin: string;
  /** Blocks the server's event loop until it is stopped; resolves once it is frozen. */
  freeze(): Promise<void>;
  /** Opens connections that fill the kernel's accept queue (the server is frozen). */
  fillAcceptQueue(): Promise<Socket[]>;
  /** Resolves with the path of the next request /hold keeps waiting (at once if one is unseen). */
  nextHeld(): Promise<string>;
  /** Resolves once the client of a held request (by path) has closed its connection. */
  clientGone(path: string): Promise<void>;
  /** Answers every held request. */
  release(): Promise<void>;
  stop(): Promise<void>;
}

type Message = { port?: number; held?: string; gone?: string; released?: true; frozen?: true };

/** The child's messages in order; a waiter takes the first one that matches, seen or not yet. */
function mailbox(child: ChildProcess) {
  const unseen: Message[] = [];
  const waiters: Array<{ match: (m: Message) => boolean; take: (m: Message) => void }> = [];
  child.on('message', (m: Message) => {
    const i = waiters.findIndex((w) => w.match(m));
    if (i >= 0) waiters.splice(i, 1)[0]!.take(m);
    else unseen.push(m);
  });
  return (match: (m: Message) => boolean): Promise<Message> => {
    const i = unseen.findIndex(match);
    if (i >= 0) return Promise.resolve(unseen.splice(i, 1)[0]!);
    return new Promise((take) => waiters.push({ match, take }));
  };
}

export async function startChildServer(): Promise<ChildServer> {
  const child: ChildProcess = fork(join(__dirname, 'http-server.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = mailbox(child);
  const started = await new Promise<Message>((resolve, reject) => {
    child.once('error', reject);
    next((m) => m.port !== undefined).then(resolve, reject);
  });
  const port = started.port as number;
  const ask = async (message: object, answer: (m: Message) => boolean) => {
    const answered = next(answer);
    child.send(message);
    await answered;
  };
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    freeze: () => ask({ freeze: true }, (m) => m.frozen === true),
    fillAcceptQueue: async () => {
      const sockets: Socket[] = [];
      for (let i = 0; i < 2; i++) {
        const s = connect(port, '127.0.0.1');
        await new Promise<void>((ok, ko) => {
          s.once('connect', ok);
          s.once('error', ko);
        });
        sockets.push(s);
      }
      return sockets;
    },
    nextHeld: async () => (await next((m) => m.held !== undefined)).held as string,
    clientGone: async (path) => {
      await next((m) => m.gone === path);
    },
    release: () => ask({ release: true }, (m) => m.released === true),
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}
