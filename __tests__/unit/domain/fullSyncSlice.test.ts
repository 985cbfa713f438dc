import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { fullSyncText } from '../../../src/TypeScript/app/adminStatusView';
import { decodeSliceMark, DEFAULT_SLICE, encodeSliceMark, sliceLimits, sliceMarkOf, type SliceMark } from '../../../src/TypeScript/domain/fullSyncSlice';
import { decodeBatchKey } from '../../../src/TypeScript/domain/workBatch';
import { SLICE_PARAMS } from '../../../src/TypeScript/netsuite/fullSyncJob';

const MB = 1024 * 1024;

test('a slice mark survives its key and is never taken for a batch key', () => {
  const marks: SliceMark[] = [
    { customers: 'done', contacts: 0, before: 0, read: 100_000, about: 1_100_000 },
    { customers: 4711, contacts: 0, before: 200_000, read: 99_999, about: 1_100_000 },
    { customers: 'done', contacts: 'done', before: 1_000_000, read: 12, about: 1_000_012 },
  ];
  for (const m of marks) {
    const key = encodeSliceMark(m);
    expect(decodeSliceMark(key)).toEqual(m);
    expect(decodeBatchKey(key)).toBeNull();
    expect(key.length).toBeLessThan(3000);
    expect(sliceMarkOf(['A00001|n=3|min=1|max=0', key])).toEqual(m);
  }
  expect(decodeSliceMark('S|c=x|k=0|b=0|r=0|of=0')).toBeNull();
  expect(sliceMarkOf(['A00001|n=3|min=1|max=0'])).toBeNull();
});

test('slice parameters: whole numbers of at least 1; anything else falls back to the default with the reason', () => {
  expect(sliceLimits(null, undefined)).toEqual({ limits: DEFAULT_SLICE, problems: [] });
  expect(sliceLimits(250, 10)).toEqual({ limits: { maxRecords: 250, maxStageBytes: 10 * MB }, problems: [] });
  expect(sliceLimits('300', '')).toEqual({ limits: { maxRecords: 300, maxStageBytes: DEFAULT_SLICE.maxStageBytes }, problems: [] });
  const bad = sliceLimits(0, 2.5);
  expect(bad.limits).toEqual(DEFAULT_SLICE);
  expect(bad.problems).toEqual([expect.stringContaining('Records per run must be a whole number of at least 1 (got 0)'), expect.stringContaining('Stage data per run (MB) must be a whole number of at least 1 (got 2.5)')]);
  const over = sliceLimits(10, 500);
  expect(over.limits.maxStageBytes).toBe(190 * MB);
  expect(over.problems).toEqual(['Stage data per run (MB) is capped at 190 (got 500)']);
});

test('the full sync deployment\'s parameter defaults are the engine\'s defaults', () => {
  const doc = new DOMParser().parseFromString(readFileSync(join(__dirname, '../../../src/Objects/customscript_fsc_mr_fullsync.xml'), 'utf8'), 'text/xml');
  const fields = Array.from(doc.getElementsByTagName('scriptcustomfield'));
  const defaultOf = (id: string) => fields.find((f) => f.getAttribute('scriptid') === id)?.getElementsByTagName('defaultvalue')[0]?.textContent;
  expect(Number(defaultOf(SLICE_PARAMS.records))).toBe(DEFAULT_SLICE.maxRecords);
  expect(Number(defaultOf(SLICE_PARAMS.megabytes)) * MB).toBe(DEFAULT_SLICE.maxStageBytes);
});

test('the admin page says how far a sliced full sync got, whether it continues by itself, and why it stopped', () => {
  const T = Date.UTC(2026, 0, 5, 9, 30);
  const base = { runId: 'r', startedAt: T, customerAfter: null, contactAfter: '5000', customersDone: true, contactsDone: false, status: 'partial' as const, progress: { read: 300_000, about: 1_100_000 } };
  expect(fullSyncText({ ...base, continues: true })).toBe('Full sync started 2026-01-05 09:30 UTC: 300000 of about 1100000 records read. It runs in parts of a bounded size; the next part starts by itself.');
  const stopped = fullSyncText({ ...base, continues: false, error: 'PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED: too much' });
  expect(stopped).toContain('stopped part way (300000 of about 1100000 records read): customers done; contacts resume after internal id 5000.');
  expect(stopped).toContain('Reading NetSuite failed: PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED: too much.');
  expect(stopped).toContain('lower "Records per run"');
  expect(fullSyncText({ ...base, status: 'done', customersDone: true, contactsDone: true, progress: { read: 1_100_000, about: 1_100_000 } })).toBe('The last full sync (started 2026-01-05 09:30 UTC) finished (1100000 records read, in parts).');
});
