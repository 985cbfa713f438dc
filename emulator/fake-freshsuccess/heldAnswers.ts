/**
 * The waits of `delay` faults. Each lasts its `ms` on a timer, or until `release()`. The signals
 * (`nextHeld`, `clientGone`, `release`) let an in-process test drive a slow answer step by step
 * instead of racing the timer: it learns when a request starts waiting, when its client has
 * given up, and ends the wait itself.
 */
import type http from 'node:http';
import type { RequestLogEntry } from './types';

interface Wait {
  end(): void;
  gone: Promise<void>;
  answered: Promise<void>;
  markAnswered(): void;
}

export interface DelaySignals {
  /** The log entry of the next request to start a delay (at once when one started unseen). */
  nextHeld(): Promise<RequestLogEntry>;
  /** Resolves once the client of that held request has closed its connection. */
  clientGone(entry: RequestLogEntry): Promise<void>;
  /** Ends every pending delay now (nextHeld no longer reports them); resolves when those requests have been answered (or dropped). */
  release(): Promise<void>;
}

export class HeldAnswers implements DelaySignals {
  private readonly waits = new Map<RequestLogEntry, Wait>();
  private unseen: RequestLogEntry[] = [];
  private watchers: Array<(entry: RequestLogEntry) => void> = [];

  /** Waits `ms`, or until released or abandoned. */
  hold(entry: RequestLogEntry, ms: number, res: http.ServerResponse): Promise<void> {
    return new Promise<void>((resolve) => {
      let markAnswered = () => undefined as void;
      const answered = new Promise<void>((r) => (markAnswered = r));
      const gone = new Promise<void>((r) => res.once('close', () => r()));
      const timer = setTimeout(() => wait.end(), ms);
      const wait: Wait = {
        end: () => {
          clearTimeout(timer);
          resolve();
        },
        gone,
        answered,
        markAnswered,
      };
      this.waits.set(entry, wait);
      const watcher = this.watchers.shift();
      if (watcher) watcher(entry);
      else this.unseen.push(entry);
    });
  }

  /** The request that held is finished: answered, dropped or abandoned. */
  finished(entry: RequestLogEntry): void {
    const wait = this.waits.get(entry);
    if (!wait) return;
    this.waits.delete(entry);
    wait.markAnswered();
  }

  nextHeld(): Promise<RequestLogEntry> {
    const entry = this.unseen.shift();
    if (entry) return Promise.resolve(entry);
    return new Promise((resolve) => this.watchers.push(resolve));
  }

  clientGone(entry: RequestLogEntry): Promise<void> {
    const wait = this.waits.get(entry);
    if (!wait) return Promise.reject(new Error(`request ${entry.seq} is not held`));
    return wait.gone;
  }

  async release(): Promise<void> {
    const waits = [...this.waits.values()];
    this.unseen = [];
    for (const w of waits) w.end();
    await Promise.all(waits.map((w) => w.answered));
  }

  /** Ends every wait without waiting for the answers (the server is closing). */
  abandon(): void {
    for (const w of this.waits.values()) w.end();
    this.unseen = [];
  }
}
