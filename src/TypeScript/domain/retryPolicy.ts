/**
 * When to try again. Exponential backoff with "equal jitter" (half fixed, half random) so a
 * burst of failures does not come back in lockstep; the random source is injected so tests are
 * deterministic. A server's Retry-After is a floor, never shortened by jitter.
 */
import type { RetrySettings } from './config';

export type RandomSource = () => number;

/** `longRetrying`: the record has failed warnAfterAttempts times or more (shown to the admin). */
export interface RetryDecision {
  attempt: number;
  notBefore: number;
  longRetrying: boolean;
}

export function backoffDelayMs(attempt: number, settings: RetrySettings, random: RandomSource, retryAfterMs: number | null = null): number {
  const exp = Math.min(settings.maxDelayMs, settings.baseDelayMs * Math.pow(2, Math.max(0, attempt - 1)));
  const r = Math.min(1, Math.max(0, random()));
  const jittered = Math.round(exp / 2 + r * (exp / 2));
  return retryAfterMs !== null && retryAfterMs > jittered ? retryAfterMs : jittered;
}

/**
 * After a transient failure: always retry (nothing is lost to an outage of any length), with a
 * delay that grows to maxDelayMs and stays there; long-retrying from warnAfterAttempts attempts
 * in all (the first push included).
 * @param previousAttempt the failing work's attempt number: 0 for a fresh capture, n for the n-th retry entry.
 * @returns `attempt` = attempts made so far, which the retry entry carries.
 */
export function decideRetry(previousAttempt: number, now: number, settings: RetrySettings, random: RandomSource, retryAfterMs: number | null = null): RetryDecision {
  const attempt = previousAttempt + 1;
  return { attempt, notBefore: now + backoffDelayMs(attempt, settings, random, retryAfterMs), longRetrying: attempt >= settings.warnAfterAttempts };
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now: number): number | null {
  if (value === undefined || value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
