/** The state custom record: read with one lookupFields (1), updated with one submitFields (2). */
import * as record from 'N/record';
import { parseActivity, parsePending } from '../domain/activityWindow';
import { parseKeyTest } from '../domain/keyTest';
import { parseIncidents } from '../domain/alerts';
import type { ReconcileRun } from '../domain/jobActivity';
import { parseLease } from '../domain/pushLease';
import type { FullSyncState, ReconcileSummary, RunStats, StateStore, SyncState } from '../app/ports';
import type { Settings } from './settings';
import { readSingleton, rememberSingleton } from './singleton';
import { STATE } from './schema';
import { lookupValue, num, parseJson } from './values';

const COLUMNS = [STATE.drainCursor, STATE.fullSync, STATE.sweepWatermark, STATE.pausedAt, STATE.pauseMessage, STATE.lastRun, STATE.pushLease, STATE.fullSyncRequestedAt, STATE.drainQueuedAt, STATE.deletedWithoutIdAt, STATE.lastReconcile, STATE.frozenCompanies, STATE.lastSentAt, STATE.pushActivity, STATE.pushPending, STATE.sweepActivity, STATE.keyTest, STATE.alerts, STATE.reconcileRun];

/** The newest ids of a list whose JSON fits in `max` characters. */
function keepWithin(ids: readonly string[], max: number): string[] {
  const kept: string[] = [];
  let length = 2;
  for (let i = ids.length - 1; i >= 0; i--) {
    length += JSON.stringify(ids[i]).length + 1;
    if (length > max) break;
    kept.unshift(ids[i] as string);
  }
  return kept;
}

function optionalNumber(v: unknown): number | null {
  const s = lookupValue(v);
  return s === '' ? null : num(s);
}

/** Creates the state record on first use (6 units, once per account). */
function createStateRecord(): string {
  const rec = record.create({ type: STATE.type });
  rec.setValue({ fieldId: 'name', value: 'FreshSync state' });
  rec.setValue({ fieldId: STATE.drainCursor, value: 0 });
  // The sweep looks back from here: a change made with scripts off right after setup is caught.
  rec.setValue({ fieldId: STATE.sweepWatermark, value: Date.now() });
  const id = String(rec.save({ ignoreMandatoryFields: true }));
  rememberSingleton(STATE.type, id);
  return id;
}

/**
 * read: one lookupFields (1 unit). update: one submitFields (2); when nothing was read first (the
 * drain's summarize), the write goes to the usual id 1 and falls back to looking the id up.
 */
