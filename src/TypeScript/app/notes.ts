/**
 * Plan notes → outbox entries the admin can see: one SKIPPED or DEAD entry per distinct reason
 * (records listed inside), so a systematic problem over thousands of records costs a few entries,
 * not thousands. 'ignored' notes (out of scope, policy ignore) are only counted.
 */
import { newEntry } from '../domain/outboxEntry';
import type { PlanNote } from '../domain/plan';
import type { NewOutboxEntry } from '../domain/types';

export function noteEntries(notes: readonly PlanNote[], now: number, source: string): NewOutboxEntry[] {
  const groups = new Map<string, { note: PlanNote; ids: string[] }>();
  for (const n of notes) {
    if (n.outcome === 'ignored') continue;
    const key = `${n.kind}|${n.outcome}|${n.reason}`;
    const g = groups.get(key);
    if (g) g.ids.push(n.recordId);
    else groups.set(key, { note: n, ids: [n.recordId] });
  }
  return [...groups.values()].map(({ note, ids }) =>
    newEntry({ kind: note.kind, recordIds: ids, capturedAt: now, source, status: note.outcome === 'dead' ? 'DEAD' : 'SKIPPED', lastError: note.reason, hint: note.hint }),
  );
}

export function countNotes(notes: readonly PlanNote[]): { skipped: number; dead: number; ignored: number } {
  return {
    skipped: notes.filter((n) => n.outcome === 'skipped').length,
    dead: notes.filter((n) => n.outcome === 'dead').length,
    ignored: notes.filter((n) => n.outcome === 'ignored').length,
  };
}
