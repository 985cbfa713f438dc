/**
 * The push lease: Freshsuccess wants one bulk request at a time per endpoint, and the drain and
 * the full sync are separate Map/Reduce scripts that the processors may run at the same time.
 * Whichever pushes holds a lease on the state record (holder, since, until, and the task id when
 * the engine itself submitted the run); the other one does not push while it is live.
 *
 * A lease is stale, and may be taken over, when its task is known to have finished
 * (task.checkStatus, 0 units) or when `until` has passed. A running script cannot read its own
 * task id in SuiteScript, so most leases carry none and rely on `until`; a run normally releases
 * its lease in summarize, which NetSuite runs even after a stage failed, so `until` matters only
 * when an instance died outright.
 */
export type LeaseHolder = 'drain' | 'fullsync';

export interface PushLease {
  holder: LeaseHolder;
  since: number;
  until: number;
  /** Set when the engine submitted the holder's run (submit() returns it). */
  taskId?: string;
  /**
   * The deployment running the holder (drains only). A drain has two on-demand deployments (a
   * follow-up run goes to the other one); each runs one instance at a time, so a lease of the
   * drain's own deployment is its own (restarted) or a dead run's, and one of the other
   * deployment may be a live run to stand back for.
   */
  deployment?: string;
}

/**
 * Bounds after which a lease is presumed dead. A drain pushes a few batches (minutes); a full sync
 * reads every record and pushes a few per thousand (tens of minutes for tens of thousands). Past
 * the bound a live run is not stopped: at worst both push for a while, and upserts keep the data
 * right. A dead full sync holds the drain back at most this long; its entries wait, none is lost.
 */
export const LEASE_TTL_MS: Record<LeaseHolder, number> = { drain: 3600_000, fullsync: 2 * 3600_000 };

export function takeLease(holder: LeaseHolder, now: number, taskId?: string, deployment?: string): PushLease {
  const lease: PushLease = { holder, since: now, until: now + LEASE_TTL_MS[holder] };
  if (taskId) lease.taskId = taskId;
  if (deployment) lease.deployment = deployment;
  return lease;
}

/** Task status as task.checkStatus reports it: finished (COMPLETE, FAILED), running, or unknown. */
export type TaskState = 'finished' | 'running' | 'unknown';

/** The lease still protects its holder's pushes. */
export function leaseLive(lease: PushLease | null | undefined, now: number, taskState: (taskId: string) => TaskState): boolean {
  if (!lease) return false;
  if (lease.until <= now) return false;
  if (lease.taskId && taskState(lease.taskId) === 'finished') return false;
  return true;
}

/** Parses the stored lease; anything unreadable counts as no lease (it could not protect anyone). */
export function parseLease(text: string): PushLease | null {
  if (text === '') return null;
  try {
    const v = JSON.parse(text) as Partial<PushLease>;
    if ((v.holder === 'drain' || v.holder === 'fullsync') && typeof v.since === 'number' && typeof v.until === 'number') {
      const lease: PushLease = { holder: v.holder, since: v.since, until: v.until };
      if (typeof v.taskId === 'string' && v.taskId !== '') lease.taskId = v.taskId;
      if (typeof v.deployment === 'string' && v.deployment !== '') lease.deployment = v.deployment;
      return lease;
    }
  } catch {
    // fall through
  }
  return null;
}
