/** Map/Reduce platform numbers (docs/netsuite-platform-facts.md §2). */
import { suiteScriptError } from '../https/suiteScriptError';

/** Keys are limited to 3,000 bytes, values to 10 MB (NetSuite's error names say bytes). */
const MAX_KEY_BYTES = 3000;
const MAX_VALUE_BYTES = 10 * 1024 * 1024;
/**
 * Persisted data: keys and values not yet mapped, not yet reduced, and written as results. Past
 * this the platform throws PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED, ends the
 * invocation and the stage, and goes to summarize (Help Center, "Map/Reduce Governance").
 */
export const MAX_PERSISTED_BYTES = 200 * 1024 * 1024;
/** Longest one invocation may run, per stage (same page, "Hard Limits on Function Invocations"). */
export const INVOCATION_TIME_LIMIT_MS: Record<'getInputData' | 'map' | 'reduce' | 'summarize', number> = {
  getInputData: 60 * 60_000,
  map: 5 * 60_000,
  reduce: 15 * 60_000,
  summarize: 60 * 60_000,
};
/** A job yields after an invocation once it has spent this many units... */
export const YIELD_AFTER_UNITS = 10_000;
/** ...or once it has run `yieldaftermins` (3–60, default 60). */
export const DEFAULT_YIELD_AFTER_MINS = 60;
/** SuiteCloud processors without SuiteCloud Plus. */
export const DEFAULT_PROCESSORS = 2;

export function checkKey(key: string): void {
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    throw suiteScriptError('KEY_LENGTH_IS_OVER_3000_BYTES', `Map/Reduce key is longer than ${MAX_KEY_BYTES} bytes`);
  }
}

export function checkValue(value: string): void {
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) {
    throw suiteScriptError('VALUE_LENGTH_IS_OVER_10_MB', 'Map/Reduce value is larger than 10 MB');
  }
}

/** context.write accepts strings or objects; objects are stored as JSON, as NetSuite does. */
export function asStoredString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}

export function persistedLimitError(bytes: number, limit: number) {
  return suiteScriptError(
    'PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED',
    `The Map/Reduce script's persisted data (${bytes} bytes of keys and values waiting for map or reduce, and written results) exceeds the limit of ${limit} bytes`,
  );
}

/** [open] NetSuite's code for an invocation over its time limit; SSS_TIME_LIMIT_EXCEEDED is the one scheduled scripts report. */
export function timeLimitError(stage: keyof typeof INVOCATION_TIME_LIMIT_MS, ms: number) {
  return suiteScriptError('SSS_TIME_LIMIT_EXCEEDED', `The ${stage} invocation ran ${Math.round(ms / 1000)} s, over its limit of ${INVOCATION_TIME_LIMIT_MS[stage] / 60_000} minutes`);
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
