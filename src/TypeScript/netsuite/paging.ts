/**
 * Reading searches cheaply. ResultSet.each costs 10 units for up to 4,000 rows, where runPaged
 * costs 5 plus 5 per page of 1,000: so rows are read with each(), 4,000 at a time, continuing
 * after the last internal id seen (keyset paging; every search here sorts by internal id).
 */
import * as search from 'N/search';

/** ResultSet.each stops after this many rows. */
export const EACH_LIMIT = 4000;

/**
 * @param make builds the search for rows with internal id above `afterId` (0: from the start);
 *   it must sort by internal id ascending (see sortedById).
 * @param visit returns false to stop reading after this row.
 */
export function eachRow(make: (afterId: number) => search.Search, visit: (row: search.Result) => void | boolean): number {
  let after = 0;
  let total = 0;
  let stopped = false;
  for (;;) {
    let n = 0;
    make(after)
      .run()
      .each((row) => {
        stopped = visit(row) === false;
        n++;
        after = Number(row.id);
        // Stop at the cap ourselves: asking each() for a 4,001st row throws
        // SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED; the keyset loop below reads on from `after`.
        return !stopped && n < EACH_LIMIT;
      });
    total += n;
    if (stopped || n < EACH_LIMIT) return total;
  }
}

/** Our filter expression (or none) AND internal id above `afterId`. */
export function afterId(filters: unknown[] | null, afterId: number): unknown[] {
  const key = ['internalidnumber', 'greaterthan', afterId];
  if (afterId <= 0) return filters ?? [];
  return filters && filters.length > 0 ? [filters, 'AND', key] : [key];
}

/** Only the count: runPaged without fetching (5 units). */
export function countOf(s: search.Search): number {
  return s.runPaged({ pageSize: 5 }).count;
}

export function sortedById(): search.Column {
  return search.createColumn({ name: 'internalid', sort: search.Sort.ASC });
}

/** Splits ids for `anyof` filters: at most 1,000 per search keeps each one read within one each(). */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Page by page with runPaged (5 + 5 per page): for searches whose rows have no usable internal id order (the deleted-record log). */
export function eachPage(s: search.Search, visit: (rows: search.Result[]) => void, pageSize = 1000): number {
  const paged = s.runPaged({ pageSize });
  for (const range of paged.pageRanges) visit(paged.fetch({ index: range.index }).data);
  return paged.count;
}

/** Every row for `ids`, one search per 1,000 ids (`make` filters on the part it is given), each() read (10 units a part). */
export function rowsForIds<I, T>(ids: readonly I[], make: (part: I[]) => search.Search, map: (row: search.Result) => T): T[] {
  const out: T[] = [];
  for (const part of chunks(ids)) {
    make(part)
      .run()
      .each((row) => {
        out.push(map(row));
        return true;
      });
  }
  return out;
}
