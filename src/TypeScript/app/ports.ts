/**
 * What the use cases need from the outside world. NetSuite adapters implement these with N/*;
 * unit tests implement them with plain objects. Each method's comment gives its intended cost in
 * NetSuite usage units, because the governance budgets (a save, a drain or full sync per 1,000
 * records) are met by choosing which port to call. Searches read with each() cost 10 units per
 * EACH_LIMIT rows (netsuite/paging.ts); runPaged costs 5 plus 5 per page fetched.
 */
import type { ActivityWindow, PendingActivity } from '../domain/activityWindow';
import type { FullSyncMark } from '../domain/jobActivity';
import type { OpenIncidents } from '../domain/alerts';
import type { FieldValues } from '../domain/changeDetection';
import type { KeyTestRecord } from '../domain/keyTest';
import type { ParsedConfig, SyncConfig } from '../domain/config';
import type { ReconcileRun } from '../domain/jobActivity';
import type { PushLease, TaskState } from '../domain/pushLease';
import type { ContactSnapshot, CustomerSnapshot, EntityKeys, NewOutboxEntry, OutboxEntry, RecordKind } from '../domain/types';

export interface Clock {
  now(): number;
}

export interface Logger {
  audit(title: string, details: string): void;
  error(title: string, details: string): void;
}

/**
 * The config record. null when none exists yet (the SuiteApp is installed but not set up). One
 * lookupFields (1 unit) that also brings the linked state record (netsuite/settings.ts).
 */
export interface ConfigStore {
  load(): ParsedConfig | null;
}

export interface RunStats {
  at: number;
  kind: 'drain' | 'fullsync' | 'sweep' | 'reconcile';
  batches: number;
  sent: number;
  failedBatches: number;
  retried: number;
  dead: number;
  skipped: number;
  ignored: number;
  warnings: number;
  /** Free-form extras (sweep catches, reconcile differences, purge counts). */
  detail?: Record<string, number | string>;
}

/** The full sync's state: what the admin page's progress reads of it (domain/jobActivity.ts) and the resume point. */
export interface FullSyncState extends FullSyncMark {
  runId: string;
  /** Resume after these internal ids (null: from the start). */
  customerAfter: string | null;
  contactAfter: string | null;
  /** In a partial run, types that finished are not read again on resume. */
  customersDone: boolean;
  contactsDone: boolean;
}

export interface SyncState {
  /** Highest PENDING outbox id drained. */
  drainCursor: number;
  fullSync: FullSyncState | null;
  /** Sweep: changes at or after this time (minus the overlap) are looked for next time. */
  sweepWatermark: number | null;
  /** Set when Freshsuccess refused the key (401/403); cleared by a config change. */
  pausedAt: number | null;
  pauseMessage: string;
  lastRun: RunStats | null;
  /** Who is pushing now (domain/pushLease.ts); absent or null: nobody. */
  pushLease?: PushLease | null;
  /** A full sync that found a drain pushing and stood back: the next drain or the safety net starts it. */
  fullSyncRequestedAt?: number | null;
  /** A drain was submitted then and its summarize has not begun (netsuite/drainTrigger.ts). */
  drainQueuedAt?: number | null;
  /**
   * The last sweep whose deleted-record search returned rows without a record id (the id
   * column's name is unconfirmed on a real account); null once a sweep reads ids again.
   */
  deletedWithoutIdAt?: number | null;
  /**
   * Churned companies whose contacts Freshsuccess refused (reported SKIPPED): when one is pushed
   * active again, those contacts come along (app/planDrain.ts), and it leaves this list.
   */
  frozenCompanies?: string[];
  /** When a drain or full sync last got records into Freshsuccess (the admin page's "last records sent"). */
  lastSentAt?: number | null;
  /**
   * Records sent and failed attempts of drains and full syncs, hour by hour over the last 24
   * hours. Written by the push lease's holder; two runs finishing together after a lease
   * expired may lose one's counts (a figure, never data).
   */
  pushActivity?: ActivityWindow | null;
  /** The last push run's counts, not yet in pushActivity (domain/activityWindow.ts PendingActivity). */
  pushPending?: PendingActivity | null;
  /** Changes the sweep caught, hour by hour over the last 24 hours (written only by the sweep). */
  sweepActivity?: ActivityWindow | null;
  /** What the last reconcile found and did, for the admin page (and to say how many extras a removal would deactivate). */
  lastReconcile?: ReconcileSummary | null;
  /** The admin page's last Test connection (written only by that page), for the setup checklist. */
  keyTest?: KeyTestRecord | null;
  /** Alert incidents open now and when each was last mailed (written only by the sweep, domain/alerts.ts). */
  alerts?: OpenIncidents;
  /** The reconcile running now: written by its getInputData, cleared by its summarize (domain/jobActivity.ts). */
  reconcileRun?: ReconcileRun | null;
}

