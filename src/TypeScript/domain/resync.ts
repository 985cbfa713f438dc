/**
 * "Resync now" on a customer or contact page: the record page links to the settings page with
 * the record named in a parameter; the settings page asks, and only its confirming POST queues
 * the record again, whole (which fields changed is not known), for the next drain.
 */
import { unknownChanges } from './changeDetection';
import { newEntry } from './outboxEntry';
import type { NewOutboxEntry, RecordKind } from './types';

/** The settings page's parameter naming the record to resync, as "customer:123". */
export const RESYNC_PARAM = 'fsc_resync';
/** The confirming button's action value: this prefix, then the record as above. */
export const RESYNC_ACTION_PREFIX = 'resync:';

export interface ResyncTarget {
  kind: RecordKind;
  id: string;
}

/** "customer:123" → the record; anything else (a forged or mangled value) → null. */
export function parseResyncTarget(value: string | undefined | null): ResyncTarget | null {
  const m = /^(customer|contact):([1-9]\d{0,11})$/.exec(String(value ?? ''));
  return m ? { kind: m[1] as RecordKind, id: m[2]! } : null;
}

export function resyncEntry(target: ResyncTarget, now: number, user: string): NewOutboxEntry {
  return newEntry({ kind: target.kind, recordIds: [target.id], capturedAt: now, source: `admin resync by ${user}`, changedFields: unknownChanges(target.kind, 'update') });
}
