/** The scheduled sweep over its use case. */
import { sweep, type SweepReport } from '../app/sweep';
import { countOutbox } from './adminStore';
import { netsuiteAlertMailer } from './alertMailer';
import { governanceRemains } from './platform';
import { engine } from './wiring';

/** Purging stops with this reserve left, so the sweep never dies of SSS_USAGE_LIMIT_EXCEEDED. */
const PURGE_RESERVE = 200;

export function runSweep(): SweepReport {
  const e = engine();
  const alerts = { queue: { counts: countOutbox }, mailer: netsuiteAlertMailer() };
  const report = sweep({ config: e.config, state: e.state, outbox: e.outbox, finder: e.finder, trigger: e.trigger, clock: e.clock, log: e.log, canContinue: governanceRemains(PURGE_RESERVE), alerts });
  e.log.audit('FreshSync sweep', JSON.stringify(report));
  return report;
}