export function netsuiteStateStore(settings?: () => Settings): StateStore & { id(): string } {
  let id: string | null = null;
  let usedSettings = false;
  const locate = (): string => {
    id = id ?? readSingleton(STATE.type, [], false)?.id ?? createStateRecord();
    return id;
  };
  return {
    id: locate,
    read(): SyncState {
      // First read of an invocation: the values the settings lookup already brought (0 units).
      let found = !usedSettings && settings ? settings().state : null;
      usedSettings = true;
      found = found ?? readSingleton(STATE.type, COLUMNS, false);
      if (!found) {
        createStateRecord();
        found = readSingleton(STATE.type, COLUMNS, false);
      }
      id = found?.id ?? null;
      const v = found?.values ?? {};
      return {
        drainCursor: num(lookupValue(v[STATE.drainCursor])),
        fullSync: parseJson<FullSyncState | null>(v[STATE.fullSync], null),
        sweepWatermark: optionalNumber(v[STATE.sweepWatermark]),
        pausedAt: optionalNumber(v[STATE.pausedAt]),
        pauseMessage: lookupValue(v[STATE.pauseMessage]),
        lastRun: parseJson<RunStats | null>(v[STATE.lastRun], null),
        pushLease: parseLease(lookupValue(v[STATE.pushLease])),
        fullSyncRequestedAt: optionalNumber(v[STATE.fullSyncRequestedAt]),
        drainQueuedAt: optionalNumber(v[STATE.drainQueuedAt]),
        deletedWithoutIdAt: optionalNumber(v[STATE.deletedWithoutIdAt]),
        lastReconcile: parseJson<ReconcileSummary | null>(v[STATE.lastReconcile], null),
        frozenCompanies: parseJson<string[]>(v[STATE.frozenCompanies], []),
        lastSentAt: optionalNumber(v[STATE.lastSentAt]),
        pushActivity: parseActivity(parseJson<unknown>(v[STATE.pushActivity], null)),
        pushPending: parsePending(parseJson<unknown>(v[STATE.pushPending], null)),
        sweepActivity: parseActivity(parseJson<unknown>(v[STATE.sweepActivity], null)),
        keyTest: parseKeyTest(parseJson<unknown>(v[STATE.keyTest], null)),
        alerts: parseIncidents(parseJson<unknown>(v[STATE.alerts], null)),
        reconcileRun: parseJson<ReconcileRun | null>(v[STATE.reconcileRun], null),
      };
    },
    update(patch: Partial<SyncState>): void {
      const values: Record<string, string | number> = {};
      if (patch.drainCursor !== undefined) values[STATE.drainCursor] = patch.drainCursor;
      if (patch.fullSync !== undefined) values[STATE.fullSync] = patch.fullSync === null ? '' : JSON.stringify(patch.fullSync);
      if (patch.sweepWatermark !== undefined) values[STATE.sweepWatermark] = patch.sweepWatermark === null ? '' : patch.sweepWatermark;
      if (patch.pausedAt !== undefined) values[STATE.pausedAt] = patch.pausedAt === null ? '' : patch.pausedAt;
      if (patch.pauseMessage !== undefined) values[STATE.pauseMessage] = patch.pauseMessage.slice(0, 3900);
      if (patch.lastRun !== undefined) values[STATE.lastRun] = patch.lastRun === null ? '' : JSON.stringify(patch.lastRun).slice(0, 3900);
      if (patch.pushLease !== undefined) values[STATE.pushLease] = patch.pushLease === null ? '' : JSON.stringify(patch.pushLease);
      if (patch.fullSyncRequestedAt !== undefined) values[STATE.fullSyncRequestedAt] = patch.fullSyncRequestedAt === null ? '' : patch.fullSyncRequestedAt;
      if (patch.drainQueuedAt !== undefined) values[STATE.drainQueuedAt] = patch.drainQueuedAt === null ? '' : patch.drainQueuedAt;
      if (patch.deletedWithoutIdAt !== undefined) values[STATE.deletedWithoutIdAt] = patch.deletedWithoutIdAt === null ? '' : patch.deletedWithoutIdAt;
      if (patch.lastSentAt !== undefined) values[STATE.lastSentAt] = patch.lastSentAt === null ? '' : patch.lastSentAt;
      if (patch.pushActivity !== undefined) values[STATE.pushActivity] = patch.pushActivity === null ? '' : JSON.stringify(patch.pushActivity);
      if (patch.pushPending !== undefined) values[STATE.pushPending] = patch.pushPending === null ? '' : JSON.stringify(patch.pushPending);
      if (patch.keyTest !== undefined) values[STATE.keyTest] = patch.keyTest === null ? '' : JSON.stringify(patch.keyTest);
      if (patch.reconcileRun !== undefined) values[STATE.reconcileRun] = patch.reconcileRun === null ? '' : JSON.stringify(patch.reconcileRun);
      if (patch.sweepActivity !== undefined) values[STATE.sweepActivity] = patch.sweepActivity === null ? '' : JSON.stringify(patch.sweepActivity);
      if (patch.alerts !== undefined) values[STATE.alerts] = Object.keys(patch.alerts).length === 0 ? '' : JSON.stringify(patch.alerts);
      // A textarea holds 4,000 characters: past that the oldest ids are dropped (their contacts then wait for a reconcile).
      if (patch.frozenCompanies !== undefined) values[STATE.frozenCompanies] = patch.frozenCompanies.length === 0 ? '' : JSON.stringify(keepWithin(patch.frozenCompanies, 3900));
      if (patch.lastReconcile !== undefined) values[STATE.lastReconcile] = patch.lastReconcile === null ? '' : JSON.stringify({ ...patch.lastReconcile, message: patch.lastReconcile.message.slice(0, 2000) });
      if (Object.keys(values).length === 0) return;
      if (id === null) {
        try {
          record.submitFields({ type: STATE.type, id: '1', values });
          id = '1';
          return;
        } catch {
          // not id 1: find it below
        }
      }
      record.submitFields({ type: STATE.type, id: locate(), values });
    },
  };
}
