/**
 * search.Search, ResultSet, PagedData, Page and Result with NetSuite's governance and limits:
 * ResultSet.each and getRange 10 units per call, each stops the script past 4,000 results,
 * getRange takes at most 1,000; runPaged 5 units (page size 5–1000), PagedData.fetch 5.
 * A ResultSet evaluates its search once, on its first read, and a PagedData when runPaged is
 * called; later calls page over that ordered result (in internal-id order it is produced only
 * as far as it is read), so each call costs work in proportion to its page.
 */
import type { ExecutionStack } from '../execution';
import { nsError, SuiteScriptError } from '../errors';
import { COST } from '../modules/costs';
import { SearchColumn, toColumn, toColumns } from './columns';
import { type Cell, type EngineContext, evaluateSearch, type ResultRow, type SearchRun } from './engine';
import { parseFilters, SearchFilter, termsOf, type FilterNode } from './filters';
import type { SavedSearches } from './savedSearches';

export const EACH_LIMIT = 4000;
const RANGE_LIMIT = 1000;
/** runPaged returns at most this many pages (Help Center, "Search.runPaged(options)"). */
const PAGED_MAX_PAGES = 1000;

export interface SearchDeps {
  engine: () => EngineContext;
  executions: ExecutionStack;
  saved: SavedSearches;
}

function debit(deps: SearchDeps, api: string, units: number): void {
  deps.executions.require(`N/search.${api}`).meter.debit(`N/search.${api}`, units);
}

/**
 * Where each column a script asks for sits, per column list (every result of a run shares one):
 * a script reads a few columns of thousands of results by name. `{name}` alone is looked up by
 * the name; anything else by a key of what decides the match.
 */
interface ColumnLookups {
  width: number;
  byName: Map<string, number>;
  other: Map<string, number>;
}
const lookups = new WeakMap<SearchColumn[], ColumnLookups>();

function lookupsOf(columns: SearchColumn[]): ColumnLookups {
  let known = lookups.get(columns);
  if (!known || known.width !== columns.length) {
    known = { width: columns.length, byName: new Map(), other: new Map() };
    lookups.set(columns, known);
  }
  return known;
}

/** The cache and key a column lookup (#find) is remembered under; null when nothing can match. */
function lookupSlot(columns: SearchColumn[], c: unknown): { map: Map<string, number>; key: string } | null {
  if (typeof c === 'string') return { map: lookupsOf(columns).other, key: `s\u0000${c}` };
  if (!c || typeof c !== 'object') return null;
  const o = c as { name?: unknown; join?: unknown; summary?: unknown };
  if (typeof o.name === 'string' && !o.join && !o.summary) return { map: lookupsOf(columns).byName, key: o.name };
  return { map: lookupsOf(columns).other, key: `o\u0000${String(o.name ?? '')}\u0000${o.join ? String(o.join) : ''}\u0000${o.summary ? String(o.summary) : ''}` };
}

class SearchResult {
  /** null on summary results, as in NetSuite. */
  readonly id: string | null;
  readonly recordType: string | null;
  readonly columns: SearchColumn[];
  #cells: Cell[];

  constructor(row: ResultRow, columns: SearchColumn[]) {
    this.id = row.id === null ? null : String(row.id);
    this.recordType = row.recordType;
    this.columns = columns;
    this.#cells = row.cells;
  }

  #index(c: unknown): number {
    if (c instanceof SearchColumn) {
      const same = this.columns.indexOf(c);
      if (same >= 0) return same;
    }
    const slot = lookupSlot(this.columns, c);
    if (slot === null) return -1;
    let i = slot.map.get(slot.key);
    if (i === undefined) {
      i = this.#find(c);
      slot.map.set(slot.key, i);
    }
    return i;
  }

  #find(c: unknown): number {
    if (typeof c === 'string') {
      const i = this.columns.findIndex((col) => col.name === c.toLowerCase() && !col.join);
      return i >= 0 ? i : this.columns.findIndex((col) => col.label === c);
    }
    if (c && typeof c === 'object') {
      const o = c as { name?: string; join?: string | null; summary?: string | null };
      const name = (o.name ?? '').toLowerCase();
      const join = o.join ? o.join.toLowerCase() : null;
      const summary = o.summary ? o.summary.toUpperCase() : null;
      return this.columns.findIndex((col) => col.name === name && col.join === join && (!summary || col.summary === summary));
    }
    return -1;
  }

  /** The column's value; null when the search has no such column (as NetSuite returns). */
  getValue(column: unknown): unknown {
    const i = this.#index(column);
    return i < 0 ? null : this.#cells[i]!.value;
  }

  getText(column: unknown): string | null {
    const i = this.#index(column);
    return i < 0 ? null : this.#cells[i]!.text;
  }

  /**
   * { recordType, id, values }: selects as [{ value, text }] (empty array when unset), joined
   * columns keyed '<name>.<join>', everything else as getValue returns it.
   */
  toJSON() {
    const values: Record<string, unknown> = {};
    this.columns.forEach((c, i) => {
      const key = c.join ? `${c.name}.${c.join}` : c.name;
      const cell = this.#cells[i]!;
      if (cell.kind === 'select') values[key] = cell.value === '' ? [] : [{ value: cell.value, text: cell.text }];
      else if (cell.kind === 'multiselect') {
        const ids = String(cell.value).split(',').filter(Boolean);
        const texts = cell.text.split(',');
        values[key] = ids.map((value, j) => ({ value, text: texts[j] ?? '' }));
      } else values[key] = cell.value;
    });
    return { recordType: this.recordType, id: this.id, values };
  }
}

