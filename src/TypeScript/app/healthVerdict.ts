/**
 * The first thing the admin page says: one verdict line on the sync's health, in plain words,
 * and the key figures behind it. Worst first: not set up, paused by a refused key, switched off,
 * dead letters to act on, changes waiting, then healthy.
 */
import { lastDay, withPending } from '../domain/activityWindow';
import { PAUSE_WORDS, pauseCause } from '../domain/pauseCause';
import { duration as age, utcMinute as when } from '../domain/timeText';
import type { OutboxCounts, StatusView } from './adminStatusView';

export interface HealthVerdict {
  level: 'ok' | 'behind' | 'attention' | 'stopped';
  text: string;
  /** The figures, each as "label: value". */
  figures: string[];
}

const waiting = (c: OutboxCounts | null) => (c ? c.pending + c.retry : 0);

export function healthVerdict(view: StatusView): HealthVerdict {
  const c = view.counts;
  const run = view.state?.lastRun ?? null;
  const sentAt = view.state?.lastSentAt ?? null;
  const oldest = c?.oldestWaitingAt ?? null;
  const pushed = withPending(view.state?.pushActivity, view.state?.pushPending);
  const figures = [
    `Last run: ${run ? `${run.kind} at ${when(run.at)}, ${run.sent} record(s) sent` : 'none yet'}`,
    `Records last sent: ${sentAt === null ? 'never' : when(sentAt)}`,
    `Last 24 hours: ${lastDay(pushed, view.now, 'sent')} record(s) sent, ${lastDay(pushed, view.now, 'failed')} failed attempt(s); the sweep caught ${lastDay(view.state?.sweepActivity, view.now, 'caught')} change(s) no save had queued`,
    `Changes waiting: ${c ? c.pending : 'unknown'}`,
    `To retry: ${c ? c.retry : 'unknown'}`,
    // Of both (new and to retry): the age of what waits, from its first capture.
    ...(oldest !== null && waiting(c) > 0 ? [`Oldest waiting change: made ${age(view.now - oldest)} ago`] : []),
    `Dead letters: ${c ? c.dead : 'unknown'}`,
    `Skipped: ${c ? c.skipped : 'unknown'}`,
    `Sent with warnings: ${c ? c.warned : 'unknown'}`,
  ];
  if (view.syncEnabled === null) return { level: 'stopped', text: 'Not set up: nothing is pushed until the connection settings below are saved.', figures };
  if (view.copied) return { level: 'stopped', text: `Paused: ${view.copied}`, figures };
  if ((view.state?.pausedAt ?? null) !== null) {
    const words = PAUSE_WORDS[pauseCause(view.state?.pauseMessage ?? '')];
    return { level: 'stopped', text: `Paused: ${words.why}; see Status and errors. ${words.fix}; changes wait meanwhile and nothing is lost.`, figures };
  }
  if (view.syncEnabled === false) return { level: 'stopped', text: `Switched off: ${waiting(c)} change(s) wait and nothing is sent. Tick "Sync enabled" and save to send them.`, figures };
  if (c && c.dead > 0) return { level: 'attention', text: `Needs attention: ${c.dead} record(s) Freshsuccess refused for their data, listed as dead letters in Status and errors.`, figures };
  if (waiting(c) > 0) return { level: 'behind', text: `Behind by ${waiting(c)} change(s)${oldest !== null ? `, the oldest made ${age(view.now - oldest)} ago` : ''} (${c?.retry ?? 0} to retry): the next drain pushes them.`, figures };
  return { level: 'ok', text: 'Healthy: nothing is waiting to be sent.', figures };
}
