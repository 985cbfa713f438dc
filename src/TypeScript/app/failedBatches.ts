/**
 * Poison-batch guard for the drain's summarize. A map or reduce invocation that died (an uncaught
 * error, SSS_USAGE_LIMIT_EXCEEDED, a time limit) wrote nothing for its batch, and its key names
 * only the batch's lowest entry and the plan's highest. Holding the cursor below such a batch
 * would re-plan the same batch every run and fail the same way for good; instead the open work
 * the batch may have covered becomes one RETRY entry per record kind, due after a backoff, and
 * the cursor moves on. Conservative: every entry of that kind from the batch's lowest entry to the
 * plan's highest, plus the kind's RETRY entries that were due, is parked (records of batches that
 * did land are pushed once more; upserts are idempotent and a DELETE of a gone account is done).
 */
import { mergeCarryOver } from '../domain/carryOver';
import { DEFAULT_RETRY } from '../domain/config';
import { newEntry } from '../domain/outboxEntry';
import { backoffDelayMs } from '../domain/retryPolicy';
import type { NewOutboxEntry, OutboxEntry, RecordKind } from '../domain/types';
import { decodeBatchKey } from '../domain/workBatch';
import type { OutboxStore, SyncState } from './ports';

const PARKED_MESSAGE = 'Its push stopped with an error in the drain (see the drain script log); retried later';

const KIND_OF_LETTER: Record<string, RecordKind | undefined> = { A: 'customer', C: 'contact' };

export interface Parked {
  entries: NewOutboxEntry[];
  closed: number[];
}

/** What to write for the failed keys, from the entries open above the cursor the run started from. */
function parkFailedBatches(failedKeys: readonly string[], open: readonly OutboxEntry[], now: number): Parked {
  const ranges = new Map<RecordKind, { min: number; max: number }>();
  for (const key of failedKeys) {
    const k = decodeBatchKey(key);
    const kind = k ? KIND_OF_LETTER[k.letter] : undefined;
    if (!k || !kind) continue;
    const r = ranges.get(kind);
    const min = k.minPending > 0 ? k.minPending : k.planMax + 1;
    ranges.set(kind, { min: Math.min(r?.min ?? min, min), max: Math.max(r?.max ?? k.planMax, k.planMax) });
  }
  const entries: NewOutboxEntry[] = [];
  const closed: number[] = [];
  for (const [kind, range] of ranges) {
    const covered = open.filter(
      (e) => e.kind === kind && ((e.status === 'PENDING' && e.id >= range.min && e.id <= range.max) || (e.status === 'RETRY' && (e.notBefore ?? 0) <= now)),
    );
    if (covered.length === 0) continue;
    const ids = new Set<string>();
    const changed = new Set<string>();
    let attempt = 0;
    for (const e of covered) {
      e.recordIds.forEach((id) => ids.add(id));
      e.changedFields.forEach((f) => changed.add(f));
      attempt = Math.max(attempt, e.attempt);
      if (e.status === 'RETRY') closed.push(e.id);
    }
    attempt += 1;
    entries.push(
      newEntry({
        kind, recordIds: [...ids], changedFields: [...changed], capturedAt: now, source: 'drain: failed batch', status: 'RETRY', lastError: PARKED_MESSAGE, attempt,
        // The settings are not read in summarize: the default backoff, without jitter (one entry).
        notBefore: now + backoffDelayMs(attempt, DEFAULT_RETRY, () => 1),
        ...mergeCarryOver(covered),
      }),
    );
  }
  return { entries, closed };
}

/**
 * Writes the parked entries once and closes the RETRY entries they replace; returns the records
 * parked. Run before the cursor moves (outbox read 10 + one entry per kind 6 + closes 2 each).
 */
export function parkFailed(failedKeys: readonly string[], state: SyncState, now: number, outbox: OutboxStore): number {
  if (failedKeys.length === 0) return 0;
  const parked = parkFailedBatches(failedKeys, outbox.readOpen(state.drainCursor), now);
  // The run's own lease (taken when it planned) names the run: a restarted summarize writes nothing twice.
  const origin = `drain-failed:${state.pushLease?.since ?? now}`;
  if (parked.entries.length > 0 && !outbox.hasOrigin(origin)) outbox.append(parked.entries, origin);
  if (parked.closed.length > 0) outbox.close(parked.closed);
  return parked.entries.reduce((n, e) => n + e.recordIds.length, 0);
}
