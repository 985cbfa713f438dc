/**
 * The safety net (the drain's scheduled deployment, every 15 minutes): submits the drain when
 * entries are due, sync is on and it is not paused. It reads the state and the config and counts
 * the due entries; it submits (DrainTrigger.submit) only when needed.
 */
import { liveLease, startRequestedFullSync } from './leaseCoordination';
import { pauseHolds } from './pause';
import type { Clock, ConfigStore, DrainTrigger, JobControl, Logger, OutboxStore, StateStore } from './ports';

export interface NudgeDeps {
  config: ConfigStore;
  state: StateStore;
  outbox: OutboxStore;
  trigger: DrainTrigger;
  clock: Clock;
  /** Optional: starts a full sync that waited for a drain; reads task states for the lease. */
  jobs?: JobControl;
  log?: Logger;
}

export function nudgeDrain(deps: NudgeDeps): { due: number; submitted: boolean } {
  const state = deps.state.read();
  // Sync switched off: changes stay queued; no drain is started for nothing.
  const loaded = deps.config.load();
  if (!loaded || !loaded.config.enabled) return { due: 0, submitted: false };
  // Paused by a refused key: only a settings change since then makes a new attempt worthwhile.
  if (state.pausedAt !== null && pauseHolds(state.pausedAt, loaded.config)) return { due: 0, submitted: false };
  const now = deps.clock.now();
  const lease = liveLease(state, now, deps.jobs);
  // A full sync pushing: a drain would only stand back. Later quarter hours start it.
  if (lease?.holder === 'fullsync') return { due: 0, submitted: false };
  if (!lease && deps.log && startRequestedFullSync(state, now, { state: deps.state, jobs: deps.jobs, log: deps.log })) return { due: 0, submitted: false };
  const due = deps.outbox.countDue(state.drainCursor, now);
  return { due, submitted: due > 0 && deps.trigger.submit() === 'submitted' };
}
