/**
 * Matching failed_results to the records we sent: by key (account_id, plus user_id for
 * contacts) as production clients do; by the `record` index only when the server sent one and
 * the key did not match (seen in mocks only).
 */
import type { RecordFailure } from '../domain/classify';

export interface MatchedFailures {
  /** Index in the submitted array → Freshsuccess's message. */
  byIndex: Map<number, string>;
  /** Failures that named no record we sent (kept for the run's report). */
  unmatched: RecordFailure[];
}

export function matchFailures(records: ReadonlyArray<{ account_id: string; user_id?: string }>, failures: readonly RecordFailure[]): MatchedFailures {
  const byIndex = new Map<number, string>();
  const unmatched: RecordFailure[] = [];
  for (const f of failures) {
    let matched = false;
    if (f.accountId !== undefined) {
      records.forEach((r, i) => {
        if (r.account_id === f.accountId && (f.userId === undefined || r.user_id === f.userId)) {
          byIndex.set(i, f.message);
          matched = true;
        }
      });
    }
    if (!matched && f.index !== undefined && f.index >= 0 && f.index < records.length) {
      byIndex.set(f.index, f.message);
      matched = true;
    }
    if (!matched) unmatched.push(f);
  }
  return { byIndex, unmatched };
}
