/**
 * "Retry dead letters": each dead letter is closed (DONE) and its records are queued again as a
 * new PENDING entry above the drain cursor, keeping what a delete or a move needs (tombstones,
 * previous companies and keys) and when the change was first captured; then the drain is nudged.
 * Uses only the outbox port's append and close. Costs 8 units per dead letter (close 2, append
 * 6), so the caller passes a budget check.
 */
import type { OutboxEntry } from '../domain/types';
import type { Clock, DrainTrigger, OutboxStore, TriggerResult } from './ports';
import { firstCaptureOf } from '../domain/firstCapture';
import { newEntry } from '../domain/outboxEntry';

export interface RetryReport {
  requeued: number;
  records: number;
  /** Dead letters left for another click because governance ran low. */
  left: number;
  drain: TriggerResult | 'not_needed';
}

export function retryDeadLetters(dead: readonly OutboxEntry[], deps: { outbox: OutboxStore; trigger: DrainTrigger; clock: Clock; canContinue: () => boolean }): RetryReport {
  let requeued = 0;
  let records = 0;
  for (const entry of dead) {
    if (entry.status !== 'DEAD') continue;
    if (!deps.canContinue()) break;
    // Append first: a crash between the two leaves a duplicate (harmless upsert), never a loss.
    deps.outbox.append([
      newEntry({
        kind: entry.kind,
        recordIds: entry.recordIds,
        event: entry.event,
        // The fields whose change it carried: an emptied custom field is still cleared on the retry.
        changedFields: entry.changedFields,
        capturedAt: deps.clock.now(),
        // Queued again, not changed again: the change waits since it was first captured.
        firstCapturedAt: firstCaptureOf(entry),
        source: `admin retry of dead letter ${entry.id}`,
        tombstones: entry.tombstones,
        previousCompanies: entry.previousCompanies,
        previousKeys: entry.previousKeys ?? {},
      }),
    ]);
    deps.outbox.close([entry.id]);
    requeued++;
    records += entry.recordIds.length;
  }
  const left = dead.filter((e) => e.status === 'DEAD').length - requeued;
  return { requeued, records, left, drain: requeued > 0 ? deps.trigger.submit() : 'not_needed' };
}
