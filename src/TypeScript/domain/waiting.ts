/**
 * Contacts wait for their company. When a company's push is being retried (a RETRY entry not yet
 * due, or its account batch failing in this very run), pushing its contacts now would only earn
 * `Account not found` and a second write of the company through the recovery path. Such contacts
 * are set aside and retried when their company is.
 */
import { carryOverOf } from './carryOver';
import type { WorkItem } from './coalesce';
import { newEntry } from './outboxEntry';
import type { ContactSnapshot, NewOutboxEntry, OutboxEntry } from './types';

/** What a contact held back for its company says while it waits. */
export const WAITING_MESSAGE = 'Waiting for its company, whose push is being retried';

/** Companies whose push waits for a retry, with the time it is due. */
export function companiesWaiting(entries: readonly OutboxEntry[], now: number): Map<string, number> {
  const waiting = new Map<string, number>();
  for (const e of entries) {
    if (e.kind !== 'customer' || e.status !== 'RETRY' || (e.notBefore ?? 0) <= now) continue;
    for (const id of e.recordIds) waiting.set(id, Math.max(waiting.get(id) ?? 0, e.notBefore ?? 0));
  }
  return waiting;
}

export interface Deferral {
  items: WorkItem[];
  notBefore: number;
}

/**
 * Splits contact items into those to push now and those to defer. A company pushed in this run
 * (in `pushedNow`) does not hold its contacts back.
 */
export function deferContacts(
  items: readonly WorkItem[],
  snapshots: ReadonlyMap<string, ContactSnapshot>,
  waiting: ReadonlyMap<string, number>,
  pushedNow: ReadonlySet<string>,
): { now: WorkItem[]; deferred: Deferral | null } {
  const now: WorkItem[] = [];
  const later: WorkItem[] = [];
  let notBefore = 0;
  for (const item of items) {
    const company = item.deleted ? undefined : snapshots.get(item.recordId)?.company?.id;
    const due = company === undefined || pushedNow.has(company) ? undefined : waiting.get(company);
    if (due === undefined) now.push(item);
    else {
      later.push(item);
      notBefore = Math.max(notBefore, due);
    }
  }
  return { now, deferred: later.length > 0 ? { items: later, notBefore } : null };
}

/** Deferred contacts as one RETRY entry, due when their companies are. */
export function waitingEntry(deferral: Deferral, now: number, source: string): NewOutboxEntry {
  const attempt = deferral.items.reduce((n, item) => Math.max(n, item.attempt), 0);
  const recordIds = deferral.items.map((i) => i.recordId);
  return newEntry({ kind: 'contact', recordIds, capturedAt: now, source, attempt, notBefore: deferral.notBefore, status: 'RETRY', lastError: WAITING_MESSAGE, ...carryOverOf(deferral.items) });
}
