/**
 * Runs a search definition over the store: resolves each filter and column against the search
 * type (joins included), evaluates the filter tree, sorts by the sort columns (then internal id)
 * and builds results. Unknown fields, joins and operators fail as NetSuite's do.
 */
import type { ProjectDefinition } from '../project/definitions';
import type { SavedSearches } from './savedSearches';
import { nsError, SuiteScriptError } from '../errors';
import { formatDate } from '../format/dates';
import type { UserPreferences } from '../format/userPreferences';
import type { RecordStore } from '../store/recordStore';
import { isDate } from '../values';
import { type SearchRow, type SearchSource, type SearchValue, sourceFor } from './catalog';
import type { SearchColumn } from './columns';
import { type FilterNode, termsOf } from './filters';
import { checkSummaryColumns, summarize } from './summary';
import { checkOperator, compileMatcher } from './operators';

export interface EngineContext {
  store: RecordStore;
  /** The account's saved searches, for the savedsearch search type. */
  saved?: SavedSearches;
  /** The account's scripts and deployments, for the scriptdeployment search type. */
  project?: () => ProjectDefinition;
  preferences: UserPreferences;
  now: () => Date;
}

export interface SearchDefinition {
  type: string;
  tree: FilterNode;
  columns: SearchColumn[];
}

export interface ResultRow {
  /** null for summary results. */
  id: number | null;
  recordType: string | null;
  /** Per column (same order): the value and text the Result returns. */
  cells: Cell[];
}

/** A result value: what getValue and getText return, and the field's kind. */
export interface Cell {
  value: unknown;
  text: string;
  kind: SearchValue['kind'];
}

type Accessor = (row: SearchRow) => SearchValue | undefined;

function accessor(source: SearchSource, name: string, join: string | null, what: string): { read: Accessor; kind: SearchValue['kind'] } {
  if (name.startsWith('formula')) {
    throw new SuiteScriptError('SSS_INVALID_SRCH_COL', `${what} ${name}: formula fields are not modelled by the local runtime`);
  }
  if (join) {
    const j = source.join(join);
    if (!j) throw new SuiteScriptError('SSS_INVALID_SRCH_COLUMN_JOIN', `An nlobjSearchColumn contains an invalid column join ID, or is not in proper syntax: ${join} (search type ${source.type})`);
    const kind = probeKind(j.target, name, what, `${join}.${name}`);
    const readTarget = readerOf(j.target, name);
    return {
      kind,
      read: (row) => {
        const target = j.resolve(row);
        return target ? readTarget(target) : { kind, raw: kind === 'checkbox' ? false : null };
      },
    };
  }
  return { kind: probeKind(source, name, what, name), read: readerOf(source, name) };
}

/** The source's own reader for a field when it has one (resolved once), else a lookup per row. */
function readerOf(source: SearchSource, name: string): Accessor {
  return source.reader?.(name) ?? ((row) => source.field(row, name));
}

function probeKind(source: SearchSource, name: string, what: string, label: string): SearchValue['kind'] {
  if (!source.hasField(name)) {
    if (what === 'filter') throw nsError.invalidSearchFilter(`${label} is not a search field of ${source.type}`);
    throw nsError.invalidSearchColumn(`${label} is not a search column of ${source.type}`);
  }
  // A field's kind does not depend on the row: probe with an empty one.
  return source.field({ id: 0, recordType: source.type, values: {} }, name)?.kind ?? 'text';
}

/**
 * Matching rows in result order, produced only as far as a caller reads them when the order is
 * internal-id order (a keyset page then costs its own size); `build` turns one into a result
 * (done only for rows used).
 */
export interface SearchRun {
  /** Rows [start, end) in result order (fewer past the end). */
  slice(start: number, end: number): SearchRow[];
  /** How many rows match (evaluates to the end). */
  count(): number;
  build(row: SearchRow): ResultRow;
}

/** Pulls rows from an ordered source on demand and keeps those pulled, so pages are re-read for free. */
class OrderedRows {
  readonly #seen: SearchRow[] = [];
  readonly #pending: Iterator<SearchRow>;
  #exhausted = false;

  constructor(rows: Iterable<SearchRow>) {
    this.#pending = rows[Symbol.iterator]();
  }

  slice(start: number, end: number): SearchRow[] {
    this.#fill(end);
    return this.#seen.slice(start, end);
  }

  count(): number {
    this.#fill(Infinity);
    return this.#seen.length;
  }

  #fill(n: number): void {
    while (!this.#exhausted && this.#seen.length < n) {
      const next = this.#pending.next();
      if (next.done) this.#exhausted = true;
      else this.#seen.push(next.value);
    }
  }
}

/** Evaluates the definition; returns matching rows in result order. */
export function runSearch(def: SearchDefinition, ctx: EngineContext): ResultRow[] {
  const run = evaluateSearch(def, ctx);
  return run.slice(0, Infinity).map((r) => run.build(r));
}

