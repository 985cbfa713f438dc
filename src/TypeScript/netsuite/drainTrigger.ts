/**
 * Starts the drain Map/Reduce (TRIGGER_UNITS.submit). MAP_REDUCE_ALREADY_RUNNING and a role without
 * the scheduling permission are normal: a running drain submits a follow-up run while entries
 * remain, and the scheduled deployment every 15 minutes is the safety net. Never throws.
 *
 * The queued mark spares the saves of a burst the submit (its units, and a round trip inside the
 * user's save): 999 of a 1,000-row CSV import's submits were refused anyway. It is a field of
 * the state record (`drainQueuedAt`), not an N/cache entry: the drain's summarize then clears it
 * in the state write it makes anyway (0 units), where removing a cache entry would cost the
 * drain's summarize a unit more; it is also durable. A save pays TRIGGER_UNITS.read to read it
 * and, when it submits, TRIGGER_UNITS.set to set it. Protocol:
 *  - The mark is set only after a submit was ACCEPTED, never on MAP_REDUCE_ALREADY_RUNNING: that
 *    drain may already be in its summarize, past the point where it clears the mark, and a mark
 *    set then would silence the saves with no drain coming.
 *  - A save appends its outbox entry first, then reads the mark; seeing it, it skips the submit.
 *  - A drain's summarize clears the mark (in its cursor write) BEFORE it counts the due entries
 *    and decides whether to submit a follow-up. A save that saw the mark read it before that
 *    write, so its entry, appended earlier still, is in that count: the follow-up run pushes it
 *    within minutes. A save that reads after the write submits itself (refused while the
 *    summarize still runs: the same small window as without the mark — the sweep and the
 *    safety net cover it).
 *  - The mark counts for MARK_TTL_MS only, so a drain that died without a summarize (or a mark
 *    set a moment after its drain already ended) silences nudges no longer than the 15-minute
 *    safety net would take anyway; the safety net submits whatever the mark says.
 *  - A wrong mark either way costs submits, never a change: the entry is in the outbox first.
 * A follow-up drain goes to the other on-demand deployment: NetSuite counts an instance as
 * unfinished until its summarize ends, so a deployment cannot re-submit itself.
 */
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as task from 'N/task';
import type { DrainTrigger, TriggerResult } from '../app/ports';
import { DRAIN_QUEUED_TTL_MS } from '../domain/jobActivity';
import { clock, logger } from './platform';
import { SCRIPTS, STATE } from './schema';
import { trySubmit } from './taskSubmit';
import { lookupValue } from './values';

/** Under the safety net's 15 minutes; the admin page shows the drain queued as long (domain/jobActivity.ts). */
const MARK_TTL_MS = DRAIN_QUEUED_TTL_MS;

/** A save's units so far and its budget, so the mark never pushes a save over it. */
export interface SaveBudget {
  spent(): number;
  limit: number;
}

export interface DrainTriggerOptions {
  /** Only for saves: the mark is read and set within this budget, else skipped. */
  budget?: SaveBudget;
  /** The state record's id when known without a lookup (the settings link); no mark without it. */
  stateId?: () => string | null;
}

/** What the trigger's steps cost: the mark's lookupFields and submitFields, and task.submit. */
export const TRIGGER_UNITS = { read: 1, set: 2, submit: 20 } as const;

function submitTo(deploymentId: string): TriggerResult {
  return trySubmit(() => task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.drain.scriptId, deploymentId }).submit()).result;
}

/** A failed mark read or write costs at most an extra submit: never let it fail the save. */
function quietly<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    logger.error(`FreshSync: the drain's queued mark could not be ${what}`, String((e as { message?: unknown }).message ?? e));
    return fallback;
  }
}

function markedAt(stateId: string): number | null {
  const v = search.lookupFields({ type: STATE.type, id: stateId, columns: [STATE.drainQueuedAt] }) as Record<string, unknown>;
  const text = lookupValue(v[STATE.drainQueuedAt]);
  return text === '' ? null : Number(text);
}

export function netsuiteDrainTrigger(options: DrainTriggerOptions = {}): DrainTrigger {
  const fits = (units: number) => !options.budget || options.budget.spent() + units <= options.budget.limit;
  return {
    submit: () => submitTo(SCRIPTS.drain.onDemand),
    nudge(): TriggerResult {
      const stateId = options.stateId?.() ?? null;
      // A save near its budget submits without reading the mark, as before the mark existed.
      if (stateId !== null && fits(TRIGGER_UNITS.read + TRIGGER_UNITS.submit)) {
        const at = quietly('read', null, () => markedAt(stateId));
        if (at !== null && Number.isFinite(at) && clock.now() - at < MARK_TTL_MS) return 'already_queued';
      }
      const result = submitTo(SCRIPTS.drain.onDemand);
      if (result === 'submitted' && stateId !== null && fits(TRIGGER_UNITS.set)) {
        quietly('set', undefined, () => record.submitFields({ type: STATE.type, id: stateId, values: { [STATE.drainQueuedAt]: clock.now() } }));
      }
      return result;
    },
    resubmit(): TriggerResult {
      const current = runtime.getCurrentScript().deploymentId;
      return submitTo(current === SCRIPTS.drain.next ? SCRIPTS.drain.onDemand : SCRIPTS.drain.next);
    },
  };
}
