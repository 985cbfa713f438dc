/**
 * A request whose outcome the client cannot know (it timed out, the connection dropped, a gateway
 * gave up) may still be applied by Freshsuccess later, after a newer change of the same record was
 * sent: the late write would undo it (a deleted customer active again, an old name back). So the
 * records of such a request are pushed once more after the ambiguity window, from NetSuite's state
 * then: the current values of a live record, or the delete again for a record gone since.
 */
import type { Tombstone } from './types';
import type { WorkBatch } from './workBatch';

/**
 * [open] How long after the client gave up Freshsuccess may still apply a request is not
 * documented. NetSuite's N/https waits at most 45 s for an answer; 15 minutes is a wide margin
 * over that, and a request applied even later is caught by a reconcile (sandbox checklist F14).
 */
export const AMBIGUITY_WINDOW_MS = 15 * 60_000;

export const LATE_WRITE_CHECK_MESSAGE = 'Sent again after a request whose outcome is unknown (it timed out or the connection dropped): Freshsuccess may still apply that request late, so the current state follows it';

/**
 * For each record, what the check needs if the record is gone by then: a deleted record's own
 * tombstone, or the keys last sent for a live one (Tombstone.ifGone). The old association of a
 * moved contact (role 'detach') needs none: its deactivation is re-sent from the tombstone.
 */
export function lateWriteCheckTombstones(batch: WorkBatch, recordIds: readonly string[]): Record<string, Tombstone> {
  const wanted = new Set(recordIds);
  const out: Record<string, Tombstone> = {};
  for (const id of recordIds) {
    const tomb = batch.tombstones[id];
    if (tomb) out[id] = tomb;
  }
  if (batch.kind === 'accounts') {
    for (const op of batch.ops) {
      if (op.op === 'upsert' && wanted.has(op.recordId) && !out[op.recordId]) out[op.recordId] = { accountId: op.payload.account_id, ifGone: true };
    }
  } else {
    for (const op of batch.ops) {
      if (op.role === 'current' && wanted.has(op.recordId) && !out[op.recordId]) out[op.recordId] = { accountId: op.payload.account_id, userId: op.payload.user_id, ifGone: true };
    }
  }
  return out;
}
