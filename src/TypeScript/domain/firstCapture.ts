/**
 * When a change was first captured. Each retry or re-queue writes a new entry stamped with its
 * own time; the first capture rides along so the age of what waits (the admin page, the waiting
 * alert) counts from the change, not from its last failed attempt.
 */

interface Captured {
  firstCapturedAt?: number;
  capturedAt?: number;
  /** A batch's, per record. */
  firstCaptures?: Record<string, number>;
}

/** An entry's or a batch's first capture (a batch's: its records' earliest); an entry from before the field had only `capturedAt`. */
export function firstCaptureOf(from: Captured & { capturedAt: number }): number;
export function firstCaptureOf(from: Captured): number | undefined;
export function firstCaptureOf(from: Captured): number | undefined {
  return from.firstCapturedAt ?? (from.firstCaptures ? earliest(Object.values(from.firstCaptures)) : undefined) ?? from.capturedAt;
}

/** The earliest of these times, undefined when none is known. */
export function earliest(times: Iterable<number | undefined>): number | undefined {
  let min: number | undefined;
  for (const t of times) if (t !== undefined && (min === undefined || t < min)) min = t;
  return min;
}
