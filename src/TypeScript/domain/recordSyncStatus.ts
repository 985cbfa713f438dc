/**
 * What the Freshsuccess subtab of a customer or contact says: where the record's latest changes
 * stand, from its own outbox entries (newest first) and the drain's cursor. Plain words for the
 * person looking at the record: sent, waiting (and how many changes), to retry, refused with
 * Freshsuccess's reason and the hint, skipped, or nothing queued within the retention.
 */
import type { OutboxEntry } from './types';

export type RecordEntry = Pick<OutboxEntry, 'id' | 'status' | 'capturedAt' | 'lastError' | 'hint' | 'attempt' | 'notBefore' | 'event'>;

export interface RecordSyncStatus {
  level: 'ok' | 'waiting' | 'problem' | 'none';
  /** One line: the record's standing. */
  headline: string;
  /** The figures behind it, each "label: value". */
  details: string[];
}

const when = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** An entry still to be sent: pending above the drain's cursor, or waiting to retry. */
function isWaiting(e: RecordEntry, drainCursor: number): boolean {
  return (e.status === 'PENDING' && e.id > drainCursor) || e.status === 'RETRY';
}

export interface StatusContext {
  drainCursor: number;
  retentionDays: number;
  /** When the last full sync that finished started (it queues nothing for records it sent). */
  fullSyncDoneAt: number | null;
  /** Why nothing is being sent now (pushing paused, sync switched off), or null. */
  holdUp: string | null;
}

/** A record the settings leave out: its changes are never queued. */
export const OUT_OF_SCOPE: RecordSyncStatus = {
  level: 'none',
  headline: "Not synced: the settings' scope (customer stages, subsidiaries, saved search, contacts) leaves this record out, so its changes are not sent.",
  details: [],
};

export function recordSyncStatus(entries: readonly RecordEntry[], ctx: StatusContext): RecordSyncStatus {
  const newest = [...entries].sort((a, b) => b.id - a.id);
  const waiting = newest.filter((e) => isWaiting(e, ctx.drainCursor));
  const latest = newest[0];
  if (!latest) {
    if (ctx.fullSyncDoneAt !== null) return { level: 'ok', headline: `No change since the full sync of ${when(ctx.fullSyncDoneAt)}, which sent it.`, details: [] };
    return { level: 'none', headline: `No change of this record was queued in the last ${ctx.retentionDays} days and no full sync has finished: Freshsuccess may not have it (Resync now or a full sync sends it).`, details: [] };
  }
  const details = [`Last change: ${when(latest.capturedAt)}${latest.event === 'delete' ? ' (deleted)' : ''}`, `Changes waiting: ${waiting.length}`];
  const problem = newest.find((e) => e.status === 'DEAD' || e.status === 'SKIPPED' || e.status === 'WARNED');
  // A problem newer than every waiting change is the record's standing; an older one is history.
  if (problem && problem.id === latest.id) {
    const detailed = [...details, `Why: ${problem.lastError || 'no message'}`, ...(problem.hint ? [`What to do: ${problem.hint}`] : [])];
    if (problem.status === 'WARNED') return { level: 'ok', headline: 'Sent, with a warning: a value was cut or left out.', details: detailed };
    if (problem.status === 'SKIPPED') return { level: 'problem', headline: 'Not sent: skipped (it cannot go to Freshsuccess as it is).', details: detailed };
    return { level: 'problem', headline: 'Not sent: Freshsuccess refused it for its data (a dead letter on the settings page).', details: detailed };
  }
  if (waiting.length > 0 && ctx.holdUp !== null) return { level: 'waiting', headline: `Waiting: ${ctx.holdUp}; it is sent once that is fixed, and nothing is lost.`, details };
  const retry = waiting.find((e) => e.status === 'RETRY');
  if (retry) {
    const next = retry.notBefore !== null ? `, next try after ${when(retry.notBefore)}` : '';
    return { level: 'waiting', headline: `Waiting to be sent again (attempt ${retry.attempt}${next}).`, details: [...details, `Last reason: ${retry.lastError || 'no message'}`] };
  }
  if (waiting.length > 0) return { level: 'waiting', headline: 'Waiting: the next drain sends it (normally within minutes).', details };
  return { level: 'ok', headline: 'Sent: Freshsuccess has its latest change.', details };
}
