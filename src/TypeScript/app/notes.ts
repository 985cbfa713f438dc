/**
 * Plan notes → outbox entries the admin can see: one SKIPPED or DEAD entry per distinct reason
 * (records listed inside), so a systematic problem over thousands of records costs a few entries,
 * not thousands. 'ignored' notes (out of scope, policy ignore) are only counted.
 */
import type { WorkItem } from '../domain/coalesce';
import { earliest } from '../domain/firstCapture';
import { newEntry } from '../domain/outboxEntry';
import type { PlanNote, PlanWarning } from '../domain/plan';
import { WARNING_HINT } from '../domain/hints';
import type { PlanReport } from '../domain/workBatch';
import type { NewOutboxEntry } from '../domain/types';

/** `items`: the work planned, whose first captures the reports keep (a dead letter queued again still counts from it). */
export function noteEntries(notes: readonly PlanNote[], now: number, source: string, items: readonly WorkItem[] = []): NewOutboxEntry[] {
  const firstOf = new Map(items.map((i) => [`${i.kind}:${i.recordId}`, i.firstCapturedAt]));
  const groups = new Map<string, { note: PlanNote; ids: string[] }>();
  for (const n of notes) {
    if (n.outcome === 'ignored') continue;
    const key = `${n.kind}|${n.outcome}|${n.reason}`;
    const g = groups.get(key);
    if (g) g.ids.push(n.recordId);
    else groups.set(key, { note: n, ids: [n.recordId] });
  }
  return [...groups.values()].map(({ note, ids }) =>
    newEntry({
      kind: note.kind, recordIds: ids, capturedAt: now, source, status: note.outcome === 'dead' ? 'DEAD' : 'SKIPPED', lastError: note.reason, hint: note.hint,
      firstCapturedAt: earliest(ids.map((id) => firstOf.get(`${note.kind}:${id}`))),
    }),
  );
}

export function countNotes(notes: readonly PlanNote[]): { skipped: number; dead: number; ignored: number } {
  return {
    skipped: notes.filter((n) => n.outcome === 'skipped').length,
    dead: notes.filter((n) => n.outcome === 'dead').length,
    ignored: notes.filter((n) => n.outcome === 'ignored').length,
  };
}

/**
 * Values dropped or cut in records that were sent → one WARNED entry per kind and reason (the
 * records listed inside): the admin sees which records and which field, at 6 units a reason.
 */
export function warningEntries(warnings: readonly PlanWarning[], now: number, source: string): NewOutboxEntry[] {
  const groups = new Map<string, { warning: PlanWarning; ids: string[] }>();
  for (const w of warnings) {
    const key = `${w.kind}|${w.reason}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { warning: w, ids: [w.recordId] });
    else if (!g.ids.includes(w.recordId)) g.ids.push(w.recordId);
  }
  return [...groups.values()].map(({ warning, ids }) =>
    newEntry({ kind: warning.kind, recordIds: ids, capturedAt: now, source, status: 'WARNED', lastError: `Sent with a warning: ${warning.reason}`, hint: WARNING_HINT }),
  );
}

/** What a plan reports beyond its batches, carried to summarize in a key (domain/workBatch.ts). */
export function planReport(notes: readonly PlanNote[], warnings: readonly PlanWarning[]): PlanReport {
  const n = countNotes(notes);
  return { warnings: new Set(warnings.map((w) => `${w.kind}:${w.recordId}`)).size, skipped: n.skipped, dead: n.dead };
}
