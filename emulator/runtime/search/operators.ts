/**
 * How each search operator compares a field's value with the filter's values. Text comparisons
 * are case-insensitive, as in NetSuite. Date values are user-format strings ('1/5/2026',
 * '1/5/2026 9:00 am'), Dates, or relative keywords (today, yesterday, daysago7...). A date
 * without a time means the whole day.
 */
import { nsError } from '../errors';
import { addDays, parseDate, startOfDay } from '../format/dates';
import type { UserPreferences } from '../format/userPreferences';
import { isDate } from '../values';
import type { SearchValue } from './catalog';
import type { SearchFilter } from './filters';

const NONE = '@NONE@';

const TEXT_OPS = new Set(['is', 'isnot', 'contains', 'doesnotcontain', 'startswith', 'doesnotstartwith', 'isempty', 'isnotempty', 'anyof', 'noneof', 'haskeywords']);
const SELECT_OPS = new Set(['anyof', 'noneof', 'isempty', 'isnotempty', 'is', 'isnot', 'allof', 'notallof']);
const NUMBER_OPS = new Set(['equalto', 'notequalto', 'greaterthan', 'greaterthanorequalto', 'lessthan', 'lessthanorequalto', 'notgreaterthan', 'notgreaterthanorequalto', 'notlessthan', 'notlessthanorequalto', 'between', 'notbetween', 'isempty', 'isnotempty', 'anyof', 'noneof']);
const DATE_OPS = new Set(['on', 'noton', 'before', 'notbefore', 'after', 'notafter', 'onorbefore', 'notonorbefore', 'onorafter', 'notonorafter', 'within', 'notwithin', 'isempty', 'isnotempty']);

/** Throws SSS_INVALID_SRCH_OPERATOR when the operator does not apply to the field's kind. */
export function checkOperator(filter: SearchFilter, kind: SearchValue['kind']): void {
  const ok =
    kind === 'text' ? TEXT_OPS.has(filter.operator)
      : kind === 'select' || kind === 'multiselect' ? SELECT_OPS.has(filter.operator)
        : kind === 'checkbox' ? filter.operator === 'is' || filter.operator === 'isnot'
          : kind === 'number' ? NUMBER_OPS.has(filter.operator)
            : DATE_OPS.has(filter.operator);
  if (!ok) throw nsError.invalidSearchOperator(`${filter.operator} on ${filter.join ? filter.join + '.' : ''}${filter.name} (${kind})`);
}

const lower = (v: unknown) => (v === null || v === undefined ? '' : String(v)).toLowerCase();
const isEmptyValue = (v: SearchValue) => v.raw === null || v.raw === undefined || v.raw === '' || (Array.isArray(v.raw) && v.raw.length === 0);

