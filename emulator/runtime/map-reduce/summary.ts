/**
 * What summarize receives: per-stage summaries with error and key iterators, and the output
 * iterator (docs/netsuite-platform-facts.md §2; shapes as in @hitc/netsuite-types EntryPoints.MapReduce).
 */
export interface ErrorRecord {
  key: string;
  /** The error as NetSuite stores it: JSON of the SuiteScriptError. */
  error: string;
  executionNo: number;
}

export type CompletionState = 'COMPLETE' | 'FAILED'; // [open] exact strings NetSuite passes

export interface KeyRecord {
  key: string;
  executionCount: number;
  completionState: CompletionState;
}

export interface StageStats {
  dateCreated: Date;
  seconds: number;
  usage: number;
  concurrency: number;
  yields: number;
  errors: ErrorRecord[];
  keys: KeyRecord[];
}

export function emptyStats(now: Date): StageStats {
  return { dateCreated: now, seconds: 0, usage: 0, concurrency: 0, yields: 0, errors: [], keys: [] };
}

/** `each(callback)` stops when the callback returns false, as NetSuite's iterators do. */
function iterator<T extends unknown[]>(rows: T[]) {
  return {
    iterator: () => ({
      each(callback: (...args: T) => boolean): void {
        for (const row of rows) if (callback(...row) === false) return;
      },
    }),
  };
}

export function errorIterator(errors: ErrorRecord[]) {
  return iterator(errors.map((e): [string, string, number] => [e.key, e.error, e.executionNo]));
}

function keyIterator(keys: KeyRecord[]) {
  return iterator(keys.map((k): [string, number, string] => [k.key, k.executionCount, k.completionState]));
}

export function outputIterator(output: [string, string][]) {
  return iterator(output.map((o): [string, string] => [o[0], o[1]]));
}

export function stageSummary(s: StageStats) {
  return {
    dateCreated: s.dateCreated,
    seconds: s.seconds,
    usage: s.usage,
    concurrency: s.concurrency,
    yields: s.yields,
    keys: keyIterator(s.keys),
    errors: errorIterator(s.errors),
  };
}

/** An error as NetSuite records it for summarize: the SuiteScriptError's JSON. */
export function errorJson(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { toJSON?: () => unknown; name?: string; message?: string; stack?: string; type?: string };
    if (typeof o.toJSON === 'function') return JSON.stringify(o.toJSON());
    return JSON.stringify({
      type: o.type ?? 'error.SuiteScriptError',
      name: o.name ?? 'Error',
      message: o.message ?? String(e),
      stack: typeof o.stack === 'string' ? o.stack.split('\n') : [],
      notifyOff: false,
    });
  }
  return JSON.stringify({ type: 'error.SuiteScriptError', name: 'Error', message: String(e), stack: [], notifyOff: false });
}
