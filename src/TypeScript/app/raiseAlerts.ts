/**
 * The alerts' turn in the scheduled sweep: look at the pause, the dead letters and the oldest
 * waiting change, mail what opened, needs its daily reminder or ended (domain/alerts.ts), and hand
 * back the incidents to store with the sweep's one state write. Costs nothing without recipients;
 * the queue's figures 10 when a threshold is set; 20 per message.
 */
import { alertMail } from '../domain/alertMessage';
import { observe, reviewIncidents, unsent, type OpenIncidents } from '../domain/alerts';
import type { SyncConfig } from '../domain/config';
import { pauseHolds } from './pause';
import type { AlertMailer, Clock, Logger, QueueFigures, SyncState } from './ports';

export interface AlertDeps {
  queue: QueueFigures;
  mailer: AlertMailer;
}

export function raiseAlerts(config: SyncConfig, state: SyncState, deps: AlertDeps & { clock: Clock; log: Logger }): { alerts: OpenIncidents; sent: number } {
  const { recipients, deadLetters, waitingHours } = config.alerts;
  // Nobody to tell: nothing is watched, and what was open is forgotten without a message.
  if (recipients.length === 0) return { alerts: {}, sent: 0 };
  const now = deps.clock.now();
  const counts = deadLetters !== null || waitingHours !== null ? deps.queue.counts(state.drainCursor) : null;
  const seen = observe(
    config.alerts,
    {
      pausedAt: state.pausedAt,
      pauseMessage: state.pauseMessage,
      paused: pauseHolds(state.pausedAt, config),
      deadLetters: counts ? counts.dead : null,
      oldestWaitingAt: counts?.oldestWaitingAt ?? null,
    },
    now,
  );
  const review = reviewIncidents(state.alerts ?? {}, seen, now);
  let open = review.open;
  let sent = 0;
  const pageUrl = review.due.length > 0 ? deps.mailer.pageUrl() : '';
  for (const due of review.due) {
    const mail = alertMail(due, now, pageUrl);
    if (deps.mailer.send(recipients, mail.subject, mail.body)) {
      sent++;
      deps.log.audit('FreshSync alert sent', `${due.kind} ${due.phase} to ${recipients.length} recipient(s)`);
    } else open = unsent(open, due);
  }
  return { alerts: open, sent };
}