const ID_COLUMNS = new Set(['internalid', 'internalidnumber', 'id']);

export function evaluateSearch(def: SearchDefinition, ctx: EngineContext): SearchRun {
  const source = sourceFor(ctx.store, def.type, ctx.saved, ctx.project);
  const isSummary = checkSummaryColumns(def.columns);
  const now = ctx.now();
  const predicates = new Map<object, (row: SearchRow) => boolean>();
  for (const f of termsOf(def.tree)) {
    const a = accessor(source, f.name, f.join, 'filter');
    checkOperator(f, a.kind);
    const match = compileMatcher(f, a.kind, ctx.preferences, now);
    predicates.set(f, (row) => {
      const v = a.read(row);
      return v ? match(v) : false;
    });
  }
  const columnAccess = def.columns.map((c) => accessor(source, c.name, c.join, 'column'));
  const test = (node: FilterNode, row: SearchRow): boolean => {
    switch (node.kind) {
      case 'term':
        return predicates.get(node.filter)!(row);
      case 'not': return !test(node.child, row);
      case 'and': return node.children.every((c) => test(c, row));
      case 'or': return node.children.some((c) => test(c, row));
    }
  };
  const build = (row: SearchRow): ResultRow => ({ id: row.id, recordType: row.recordType, cells: columnAccess.map((a) => present(a.read(row), ctx.preferences)) });
  const sorters = def.columns
    .map((c, i) => ({ c, read: columnAccess[i]!.read }))
    .filter((s) => s.c.sort === 'ASC' || s.c.sort === 'DESC');
  const first = sorters[0]?.c;
  const inIdOrder = !isSummary && (!first || (first.sort === 'ASC' && !first.join && ID_COLUMNS.has(first.name)));
  if (inIdOrder) {
    // Internal ids are unique, so later sort columns never decide: filter lazily in id order.
    const matching = function* (): Generator<SearchRow> {
      for (const row of candidateRows(source, def.tree)) if (test(def.tree, row)) yield row;
    };
    const rows = new OrderedRows(matching());
    return { slice: (a, b) => rows.slice(a, b), count: () => rows.count(), build };
  }
  const rows: SearchRow[] = [];
  for (const row of candidateRows(source, def.tree)) if (test(def.tree, row)) rows.push(row);
  if (isSummary) return summaryRun(rows, def.columns, columnAccess.map((a) => a.read), ctx.preferences);
  // Sort keys are read once per row, not once per comparison.
  const keyed = rows.map((row) => ({ row, keys: sorters.map((s) => sortKey(s.read(row))) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sorters.length; i++) {
      const d = compareKeys(a.keys[i]!, b.keys[i]!);
      if (d !== 0) return sorters[i]!.c.sort === 'DESC' ? -d : d;
    }
    return a.row.id - b.row.id;
  });
  const sorted = keyed.map((k) => k.row);
  return { slice: (a, b) => sorted.slice(a, b), count: () => sorted.length, build };
}

/** Groups as result rows (no id); ordered by the sort columns, else by the GROUP values. */
function summaryRun(rows: SearchRow[], columns: SearchColumn[], readers: Accessor[], prefs: UserPreferences): SearchRun {
  const groups = summarize(rows, columns, readers, present, prefs);
  const sortIdx = columns.map((c, i) => (c.sort === 'ASC' || c.sort === 'DESC' ? i : -1)).filter((i) => i >= 0);
  const order = sortIdx.length ? sortIdx : columns.map((c, i) => (c.summary === 'GROUP' ? i : -1)).filter((i) => i >= 0);
  groups.sort((a, b) => {
    for (const i of order) {
      const d = compareKeys(a[i]!.key, b[i]!.key);
      if (d !== 0) return columns[i]!.sort === 'DESC' ? -d : d;
    }
    return 0;
  });
  const synthetic = groups.map((cells, i) => ({ id: i, recordType: '', values: { cells } as Record<string, unknown> }));
  return {
    slice: (a, b) => synthetic.slice(a, b),
    count: () => synthetic.length,
    build: (row) => ({ id: null, recordType: null, cells: (row.values.cells as Cell[]).map((c) => ({ value: c.value, text: c.text, kind: c.kind })) }),
  };
}

/**
 * Rows worth testing, in internal-id order: only the listed ids when an ANDed 'internalid anyof'
 * term says so, only those above the bound of an ANDed internal-id comparison (keyset paging).
 * Every row is still tested against the whole filter tree.
 */
