import { byRange, idRanges, MAX_RANGE_IDS, MAX_RANGES, rangeBounds, rangeOf, RECORDS_PER_RANGE } from '../../../src/TypeScript/domain/reconcileWork';

describe("the reconcile's NetSuite id ranges", () => {
  test('every id between the bounds falls in exactly one range, and the ranges cover the bounds without gaps', () => {
    for (const bounds of [{ min: 1, max: 1, count: 1 }, { min: 7, max: 100_003, count: 9_000 }, { min: 500, max: 2_000_000, count: 1_100_000 }, { min: 1, max: 10, count: 10 }]) {
      const r = idRanges(bounds)!;
      expect(r.count).toBeGreaterThanOrEqual(1);
      expect(r.count).toBeLessThanOrEqual(Math.max(Math.ceil(bounds.count / RECORDS_PER_RANGE), Math.ceil((bounds.max - bounds.min + 1) / MAX_RANGE_IDS)));
      let expected = bounds.min;
      for (let i = 0; i < r.count; i++) {
        const { from, to } = rangeBounds(i, r);
        expect(from).toBe(expected);
        expect(to).toBeGreaterThanOrEqual(from);
        expect(rangeOf(from, r)).toBe(i);
        expect(rangeOf(to, r)).toBe(i);
        expected = to + 1;
      }
      expect(expected).toBe(bounds.max + 1);
    }
  });

  test('ids outside the bounds, or not whole numbers, fall in no range', () => {
    const r = idRanges({ min: 100, max: 200, count: 50 })!;
    expect([99, 201, 150.5, NaN].map((id) => rangeOf(id, r))).toEqual([null, null, null, null]);
    expect(idRanges({ min: 0, max: 0, count: 0 })).toBeNull();
    expect(idRanges(null)).toBeNull();
  });

  test('matched ids are grouped by range; ids created after the bounds were taken are dropped', () => {
    const r = idRanges({ min: 1, max: 10_000, count: 6_000 })!;
    expect(r.count).toBe(3);
    const grouped = byRange(['1', '3334', '3335', '10000', '10001'], r);
    expect([...grouped.entries()]).toEqual([[0, ['1', '3334']], [1, ['3335']], [2, ['10000']]]);
    expect(byRange(['1'], null).size).toBe(0);
  });
});

test('a dense block of ids in a wide span never puts more than MAX_RANGE_IDS records in one range (found by review)', () => {
  // 100,000 contacts: one old one at id 1, the rest bulk-imported later as one block of ids.
  const ids = [1, ...Array.from({ length: 99_999 }, (_, i) => 5_000_000 + i)];
  const r = idRanges({ min: 1, max: ids[ids.length - 1]!, count: ids.length })!;
  const perRange = new Map<number, number>();
  for (const id of ids) perRange.set(rangeOf(id, r)!, (perRange.get(rangeOf(id, r)!) ?? 0) + 1);
  expect(Math.max(...perRange.values())).toBeLessThanOrEqual(MAX_RANGE_IDS);
  // Ids spread evenly keep ranges of about RECORDS_PER_RANGE records (the cap does not bind).
  expect(idRanges({ min: 1, max: 1_200_000, count: 1_100_000 })!.count).toBe(Math.ceil(1_100_000 / RECORDS_PER_RANGE));
  // A span so wide that capped ranges would pass MAX_RANGES widens them instead.
  expect(idRanges({ min: 1, max: 1_000_000_000, count: 50_000 })!.count).toBeLessThanOrEqual(MAX_RANGES);
});