function flatValues(values: unknown[]): unknown[] {
  return values.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/**
 * Compiles a filter into a predicate over field values: filter values (dates above all) are
 * parsed once per search run, not once per row.
 */
export function compileMatcher(filter: SearchFilter, kind: SearchValue['kind'], prefs: UserPreferences, now: Date): (v: SearchValue) => boolean {
  const op = filter.operator;
  const values = flatValues(filter.values);
  if (op === 'isempty') return isEmptyValue;
  if (op === 'isnotempty') return (v) => !isEmptyValue(v);
  if (kind === 'date' || kind === 'datetime') {
    const a = spanOf(values[0], prefs, now, filter);
    const b = op === 'within' || op === 'notwithin' ? (values.length < 2 ? missingSecond(filter, op) : spanOf(values[1], prefs, now, filter)) : a;
    return (v) => dateMatches(op, v, a, b);
  }
  return (v) => matches(filter, v, prefs, now, values);
}

function missingSecond(filter: SearchFilter, op: string): never {
  throw nsError.invalidSearchFilter(`${filter.name}: '${op}' needs two values`);
}

export function matches(filter: SearchFilter, v: SearchValue, prefs: UserPreferences, now: Date, flat?: unknown[]): boolean {
  const op = filter.operator;
  const values = flat ?? flatValues(filter.values);
  if (op === 'isempty') return isEmptyValue(v);
  if (op === 'isnotempty') return !isEmptyValue(v);
  switch (v.kind) {
    case 'checkbox': {
      const want = values[0] === true || values[0] === 'T' || values[0] === 't';
      if (values[0] !== true && values[0] !== false && !['T', 'F', 't', 'f'].includes(String(values[0]))) {
        throw nsError.invalidSearchFilter(`${filter.name}: a checkbox filter takes 'T' or 'F', got ${String(values[0])}`);
      }
      return op === 'is' ? v.raw === want : v.raw !== want;
    }
    case 'select':
    case 'multiselect':
      return selectMatches(op, v, values);
    case 'number':
      return numberMatches(op, Number(v.raw), values, filter);
    case 'date':
    case 'datetime':
      return compileMatcher(filter, v.kind, prefs, now)(v);
    default:
      return textMatches(op, v, values);
  }
}

/** A filter's wanted ids, prepared once per filter (its values array) rather than once per row tested. */
const WANTED = new WeakMap<unknown[], { none: boolean; ids: string[]; set: Set<string> }>();

function wanted(values: unknown[]): { none: boolean; ids: string[]; set: Set<string> } {
  let w = WANTED.get(values);
  if (!w) {
    const all = values.map((x) => String(x));
    const ids = all.filter((x) => x !== NONE).map((x) => x.toUpperCase());
    w = { none: all.includes(NONE), ids, set: new Set(ids) };
    WANTED.set(values, w);
  }
  return w;
}

function selectMatches(op: string, v: SearchValue, values: unknown[]): boolean {
  const have = Array.isArray(v.raw) ? (v.raw as unknown[]).map(String) : isEmptyValue(v) ? [] : [String(v.raw)];
  const want = wanted(values);
  const haveUpper = have.map((x) => x.toUpperCase());
  const anyHit = (want.none && have.length === 0) || haveUpper.some((h) => want.set.has(h));
  switch (op) {
    case 'anyof': case 'is': return anyHit;
    case 'noneof': case 'isnot': return !anyHit;
    case 'allof': return want.ids.every((w) => haveUpper.includes(w));
    case 'notallof': return !want.ids.every((w) => haveUpper.includes(w));
    default: return false;
  }
}

function textMatches(op: string, v: SearchValue, values: unknown[]): boolean {
  const have = lower(v.raw);
  const want = lower(values[0]);
  switch (op) {
    case 'is': return have === want;
    case 'isnot': return have !== want;
    case 'contains': return have.includes(want);
    case 'doesnotcontain': return !have.includes(want);
    case 'startswith': return have.startsWith(want);
    case 'doesnotstartwith': return !have.startsWith(want);
    case 'haskeywords': return want.split(/\s+/).filter(Boolean).every((w) => have.includes(w));
    case 'anyof': return values.map(lower).includes(have);
    case 'noneof': return !values.map(lower).includes(have);
    default: return false;
  }
}

function numberMatches(op: string, have: number, values: unknown[], filter: SearchFilter): boolean {
  const nums = values.map((x) => Number(x));
  if (nums.some((n) => !Number.isFinite(n))) throw nsError.invalidSearchFilter(`${filter.name}: ${JSON.stringify(values)} is not a number`);
  const [a = NaN, b = NaN] = nums;
  switch (op) {
    case 'equalto': return have === a;
    case 'notequalto': return have !== a;
    case 'greaterthan': return have > a;
    case 'greaterthanorequalto': return have >= a;
    case 'lessthan': return have < a;
    case 'lessthanorequalto': return have <= a;
    case 'notgreaterthan': return !(have > a);
    case 'notgreaterthanorequalto': return !(have >= a);
    case 'notlessthan': return !(have < a);
    case 'notlessthanorequalto': return !(have <= a);
    case 'between': return have >= a && have <= b;
    case 'notbetween': return !(have >= a && have <= b);
    case 'anyof': return nums.includes(have);
    case 'noneof': return !nums.includes(have);
    default: return false;
  }
}

/** A filter date as an interval [start, end): a whole day, or one minute/second when timed. */
interface Span { start: number; end: number }

function spanOf(value: unknown, prefs: UserPreferences, now: Date, filter: SearchFilter): Span {
  if (isDate(value)) return { start: value.getTime(), end: value.getTime() + 1 };
  const text = String(value ?? '').trim();
  const rel = relativeSpan(text.toLowerCase(), prefs, now);
  if (rel) return rel;
  const timed = parseDate(text, 'DATETIMETZ', prefs);
  if (!timed) throw nsError.invalidSearchFilter(`${filter.name}: '${text}' is not a date in the user's format (${prefs.dateFormat})`);
  if (/\d:\d\d/.test(text)) {
    const precision = /\d:\d\d:\d\d/.test(text) ? 1000 : 60_000;
    return { start: timed.getTime(), end: timed.getTime() + precision };
  }
  return { start: timed.getTime(), end: addDays(timed, 1, prefs).getTime() };
}

function relativeSpan(text: string, prefs: UserPreferences, now: Date): Span | undefined {
  const day = (offset: number): Span => {
    const s = addDays(startOfDay(now, prefs), offset, prefs);
    return { start: s.getTime(), end: addDays(s, 1, prefs).getTime() };
  };
  if (text === 'today') return day(0);
  if (text === 'yesterday') return day(-1);
  if (text === 'tomorrow') return day(1);
  let m = /^(days|hours|minutes|weeks)ago(\d+)$/.exec(text);
  if (m) {
    const n = Number(m[2]);
    if (m[1] === 'days') return day(-n);
    if (m[1] === 'weeks') return day(-7 * n);
    const t = now.getTime() - n * (m[1] === 'hours' ? 3_600_000 : 60_000);
    return { start: t, end: t + 1 };
  }
  m = /^(days|hours|minutes)fromnow(\d+)$/.exec(text);
  if (m) {
    const n = Number(m[2]);
    if (m[1] === 'days') return day(n);
    const t = now.getTime() + n * (m[1] === 'hours' ? 3_600_000 : 60_000);
    return { start: t, end: t + 1 };
  }
  return undefined;
}

function dateMatches(op: string, v: SearchValue, a: Span, b: Span): boolean {
  if (!isDate(v.raw)) return op.startsWith('not') ? true : false;
  const t = (v.raw as Date).getTime();
  switch (op) {
    case 'on': return t >= a.start && t < a.end;
    case 'noton': return !(t >= a.start && t < a.end);
    case 'before': return t < a.start;
    case 'notbefore': return !(t < a.start);
    case 'after': return t >= a.end;
    case 'notafter': return !(t >= a.end);
    case 'onorbefore': return t < a.end;
    case 'notonorbefore': return !(t < a.end);
    case 'onorafter': return t >= a.start;
    case 'notonorafter': return !(t >= a.start);
    case 'within':
    case 'notwithin': {
      const inside = t >= a.start && t < b.end;
      return op === 'within' ? inside : !inside;
    }
    default: return false;
  }
}
