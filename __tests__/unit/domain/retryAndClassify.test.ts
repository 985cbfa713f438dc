import { classify, failureNature } from '../../../src/TypeScript/domain/classify';
import { DEFAULT_RETRY } from '../../../src/TypeScript/domain/config';
import { backoffDelayMs, decideRetry, parseRetryAfter } from '../../../src/TypeScript/domain/retryPolicy';
import { LONG_RETRY_HINT, LONG_WAIT_HINT, longRetryHint } from '../../../src/TypeScript/domain/hints';
import { T0 } from '../fixtures';

const ok = (body: unknown, status = 200) => ({ kind: 'response' as const, status, headers: {}, body: JSON.stringify(body) });

describe('retry policy', () => {
  test('exponential backoff with equal jitter, capped', () => {
    const s = { warnAfterAttempts: 5, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect(backoffDelayMs(1, s, () => 0)).toBe(500);
    expect(backoffDelayMs(1, s, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, s, () => 0.5)).toBe(3000);
    expect(backoffDelayMs(10, s, () => 1)).toBe(10_000);
  });

  test('Retry-After is a floor that jitter never shortens', () => {
    const s = { warnAfterAttempts: 5, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect(backoffDelayMs(1, s, () => 0, 30_000)).toBe(30_000);
    expect(parseRetryAfter('120', T0)).toBe(120_000);
    expect(parseRetryAfter(new Date(T0 + 5000).toUTCString(), T0)).toBe(5000);
    expect(parseRetryAfter('soon', T0)).toBeNull();
  });

  test('never gives up: the delay grows to the cap and stays there; long-retrying from warnAfterAttempts', () => {
    expect(decideRetry(0, T0, DEFAULT_RETRY, () => 0)).toEqual({ attempt: 1, notBefore: T0 + 30_000, longRetrying: false });
    // warnAfterAttempts counts every request, the first push included.
    expect(decideRetry(DEFAULT_RETRY.warnAfterAttempts - 2, T0, DEFAULT_RETRY, () => 0)).toMatchObject({ attempt: DEFAULT_RETRY.warnAfterAttempts - 1, longRetrying: false });
    expect(decideRetry(DEFAULT_RETRY.warnAfterAttempts - 1, T0, DEFAULT_RETRY, () => 0)).toMatchObject({ attempt: DEFAULT_RETRY.warnAfterAttempts, longRetrying: true });
    // A day-long outage: attempt 40 is still retried, at the capped delay (equal jitter: half to full).
    const late = decideRetry(39, T0, DEFAULT_RETRY, () => 1);
    expect(late).toEqual({ attempt: 40, notBefore: T0 + DEFAULT_RETRY.maxDelayMs, longRetrying: true });
  });

  test('a long-retrying entry says what it waits for: Freshsuccess itself, or a parent or company that has not landed', () => {
    expect(longRetryHint('HTTP 503: Service Unavailable')).toBe(LONG_RETRY_HINT);
    expect(longRetryHint('SSS_REQUEST_TIME_EXCEEDED')).toBe(LONG_RETRY_HINT);
    expect(longRetryHint('Parent account not found: 561')).toBe(LONG_WAIT_HINT);
    expect(longRetryHint('Account not found')).toBe(LONG_WAIT_HINT);
  });
});

describe('classify', () => {
  test('status_is_ok with failed_results gives per-record failures matched by key', () => {
    const v = classify(ok({ status_is_ok: true, failed_results: [{ message: 'Account not found', account_id: 'A1', user_id: 7, record: 2 }] }), T0);
    expect(v).toEqual({ kind: 'ok', failures: [{ message: 'Account not found', accountId: 'A1', userId: '7', index: 2 }], body: expect.anything() });
  });

  test('transient: 5xx, 429 with Retry-After, timeouts, dropped connections, non-JSON 200', () => {
    expect(classify(ok({ message: 'boom' }, 503), T0)).toMatchObject({ kind: 'transient', retryAfterMs: null });
    expect(classify({ kind: 'response', status: 429, headers: { 'retry-after': '7' }, body: '' }, T0)).toMatchObject({ kind: 'transient', retryAfterMs: 7000 });
    expect(classify({ kind: 'network', reason: 'timeout', message: 'SSS_REQUEST_TIME_EXCEEDED' }, T0)).toMatchObject({ kind: 'transient' });
    expect(classify({ kind: 'network', reason: 'connection', message: 'reset' }, T0)).toMatchObject({ kind: 'transient' });
    expect(classify({ kind: 'response', status: 200, headers: {}, body: '<html>' }, T0)).toMatchObject({ kind: 'transient' });
  });

  test('auth, too large, batch-level rejection', () => {
    expect(classify(ok({ message: 'bad key' }, 401), T0)).toEqual({ kind: 'auth', status: 401, message: 'bad key', by: 'freshsuccess' });
    // NetSuite refusing the key reference is a refusal too, but NetSuite's, and nothing was sent.
    expect(classify({ kind: 'key_reference', message: 'NetSuite refused to use the key reference (INVALID_SECRET_KEY_OR_GUID)' }, T0)).toEqual({ kind: 'auth', status: 0, by: 'netsuite', message: 'NetSuite refused to use the key reference (INVALID_SECRET_KEY_OR_GUID)' });
    expect(classify(ok({}, 403), T0)).toMatchObject({ kind: 'auth', status: 403 });
    expect(classify(ok({}, 413), T0)).toMatchObject({ kind: 'too_large' });
    expect(classify(ok({ status_is_ok: false, message: "Missing/invalid required field(s) for Accounts insert: 'join_date'" }), T0)).toEqual({
      kind: 'rejected',
      status: 200,
      message: "Missing/invalid required field(s) for Accounts insert: 'join_date'",
    });
    expect(classify(ok({ status_is_ok: false, message: 'Service temporarily unavailable' }), T0)).toMatchObject({ kind: 'transient' });
    expect(classify(ok({ message: 'bad' }, 400), T0)).toMatchObject({ kind: 'rejected', status: 400 });
  });

  test('record failure nature', () => {
    expect(failureNature('Account not found')).toBe('account_missing');
    expect(failureNature('Parent account not found: P1')).toBe('parent_missing');
    expect(failureNature('Invalid type for property: join_date (expecting timestamp)')).toBe('data');
  });
});

describe('hints', () => {
  test('specific before generic: a refused move is about moving, an unknown field about the mapping', () => {
    const { hintFor } = jest.requireActual('../../../src/TypeScript/domain/hints') as typeof import('../../../src/TypeScript/domain/hints');
    expect(hintFor('Contact 5 belongs to account 7; moving contacts is not allowed')).toMatch(/move the contact/);
    expect(hintFor('Unknown property: phone_number')).toMatch(/fields never sent/);
    expect(hintFor("Missing/invalid required field(s) for Accounts insert: 'join_date'")).toMatch(/Date Created/);
    expect(hintFor('Account not found')).toMatch(/company/);
    expect(hintFor('something else entirely')).toMatch(/save it again/);
  });
});