/** Differences of one record type: in NetSuite only, in both but different, in Freshsuccess only. */
export interface ReconcileCounts {
  missing: number;
  drifted: number;
  extra: number;
}

export interface ReconcileSummary {
  at: number;
  status: 'misconfigured' | 'failed' | 'disabled' | 'done';
  message: string;
  accounts: ReconcileCounts | null;
  contacts: ReconcileCounts | null;
  /** Records queued for the drain. */
  queued: number;
  /** Whether records only Freshsuccess has were queued for deactivation. */
  removedExtras: boolean;
}

/** The state record. read ~1 unit (lookup), update 2 (one submitFields). */
export interface StateStore {
  read(): SyncState;
  update(patch: Partial<SyncState>): void;
}

/** The outbox custom record. */
export interface OutboxStore {
  /** create 2 + save 4 per entry. `origin` tags entries written by one batch (restart dedupe). */
  append(entries: readonly NewOutboxEntry[], origin?: string): void;
  /**
   * PENDING entries above the cursor and every RETRY entry (due or not: a company's pending retry
   * holds its contacts back). One search read with each().
   */
  readOpen(cursor: number): OutboxEntry[];
  /** How many entries are due (PENDING above the cursor, RETRY due by now): a runPaged count without fetching (5). */
  countDue(cursor: number, now: number): number;
  /** RETRY entries → DONE (2 each; failure path only). */
  close(ids: readonly number[]): void;
  /** Whether entries with this origin exist (10; only after a restart). */
  hasOrigin(origin: string): boolean;
  /** Entries captured since `since`, for the sweep to skip what User Events already saw (one search read with each()). */
  capturedSince(since: number): Array<{ kind: RecordKind; recordId: string; capturedAt: number; event: string }>;
  /** Record ids of SKIPPED entries of a kind whose message starts with `reason` (one search read with each(), 10). */
  skippedRecords(kind: RecordKind, reason: string): string[];
  /** Deletes drained entries captured before `before` while `canContinue()` (4 each). Returns how many. */
  purge(before: number, cursor: number, canContinue: () => boolean): number;
}

/** Current state of records, one search per call (never one load per record). */
export interface SnapshotReader {
  /** One search, filter internalid anyof ids, scope's saved search applied (10). */
  customersByIds(ids: readonly string[], config: SyncConfig): CustomerSnapshot[];
  /** One search with the company joined (10). */
  contactsByIds(ids: readonly string[], config: SyncConfig): ContactSnapshot[];
  /** Contacts of these companies (one search): they follow a company that enters scope. */
  contactsOfCompanies(companyIds: readonly string[], config: SyncConfig): ContactSnapshot[];
  /**
   * In-scope customers (contacts) with internal id above `afterId`, in id order, one each() call
   * of up to EACH_LIMIT rows per page, until `visit` returns false.
   */
  eachCustomerPage(config: SyncConfig, afterId: string | null, visit: (page: CustomerSnapshot[]) => void | boolean): void;
  eachContactPage(config: SyncConfig, afterId: string | null, visit: (page: ContactSnapshot[]) => void | boolean): void;
  /**
   * What the scope needs of the records with internal ids from `from` to `to`, and nothing else:
   * customers the saved-search scope keeps, with stage and subsidiary; contacts with their
   * company's. One each() read per EACH_LIMIT rows (10 units).
   */
  scopeRowsInRange(kind: RecordKind, config: SyncConfig, from: number, to: number): ScopeRow[];
  /** Which of these customers the saved-search scope keeps: null without one (every customer, 0 units), else one id-only search per 1,000 ids (10 each). */
  customersKept(ids: readonly string[], config: SyncConfig): Set<string> | null;
  /**
   * The lowest and highest internal id and the count of the customers the saved-search scope
   * keeps (contacts: of every contact), null when there are none: two one-row searches (10 each)
   * and a count (5).
   */
  idBounds(kind: RecordKind, config: SyncConfig): { min: number; max: number; count: number } | null;
  /**
   * Customers (saved-search scope applied) whose account_id source field holds one of these keys,
   * and contacts whose e-mail is one of these user_ids: one search per KEY_CHECK_CHUNK keys (10
   * units each). Only for key sources that can repeat (app/keyHolders.ts).
   */
  customersWithKeys(keys: readonly string[], config: SyncConfig): CustomerSnapshot[];
  contactsWithUserIds(userIds: readonly string[], config: SyncConfig): ContactSnapshot[];
  /** How many customers (in scope) and contacts a full sync covers: runPaged counts (5 units each). */
  countInScope(config: SyncConfig): { customers: number; contacts: number };
}

