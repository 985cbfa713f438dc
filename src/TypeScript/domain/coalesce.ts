/**
 * Many outbox entries for one record become one work item: the drain pushes the record's
 * current state once, however many times it was edited. A delete wins (internal ids are never
 * reused, so nothing can follow it).
 */
import { earliest, firstCaptureOf } from './firstCapture';
import type { OutboxEntry, RecordKind, Tombstone } from './types';

export interface WorkItem {
  kind: RecordKind;
  recordId: string;
  deleted: boolean;
  tombstone: Tombstone | null;
  /** Contacts only: account_ids of companies the contact was moved away from. */
  previousAccountIds: string[];
  /** PENDING entries covered (the drain cursor moves past them). */
  pendingIds: number[];
  /** RETRY entries covered (closed as DONE once their batches are done). */
  retryEntryIds: number[];
  /** Highest attempt among the retry entries covered; 0 for fresh changes. */
  attempt: number;
  /** Earliest first capture among the covered entries; none for work no entry asked for (a full sync). */
  firstCapturedAt?: number;
  /** Every synced field the covered entries saw change. */
  changedFields: string[];
  /** Keys the record had before (re-keyed customers and contacts), oldest first. */
  previousKeys?: string[];
  /** Keys last sent while it was live: deactivated if the record is gone by the time it is pushed (Tombstone.ifGone). */
  ifGone?: Tombstone;
}

/** A work item covering nothing yet; callers say what differs (a full sync's pending id, say). */
export function workItem(kind: RecordKind, recordId: string, fields: Partial<Omit<WorkItem, 'kind' | 'recordId'>> = {}): WorkItem {
  return { kind, recordId, deleted: false, tombstone: null, previousAccountIds: [], pendingIds: [], retryEntryIds: [], attempt: 0, changedFields: [], ...fields };
}

function itemKey(kind: RecordKind, recordId: string): string {
  return `${kind}:${recordId}`;
}

/** Entries must be the due ones only (PENDING past the cursor, RETRY with not_before ≤ now). */
export function coalesce(entries: readonly OutboxEntry[]): WorkItem[] {
  const items = new Map<string, WorkItem>();
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  for (const e of sorted) {
    for (const recordId of e.recordIds) {
      const key = itemKey(e.kind, recordId);
      let item = items.get(key);
      if (!item) {
        item = workItem(e.kind, recordId);
        items.set(key, item);
      }
      for (const f of e.changedFields) if (!item.changedFields.includes(f)) item.changedFields.push(f);
      item.firstCapturedAt = earliest([item.firstCapturedAt, firstCaptureOf(e)]);
      if (e.status === 'RETRY') {
        if (!item.retryEntryIds.includes(e.id)) item.retryEntryIds.push(e.id);
        item.attempt = Math.max(item.attempt, e.attempt);
      } else {
        item.pendingIds.push(e.id);
      }
      // A tombstone marks a deleted record even in a grouped (retry) entry whose event is not 'delete'.
      const tomb = e.tombstones[recordId];
      if (tomb?.ifGone) item.ifGone = tomb;
      else if (e.event === 'delete' || tomb) {
        item.deleted = true;
        if (tomb) item.tombstone = { ...item.tombstone, ...tomb };
      }
      const oldKey = e.previousKeys?.[recordId];
      if (oldKey) {
        const keys = (item.previousKeys = item.previousKeys ?? []);
        if (!keys.includes(oldKey)) keys.push(oldKey);
      }
      // Only the first move's old company is what Freshsuccess holds: later ones were never pushed.
      const previous = e.previousCompanies[recordId];
      if (previous && item.previousAccountIds.length === 0) item.previousAccountIds.push(previous);
    }
  }
  return [...items.values()];
}