export class SearchObject {
  searchType: string;
  id: string | null;
  searchId: number;
  title: string;
  isPublic: boolean;
  #tree!: FilterNode;
  #filters: SearchFilter[] | null = null;
  #expression: unknown[] | null = null;
  /** Filter view of an expression: its terms, then any Filters a script pushed. */
  #view: SearchFilter[] = [];
  #viewBase = 0;
  #columns: SearchColumn[] = [];
  #deps: SearchDeps;

  constructor(deps: SearchDeps, o: { type: string; filters?: unknown; columns?: unknown; id?: string | null; searchId?: number; title?: string; isPublic?: boolean }) {
    this.#deps = deps;
    this.searchType = o.type;
    this.id = o.id ?? null;
    this.searchId = o.searchId ?? -1;
    this.title = o.title ?? '';
    this.isPublic = o.isPublic ?? false;
    this.filters = o.filters as SearchFilter[];
    this.columns = o.columns as SearchColumn[];
  }

  /**
   * The search's Filter objects. For a search defined by a filter expression this lists the
   * expression's terms; Filters pushed onto it are ANDed with the whole expression (the common
   * "load a saved search and push a filter" pattern).
   */
  get filters(): SearchFilter[] {
    return this.#filters ?? this.#view;
  }

  set filters(value: unknown) {
    this.#set(value, false);
  }

  /** The filter expression; for a Filter list, the equivalent expression (terms joined by AND). */
  get filterExpression(): unknown[] {
    if (this.#filters) return joinWithAnd(this.#filters.map(toTerm));
    const extra = this.#view.slice(this.#viewBase).map(toTerm);
    const base = this.#expression ?? [];
    if (!extra.length) return base;
    return joinWithAnd(base.length ? [base, ...extra] : extra);
  }

  set filterExpression(value: unknown[]) {
    this.#set(value ?? [], true);
  }

  #set(value: unknown, asExpression: boolean): void {
    const parsed = parseFilters(value);
    this.#tree = parsed.tree;
    this.#filters = parsed.list && !asExpression ? parsed.list : null;
    this.#expression = parsed.expression ?? (asExpression ? (value as unknown[]) : null);
    this.#view = termsOf(parsed.tree);
    this.#viewBase = this.#view.length;
  }

  get columns(): SearchColumn[] {
    return this.#columns;
  }

  set columns(value: unknown) {
    this.#columns = toColumns(value);
  }