/** A record as the scope sees it; for a contact, stage and subsidiary are its company's. */
export interface ScopeRow {
  id: string;
  stage: string;
  subsidiary: string;
  company: { id: string } | null;
}

/** Cheap lookups at save time (search.lookupFields, 1 unit each). */
export interface SaveTimeLookup {
  /** Current values of the given fields of the saved record (completes an inline edit). */
  currentValues(kind: RecordKind, id: string, fields: readonly string[]): FieldValues;
  /** A company's keys (entity id, account-id custom field). */
  companyKeys(companyId: string, config: SyncConfig): EntityKeys;
}

/** For the sweep: changes User Events may not have seen. */
export interface ChangeFinder {
  /** One search per kind, read with each(). */
  modifiedSince(kind: RecordKind, since: number): Array<{ id: string; lastModified: number }>;
  /**
   * The deleted-record log (runPaged: it has no internal id order to read with each()):
   * customers and contacts. `id` is '' for a row that carried no record id, so the sweep can say
   * so instead of skipping it silently.
   */
  deletedSince(since: number): Array<{ kind: RecordKind; id: string; deletedAt: number }>;
}

/** 'already_queued': a drain was known to be queued or running, so no submit was tried. */
export type TriggerResult = 'submitted' | 'already_running' | 'not_permitted' | 'failed' | 'already_queued' | 'sync_disabled';

/**
 * Starts the drain Map/Reduce. A save whose submit is accepted marks the drain queued on the
 * state record, the drain's summarize clears the mark in its one state write, and saves in
 * between need not submit (see netsuite/drainTrigger.ts for the protocol and its races).
 * Never throws.
 */
export interface DrainTrigger {
  /** Submits the drain (TRIGGER_UNITS.submit). */
  submit(): TriggerResult;
  /**
   * After a save's entry is appended: 'already_queued' when the state record says a drain is
   * queued or running, else submit() and, when accepted, mark it queued (the read, set and submit
   * cost TRIGGER_UNITS, netsuite/drainTrigger.ts).
   */
  nudge(): TriggerResult;
  /** From a drain's summarize: submits the follow-up run (TRIGGER_UNITS.submit) to the other on-demand deployment. */
  resubmit(): TriggerResult;
}

/** Starts the full sync and asks how a task is doing (submit 20 units, checkStatus 0). Never throws. */
export interface JobControl {
  submitFullSync(): { result: TriggerResult; taskId: string | null };
  taskState(taskId: string): TaskState;
}

export type RandomSource = () => number;

/** The queue's figures the alerts watch: one summary search (10 units). */
export interface QueueFigures {
  /** Dead-letter records, and when the oldest waiting change (PENDING above the cursor, or RETRY) was first captured. */
  counts(cursor: number): { dead: number; oldestWaitingAt?: number | null };
}

/** Mails the alert recipients (N/email: 20 units a message). Never throws: false when NetSuite refused to send. */
export interface AlertMailer {
  send(recipients: readonly string[], subject: string, body: string): boolean;
  /** The settings page's address, for the message (0 units). */
  pageUrl(): string;
}

/** The account's employees, to check alert recipients before the settings are saved. */
export interface EmployeeDirectory {
  /** The employees among these internal ids, with their email ('' when none) and whether inactive: one search (10). */
  find(ids: readonly string[]): Array<{ id: string; email: string; inactive: boolean }>;
}
