/**
 * Alerts as incidents: pushing paused, too many dead letters, a change waiting too long. Each
 * incident is mailed once when it opens, at most once a day while it lasts, and once when it ends
 * (only when its opening was mailed). Pure: the sweep observes, this decides, the sweep mails and
 * stores the memory on the state record.
 */
import { pauseCause, pauseDetail, type PauseCause } from './pauseCause';

/** The pause's own words kept with the incident (the state record's field holds 4,000 characters for all of them). */
const DETAIL_MAX = 300;

export type IncidentKind = 'paused' | 'dead_letters' | 'waiting';
export const INCIDENT_KINDS: readonly IncidentKind[] = ['paused', 'dead_letters', 'waiting'];

/** NetSuite's email.send takes at most 10 recipients (docs/netsuite-platform-facts.md §1). */
export const MAX_ALERT_RECIPIENTS = 10;
/** What the alert thresholds accept (a value outside is a problem, not clamped). */
export const ALERT_RANGE = { deadLetters: { min: 1, max: 1_000_000 }, waitingHours: { min: 1, max: 720 } } as const;

/** A reminder at most this often while an incident lasts. */
const REMIND_EVERY_MS = 24 * 3600_000;

/** Who is told and when (config.ts parses and checks them). */
export interface AlertSettings {
  /** Internal ids of the employees mailed; empty: no alerts. */
  recipients: string[];
  /** Dead letters (records) at which an incident opens; null: not watched. */
  deadLetters: number | null;
  /** Hours the oldest waiting change may wait before an incident opens; null: not watched. */
  waitingHours: number | null;
}

/** What an incident is about now, for the message and the admin page. */
export type IncidentFacts =
  | { kind: 'paused'; cause: PauseCause; detail: string }
  | { kind: 'dead_letters'; count: number; threshold: number }
  | { kind: 'waiting'; oldestAt: number; hours: number };

export interface Incident {
  /** When it began (the pause, the oldest change's first capture, the sweep that first saw the count). */
  since: number;
  /** When its last message went out; null: not yet (no recipients then, or the mail failed). */
  mailedAt: number | null;
  facts: IncidentFacts;
}

/** The incidents open now, as kept on the state record. */
export type OpenIncidents = Partial<Record<IncidentKind, Incident>>;

/** What the sweep saw: per kind, the incident's facts, null when it is not happening, absent when not looked at. */
export type Observation = Partial<Record<IncidentKind, { since: number; facts: IncidentFacts } | null>>;

export type AlertPhase = 'open' | 'remind' | 'close';

export interface AlertDue {
  kind: IncidentKind;
  phase: AlertPhase;
  incident: Incident;
}

/** The facts of the state, the queue counts and the settings, as an observation. */
export function observe(
  settings: AlertSettings,
  seen: { pausedAt: number | null; pauseMessage: string; paused: boolean; deadLetters: number | null; oldestWaitingAt: number | null },
  now: number,
): Observation {
  const o: Observation = {};
  o.paused = seen.paused && seen.pausedAt !== null ? { since: seen.pausedAt, facts: { kind: 'paused', cause: pauseCause(seen.pauseMessage), detail: pauseDetail(seen.pauseMessage).slice(0, DETAIL_MAX) } } : null;
  if (settings.deadLetters !== null && seen.deadLetters !== null) {
    o.dead_letters = seen.deadLetters >= settings.deadLetters ? { since: now, facts: { kind: 'dead_letters', count: seen.deadLetters, threshold: settings.deadLetters } } : null;
  }
  if (settings.waitingHours !== null) {
    const over = seen.oldestWaitingAt !== null && now - seen.oldestWaitingAt >= settings.waitingHours * 3600_000;
    o.waiting = over && seen.oldestWaitingAt !== null ? { since: seen.oldestWaitingAt, facts: { kind: 'waiting', oldestAt: seen.oldestWaitingAt, hours: settings.waitingHours } } : null;
  }
  return o;
}

/**
 * The messages due now and the incidents open after them, as if every message were sent (see
 * `unsent` for one that failed). A kind not looked at (a threshold turned off) is forgotten
 * without a message: nothing says it ended.
 */
export function reviewIncidents(open: OpenIncidents, seen: Observation, now: number): { due: AlertDue[]; open: OpenIncidents } {
  const due: AlertDue[] = [];
  const next: OpenIncidents = {};
  for (const kind of INCIDENT_KINDS) {
    const before = open[kind];
    const now_ = seen[kind];
    if (now_ === undefined) continue;
    if (now_ === null) {
      if (before && before.mailedAt !== null) due.push({ kind, phase: 'close', incident: before });
      continue;
    }
    const incident: Incident = { since: before?.since ?? now_.since, mailedAt: before?.mailedAt ?? null, facts: now_.facts };
    const phase: AlertPhase | null = incident.mailedAt === null ? 'open' : now - incident.mailedAt >= REMIND_EVERY_MS ? 'remind' : null;
    if (phase) {
      due.push({ kind, phase, incident });
      next[kind] = { ...incident, mailedAt: now };
    } else next[kind] = incident;
  }
  return { due, open: next };
}

/** A message that could not be sent: its incident stays as it was, so the next sweep tries again. */
export function unsent(open: OpenIncidents, failed: AlertDue): OpenIncidents {
  if (failed.phase === 'close' || !open[failed.kind]) return open;
  return { ...open, [failed.kind]: { ...failed.incident } };
}

/** The stored memory, tolerant of anything (a hand-edited record, an older shape): unknown parts are dropped. */
export function parseIncidents(raw: unknown): OpenIncidents {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: OpenIncidents = {};
  for (const kind of INCIDENT_KINDS) {
    const i = (raw as Record<string, unknown>)[kind] as Partial<Incident> | undefined;
    if (!i || typeof i.since !== 'number' || (i.mailedAt !== null && typeof i.mailedAt !== 'number')) continue;
    const facts = i.facts as IncidentFacts | undefined;
    if (!facts || facts.kind !== kind) continue;
    out[kind] = { since: i.since, mailedAt: i.mailedAt, facts };
  }
  return out;
}

/** Same incidents, same mail times: nothing to write. */
export function sameIncidents(a: OpenIncidents, b: OpenIncidents): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
