/**
 * The outbox custom record. Appends cost create 2 + save 4; reads are paged searches; drained
 * entries are never rewritten (a cursor on the state record moves past them). Grouped entries
 * (retries, dead letters, sweep catches) keep their record ids as JSON in a long-text field.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import type { OutboxStore } from '../app/ports';
import type { ChangeEvent, EntryStatus, NewOutboxEntry, OutboxEntry, RecordKind, Tombstone } from '../domain/types';
import { afterId, countOf, eachRow, sortedById } from './paging';
import { OUTBOX } from './schema';
import { num, parseJson } from './values';

/** The columns outboxEntryOf reads. */
export const OUTBOX_COLUMNS = [OUTBOX.kind, OUTBOX.record, OUTBOX.records, OUTBOX.event, OUTBOX.changedFields, OUTBOX.capturedAt, OUTBOX.firstCapturedAt, OUTBOX.source, OUTBOX.attempt, OUTBOX.notBefore, OUTBOX.status, OUTBOX.lastError, OUTBOX.hint, OUTBOX.tombstone];

interface Extras {
  tombstones: Record<string, Tombstone>;
  previousCompanies: Record<string, string>;
  previousKeys?: Record<string, string>;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function write(entry: NewOutboxEntry, origin: string | undefined): void {
  const rec = record.create({ type: OUTBOX.type });
  const set = (fieldId: string, value: string | number) => rec.setValue({ fieldId, value });
  set('name', clip(`${entry.kind} ${entry.recordIds[0] ?? ''}${entry.recordIds.length > 1 ? ` +${entry.recordIds.length - 1}` : ''} ${entry.event}`, 300));
  set(OUTBOX.kind, entry.kind);
  set(OUTBOX.record, entry.recordIds[0] ?? '');
  set(OUTBOX.count, entry.recordIds.length);
  if (entry.recordIds.length > 1) set(OUTBOX.records, JSON.stringify(entry.recordIds));
  set(OUTBOX.event, entry.event);
  set(OUTBOX.changedFields, clip(entry.changedFields.join(','), 3900));
  set(OUTBOX.capturedAt, entry.capturedAt);
  // Never later than the entry itself: the queue's oldest (adminStore.countOutbox) takes the lower of both columns' minimums.
  set(OUTBOX.firstCapturedAt, Math.min(entry.firstCapturedAt ?? entry.capturedAt, entry.capturedAt));
  set(OUTBOX.source, clip(entry.source, 300));
  set(OUTBOX.attempt, entry.attempt);
  if (entry.notBefore !== null) set(OUTBOX.notBefore, entry.notBefore);
  set(OUTBOX.status, entry.status);
  if (entry.lastError) set(OUTBOX.lastError, clip(entry.lastError, 3900));
  if (entry.hint) set(OUTBOX.hint, clip(entry.hint, 3900));
  if (Object.keys(entry.tombstones).length + Object.keys(entry.previousCompanies).length + Object.keys(entry.previousKeys ?? {}).length > 0) {
    const extras: Extras = { tombstones: entry.tombstones, previousCompanies: entry.previousCompanies, previousKeys: entry.previousKeys ?? {} };
    set(OUTBOX.tombstone, JSON.stringify(extras));
  }
  if (origin) set(OUTBOX.origin, clip(origin, 300));
  rec.save({ ignoreMandatoryFields: true });
}

/**
 * Long text in search results may come back shortened [open]; a JSON value that does not parse
 * is re-read from the record itself (2 units, only then).
 */
function longJson<T>(id: string, field: string, text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text === '') return fallback;
  const parsed = parseJson<T | undefined>(text, undefined);
  if (parsed !== undefined) return parsed;
  const full = record.load({ type: OUTBOX.type, id }).getValue({ fieldId: field });
  return parseJson<T>(full, fallback);
}

