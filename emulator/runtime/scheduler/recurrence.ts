/**
 * Recurrence of a SCHEDULED deployment, from the SDF XML (docs/netsuite-platform-facts.md §6):
 * `<recurrence><daily><startdate/><starttime/><everyxdays/><repeat>PT15M</repeat></daily>`,
 * and `<single><startdate/><starttime/></single>`. Daily: on every x-th day from startdate, a run
 * at starttime, then every `repeat` until the day ends (or once, without repeat), until
 * enddate if given. Other kinds (weekly, monthly, yearly) are not modelled and say so.
 * [open] NetSuite reads the times in the account's time zone; the runtime reads them as UTC.
 */
const REPEATS: Record<string, number> = {
  PT15M: 15, PT30M: 30, PT1H: 60, PT2H: 120, PT4H: 240, PT6H: 360, PT8H: 480, PT12H: 720,
};
const DAY_MS = 86_400_000;

export interface Recurrence {
  kind: 'daily' | 'single';
  /** First day, 00:00 UTC, in ms. */
  startDayMs: number;
  /** Minutes after midnight. */
  startMinute: number;
  everyXDays: number;
  repeatMinutes: number | null;
  /** Last day (inclusive), 00:00 UTC, in ms. */
  endDayMs: number | null;
}

/** The shapes a deployment's recurrence may arrive in: the SDF model's SdfRecurrence or plain fields. */
export type RecurrenceInput =
  | { kind: string; props: Record<string, { value: string } | undefined> }
  | { kind: string; startdate?: string; starttime?: string; everyxdays?: string | number; repeat?: string; enddate?: string };

export function parseRecurrence(input: RecurrenceInput): Recurrence {
  const field = (name: string): string | undefined => {
    if ('props' in input && input.props) return input.props[name]?.value;
    const v = (input as Record<string, unknown>)[name];
    return v === undefined || v === null ? undefined : String(v);
  };
  const kind = input.kind;
  if (kind !== 'daily' && kind !== 'single') {
    throw new Error(`recurrence <${kind}> is not modelled by the local runtime (daily and single are)`);
  }
  const startdate = field('startdate');
  if (!startdate) throw new Error('recurrence needs a startdate');
  const startDayMs = parseDay(startdate);
  const startMinute = parseTime(field('starttime') ?? '00:00:00');
  const repeat = field('repeat');
  let repeatMinutes: number | null = null;
  if (repeat !== undefined && repeat !== '') {
    const m = REPEATS[repeat];
    if (m === undefined) throw new Error(`recurrence repeat ${repeat} is not one of ${Object.keys(REPEATS).join(', ')}`);
    repeatMinutes = m;
  }
  const every = Number(field('everyxdays') ?? 1);
  if (!Number.isInteger(every) || every < 1) throw new Error(`recurrence everyxdays must be a positive integer, got ${field('everyxdays')}`);
  const end = field('enddate');
  return {
    kind,
    startDayMs,
    startMinute,
    everyXDays: kind === 'single' ? 1 : every,
    repeatMinutes: kind === 'single' ? null : repeatMinutes,
    endDayMs: kind === 'single' ? startDayMs : end ? parseDay(end) : null,
  };
}

/** The first scheduled time strictly after `afterMs`, or null when there is none. */
export function nextRunAfter(r: Recurrence, afterMs: number): number | null {
  let day = r.startDayMs;
  if (afterMs > day) day += Math.floor((afterMs - day) / (r.everyXDays * DAY_MS)) * r.everyXDays * DAY_MS;
  for (let guard = 0; guard < 3; guard++, day += r.everyXDays * DAY_MS) {
    if (r.endDayMs !== null && day > r.endDayMs) return null;
    const first = day + r.startMinute * 60_000;
    if (first > afterMs) return first;
    if (r.repeatMinutes !== null) {
      const step = r.repeatMinutes * 60_000;
      const n = Math.floor((afterMs - first) / step) + 1;
      const t = first + n * step;
      if (t < day + DAY_MS) return t;
    }
  }
  return null;
}

function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) throw new Error(`recurrence date must be YYYY-MM-DD, got ${s}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function parseTime(s: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(s.trim());
  if (!m) throw new Error(`recurrence time must be HH:MM[:SS][Z], got ${s}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes >= 24 * 60) throw new Error(`recurrence time out of range: ${s}`);
  return minutes;
}
