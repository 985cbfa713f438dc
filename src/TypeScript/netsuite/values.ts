/** Turning N/record and N/search values into the engine's plain values. */
import * as format from 'N/format';

/** A Date from any realm (N/ modules may hand over Dates made outside the script's globals). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A search or lookup date (text in the user's format, or a Date) → epoch ms, or null. */
export function dateMs(value: unknown): number | null {
  if (isDate(value)) return value.getTime();
  if (value === null || value === undefined || value === '') return null;
  const parsed = format.parse({ value: String(value), type: format.Type.DATETIME }) as unknown;
  return isDate(parsed) && !Number.isNaN(parsed.getTime()) ? parsed.getTime() : null;
}

/** epoch ms → text for a date search filter. */
export function dateFilter(ms: number): string {
  return format.format({ value: new Date(ms), type: format.Type.DATETIME }) as string;
}

/** lookupFields returns selects as [{value, text}]: the value (or text) of the first. */
export function lookupValue(v: unknown, want: 'value' | 'text' = 'value'): string {
  if (Array.isArray(v)) {
    const first = v[0] as { value?: unknown; text?: unknown } | undefined;
    return first ? String(first[want] ?? '') : '';
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  return String(v);
}

export function num(v: unknown, fallback = 0): number {
  const n = typeof v === 'number' ? v : Number(v);
  return v === '' || v === null || v === undefined || !Number.isFinite(n) ? fallback : n;
}

export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text.trim() === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