function candidateRows(source: SearchSource, tree: FilterNode): Iterable<SearchRow> {
  const terms = tree.kind === 'term' ? [tree] : tree.kind === 'and' ? tree.children : [];
  let after: number | null = null;
  let upTo: number | null = null;
  for (const t of terms) {
    if (t.kind !== 'term' || t.filter.join) continue;
    const { name, operator, values } = t.filter;
    if (source.rowsById && name === 'internalid' && operator === 'anyof') {
      const ids = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
      if (!ids.map(String).includes('@NONE@')) return source.rowsById(ids);
    }
    const bound = lowerIdBound(name, operator, values[0]);
    if (bound !== null) after = Math.max(after ?? bound, bound);
    const upper = upperIdBound(name, operator, values[0]);
    if (upper !== null) upTo = Math.min(upTo ?? upper, upper);
  }
  if (after === null && upTo === null) return source.rows();
  const rows = after !== null && source.rowsAfter ? source.rowsAfter(after) : source.rows();
  return upTo === null ? rows : untilId(rows, upTo);
}

/** Rows in id order up to an id: the rest cannot match an ANDed upper bound, so they are not visited. */
function* untilId(rows: Iterable<SearchRow>, upTo: number): Iterable<SearchRow> {
  for (const row of rows) {
    if (row.id > upTo) return;
    yield row;
  }
}

/** The highest id rows can have to match `internalidnumber lessthan X` and its kin, else null. */
function upperIdBound(name: string, operator: string, value: unknown): number | null {
  const n = idNumber(name, value);
  if (n === null) return null;
  switch (operator) {
    case 'lessthan': return Math.ceil(n) - 1;
    case 'lessthanorequalto':
    case 'equalto': return Math.floor(n);
    default: return null;
  }
}

function idNumber(name: string, value: unknown): number | null {
  if (name !== 'internalidnumber') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The id after which rows can match `internalidnumber greaterthan X` and its kin, else null. */
function lowerIdBound(name: string, operator: string, value: unknown): number | null {
  const n = idNumber(name, value);
  if (n === null) return null;
  switch (operator) {
    case 'greaterthan': return Math.floor(n);
    case 'greaterthanorequalto':
    case 'equalto': return Math.ceil(n) - 1;
    default: return null;
  }
}

/** What Result.getValue/getText return for a value. */
export function present(v: SearchValue | undefined, prefs: UserPreferences): Cell {
  if (!v) return cell('', '', 'text');
  const raw = v.raw;
  // One cell per column of every row read: built in one shape, with no intermediate object.
  switch (v.kind) {
    case 'checkbox':
      return cell(raw === true, raw === true ? 'Yes' : 'No', v.kind);
    case 'select': {
      const value = raw == null ? '' : String(raw);
      return cell(value, v.text ?? value, v.kind);
    }
    case 'multiselect': {
      const ids = Array.isArray(raw) ? raw.map(String).join(',') : '';
      return cell(ids, v.text ?? ids, v.kind);
    }
    case 'date':
    case 'datetime': {
      const s = isDate(raw) ? formatDate(raw, v.kind === 'date' ? 'DATE' : 'DATETIME', prefs) : '';
      return cell(s, s, v.kind);
    }
    case 'number': {
      const s = raw == null || raw === '' ? '' : String(raw);
      return cell(s, s, v.kind);
    }
    default: {
      const s = raw == null ? '' : capText(String(raw));
      return cell(s, s, v.kind);
    }
  }
}

function cell(value: unknown, text: string, kind: SearchValue['kind']): Cell {
  return { value, text, kind };
}

/** Text columns of search results are cut at 4,000 bytes (Help Center, "search.Result"). */
const TEXT_COLUMN_MAX_BYTES = 4000;

function capText(s: string): string {
  // Most text is far shorter: only count bytes when it could be over.
  if (s.length * 3 <= TEXT_COLUMN_MAX_BYTES || Buffer.byteLength(s, 'utf8') <= TEXT_COLUMN_MAX_BYTES) return s;
  const cut = Buffer.from(s, 'utf8').subarray(0, TEXT_COLUMN_MAX_BYTES).toString('utf8');
  // A character split by the cut decodes as U+FFFD: drop it.
  return cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut;
}

/** Case- and accent-insensitive text order, like NetSuite's sorted results. */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

function compareKeys(av: string | number | null, bv: string | number | null): number {
  if (av === bv) return 0;
  if (av === null) return -1; // empty values sort first ascending
  if (bv === null) return 1;
  if (typeof av === 'number' && typeof bv === 'number') return av - bv;
  return COLLATOR.compare(String(av), String(bv));
}

function sortKey(v: SearchValue | undefined): string | number | null {
  if (!v || v.raw === null || v.raw === undefined || v.raw === '') return null;
  if (isDate(v.raw)) return (v.raw as Date).getTime();
  if (v.kind === 'number') return Number(v.raw);
  if (v.kind === 'checkbox') return v.raw === true ? 1 : 0;
  if (v.sortValue !== undefined) return v.sortValue;
  if (v.kind === 'select') return v.text ?? String(v.raw);
  return String(v.raw);
}
