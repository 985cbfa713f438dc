/**
 * Faults switchable per test: a queue consumed in order. Each incoming API request takes the
 * first queued fault that matches its method and path; a fault with `times: n` answers n
 * matching requests before it is used up.
 */
import type { Fault, FaultMatch } from './types';

const KINDS = new Set(['status', 'rate_limit', 'too_large', 'reject', 'drop', 'delay']);

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (match.path.endsWith('/*')) return path.startsWith(match.path.slice(0, -1));
  return path === match.path;
}

/** Checks a fault sent through the control API, so a misspelt fault fails the test that sets it. */
export function checkFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new Error('a fault must be an object');
  const f = value as Record<string, unknown>;
  if (typeof f.kind !== 'string' || !KINDS.has(f.kind)) {
    throw new Error(`unknown fault kind: ${String(f.kind)} (expecting ${[...KINDS].join(', ')})`);
  }
  if (f.times !== undefined && !(Number.isInteger(f.times) && (f.times as number) > 0)) {
    throw new Error('times must be a positive integer');
  }
  if (f.method !== undefined && typeof f.method !== 'string') throw new Error('method must be a string');
  if (f.path !== undefined && (typeof f.path !== 'string' || !f.path.startsWith('/'))) {
    throw new Error('path must start with /');
  }
  if (f.kind === 'status' && !(Number.isInteger(f.status) && (f.status as number) >= 400 && (f.status as number) <= 599)) {
    throw new Error('a status fault needs status 400..599');
  }
  if (f.kind === 'delay' && !(Number.isInteger(f.ms) && (f.ms as number) >= 0)) {
    throw new Error('a delay fault needs ms >= 0');
  }
  if (f.kind === 'rate_limit' && f.retryAfter !== undefined && typeof f.retryAfter !== 'number' && typeof f.retryAfter !== 'string') {
    throw new Error('retryAfter must be seconds or an HTTP date');
  }
  return { ...f } as unknown as Fault;
}

export class FaultQueue {
  private queue: Array<{ fault: Fault; left: number }> = [];

  add(faults: Fault[]): void {
    for (const fault of faults) this.queue.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  /** Takes one use of the first fault matching this request, if any. */
  take(method: string, path: string): Fault | undefined {
    const index = this.queue.findIndex((q) => matches(q.fault, method, path));
    if (index < 0) return undefined;
    const entry = this.queue[index] as { fault: Fault; left: number };
    entry.left--;
    if (entry.left === 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  pending(): Fault[] {
    return this.queue.map((q) => ({ ...q.fault, times: q.left }));
  }
}
