/**
 * What planning hands to the push stages, the drain's and the full sync's alike: one task per
 * planned batch, and what planning reads and writes to make them.
 */
import type { SyncConfig } from '../domain/config';
import { decodeBatchKey, encodeBatchKey, hasReport, type PlanReport, type WorkBatch } from '../domain/workBatch';
import type { Clock, ConfigStore, JobControl, Logger, OutboxStore, SnapshotReader, StateStore } from './ports';

/** What travels from getInputData to map: the batch and the config it was planned with. */
export interface PushTask {
  /** null: a mark that only carries the cursor to summarize (nothing to push). */
  batch: WorkBatch | null;
  config: SyncConfig;
  /**
   * Account batches only: for each company, the contact batches holding its contacts. When the
   * company fails here, map tells those batches (through the shuffle) to hold the contacts back.
   */
  dependents?: Record<string, string[]>;
}

/** What an account batch that failed tells a contact batch, as a second value of its key. */
export interface WaitNotice {
  waitFor: Record<string, number>;
}

/** What planning a run reads and writes: the drain's and the full sync's getInputData alike. */
export interface PlanDeps {
  /** getInputData re-run after a server restart: reports it already wrote are not written again. */
  restarted?: boolean;
  config: ConfigStore;
  state: StateStore;
  outbox: OutboxStore;
  snapshots: SnapshotReader;
  clock: Clock;
  log: Logger;
  /** Task states for the push lease and, in a drain, starting a full sync that waited (optional: without it, leases end at `until`). */
  jobs?: JobControl;
  /** The deployment running this drain (its lease names it; another deployment's live drain lease makes it stand back). */
  deployment?: string;
}

/** The plan's report rides on its last batch's key (nothing refers to a key before tasksOf). */
function withReport(batches: readonly WorkBatch[], report: PlanReport | undefined): readonly WorkBatch[] {
  const last = batches[batches.length - 1];
  const k = last ? decodeBatchKey(last.key) : null;
  if (!last || !k || !report || !hasReport(report)) return batches;
  return [...batches.slice(0, -1), { ...last, key: encodeBatchKey({ ...k, report }) }];
}

/**
 * One task per batch, account batches knowing which contact batches depend on their companies.
 * With no batch, a plan that read entries or has a report gets a mark key (planDrain/fullSync).
 */
export function tasksOf(planned: readonly WorkBatch[], config: SyncConfig, report?: PlanReport): Record<string, PushTask> {
  const batches = withReport(planned, report);
  const tasks: Record<string, PushTask> = {};
  const batchOfCompany = new Map<string, string>();
  for (const b of batches) {
    tasks[b.key] = { batch: b, config };
    if (b.kind === 'accounts') for (const op of b.ops) batchOfCompany.set(op.recordId, b.key);
  }
  for (const b of batches) {
    if (b.kind !== 'contacts') continue;
    for (const op of b.ops) {
      const accountKey = op.companyId === null ? undefined : batchOfCompany.get(op.companyId);
      const task = accountKey ? tasks[accountKey] : undefined;
      if (!task || op.companyId === null) continue;
      const dependents = (task.dependents = task.dependents ?? {});
      const keys = (dependents[op.companyId] = dependents[op.companyId] ?? []);
      if (!keys.includes(b.key)) keys.push(b.key);
    }
  }
  return tasks;
}
