/**
 * What a Freshsuccess answer means for the batch that was sent. Pure: takes the HTTP status,
 * headers and body text (or the transport failure) and returns a verdict the use cases act on.
 *
 * - 2xx with status_is_ok:true → ok, with per-record failures from failed_results;
 * - 5xx, 429, timeouts, dropped connections → transient (retry with backoff, Retry-After honoured);
 * - 401/403 → auth (stop pushing, keep queuing);
 * - 413 → too_large (split and retry);
 * - status_is_ok:false or other 4xx → rejected (nothing written; classified by message).
 */
import { parseRetryAfter } from './retryPolicy';

export type TransportResult =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'network'; reason: 'timeout' | 'connection'; message: string }
  /** NetSuite would not use the key reference (an unknown or restricted API Secret): nothing was sent. */
  | { kind: 'key_reference'; message: string };

export interface RecordFailure {
  message: string;
  accountId?: string;
  userId?: string;
  /** 0-based index into the submitted array, only when the server sends one [mock]. */
  index?: number;
}

export type Verdict =
  | { kind: 'ok'; failures: RecordFailure[]; body: unknown }
  /**
   * `ambiguous`: the client cannot know whether Freshsuccess applied the request (it timed out,
   * the connection dropped, a gateway gave up): it may still be applied later (app/pushBatch.ts).
   */
  | { kind: 'transient'; message: string; retryAfterMs: number | null; ambiguous?: boolean }
  /** `by`: who refused; NetSuite refuses a key reference before anything is sent (status 0 then). */
  | { kind: 'auth'; status: number; message: string; by: 'netsuite' | 'freshsuccess' }
  | { kind: 'too_large'; message: string }
  | { kind: 'rejected'; status: number; message: string };

function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === wanted) return headers[k];
  return undefined;
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function messageOf(parsed: unknown, fallback: string): string {
  if (parsed && typeof parsed === 'object') {
    const m = (parsed as Record<string, unknown>)['message'];
    if (typeof m === 'string' && m !== '') return m;
  }
  return fallback;
}

function asKey(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function failuresOf(parsed: Record<string, unknown>): RecordFailure[] {
  const list = parsed['failed_results'];
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const f = (item ?? {}) as Record<string, unknown>;
    const failure: RecordFailure = { message: typeof f['message'] === 'string' ? f['message'] : 'record rejected (no message)' };
    const accountId = asKey(f['account_id']);
    const userId = asKey(f['user_id']);
    if (accountId !== undefined) failure.accountId = accountId;
    if (userId !== undefined) failure.userId = userId;
    if (typeof f['record'] === 'number' && Number.isInteger(f['record'])) failure.index = f['record'];
    return failure;
  });
}

const TRANSIENT_MESSAGE = /timeout|timed out|temporar|try again|unavailable|overload|rate limit/i;

export function classify(result: TransportResult, now: number): Verdict {
  if (result.kind === 'network') {
    return { kind: 'transient', message: result.reason === 'timeout' ? `request timed out: ${result.message}` : `connection failed: ${result.message}`, retryAfterMs: null, ambiguous: true };
  }
  if (result.kind === 'key_reference') return { kind: 'auth', status: 0, by: 'netsuite', message: result.message };
  const { status } = result;
  const parsed = parseBody(result.body);
  const text = messageOf(parsed, `HTTP ${status}`);
  if (status === 401 || status === 403) return { kind: 'auth', status, message: text, by: 'freshsuccess' };
  if (status === 413) return { kind: 'too_large', message: text };
  if (status === 429 || status >= 500) {
    const verdict: Verdict = { kind: 'transient', message: `HTTP ${status}: ${text}`, retryAfterMs: parseRetryAfter(header(result.headers, 'Retry-After'), now) };
    // A gateway that gave up waiting may have left the request running behind it.
    if (status === 504) verdict.ambiguous = true;
    return verdict;
  }
  if (status < 200 || status >= 300) return { kind: 'rejected', status, message: text };
  if (!parsed || typeof parsed !== 'object') return { kind: 'transient', message: `HTTP ${status} with a body that is not JSON`, retryAfterMs: null };
  const obj = parsed as Record<string, unknown>;
  if (obj['status_is_ok'] !== true) {
    // Batch-level: nothing was written. A message that reads as transient is retried as such.
    if (TRANSIENT_MESSAGE.test(text)) return { kind: 'transient', message: text, retryAfterMs: null };
    return { kind: 'rejected', status, message: text };
  }
  return { kind: 'ok', failures: failuresOf(obj), body: parsed };
}

/** Record-level failures that heal by themselves or by a corrective push, not by the admin. */
export type FailureNature = 'account_missing' | 'parent_missing' | 'data';

export function failureNature(message: string): FailureNature {
  if (/^account not found/i.test(message.trim())) return 'account_missing';
  if (/parent/i.test(message) && /not found|does not exist|missing/i.test(message)) return 'parent_missing';
  return 'data';
}

/**
 * Whether a refused DELETE means there was nothing to remove, which is done. Freshsuccess may
 * answer a missing item with HTTP 404 or with `status_is_ok:false` "Account not found" (which one
 * is not documented): both count. A 404 naming neither the account nor the value is another
 * matter on a removal path only seen in client code (dimension values): the path itself may be
 * wrong or unsupported, and the value would stay in Freshsuccess, so it is an error.
 */
export function nothingToRemove(v: Verdict, path: 'documented' | 'client-only'): boolean {
  if (v.kind !== 'rejected') return false;
  if (/\b(account|dimension|value|key)s? not found\b/i.test(v.message)) return true;
  return path === 'documented' && v.status === 404;
}
