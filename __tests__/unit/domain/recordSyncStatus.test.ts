import { recordSyncStatus as statusOf, type RecordEntry, type StatusContext } from '../../../src/TypeScript/domain/recordSyncStatus';
import { parseResyncTarget, resyncEntry } from '../../../src/TypeScript/domain/resync';

const T = Date.UTC(2026, 11, 4, 9, 0);
const recordSyncStatus = (entries: RecordEntry[], drainCursor: number, retentionDays: number, fullSyncDoneAt: number | null = null, holdUp: StatusContext['holdUp'] = null) => statusOf(entries, { drainCursor, retentionDays, fullSyncDoneAt, holdUp });
const entry = (id: number, over: Partial<RecordEntry> = {}): RecordEntry => ({ id, status: 'PENDING', capturedAt: T + id * 60_000, lastError: '', hint: '', attempt: 0, notBefore: null, event: 'update', ...over });

test("a record's standing from its newest entries and the drain's cursor", () => {
  expect(recordSyncStatus([], 0, 30)).toMatchObject({ level: 'none', headline: expect.stringMatching(/^No change of this record was queued in the last 30 days and no full sync has finished/) });
  expect(recordSyncStatus([], 0, 30, T)).toMatchObject({ level: 'ok', headline: 'No change since the full sync of 2026-12-04 09:00 UTC, which sent it.' });
  expect(recordSyncStatus([entry(5)], 4, 30)).toMatchObject({ level: 'waiting', details: ['Last change: 2026-12-04 09:05 UTC', 'Changes waiting: 1'] });
  expect(recordSyncStatus([entry(5)], 5, 30)).toMatchObject({ level: 'ok', headline: 'Sent: Freshsuccess has its latest change.' });
  const retry = recordSyncStatus([entry(5, { status: 'RETRY', attempt: 3, notBefore: T + 3_600_000, lastError: 'HTTP 503: busy' })], 9, 30);
  expect(retry).toMatchObject({ level: 'waiting', headline: 'Waiting to be sent again (attempt 3, next try after 2026-12-04 10:00 UTC).' });
  expect(retry.details).toContain('Last reason: HTTP 503: busy');
  // What holds sending up is said instead of "within minutes".
  expect(recordSyncStatus([entry(5)], 4, 30, null, 'sync is switched off in the settings').headline).toBe('Waiting: sync is switched off in the settings; it is sent once that is fixed, and nothing is lost.');
  const dead = recordSyncStatus([entry(3), entry(6, { status: 'DEAD', lastError: 'Value too long', hint: 'Shorten it' })], 9, 30);
  expect(dead).toMatchObject({ level: 'problem', details: expect.arrayContaining(['Why: Value too long', 'What to do: Shorten it']) });
  expect(recordSyncStatus([entry(6, { status: 'WARNED', lastError: 'cut' })], 9, 30)).toMatchObject({ level: 'ok', headline: expect.stringMatching(/^Sent, with a warning/) });
  expect(recordSyncStatus([entry(6, { status: 'SKIPPED', lastError: 'no company' })], 9, 30).headline).toMatch(/^Not sent: skipped/);
  // A newer change after a dead letter: the record waits again; the old refusal is history.
  expect(recordSyncStatus([entry(6, { status: 'DEAD', lastError: 'Value too long' }), entry(8)], 7, 30)).toMatchObject({ level: 'waiting', headline: expect.stringMatching(/^Waiting: the next drain/) });
  expect(recordSyncStatus([entry(8, { event: 'delete' })], 9, 30).details[0]).toBe('Last change: 2026-12-04 09:08 UTC (deleted)');
});

test('a resync names a customer or contact by a plain internal id; anything else is refused', () => {
  expect(parseResyncTarget('customer:42')).toEqual({ kind: 'customer', id: '42' });
  expect(parseResyncTarget('contact:7')).toEqual({ kind: 'contact', id: '7' });
  for (const bad of ['customer:0', 'customer:042', 'vendor:4', 'customer:4 or 1=1', 'customer:', '', undefined, null, 'customer:1234567890123']) expect(parseResyncTarget(bad)).toBeNull();
  // Queued whole: a customer's unknown changes include its parent (cleared parents are undone).
  expect(resyncEntry({ kind: 'customer', id: '42' }, T, '7')).toMatchObject({ kind: 'customer', recordIds: ['42'], event: 'update', changedFields: ['?'], source: 'admin resync by 7', status: 'PENDING' });
  expect(resyncEntry({ kind: 'contact', id: '7' }, T, '7').changedFields).toEqual([]);
});
