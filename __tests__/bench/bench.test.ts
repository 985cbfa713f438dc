/**
 * The benchmark at a small size (200 records): it runs end to end, the product beats the naive
 * baseline where its design says it must (no HTTPS inside saves, batched full sync, batched
 * drain, coalesced edits), and the JSON it writes has the shape of the committed reference.
 * Counts only: nothing here depends on the machine's speed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULT_FORMAT, runBenchmark, type BenchResult, type Comparison, type SubjectResult } from '../../bench/benchmark';
import { main } from '../../bench/run';
import { PROJECT_ROOT } from '../../tools/project';

jest.setTimeout(60_000);

let dir: string;
let out: string;
let result: BenchResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fsc-bench-'));
  out = join(dir, 'result.json');
  result = await main(['--customers', '80', '--contacts', '120', '--changed', '100', '--edits', '100', '--out', out, '--quiet']);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Both subjects (the default run has both). */
function both(r: BenchResult): { product: SubjectResult; naive: SubjectResult } {
  const { product, naive } = r.subjects;
  if (!product || !naive) throw new Error('the benchmark ran one subject only');
  return { product, naive };
}

const find = (workload: string, metric: string): Comparison => {
  const c = result.comparisons.find((x) => x.workload === workload && x.metric === metric);
  if (!c) throw new Error(`no comparison ${workload} / ${metric}`);
  return c;
};

test('a save makes no HTTPS call in the product, one in the baseline', () => {
  expect(find('one UI save', 'HTTPS calls inside the save')).toMatchObject({ product: 0, naive: 1, better: 'product' });
  expect(find('changed records', 'HTTPS calls inside saves per 1,000')).toMatchObject({ product: 0, naive: 1000, better: 'product' });
});

test('the full sync batches: fewer units, POSTs and invocations per 1,000 records', () => {
  const { product, naive } = both(result);
  // Both landed every customer and every contact with a company.
  expect(product.fullSync.accountsLanded + product.fullSync.contactsLanded).toBe(product.fullSync.expectedLanded);
  expect(naive.fullSync.accountsLanded + naive.fullSync.contactsLanded).toBe(naive.fullSync.expectedLanded);
  // Each record written once by both; the baseline needs a request per record for it.
  expect(product.fullSync.recordWrites).toBe(product.fullSync.expectedLanded);
  expect(naive.fullSync.recordWrites).toBe(naive.fullSync.expectedLanded);
  expect(naive.fullSync.posts).toBe(naive.fullSync.expectedLanded);
  for (const metric of ['units per 1,000 records', 'POSTs per 1,000 records', 'map+reduce invocations per 1,000']) {
    const c = find('full sync', metric);
    expect([metric, c.better]).toEqual([metric, 'product']);
    // Even at 200 records, where the product's fixed per-run cost is not amortised.
    expect(c.ratio).toBeGreaterThan(10);
  }
});

test('a bulk change is drained in batches: a few POSTs instead of one per record', () => {
  const { product, naive } = both(result);
  expect(product.changedRecords.delivered).toBe(100);
  expect(naive.changedRecords.delivered).toBe(100);
  expect(naive.changedRecords.posts).toBe(100);
  expect(product.changedRecords.posts).toBeLessThanOrEqual(2); // one per record type
  expect(product.changedRecords.recordsSent).toBe(100); // each changed record once
  expect(find('changed records', 'POSTs per 1,000 changed').ratio).toBeGreaterThanOrEqual(50);
});

test('a hundred edits of one record are one push in the product, a hundred in the baseline', () => {
  expect(find('edits of one record', 'pushes of the record')).toMatchObject({ product: 1, naive: 100, ratio: 100, better: 'product' });
  expect(find('edits of one record', 'writes in Freshsuccess')).toMatchObject({ product: 1, naive: 100 });
});

/** Every leaf's path and type, so two results of different sizes can be compared by shape. */
function shape(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return [`${path}[]`, ...(value.length ? shape(value[0], `${path}[]`) : [])];
  if (value !== null && typeof value === 'object') return Object.keys(value).sort().flatMap((k) => shape((value as Record<string, unknown>)[k], `${path}.${k}`));
  // A ratio is null when the product spends nothing: both count as a number slot.
  return [`${path}: ${value === null && path.endsWith('.ratio') ? 'number' : typeof value}`];
}

test('the written file is the result, with the shape of the committed reference', () => {
  const written = JSON.parse(readFileSync(out, 'utf8')) as BenchResult;
  expect(written).toEqual(result);
  expect(written.format).toBe(RESULT_FORMAT);
  expect(written.sizes).toEqual({ customers: 80, contacts: 120, records: 200, changed: 100, edits: 100, seed: expect.any(Number) });
  expect(written.comparisons.length).toBeGreaterThanOrEqual(10);
  for (const c of written.comparisons) {
    expect(c.ratio === null ? c.product : c.ratio).toEqual(c.ratio === null ? 0 : expect.any(Number));
    expect(['product', 'naive', 'same']).toContain(c.better);
  }
  const reference = JSON.parse(readFileSync(join(PROJECT_ROOT, 'bench', 'results', 'reference.json'), 'utf8')) as BenchResult;
  expect(reference.format).toBe(RESULT_FORMAT);
  expect(shape(written)).toEqual(shape(reference));
});

test('the same sizes give the same counts: a second run differs only in its information block', async () => {
  const again = await runBenchmark({ customers: 80, contacts: 120, changed: 100, edits: 100 });
  const counts = (r: BenchResult) => JSON.parse(JSON.stringify(r, (key, value: unknown) => (key === 'info' || key === 'wallMs' || key === 'peakRssMb' ? undefined : value))) as unknown;
  expect(counts(again)).toEqual(counts(result));
});

test('--only runs one subject: the same figures for it, no comparisons, the largest stage data of a run', async () => {
  const only = await main(['--only', 'product', '--customers', '80', '--contacts', '120', '--changed', '100', '--edits', '100', '--out', join(dir, 'only.json'), '--quiet']);
  expect(Object.keys(only.subjects)).toEqual(['product']);
  expect(only.comparisons).toEqual([]);
  const product = both(result).product;
  expect(only.subjects.product?.fullSync).toEqual({ ...product.fullSync, wallMs: expect.any(Number) });
  // The full sync's data went through its Map/Reduce stages: some, and far under 200 MB.
  expect(product.fullSync.maxStageDataBytes).toBeGreaterThan(200 * 100);
  expect(product.fullSync.maxStageDataBytes).toBeLessThan(200 * 1024 * 1024);
  expect(only.subjects.product?.peakRssMb.runtime).toBeGreaterThan(0);
});
