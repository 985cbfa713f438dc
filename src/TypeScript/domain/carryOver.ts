/**
 * What a record carries from one outbox entry to the next (into a batch, a retry entry, a parked
 * entry) so a later push still knows what the first capture knew: its tombstone when deleted, the
 * company a moved contact left (the first one: later moves were never pushed), the key it had
 * before it was re-keyed (the latest), and when the change was first captured (per record in a
 * batch; one time in an entry, its records' earliest: what waits is never shown younger than it is).
 */
import type { WorkItem } from './coalesce';
import { earliest, firstCaptureOf } from './firstCapture';
import type { Tombstone } from './types';

export interface CarryOver {
  tombstones: Record<string, Tombstone>;
  previousCompanies: Record<string, string>;
  previousKeys: Record<string, string>;
  /** Missing when no record carried one (a full sync's work). */
  firstCapturedAt?: number;
}

/**
 * Where a carry-over is kept (entries and batches: `previousKeys` and `firstCapturedAt` are
 * missing on older ones; an entry's `capturedAt` then stands for its first capture).
 */
export type CarriedBy = Pick<CarryOver, 'tombstones' | 'previousCompanies'> & { previousKeys?: Record<string, string>; firstCapturedAt?: number; capturedAt?: number; firstCaptures?: Record<string, number> };

function emptyCarryOver(): CarryOver {
  return { tombstones: {}, previousCompanies: {}, previousKeys: {} };
}

function withFirstCapture(out: CarryOver, first: number | undefined): CarryOver {
  if (first !== undefined) out.firstCapturedAt = first;
  return out;
}

/** What coalesced work items carry, by record id. */
export function carryOverOf(items: Iterable<WorkItem>): CarryOver {
  const out = emptyCarryOver();
  let first: number | undefined;
  for (const item of items) {
    first = earliest([first, item.firstCapturedAt]);
    if (item.tombstone) out.tombstones[item.recordId] = item.tombstone;
    else if (item.ifGone && !item.deleted) out.tombstones[item.recordId] = item.ifGone;
    const previousCompany = item.previousAccountIds[0];
    if (previousCompany) out.previousCompanies[item.recordId] = previousCompany;
    const previousKey = item.previousKeys?.[item.previousKeys.length - 1];
    if (previousKey) out.previousKeys[item.recordId] = previousKey;
  }
  return withFirstCapture(out, first);
}

/**
 * Each record's first capture, for a batch: a batch mixes changes of different ages, and a record
 * that fails alone must not wait since an older neighbour's capture (an entry keeps one time, the
 * earliest of its records). Missing when no record carries one (a full sync's work).
 */
function firstCapturesOf(items: Iterable<WorkItem>): { firstCaptures?: Record<string, number> } {
  const out: Record<string, number> = {};
  let any = false;
  for (const item of items) {
    if (item.firstCapturedAt === undefined) continue;
    out[item.recordId] = Math.min(out[item.recordId] ?? item.firstCapturedAt, item.firstCapturedAt);
    any = true;
  }
  return any ? { firstCaptures: out } : {};
}

/** What a batch carries: the carry-over by record, with each record's first capture (the batch's earliest is derived from them, not kept). */
export function batchCarryOverOf(items: readonly WorkItem[]): Omit<CarryOver, 'firstCapturedAt'> & { firstCaptures?: Record<string, number> } {
  const { firstCapturedAt: _earliest, ...carried } = carryOverOf(items);
  return { ...carried, ...firstCapturesOf(items) };
}

/**
 * The part of a batch's or entry's carry-over about these records. Its first capture: the earliest
 * of these records' own where the batch keeps them per record, else the batch's or entry's one.
 */
export function carryOverFor(from: CarriedBy, recordIds: Iterable<string>): CarryOver {
  const out = emptyCarryOver();
  let first: number | undefined;
  for (const id of recordIds) {
    first = earliest([first, from.firstCaptures?.[id]]);
    const tombstone = from.tombstones[id];
    if (tombstone) out.tombstones[id] = tombstone;
    const previousCompany = from.previousCompanies[id];
    if (previousCompany) out.previousCompanies[id] = previousCompany;
    const previousKey = from.previousKeys?.[id];
    if (previousKey) out.previousKeys[id] = previousKey;
  }
  return withFirstCapture(out, first ?? firstCaptureOf(from));
}

/** Several entries' carry-overs as one (a later entry's value for a record wins). */
export function mergeCarryOver(all: Iterable<CarriedBy>): CarryOver {
  const out = emptyCarryOver();
  let first: number | undefined;
  for (const c of all) {
    first = earliest([first, firstCaptureOf(c)]);
    // A real tombstone is never replaced by the keys of a check (Tombstone.ifGone).
    for (const [id, t] of Object.entries(c.tombstones)) if (!(t.ifGone && out.tombstones[id] && !out.tombstones[id]!.ifGone)) out.tombstones[id] = t;
    Object.assign(out.previousCompanies, c.previousCompanies);
    Object.assign(out.previousKeys, c.previousKeys ?? {});
  }
  return withFirstCapture(out, first);
}
