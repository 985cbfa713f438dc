/**
 * Starts the drain Map/Reduce (submit 20 units). MAP_REDUCE_ALREADY_RUNNING and a role without
 * the scheduling permission are normal: a running drain submits a follow-up run while entries
 * remain, and the scheduled deployment every 15 minutes is the safety net. Never throws.
 *
 * The queued mark (application-scope N/cache: get 1, put 1, remove 1) spares the saves of a
 * burst the submit (20 units, and a round trip inside the user's save): 999 of a 1,000-row CSV
 * import's submits were refused anyway. Protocol and why it loses no change:
 *  - The mark is put only after a submit was ACCEPTED, never on MAP_REDUCE_ALREADY_RUNNING: that
 *    drain may already be in its summarize, past the point where it removes the mark, and a mark
 *    put then would silence the saves with no drain coming.
 *  - A save appends its outbox entry first, then reads the mark; seeing it, it skips the submit.
 *  - A drain's summarize removes the mark BEFORE it counts the due entries and decides whether
 *    to submit a follow-up. A save that saw the mark read it before that removal, so its entry,
 *    appended earlier still, is in that count: the follow-up run pushes it within minutes.
 *    A save that reads after the removal submits itself (refused while the summarize still
 *    runs: the same small window as without the mark — the sweep and the safety net cover it).
 *  - The mark expires after MARK_TTL_S, so a drain that died without a summarize (or a mark put
 *    a moment after its drain already ended) silences nudges no longer than the 15-minute
 *    safety net would take anyway; the safety net submits whatever the mark says.
 *  - N/cache is not durable: an evicted mark only means one more submit attempt (refused or a
 *    new drain), never a lost change — the entry is in the outbox either way.
 * A follow-up drain goes to the other on-demand deployment: NetSuite counts an instance as
 * unfinished until its summarize ends, so a deployment cannot re-submit itself.
 */
import * as cache from 'N/cache';
import * as runtime from 'N/runtime';
import * as task from 'N/task';
import type { DrainTrigger, TriggerResult } from '../app/ports';
import { clock, logger } from './platform';
import { SCRIPTS } from './schema';

const MARK = { cache: 'fsc_drain', key: 'queued' };
/** Seconds: under the safety net's 15 minutes, over N/cache's 5-minute minimum. */
export const MARK_TTL_S = 600;

/** A save's units so far and its budget, so the mark never pushes a save over it. */
export interface SaveBudget {
  spent(): number;
  limit: number;
}

const UNITS = { get: 1, put: 1, submit: 20 };

function markCache(): cache.Cache {
  return cache.getCache({ name: MARK.cache, scope: cache.Scope.PROTECTED });
}

function submitTo(deploymentId: string): TriggerResult {
  try {
    task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.drain.scriptId, deploymentId }).submit();
    return 'submitted';
  } catch (e) {
    const name = String((e as { name?: unknown }).name ?? '');
    if (name === 'MAP_REDUCE_ALREADY_RUNNING') return 'already_running';
    if (/PERMISSION/i.test(name)) return 'not_permitted';
    return 'failed';
  }
}

/** N/cache failures cost at most an extra submit: never let them fail a save or a summarize. */
function quietly<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    logger.error(`FreshSync: the drain's queued mark could not be ${what}`, String((e as { message?: unknown }).message ?? e));
    return fallback;
  }
}

export function netsuiteDrainTrigger(budget?: SaveBudget): DrainTrigger {
  const fits = (units: number) => !budget || budget.spent() + units <= budget.limit;
  const mark = () => {
    if (fits(UNITS.put)) quietly('put', undefined, () => markCache().put({ key: MARK.key, value: String(clock.now()), ttl: MARK_TTL_S }));
  };
  const submit = (deploymentId: string): TriggerResult => {
    const result = submitTo(deploymentId);
    if (result === 'submitted') mark();
    return result;
  };
  return {
    submit: () => submit(SCRIPTS.drain.onDemand),
    nudge(): TriggerResult {
      // A save near its budget submits without reading the mark (as before the mark existed).
      const queued = fits(UNITS.get + UNITS.submit) && quietly('read', false, () => markCache().get({ key: MARK.key }) !== null);
      return queued ? 'already_queued' : submit(SCRIPTS.drain.onDemand);
    },
    drainEnding(): void {
      quietly('removed', undefined, () => markCache().remove({ key: MARK.key }));
    },
    resubmit(): TriggerResult {
      const current = runtime.getCurrentScript().deploymentId;
      return submit(current === SCRIPTS.drain.next ? SCRIPTS.drain.onDemand : SCRIPTS.drain.next);
    },
  };
}
