/**
 * The alerts as the admin page shows them on the status tab: who is told, the thresholds, and the
 * incidents open now with when each began and was last mailed. Read from the settings and the
 * state the page already has (0 units).
 */
import type { AlertSettings, Incident, IncidentKind } from '../domain/alerts';
import { INCIDENT_KINDS } from '../domain/alerts';
import { PAUSE_WORDS } from '../domain/pauseCause';
import { utcMinute } from '../domain/timeText';
import { esc } from './adminStatusView';

const KIND_TEXT: Record<IncidentKind, string> = { paused: 'Pushing paused', dead_letters: 'Dead letters', waiting: 'Changes waiting too long' };

function factsText(i: Incident): string {
  const f = i.facts;
  if (f.kind === 'paused') return PAUSE_WORDS[f.cause].who;
  if (f.kind === 'dead_letters') return `${f.count} record(s), alert at ${f.threshold}`;
  return `oldest change made ${utcMinute(f.oldestAt)}, alert after ${f.hours} hour(s)`;
}

export function alertsHtml(settings: AlertSettings | null, open: Partial<Record<IncidentKind, Incident>>): string {
  const count = settings?.recipients.length ?? 0;
  const who = count > 0 ? `the ${count} employee(s) chosen under Settings &gt; Alerts` : null;
  const watched = settings
    ? [
        'pushing paused',
        settings.deadLetters !== null ? `${settings.deadLetters} or more dead letters` : null,
        settings.waitingHours !== null ? `a change waiting ${settings.waitingHours} hour(s) or more` : null,
      ].filter((x): x is string => x !== null)
    : [];
  const setup = who
    ? `<p>Alerts go to ${who} when: ${watched.map(esc).join('; ')}. The sweep checks every 15 minutes; one message when something starts, a reminder at most once a day while it lasts, one when it ends.</p>`
    : '<p>No alert recipients are chosen: nobody is mailed when pushing pauses or records pile up. Choose them under Settings &gt; Alerts.</p>';
  const rows = INCIDENT_KINDS.filter((k) => open[k]).map((k) => {
    const i = open[k] as Incident;
    return `<tr><td>${esc(KIND_TEXT[k])}</td><td>${esc(factsText(i))}</td><td>${esc(utcMinute(i.since))}</td><td>${esc(i.mailedAt === null ? 'not mailed yet' : utcMinute(i.mailedAt))}</td></tr>`;
  });
  const incidents = rows.length === 0
    ? '<p>No open incident.</p>'
    : `<table class="fsc-table"><thead><tr><th>Open incident</th><th>What</th><th>Since</th><th>Last mailed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<div id="custpage_alerts"><h3>Alerts</h3>${setup}${incidents}</div>`;
}
