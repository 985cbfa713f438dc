/**
 * The words of an alert mail: what happened, since when, and where to fix it (the settings page's
 * address). Plain text; built only from the incident's facts, which never hold the key.
 */
import type { AlertDue, IncidentFacts } from './alerts';
import { PAUSE_WORDS } from './pauseCause';
import { duration, utcMinute } from './timeText';

export interface AlertMail {
  subject: string;
  body: string;
}

/** Ends with a full stop, so the next sentence reads as one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** The incident in one line (subject) and what to do (body), while it lasts. */
function whatHappened(facts: IncidentFacts, now: number): { title: string; what: string; fix: string } {
  switch (facts.kind) {
    case 'paused': {
      const words = PAUSE_WORDS[facts.cause];
      return {
        title: `pushing to Freshsuccess is paused: ${words.who}`,
        what: `Pushing to Freshsuccess is paused because ${words.why}.${facts.detail ? ` The message was: ${sentence(facts.detail)}` : ''} Changes are still queued; nothing is lost.`,
        fix: `${words.fix} on the FreshSync settings page: pushing resumes from where it stopped.`,
      };
    }
    case 'dead_letters':
      return {
        title: `${facts.count} record(s) refused by Freshsuccess`,
        what: `Freshsuccess refused ${facts.count} record(s) for their data (dead letters); the alert is set at ${facts.threshold}. They are not sent again until they are fixed.`,
        fix: 'On the settings page, Status and errors lists each one with Freshsuccess\'s reason and what to do; fix the records in NetSuite, then use Retry.',
      };
    case 'waiting':
      return {
        title: `changes waiting for ${duration(now - facts.oldestAt)}`,
        what: `The oldest change waiting to be sent to Freshsuccess was made ${duration(now - facts.oldestAt)} ago (${utcMinute(facts.oldestAt)}); the alert is set at ${facts.hours} hour(s).`,
        fix: 'On the settings page, Status and errors says why changes wait (Freshsuccess failing or unreachable, a paused or switched-off sync, a drain that cannot start) and Sync control has Drain now.',
      };
  }
}

/** What ending means for each kind. */
function whatEnded(facts: IncidentFacts): { title: string; text: string } {
  switch (facts.kind) {
    case 'paused':
      return { title: 'pushing is no longer paused', text: 'Pushing to Freshsuccess is no longer paused: the settings were saved, and the next drain sends what was queued meanwhile.' };
    case 'dead_letters':
      return { title: 'dead letters are below the alert level', text: `Fewer than ${facts.threshold} record(s) are dead letters now (fixed and retried, or dismissed).` };
    case 'waiting':
      return { title: 'changes no longer wait too long', text: `No change has been waiting for ${facts.hours} hour(s) or more any more.` };
  }
}

export function alertMail(due: AlertDue, now: number, pageUrl: string): AlertMail {
  const page = `FreshSync settings page: ${pageUrl}`;
  if (due.phase === 'close') {
    const ended = whatEnded(due.incident.facts);
    return {
      subject: `FreshSync: resolved: ${ended.title}`,
      body: [ended.text, `It lasted from ${utcMinute(due.incident.since)} to ${utcMinute(now)} (${duration(now - due.incident.since)}).`, page].join('\n\n'),
    };
  }
  const { title, what, fix } = whatHappened(due.incident.facts, now);
  const reminder = due.phase === 'remind' ? 'Reminder, still going on: ' : '';
  return {
    subject: `FreshSync: ${due.phase === 'remind' ? 'still: ' : ''}${title}`,
    body: [`${reminder}${what}`, `Since ${utcMinute(due.incident.since)} (${duration(now - due.incident.since)}).`, fix, page, 'You get this because you are chosen for FreshSync alerts in its settings. You are told again once a day while this lasts, and once when it ends.'].join('\n\n'),
  };
}
