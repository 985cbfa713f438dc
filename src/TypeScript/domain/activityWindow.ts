/**
 * Counts over the last 24 hours in hourly buckets: the admin page's "last 24 hours" figures
 * (records sent, failed attempts, changes the sweep caught). A rolling window avoids choosing
 * whose "today" (the account's, the administrator's or UTC midnight) the figures follow. The
 * current hour is partial, so 25 buckets are kept: the figures cover at least the last 24 hours
 * (and at most 25).
 */

export const WINDOW_HOURS = 25;
const HOUR_MS = 3_600_000;

export interface ActivityWindow {
  /** Epoch hour (ms / 1 h) of each series' first bucket. */
  hour: number;
  /** Per series, one count per hour, newest first, at most WINDOW_HOURS long. */
  series: Record<string, number[]>;
}

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

/**
 * A window usable at `hour`: a clock that went back (by less than the window) keeps its buckets
 * where they are; a window further in the future (a clock set far ahead, a hand-edited record)
 * would hold its counts that much longer, so it counts as none.
 */
function usable(w: ActivityWindow | null | undefined, hour: number): ActivityWindow | null {
  return w && w.hour <= hour + WINDOW_HOURS ? w : null;
}

/** The window moved to `hour`: buckets older than the window are dropped. */
function shifted(w: ActivityWindow | null, hour: number): Record<string, number[]> {
  if (!w) return {};
  const by = hour - w.hour;
  if (by <= 0) return Object.fromEntries(Object.entries(w.series).map(([k, v]) => [k, [...v]]));
  const out: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(w.series)) {
    const kept = [...new Array<number>(Math.min(by, WINDOW_HOURS)).fill(0), ...v].slice(0, WINDOW_HOURS);
    if (kept.some((n) => n > 0)) out[k] = kept;
  }
  return out;
}

/** The window with `add` counted in the current hour; null when there is nothing to count. */
export function countActivity(w: ActivityWindow | null, now: number, add: Record<string, number>): ActivityWindow | null {
  const additions = Object.entries(add).filter(([, n]) => n > 0);
  if (additions.length === 0) return null;
  const base = usable(w, hourOf(now));
  const hour = Math.max(hourOf(now), base?.hour ?? 0);
  const series = shifted(base, hour);
  for (const [k, n] of additions) {
    const v = series[k] ?? [0];
    v[0] = (v[0] ?? 0) + n;
    series[k] = v;
  }
  return { hour, series };
}

/**
 * A push run's counts not yet in the window: its summarize keeps them aside, so it writes the
 * state without reading it first, and the next pushing run adds them in the write it makes to take
 * the lease (app/runStats.ts). Readers count them as if already added.
 */
export interface PendingActivity {
  at: number;
  sent: number;
  failed: number;
}

/** The window with a run's pending counts added (the window itself when there are none). */
export function withPending(w: ActivityWindow | null | undefined, p: PendingActivity | null | undefined): ActivityWindow | null {
  if (!p) return w ?? null;
  return countActivity(w ?? null, p.at, { sent: p.sent, failed: p.failed }) ?? w ?? null;
}

/** Stored pending counts, or null when the value is not one. */
export function parsePending(raw: unknown): PendingActivity | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Partial<PendingActivity>;
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null);
  const at = typeof p.at === 'number' && Number.isFinite(p.at) ? p.at : null;
  const sent = count(p.sent);
  const failed = count(p.failed);
  return at === null || sent === null || failed === null ? null : { at, sent, failed };
}

/** A series' total over the last 24 hours (see WINDOW_HOURS). */
export function lastDay(w: ActivityWindow | null | undefined, now: number, name: string): number {
  const base = usable(w, hourOf(now));
  if (!base) return 0;
  const v = shifted(base, Math.max(hourOf(now), base.hour))[name] ?? [];
  return v.reduce((a, b) => a + b, 0);
}

/** A stored window, or null when the text is not one (an old or hand-edited record). */
export function parseActivity(raw: unknown): ActivityWindow | null {
  if (!raw || typeof raw !== 'object') return null;
  const w = raw as Partial<ActivityWindow>;
  if (!Number.isInteger(w.hour) || !w.series || typeof w.series !== 'object') return null;
  const series: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(w.series)) {
    if (Array.isArray(v)) series[k] = v.slice(0, WINDOW_HOURS).map((n) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0));
  }
  return { hour: w.hour as number, series };
}
