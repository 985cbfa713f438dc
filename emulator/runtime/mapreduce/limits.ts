/** Map/Reduce platform numbers (docs/netsuite-platform-facts.md §2). */
import { suiteScriptError } from '../https/suiteScriptError';

/** Keys are limited to 3,000 bytes, values to 10 MB (NetSuite's error names say bytes). */
export const MAX_KEY_BYTES = 3000;
export const MAX_VALUE_BYTES = 10 * 1024 * 1024;
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
