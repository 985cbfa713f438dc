/** Runs a search page by page (runPaged 5 units + fetch 5 per page of up to 1,000 rows). */
import * as search from 'N/search';

export function eachPage(s: search.Search, visit: (rows: search.Result[]) => void, pageSize = 1000): number {
  const paged = s.runPaged({ pageSize });
  for (const range of paged.pageRanges) visit(paged.fetch({ index: range.index }).data);
  return paged.count;
}

/** Only the count: runPaged without fetching (5 units). */
export function countOf(s: search.Search): number {
  return s.runPaged({ pageSize: 5 }).count;
}

export function sortedById(): search.Column {
  return search.createColumn({ name: 'internalid', sort: search.Sort.ASC });
}
