/**
 * Summary searches: every column carries a summary type; GROUP columns make the groups, COUNT,
 * SUM, AVG, MIN and MAX aggregate the matching rows of each group. Results have no id. Groups
 * come out in the order of their GROUP values unless a column sorts.
 */
import { SuiteScriptError } from '../errors';
import type { UserPreferences } from '../format/userPreferences';
import { isDate } from '../values';
import type { SearchRow, SearchValue } from './catalog';
import type { SearchColumn } from './columns';

export interface SummaryCell {
  value: unknown;
  text: string;
  kind: SearchValue['kind'];
  /** For sorting groups. */
  key: string | number | null;
}

type Reader = (row: SearchRow) => SearchValue | undefined;
type Present = (v: SearchValue | undefined, prefs: UserPreferences) => { value: unknown; text: string; kind: SearchValue['kind'] };

export function checkSummaryColumns(columns: SearchColumn[]): boolean {
  const withSummary = columns.filter((c) => c.summary);
  if (withSummary.length === 0) return false;
  if (withSummary.length !== columns.length) {
    throw new SuiteScriptError('SSS_INVALID_SRCH_COL', 'A summary search needs a summary type on every column (GROUP, COUNT, SUM, AVG, MIN or MAX)');
  }
  for (const c of columns) {
    if (!['GROUP', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(c.summary!)) throw new SuiteScriptError('SSS_INVALID_SRCH_COL', `Unknown summary type ${c.summary}`);
  }
  return true;
}

export function summarize(rows: SearchRow[], columns: SearchColumn[], readers: Reader[], present: Present, prefs: UserPreferences): SummaryCell[][] {
  const groups = new Map<string, SearchRow[]>();
  const groupIdx = columns.map((c, i) => (c.summary === 'GROUP' ? i : -1)).filter((i) => i >= 0);
  for (const row of rows) {
    const key = JSON.stringify(groupIdx.map((i) => present(readers[i]!(row), prefs).value));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(row);
  }
  // No matching rows, no result rows (NetSuite shows "no results", not a row of zero counts).
  const out: SummaryCell[][] = [];
  for (const members of groups.values()) {
    out.push(columns.map((c, i) => aggregate(c, members, readers[i]!, present, prefs)));
  }
  return out;
}

function aggregate(c: SearchColumn, rows: SearchRow[], read: Reader, present: Present, prefs: UserPreferences): SummaryCell {
  if (c.summary === 'GROUP') {
    const v = rows.length ? read(rows[0]!) : undefined;
    const p = present(v, prefs);
    return { ...p, key: v?.sortValue ?? (p.text === '' ? null : p.text) };
  }
  const values = rows.map(read).filter((v): v is SearchValue => !!v && v.raw !== null && v.raw !== undefined && v.raw !== '');
  if (c.summary === 'COUNT') {
    const n = new Set(values.map((v) => JSON.stringify(v.raw))).size;
    return { value: String(n), text: String(n), kind: 'number', key: n };
  }
  const kind = values[0]?.kind;
  if ((c.summary === 'MIN' || c.summary === 'MAX') && (kind === 'date' || kind === 'datetime')) {
    const times = values.map((v) => (isDate(v.raw) ? (v.raw as Date).getTime() : NaN)).filter((t) => !Number.isNaN(t));
    if (!times.length) return { value: '', text: '', kind: kind ?? 'text', key: null };
    const t = c.summary === 'MIN' ? Math.min(...times) : Math.max(...times);
    const p = present({ kind, raw: new Date(t) }, prefs);
    return { ...p, key: t };
  }
  const nums = values.map((v) => Number(v.raw)).filter((n) => Number.isFinite(n));
  if (!nums.length) return { value: '', text: '', kind: 'number', key: null };
  const sum = nums.reduce((a, b) => a + b, 0);
  const r = c.summary === 'SUM' ? sum : c.summary === 'AVG' ? sum / nums.length : c.summary === 'MIN' ? Math.min(...nums) : Math.max(...nums);
  return { value: String(r), text: String(r), kind: 'number', key: r };
}
