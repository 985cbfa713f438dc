/**
 * When a change was first captured. Each retry or re-queue writes a new entry stamped with its
 * own time; the first capture rides along so the age of what waits (the admin page, the waiting
 * alert) counts from the change, not from its last failed attempt.
 */

/** An entry's or a batch's first capture; an entry from before the field had only `capturedAt`. */
export function firstCaptureOf(from: { firstCapturedAt?: number; capturedAt: number }): number;
export function firstCaptureOf(from: { firstCapturedAt?: number; capturedAt?: number }): number | undefined;
export function firstCaptureOf(from: { firstCapturedAt?: number; capturedAt?: number }): number | undefined {
  return from.firstCapturedAt ?? from.capturedAt;
}

/** The earliest of these times, undefined when none is known. */
export function earliest(times: Iterable<number | undefined>): number | undefined {
  let min: number | undefined;
  for (const t of times) if (t !== undefined && (min === undefined || t < min)) min = t;
  return min;
}
