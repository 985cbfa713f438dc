/**
 * Date text as NetSuite writes and reads it for a user: DATE '1/5/2026', DATETIME
 * '1/5/2026 9:00 am', DATETIMETZ '1/5/2026 9:00:00 am', in the user's time zone.
 */
import type { DateFormat, UserPreferences } from './userPreferences';

interface Parts { y: number; m: number; d: number; h: number; min: number; s: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneParts(date: Date, timeZone: string): Parts {
  if (timeZone === 'UTC') {
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), h: date.getUTCHours(), min: date.getUTCMinutes(), s: date.getUTCSeconds() };
  }
  let f = formatters.get(timeZone);
  if (!f) {
    // Building a formatter is slow; searches format thousands of dates.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(date)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour! % 24, min: p.minute!, s: p.second! };
}

/** The instant at which the wall clock in `timeZone` shows the given parts. */
function fromZoneParts(p: Parts, timeZone: string): Date {
  if (timeZone === 'UTC') return new Date(Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s));
  const guess = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  let t = guess;
  for (let i = 0; i < 3; i++) {
    const shown = zoneParts(new Date(t), timeZone);
    const shownMs = Date.UTC(shown.y, shown.m - 1, shown.d, shown.h, shown.min, shown.s);
    t += guess - shownMs;
  }
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatDatePart(p: Parts, fmt: DateFormat): string {
  switch (fmt) {
    case 'M/D/YYYY': return `${p.m}/${p.d}/${p.y}`;
    case 'D/M/YYYY': return `${p.d}/${p.m}/${p.y}`;
    case 'MM/DD/YYYY': return `${pad(p.m)}/${pad(p.d)}/${p.y}`;
    case 'DD/MM/YYYY': return `${pad(p.d)}/${pad(p.m)}/${p.y}`;
    case 'YYYY-MM-DD': return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
    case 'D.M.YYYY': return `${p.d}.${p.m}.${p.y}`;
    case 'DD.MM.YYYY': return `${pad(p.d)}.${pad(p.m)}.${p.y}`;
  }
}

function formatTimePart(p: Parts, prefs: UserPreferences, seconds: boolean): string {
  const sec = seconds ? `:${pad(p.s)}` : '';
  if (prefs.timeFormat === 'H:mm') return `${p.h}:${pad(p.min)}${sec}`;
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12;
  return `${h12}:${pad(p.min)}${sec} ${p.h < 12 ? 'am' : 'pm'}`;
}

export type DateKind = 'DATE' | 'DATETIME' | 'DATETIMETZ';

export function formatDate(date: Date, kind: DateKind, prefs: UserPreferences): string {
  const p = zoneParts(date, prefs.timeZone);
  const d = formatDatePart(p, prefs.dateFormat);
  if (kind === 'DATE') return d;
  return `${d} ${formatTimePart(p, prefs, kind === 'DATETIMETZ')}`;
}

/** Parses user-format text; undefined when it does not match the preference. */
export function parseDate(text: string, kind: DateKind, prefs: UserPreferences): Date | undefined {
  const m = /^\s*(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([aApP][mM])?)?\s*$/.exec(text);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let y: number, mo: number, d: number;
  switch (prefs.dateFormat) {
    case 'M/D/YYYY': case 'MM/DD/YYYY': [mo, d, y] = [a, b, c]; break;
    case 'YYYY-MM-DD': [y, mo, d] = [a, b, c]; break;
    default: [d, mo, y] = [a, b, c];
  }
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  let h = 0, min = 0, s = 0;
  if (m[4] !== undefined) {
    if (kind === 'DATE') return undefined;
    h = Number(m[4]); min = Number(m[5]); s = m[6] ? Number(m[6]) : 0;
    const ampm = m[7]?.toLowerCase();
    if (ampm) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (ampm === 'pm' ? 12 : 0);
    }
    if (h > 23 || min > 59 || s > 59) return undefined;
  }
  const date = fromZoneParts({ y, m: mo, d, h, min, s }, prefs.timeZone);
  // Reject 2/31 and similar: the date must read back as written.
  const back = zoneParts(date, prefs.timeZone);
  if (back.d !== d || back.m !== mo) return undefined;
  return date;
}

/** Midnight (user's zone) of the day containing `date`. */
export function startOfDay(date: Date, prefs: UserPreferences): Date {
  const p = zoneParts(date, prefs.timeZone);
  return fromZoneParts({ ...p, h: 0, min: 0, s: 0 }, prefs.timeZone);
}

export function addDays(date: Date, days: number, prefs: UserPreferences): Date {
  const p = zoneParts(date, prefs.timeZone);
  return fromZoneParts({ ...p, d: p.d + days }, prefs.timeZone);
}
