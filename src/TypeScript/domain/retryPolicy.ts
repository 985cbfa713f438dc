/**
 * When to try again. Exponential backoff with "equal jitter" (half fixed, half random) so a
 * burst of failures does not come back in lockstep; the random source is injected so tests are
 * deterministic. A server's Retry-After is a floor, never shortened by jitter.
 */
import type { RetrySettings } from './config';

export type RandomSource = () => number;

export type RetryDecision = { kind: 'retry'; attempt: number; notBefore: number } | { kind: 'give_up'; attempt: number };

export function backoffDelayMs(attempt: number, settings: RetrySettings, random: RandomSource, retryAfterMs: number | null = null): number {
  const exp = Math.min(settings.maxDelayMs, settings.baseDelayMs * Math.pow(2, Math.max(0, attempt - 1)));
  const r = Math.min(1, Math.max(0, random()));
  const jittered = Math.round(exp / 2 + r * (exp / 2));
  return retryAfterMs !== null && retryAfterMs > jittered ? retryAfterMs : jittered;
}

/**
 * After a failed attempt: retry, or give up once `maxAttempts` requests were made in all (the
 * first push included).
 * @param previousAttempt the failing work's attempt number: 0 for a fresh capture, n for the n-th retry entry.
 * @returns `attempt` = attempts made so far, which the retry entry carries.
 */
export function decideRetry(previousAttempt: number, now: number, settings: RetrySettings, random: RandomSource, retryAfterMs: number | null = null): RetryDecision {
  const attempt = previousAttempt + 1;
  if (attempt >= settings.maxAttempts) return { kind: 'give_up', attempt };
  return { kind: 'retry', attempt, notBefore: now + backoffDelayMs(attempt, settings, random, retryAfterMs) };
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