  /** The definition with filters as currently set (a pushed Filter counts). */
  #definition() {
    const asTerm = (f: unknown) => ({ kind: 'term' as const, filter: f instanceof SearchFilter ? f : new SearchFilter(f as ConstructorParameters<typeof SearchFilter>[0]) });
    const pushed = this.#view.slice(this.#viewBase).map(asTerm);
    const tree: FilterNode = this.#filters
      ? { kind: 'and', children: this.#filters.map(asTerm) }
      : pushed.length
        ? { kind: 'and', children: [this.#tree, ...pushed] }
        : this.#tree;
    return { type: this.searchType, tree, columns: this.#columns.map(toColumn) };
  }

  #run(): Evaluated {
    const def = this.#definition();
    return { run: evaluateSearch(def, this.#deps.engine()), columns: def.columns };
  }

  run(): ResultSet {
    let evaluated: Evaluated | null = null;
    const rs = new ResultSet(this.#deps, () => (evaluated ??= this.#run()));
    rs.columns = this.#columns.map(toColumn);
    return rs;
  }

  runPaged(options: { pageSize?: number } = {}): PagedData {
    const pageSize = options?.pageSize ?? 50;
    if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) {
      throw new SuiteScriptError('INVALID_PAGED_DATA_PAGE_SIZE', `runPaged: pageSize must be between 5 and 1000 (got ${String(pageSize)})`);
    }
    debit(this.#deps, 'Search.runPaged', COST.searchRunPaged);
    const evaluated = this.#run();
    return new PagedData(this.#deps, evaluated, pageSize, evaluated.run.count());
  }

  save(): number {
    debit(this.#deps, 'Search.save', COST.searchSave);
    if (!this.title) throw nsError.missingArgument('Search.save', 'title');
    const id = this.id ?? this.#deps.saved.newId();
    this.searchId = this.#deps.saved.define({
      id,
      type: this.searchType,
      title: this.title,
      filters: this.#filters ? [...this.#filters] : this.filterExpression,
      columns: this.#columns,
      isPublic: this.isPublic,
    });
    this.id = id;
    return this.searchId;
  }

  toJSON() {
    return { id: this.id, searchId: this.searchId, searchType: this.searchType, title: this.title, filters: this.#filters, filterExpression: this.#expression, columns: this.#columns };
  }
}

interface Evaluated {
  run: SearchRun;
  columns: SearchColumn[];
}

/** A Filter as an expression term: ['join.name', 'operator', ...values]. */
function toTerm(f: SearchFilter | Record<string, unknown>): unknown[] {
  const filter = f instanceof SearchFilter ? f : new SearchFilter(f as ConstructorParameters<typeof SearchFilter>[0]);
  return [filter.join ? `${filter.join}.${filter.name}` : filter.name, filter.operator, ...filter.values];
}

function joinWithAnd(items: unknown[]): unknown[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : ['AND', item]));
}

export class ResultSet {
  #deps: SearchDeps;
  #run: () => Evaluated;
  columns: SearchColumn[] = [];

  constructor(deps: SearchDeps, run: () => Evaluated) {
    this.#deps = deps;
    this.#run = run;
  }

  /** Calls back per result until it returns something other than true. */
  each(callback: (result: SearchResult) => boolean | unknown): void {
    if (typeof callback !== 'function') throw nsError.missingArgument('ResultSet.each', 'callback');
    debit(this.#deps, 'ResultSet.each', COST.searchRun);
    const { run, columns } = this.#run();
    this.columns = columns;
    for (let i = 0; ; i++) {
      const row = run.slice(i, i + 1)[0];
      if (!row) return;
      if (i >= EACH_LIMIT) {
        throw new SuiteScriptError(
          'SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED',
          `No more than ${EACH_LIMIT} search results may be returned at one time from ResultSet.each(callback). Please revise your search criteria or page the results with Search.runPaged.`,
        );
      }
      if (callback(new SearchResult(run.build(row), columns)) !== true) return;
    }
  }

  getRange(options: { start: number; end: number }): SearchResult[] {
    const start = options?.start;
    const end = options?.end;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new SuiteScriptError('SSS_INVALID_SRCH_RANGE', `ResultSet.getRange: invalid range start ${String(start)}, end ${String(end)}`);
    }
    if (end - start > RANGE_LIMIT) {
      throw new SuiteScriptError('SSS_INVALID_SRCH_RANGE', `ResultSet.getRange can return at most ${RANGE_LIMIT} results (asked for ${end - start})`);
    }
    debit(this.#deps, 'ResultSet.getRange', COST.searchRun);
    const { run, columns } = this.#run();
    this.columns = columns;
    return run.slice(start, end).map((r) => new SearchResult(run.build(r), columns));
  }
}

class PagedData {
  readonly pageSize: number;
  readonly count: number;
  readonly pageRanges: { index: number; compoundLabel: string }[];
  #deps: SearchDeps;
  #evaluated: Evaluated;

  constructor(deps: SearchDeps, evaluated: Evaluated, pageSize: number, count: number) {
    this.#deps = deps;
    this.#evaluated = evaluated;
    this.pageSize = pageSize;
    this.count = count;
    // [open] Whether count also stops at the last page's end is not documented: it stays the full count.
    const pages = Math.min(PAGED_MAX_PAGES, Math.ceil(count / pageSize));
    this.pageRanges = Array.from({ length: pages }, (_, index) => ({
      index,
      compoundLabel: `${index * pageSize + 1} – ${Math.min(count, (index + 1) * pageSize)}`,
    }));
  }

  fetch(options: { index: number } | number): Page {
    const index = typeof options === 'number' ? options : options?.index;
    if (!Number.isInteger(index) || index < 0 || index >= this.pageRanges.length) {
      throw new SuiteScriptError('INVALID_PAGE_RANGE', `PagedData.fetch: there is no page ${String(index)} (pages: ${this.pageRanges.length})`);
    }
    debit(this.#deps, 'PagedData.fetch', COST.pagedFetch);
    const { run, columns } = this.#evaluated;
    const data = run.slice(index * this.pageSize, (index + 1) * this.pageSize).map((r) => new SearchResult(run.build(r), columns));
    return new Page(this, index, data);
  }
}

export class Page {
  readonly data: SearchResult[];
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly pageRange: { index: number; compoundLabel: string };
  #paged: PagedData;
  #index: number;

  constructor(paged: PagedData, index: number, data: SearchResult[]) {
    this.#paged = paged;
    this.#index = index;
    this.data = data;
    this.isFirst = index === 0;
    this.isLast = index === paged.pageRanges.length - 1;
    this.pageRange = paged.pageRanges[index]!;
  }

  next(): Page {
    return this.#paged.fetch({ index: this.#index + 1 });
  }

  prev(): Page {
    return this.#paged.fetch({ index: this.#index - 1 });
  }
}
