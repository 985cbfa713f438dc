/** The scheduled sweep and the on-demand reconcile over the use cases. */
import * as runtime from 'N/runtime';
import { reconcile, type ReconcileReport } from '../app/reconcile';
import { sweep, type SweepReport } from '../app/sweep';
import { governanceRemains } from './platform';
import { clientFor, engine } from './wiring';

/** Purging stops with this reserve left, so the sweep never dies of SSS_USAGE_LIMIT_EXCEEDED. */
const PURGE_RESERVE = 200;

export function runSweep(): SweepReport {
  const e = engine();
  const report = sweep({ config: e.config, state: e.state, outbox: e.outbox, finder: e.finder, trigger: e.trigger, clock: e.clock, log: e.log, canContinue: governanceRemains(PURGE_RESERVE) });
  e.log.audit('FreshSync sweep', JSON.stringify(report));
  return report;
}

export const REMOVE_EXTRAS_PARAM = 'custscript_fsc_rec_remove_extras';

export function runReconcile(): ReconcileReport {
  const e = engine();
  const removeExtras = runtime.getCurrentScript().getParameter({ name: REMOVE_EXTRAS_PARAM }) === true;
  return reconcile({ config: e.config, snapshots: e.snapshots, client: clientFor, outbox: e.outbox, trigger: e.trigger, clock: e.clock, log: e.log, state: e.state }, { removeExtras });
}