/** An outbox search row (columns: OUTBOX_COLUMNS) as an entry: record ids and extras parsed from their JSON. */
export function outboxEntryOf(r: search.Result): OutboxEntry {
  const v = (f: string) => r.getValue({ name: f });
  const id = String(r.id);
  const first = String(v(OUTBOX.record) ?? '');
  const recordIds = longJson<string[]>(id, OUTBOX.records, v(OUTBOX.records), first ? [first] : []);
  const extras = longJson<Extras>(id, OUTBOX.tombstone, v(OUTBOX.tombstone), { tombstones: {}, previousCompanies: {} });
  const changed = String(v(OUTBOX.changedFields) ?? '');
  const notBefore = v(OUTBOX.notBefore);
  const firstCaptured = v(OUTBOX.firstCapturedAt);
  return {
    id: Number(id),
    kind: String(v(OUTBOX.kind)) as RecordKind,
    recordIds,
    event: String(v(OUTBOX.event)) as ChangeEvent,
    changedFields: changed ? changed.split(',') : [],
    capturedAt: num(v(OUTBOX.capturedAt)),
    ...(firstCaptured === '' || firstCaptured === null || firstCaptured === undefined ? {} : { firstCapturedAt: num(firstCaptured) }),
    source: String(v(OUTBOX.source) ?? ''),
    attempt: num(v(OUTBOX.attempt)),
    notBefore: notBefore === '' || notBefore === null ? null : num(notBefore),
    status: String(v(OUTBOX.status)) as EntryStatus,
    lastError: String(v(OUTBOX.lastError) ?? ''),
    hint: String(v(OUTBOX.hint) ?? ''),
    tombstones: extras.tombstones ?? {},
    previousCompanies: extras.previousCompanies ?? {},
    previousKeys: extras.previousKeys ?? {},
  };
}

function dueFilters(cursor: number, now: number): unknown[] {
  return [
    [['internalidnumber', 'greaterthan', cursor], 'AND', [OUTBOX.status, 'is', 'PENDING']],
    'OR',
    [[OUTBOX.status, 'is', 'RETRY'], 'AND', [OUTBOX.notBefore, 'lessthanorequalto', now]],
  ];
}

export function netsuiteOutbox(): OutboxStore {
  return {
    append(entries, origin) {
      for (const e of entries) write(e, origin);
    },
    readOpen(cursor) {
      const entries: OutboxEntry[] = [];
      const open = [[['internalidnumber', 'greaterthan', cursor], 'AND', [OUTBOX.status, 'is', 'PENDING']], 'OR', [OUTBOX.status, 'is', 'RETRY']];
      eachRow(
        (after) => search.create({ type: OUTBOX.type, filters: afterId(open, after), columns: [sortedById(), ...OUTBOX_COLUMNS] }),
        (r) => void entries.push(outboxEntryOf(r)),
      );
      return entries;
    },
    countDue(cursor, now) {
      return countOf(search.create({ type: OUTBOX.type, filters: dueFilters(cursor, now), columns: [sortedById()] }));
    },
    close(ids) {
      for (const id of ids) record.submitFields({ type: OUTBOX.type, id, values: { [OUTBOX.status]: 'DONE' } });
    },
    hasOrigin(origin) {
      return countOf(search.create({ type: OUTBOX.type, filters: [[OUTBOX.origin, 'is', origin]], columns: [sortedById()] })) > 0;
    },
    capturedSince(since) {
      const out: Array<{ kind: RecordKind; recordId: string; capturedAt: number; event: string }> = [];
      eachRow(
        (after) => search.create({ type: OUTBOX.type, filters: afterId([OUTBOX.capturedAt, 'greaterthanorequalto', since], after), columns: [sortedById(), ...OUTBOX_COLUMNS] }),
        (r) => {
          const e = outboxEntryOf(r);
          for (const recordId of e.recordIds) out.push({ kind: e.kind, recordId, capturedAt: e.capturedAt, event: e.event });
        },
      );
      return out;
    },
    skippedRecords(kind, reason) {
      const ids = new Set<string>();
      eachRow(
        (after) => search.create({ type: OUTBOX.type, filters: afterId([[OUTBOX.status, 'is', 'SKIPPED'], 'AND', [OUTBOX.kind, 'is', kind], 'AND', [OUTBOX.lastError, 'startswith', reason]], after), columns: [sortedById(), ...OUTBOX_COLUMNS] }),
        (r) => outboxEntryOf(r).recordIds.forEach((id) => ids.add(id)),
      );
      return [...ids];
    },
    purge(before, cursor, canContinue) {
      const drained = [
        [['internalidnumber', 'lessthanorequalto', cursor], 'AND', [OUTBOX.status, 'is', 'PENDING']],
        'OR',
        [OUTBOX.status, 'is', 'DONE'],
      ];
      const s = search.create({ type: OUTBOX.type, filters: [drained, 'AND', [OUTBOX.capturedAt, 'lessthan', before]], columns: [sortedById()] });
      let purged = 0;
      // One page at a time, re-searching: deleting while paging would shift later pages.
      for (let round = 0; round < 100 && canContinue(); round++) {
        const rows = s.run().getRange({ start: 0, end: 1000 });
        if (rows.length === 0) break;
        for (const r of rows) {
          if (!canContinue()) return purged;
          record.delete({ type: OUTBOX.type, id: r.id });
          purged++;
        }
      }
      return purged;
    },
  };
}
