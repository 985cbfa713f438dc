/**
 * Retry or dismiss single records of the status page's problem rows. An entry (a dead letter, a
 * skipped or warned report) may hold several records: the picked ones are taken out, the rest
 * stay reported as they were (a copy of the entry with the rest is appended, then the entry is
 * closed, so a crash in between leaves a duplicate report, never a lost one). A retried record is
 * queued once as a new PENDING entry, however many entries reported it. Costs per entry: 2 to
 * close, 6 for each append (the retry, the rest).
 */
import { firstCaptureOf } from '../domain/firstCapture';
import { newEntry } from '../domain/outboxEntry';
import type { ProblemAction, RecordPick } from '../domain/problemActions';
import type { OutboxEntry } from '../domain/types';
import type { Clock, DrainTrigger, OutboxStore, TriggerResult } from './ports';

const PROBLEM_STATUSES = new Set(['DEAD', 'SKIPPED', 'WARNED']);

export interface ProblemActionReport {
  /** Records queued again (retry) or no longer listed (dismiss). */
  records: number;
  /** Picks that named no current problem of that record (already handled, or not a problem row). */
  stale: number;
  /** Records left for another click because governance ran low. */
  left: number;
  drain: TriggerResult | 'not_needed';
}

function only<T>(map: Record<string, T>, ids: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).filter(([id]) => ids.has(id)));
}

function withRecords(entry: OutboxEntry, ids: ReadonlySet<string>) {
  return {
    kind: entry.kind,
    recordIds: entry.recordIds.filter((id) => ids.has(id)),
    event: entry.event,
    changedFields: entry.changedFields,
    tombstones: only(entry.tombstones, ids),
    previousCompanies: only(entry.previousCompanies, ids),
    previousKeys: only(entry.previousKeys ?? {}, ids),
    // A retried record's change still counts its wait from its first capture.
    firstCapturedAt: firstCaptureOf(entry),
  };
}

/**
 * `entries`: the outbox entries the picks name, as stored now. A pick counts only for an entry
 * that still reports that record as a problem: a forged or outdated pick changes nothing.
 */
export function actOnProblems(action: ProblemAction, picks: readonly RecordPick[], entries: readonly OutboxEntry[], deps: { outbox: OutboxStore; trigger: DrainTrigger; clock: Clock; canContinue: () => boolean; user: string }): ProblemActionReport {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const pickedIn = new Map<number, Set<string>>();
  let stale = 0;
  for (const pick of picks) {
    const reporting = pick.entryIds.map((id) => byId.get(id)).filter((e): e is OutboxEntry => e !== undefined && PROBLEM_STATUSES.has(e.status) && e.kind === pick.kind && e.recordIds.includes(pick.recordId));
    // A warned record was sent: there is nothing to retry, only to dismiss.
    const usable = action === 'retry' ? reporting.filter((e) => e.status !== 'WARNED') : reporting;
    if (usable.length === 0) stale++;
    for (const e of usable) pickedIn.set(e.id, (pickedIn.get(e.id) ?? new Set()).add(pick.recordId));
  }
  const queued = new Set<string>();
  const done = new Set<string>();
  let left = 0;
  for (const [id, picked] of pickedIn) {
    const entry = byId.get(id) as OutboxEntry;
    if (!deps.canContinue()) {
      for (const r of picked) if (!done.has(`${entry.kind}:${r}`)) left++;
      continue;
    }
    const now = deps.clock.now();
    const fresh = new Set([...picked].filter((r) => !queued.has(`${entry.kind}:${r}`)));
    if (action === 'retry' && fresh.size > 0) {
      deps.outbox.append([newEntry({ ...withRecords(entry, fresh), capturedAt: now, source: `admin retry of entry ${entry.id} by ${deps.user}` })]);
      for (const r of fresh) queued.add(`${entry.kind}:${r}`);
    }
    const rest = new Set(entry.recordIds.filter((r) => !picked.has(r)));
    if (rest.size > 0) {
      deps.outbox.append([newEntry({ ...withRecords(entry, rest), capturedAt: entry.capturedAt, source: entry.source, status: entry.status, attempt: entry.attempt, lastError: entry.lastError, hint: entry.hint })]);
    }
    deps.outbox.close([entry.id]);
    for (const r of picked) done.add(`${entry.kind}:${r}`);
  }
  return { records: done.size, stale, left, drain: queued.size > 0 ? deps.trigger.submit() : 'not_needed' };
}
