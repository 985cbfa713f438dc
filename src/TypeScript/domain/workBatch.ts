/**
 * A batch of work as it travels between Map/Reduce stages (JSON, so plain data only), and its
 * key. The key carries what summarize needs even when the batch's invocation crashed and wrote
 * nothing: how many records it held, the lowest entry (a full sync: internal id) it covers and
 * the plan's highest, so the drain parks a crashed batch's work as retry entries before its
 * cursor moves on (app/failedBatches.ts) and a full sync resumes from it.
 */
import type { AccountPayload, ContactPayload, RecordKind, Tombstone } from './types';

export type AccountOp =
  /**
   * `parentUnsure`: the empty parent_account_id was sent because the record changed where no
   * User Event saw it (CHANGES_UNKNOWN): it may never have had a parent, so a tenant's
   * refusal of the empty parent is not reported.
   */
  | { op: 'upsert'; recordId: string; payload: AccountPayload; parentUnsure?: boolean }
  /** DELETE /accounts/{id}: the deactivate policy for deleted customers. */
  | { op: 'deactivate'; recordId: string; accountId: string }
  /** DELETE /accounts/{id}/dimension_labels|dimension_values/{key}: a custom field emptied in NetSuite. */
  | { op: 'clearDimension'; recordId: string; accountId: string; dimension: 'labels' | 'values'; key: string };

/**
 * A contact upsert. `companyId` (the company's internal id) lets the push recover from
 * `Account not found` by pushing the company first. `role: 'detach'` marks the deactivation of
 * a moved contact's old association, sent just before the new one.
 */
export interface ContactOp {
  op: 'upsert';
  recordId: string;
  payload: ContactPayload;
  companyId: string | null;
  role: 'current' | 'detach';
}

interface BatchBase {
  key: string;
  runId: string;
  /** Highest attempt among the work covered; a failure schedules attempt + 1. */
  attempt: number;
  /** RETRY entries this batch covers; closed as DONE when the batch is done. */
  retryEntryIds: number[];
  /** For re-queuing deleted records and moved contacts faithfully on a retry. */
  tombstones: Record<string, Tombstone>;
  previousCompanies: Record<string, string>;
  previousKeys?: Record<string, string>;
  /** Each record's first capture (domain/carryOver.ts): a retry entry for some of them keeps the earliest of theirs. */
  firstCaptures?: Record<string, number>;
  /**
   * Fields whose change the batch's records carried (union). A retry entry keeps them, so an
   * emptied custom field is still cleared on the retry (the plan clears only changed fields).
   */
  changedFields?: string[];
}

export interface AccountBatch extends BatchBase {
  kind: 'accounts';
  ops: AccountOp[];
}

export interface ContactBatch extends BatchBase {
  kind: 'contacts';
  ops: ContactOp[];
  /**
   * Companies of these contacts that this run sends as churned, before the contacts. When one
   * landed and its contact still gets "Account not found", the tenant takes no contacts on
   * churned accounts: the contact is reported as skipped without another round trip.
   */
  churnedCompanies?: string[];
}

export type WorkBatch = AccountBatch | ContactBatch;

export function recordKindOf(batch: WorkBatch): RecordKind {
  return batch.kind === 'accounts' ? 'customer' : 'contact';
}

/**
 * What planning found beyond the batches (records sent with warnings, skipped, dead-lettered
 * before sending). It rides on one key of the run, free of units and invocations, so summarize
 * can count it in the run's statistics.
 */
export interface PlanReport {
  warnings: number;
  skipped: number;
  dead: number;
}

export interface BatchKey {
  /** 'A' accounts, 'C' contacts, 'M' a mark carrying only the cursor (nothing to push). */
  letter: 'A' | 'C' | 'M';
  seq: number;
  records: number;
  /** Lowest PENDING entry id covered, 0 if none. */
  minPending: number;
  /** Highest PENDING entry id read by this run's plan (the cursor after a clean run). */
  planMax: number;
  /** On one key of a run at most: what its plan reported. */
  report?: PlanReport;
}

export function encodeBatchKey(k: BatchKey): string {
  const base = `${k.letter}${String(k.seq).padStart(5, '0')}|n=${k.records}|min=${k.minPending}|max=${k.planMax}`;
  return k.report ? `${base}|w=${k.report.warnings}|s=${k.report.skipped}|d=${k.report.dead}` : base;
}

export function decodeBatchKey(key: string): BatchKey | null {
  const m = /^([ACM])(\d+)\|n=(\d+)\|min=(\d+)\|max=(\d+)(?:\|w=(\d+)\|s=(\d+)\|d=(\d+))?$/.exec(key);
  if (!m) return null;
  const k: BatchKey = { letter: m[1] as 'A' | 'C' | 'M', seq: Number(m[2]), records: Number(m[3]), minPending: Number(m[4]), planMax: Number(m[5]) };
  if (m[6] !== undefined) k.report = { warnings: Number(m[6]), skipped: Number(m[7]), dead: Number(m[8]) };
  return k;
}

/** Whether a report has anything to carry. */
export function hasReport(r: PlanReport): boolean {
  return r.warnings + r.skipped + r.dead > 0;
}
