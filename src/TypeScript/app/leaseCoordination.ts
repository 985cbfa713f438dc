/**
 * One bulk push at a time: the drain and the full sync take turns through the push lease on the
 * state record (domain/pushLease.ts). These are the steps both sides and the safety net share.
 */
import { leaseLive, takeLease, type PushLease, type TaskState } from '../domain/pushLease';
import type { JobControl, Logger, StateStore, SyncState } from './ports';

/** The live lease on the state record, if any (task states from checkStatus when it names a task). */
export function liveLease(state: SyncState, now: number, jobs?: JobControl): PushLease | null {
  const lease = state.pushLease ?? null;
  const taskState = (id: string): TaskState => (jobs ? jobs.taskState(id) : 'unknown');
  return lease && leaseLive(lease, now, taskState) ? lease : null;
}

/**
 * A full sync stood back for a drain (fullSyncRequestedAt): start it now that no drain pushes, and
 * take the lease on its behalf with its task id, so a drain arriving meanwhile stands back. true
 * when the full sync is on its way (this run must not push).
 */
export function startRequestedFullSync(state: SyncState, now: number, deps: { state: StateStore; jobs?: JobControl; log: Logger }): boolean {
  if (state.fullSyncRequestedAt === null || state.fullSyncRequestedAt === undefined || !deps.jobs) return false;
  const started = deps.jobs.submitFullSync();
  if (started.result === 'submitted') {
    deps.state.update({ pushLease: takeLease('fullsync', now, started.taskId ?? undefined), fullSyncRequestedAt: null });
    deps.log.audit('FreshSync: starting the full sync that waited for the drain', started.taskId ?? '');
    return true;
  }
  return started.result === 'already_running';
}
