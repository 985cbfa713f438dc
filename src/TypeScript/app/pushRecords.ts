/**
 * Sends a list of records and gives each one an outcome. On 413 or a batch-level rejection it
 * splits the list in halves and tries again, so one oversized or poisonous record is isolated
 * instead of sinking its neighbours; a request budget bounds the splitting.
 */
import { authPauseMessage } from '../domain/pauseCause';
import { failureNature, type RecordFailure, type Verdict } from '../domain/classify';
import { BUDGET_USED_UP } from '../domain/pushBudget';
import { sendable } from '../domain/sendable';
import { matchFailures } from '../freshsuccess/failures';

export type RecordOutcome =
  | { kind: 'ok' }
  | { kind: 'data'; message: string }
  | { kind: 'transient'; message: string; retryAfterMs: number | null; ambiguous?: boolean }
  | { kind: 'auth'; message: string }
  /** Not sent: its company's push is being retried; retried with it. */
  | { kind: 'wait'; notBefore: number }
  /** Refused for a reason that is not the record's fault nor temporary (a contact of a churned account): reported, not retried. */
  | { kind: 'skipped'; message: string };

export interface RequestBudget {
  used: number;
  max: number;
  /** Set once Freshsuccess refuses the key: nothing more is sent in this invocation. */
  authMessage: string | null;
  /** failed_results that named no record sent (collected for the caller's log). */
  unmatched?: RecordFailure[];
}

/** Records answered fine in a request that also reported a failure we could not place. */
function unsureOutcome(unmatched: readonly RecordFailure[]): RecordOutcome {
  const first = (unmatched[0]?.message ?? '').slice(0, 200);
  return { kind: 'transient', message: `Freshsuccess reported ${unmatched.length} failure(s) naming no record sent (${first}); the request's records are sent again to be sure`, retryAfterMs: null };
}

export function pushRecords<P extends { account_id: string; user_id?: string }>(
  payloads: readonly P[],
  post: (records: P[]) => Verdict,
  budget: RequestBudget,
): RecordOutcome[] {
  const outcomes: RecordOutcome[] = payloads.map(() => ({ kind: 'transient', message: 'not sent', retryAfterMs: null }));
  // Checked one by one before any request: a record that cannot be encoded is refused alone.
  const ready: P[] = [];
  const sendableIndices: number[] = [];
  payloads.forEach((payload, i) => {
    const check = sendable(payload);
    ready[i] = check.ok ? check.payload : payload;
    if (check.ok) sendableIndices.push(i);
    else outcomes[i] = { kind: 'data', message: check.reason };
  });
  const send = (indices: number[]): void => {
    if (indices.length === 0) return;
    if (budget.authMessage !== null) {
      for (const i of indices) outcomes[i] = { kind: 'auth', message: budget.authMessage };
      return;
    }
    if (budget.used >= budget.max) {
      for (const i of indices) outcomes[i] = { kind: 'transient', message: BUDGET_USED_UP, retryAfterMs: null };
      return;
    }
    budget.used++;
    const records = indices.map((i) => ready[i] as P);
    const verdict = post(records);
    const splitOr = (single: RecordOutcome) => {
      if (indices.length > 1) {
        const half = Math.ceil(indices.length / 2);
        send(indices.slice(0, half));
        send(indices.slice(half));
      } else outcomes[indices[0] as number] = single;
    };
    switch (verdict.kind) {
      case 'ok': {
        const { byIndex, unmatched } = matchFailures(records, verdict.failures);
        // A failure whose key matches nothing we sent (e.g. a key the server normalised) may be
        // about any record of this request: none of them is taken as landed. They are sent again
        // (upserts are idempotent); a server that keeps answering so keeps them retrying, flagged
        // as long-retrying, rather than counting a lost record as sent.
        const fine: RecordOutcome = unmatched.length > 0 ? unsureOutcome(unmatched) : { kind: 'ok' };
        if (unmatched.length > 0) budget.unmatched?.push(...unmatched);
        indices.forEach((i, local) => {
          const message = byIndex.get(local);
          outcomes[i] = message === undefined ? fine : { kind: 'data', message };
        });
        return;
      }
      case 'transient':
        for (const i of indices) outcomes[i] = transientOutcome(verdict);
        return;
      case 'auth':
        budget.authMessage = authPauseMessage(verdict);
        for (const i of indices) outcomes[i] = { kind: 'auth', message: budget.authMessage };
        return;
      case 'too_large':
        return splitOr({ kind: 'data', message: 'Record too large: Freshsuccess answered 413 for this record alone' });
      case 'rejected':
        return splitOr({ kind: 'data', message: verdict.message });
    }
  };
  send(sendableIndices);
  return outcomes;
}

/** Worst outcome first: a record with several ops takes its worst. */
const RANK: Record<RecordOutcome['kind'], number> = { ok: 0, skipped: 1, data: 2, wait: 3, transient: 4, auth: 5 };

export function worse(a: RecordOutcome | undefined, b: RecordOutcome): RecordOutcome {
  const w = a === undefined || RANK[b.kind] > RANK[a.kind] ? b : a;
  // A request of the record's that may still be applied late stays known whichever failure wins.
  if (w.kind === 'transient' && !w.ambiguous && ((a?.kind === 'transient' && a.ambiguous) || (b.kind === 'transient' && b.ambiguous))) return { ...w, ambiguous: true };
  return w;
}

/** A transient verdict as a record's outcome, keeping whether the request may still be applied. */
export function transientOutcome(v: { message: string; retryAfterMs: number | null; ambiguous?: boolean }): RecordOutcome {
  return v.ambiguous ? { kind: 'transient', message: v.message, retryAfterMs: v.retryAfterMs, ambiguous: true } : { kind: 'transient', message: v.message, retryAfterMs: v.retryAfterMs };
}

/** Record-level failures that a retry heals (a parent that lands later) are transient, not data. */
export function healable(o: RecordOutcome): RecordOutcome {
  if (o.kind === 'data' && failureNature(o.message) === 'parent_missing') return { kind: 'transient', message: o.message, retryAfterMs: null };
  return o;
}
