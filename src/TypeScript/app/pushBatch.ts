/**
 * Pushes one planned batch (map for accounts, reduce for contacts) and records what did not land:
 * transient failures as ONE retry entry for the batch (backoff with jitter, Retry-After honoured;
 * retried until they land, never dead-lettered),
 * data errors as dead letters grouped by Freshsuccess's message, a refused key as a pause plus a
 * retry entry due at once. Successes write nothing. The batch's old retry entries are closed last,
 * so a crash in between leaves duplicates at worst, never a loss. Shared by drain and full sync.
 */
import { authPauseMessage } from '../domain/pauseCause';
import { carryOverFor } from '../domain/carryOver';
import { workItem } from '../domain/coalesce';
import type { SyncConfig } from '../domain/config';
import { failureNature, nothingToRemove } from '../domain/classify';
import { AUTH_HINT, CHURNED_COMPANY_HINT, DEACTIVATION_REFUSED_HINT, UNPARENTING_HINT, hintFor, longRetryHint } from '../domain/hints';
import { accountIdFor } from '../domain/identity';
import { planBatches } from '../domain/plan';
import { AMBIGUITY_WINDOW_MS, LATE_WRITE_CHECK_MESSAGE, lateWriteCheckTombstones } from '../domain/lateWrites';
import { BUDGET_USED_UP, MAX_REQUESTS_PER_INVOCATION } from '../domain/pushBudget';
import { decideRetry } from '../domain/retryPolicy';
import type { CustomerSnapshot, NewOutboxEntry, RecordKind } from '../domain/types';
import { WAITING_MESSAGE } from '../domain/waiting';
import { recordKindOf, type AccountBatch, type AccountOp, type ContactBatch, type WorkBatch } from '../domain/workBatch';
import type { FreshsuccessClient } from '../freshsuccess/client';
import type { Clock, Logger, OutboxStore, RandomSource, SnapshotReader, StateStore } from './ports';
import { healable, pushRecords, transientOutcome, worse, type RecordOutcome, type RequestBudget } from './pushRecords';
import { newEntry } from '../domain/outboxEntry';
import { keyProblem } from '../domain/sendable';

/**
 * Why a contact of a churned company was not sent. One text for every company, so a batch writes
 * one SKIPPED entry for all of them (an entry per company would cost 6 units each).
 */
export const CHURNED_COMPANY_MESSAGE = 'Not sent: its company is inactive in NetSuite, and Freshsuccess takes no contacts on a churned account';
const DEACTIVATION_REFUSED_MESSAGE = 'Not deactivated in Freshsuccess: its company is inactive in NetSuite, and Freshsuccess takes no contact changes on a churned account, so the contact stays active there';

/** A contact not sent because its company was refused for its own data. */
function heldByCompany(companyId: string, companyMessage: string): string {
  return `Not sent: Freshsuccess refused its company, customer ${companyId}, for the company's data (${companyMessage})`;
}

/** A parent Freshsuccess would not clear; the record's other changes landed. */
const UNPARENTING_REFUSED_MESSAGE = 'Sent without removing its parent account: Freshsuccess refused an empty parent_account_id';

/** What to do about each kind of SKIPPED report. */
const SKIPPED_HINT: Record<string, string> = {
  [CHURNED_COMPANY_MESSAGE]: CHURNED_COMPANY_HINT,
  [DEACTIVATION_REFUSED_MESSAGE]: DEACTIVATION_REFUSED_HINT,
  [UNPARENTING_REFUSED_MESSAGE]: UNPARENTING_HINT,
};

export interface PushDeps {
  client: FreshsuccessClient;
  outbox: OutboxStore;
  state: StateStore;
  snapshots: SnapshotReader;
  clock: Clock;
  random: RandomSource;
  log: Logger;
  /** The stage was restarted (context.isRestarted): entries this batch already wrote are not written twice. */
  restarted: boolean;
  /** Requests one invocation may make (default MAX_REQUESTS_PER_INVOCATION, domain/pushBudget.ts). */
  maxRequests?: number;
  /** Contact batches: companies whose push failed in this run, with when they are retried. */
  waitFor?: Record<string, number>;
}

export interface BatchResult {
  key: string;
  records: number;
  sent: number;
  retried: number;
  dead: number;
  /** Refused for good reason and reported as SKIPPED (contacts of churned accounts on a tenant that refuses them). */
  skipped: number;
  /** Churned companies whose contacts were refused (SKIPPED): the contacts wait for them to come back. */
  frozenCompanies?: string[];
  paused: boolean;
  requests: number;
  /** Records put in a retry entry, with the time they are due (tells contact batches to wait). */
  retryAt: Record<string, number>;
}

function baseEntry(kind: RecordKind, batch: WorkBatch, recordIds: string[], now: number): NewOutboxEntry {
  return newEntry({ kind, recordIds, capturedAt: now, source: `batch ${batch.key}`, attempt: batch.attempt, status: 'RETRY', ...carryOverFor(batch, recordIds), changedFields: batch.changedFields ?? [] });
}

/** Outcomes per record id → the entries to append. */
function entriesFor(batch: WorkBatch, config: SyncConfig, outcomes: Map<string, RecordOutcome>, deps: PushDeps, result: BatchResult): NewOutboxEntry[] {
  const kind = recordKindOf(batch);
  const now = deps.clock.now();
  const entries: NewOutboxEntry[] = [];
  const dead = new Map<string, string[]>();
  const skipped = new Map<string, string[]>();
  const transient: string[] = [];
  const ambiguous: string[] = [];
  const paused: string[] = [];
  let transientMessage = '';
  let retryAfter: number | null = null;
  const waiting: string[] = [];
  let waitUntil = 0;
  for (const [id, o] of outcomes) {
    if (o.kind === 'ok') result.sent++;
    else if (o.kind === 'wait') {
      waiting.push(id);
      waitUntil = Math.max(waitUntil, o.notBefore);
    }
    else if (o.kind === 'data') dead.set(o.message, [...(dead.get(o.message) ?? []), id]);
    else if (o.kind === 'skipped') skipped.set(o.message, [...(skipped.get(o.message) ?? []), id]);
    else if (o.kind === 'auth') paused.push(id);
    else {
      transient.push(id);
      if (o.ambiguous) ambiguous.push(id);
      transientMessage = o.message;
      if (o.retryAfterMs !== null) retryAfter = Math.max(retryAfter ?? 0, o.retryAfterMs);
    }
  }
  for (const [message, ids] of dead) {
    entries.push({ ...baseEntry(kind, batch, ids, now), status: 'DEAD', attempt: batch.attempt + 1, lastError: message, hint: hintFor(message) });
    result.dead += ids.length;
  }
  for (const [message, ids] of skipped) {
    entries.push({ ...baseEntry(kind, batch, ids, now), status: 'SKIPPED', lastError: message, hint: SKIPPED_HINT[message] ?? CHURNED_COMPANY_HINT });
    result.skipped += ids.length;
    if (message === CHURNED_COMPANY_MESSAGE && batch.kind === 'contacts') {
      const refused = new Set(ids);
      const companies = batch.ops.filter((op) => refused.has(op.recordId) && op.companyId !== null).map((op) => op.companyId as string);
      result.frozenCompanies = [...new Set([...(result.frozenCompanies ?? []), ...companies])];
    }
  }
  if (transient.length > 0) {
    // Transient failures are never dead-lettered: they are Freshsuccess's (or the network's)
    // trouble, not the records'. Past warnAfterAttempts the entry tells the admin why it waits.
    const decision = decideRetry(batch.attempt, now, config.retry, deps.random, retryAfter);
    const hint = decision.longRetrying ? longRetryHint(transientMessage) : '';
    entries.push({ ...baseEntry(kind, batch, transient, now), attempt: decision.attempt, notBefore: decision.notBefore, lastError: transientMessage, hint });
    result.retried += transient.length;
    for (const id of transient) result.retryAt[id] = decision.notBefore;
  }
  if (ambiguous.length > 0) {
    // The retry above may land before the unanswered request does: once the window has passed,
    // these records are pushed again from NetSuite's state then (domain/lateWrites.ts). 6 units.
    entries.push({ ...baseEntry(kind, batch, ambiguous, now), tombstones: lateWriteCheckTombstones(batch, ambiguous), notBefore: now + AMBIGUITY_WINDOW_MS, lastError: LATE_WRITE_CHECK_MESSAGE });
  }
  if (paused.length > 0) {
    // Not the records' fault: same attempt, due at once; the pause holds them until the key is fixed.
    const message = (outcomes.get(paused[0] as string) as { message: string }).message;
    entries.push({ ...baseEntry(kind, batch, paused, now), notBefore: now, lastError: `Paused: ${message}`, hint: AUTH_HINT });
    result.retried += paused.length;
    for (const id of paused) result.retryAt[id] = now;
  }
  if (waiting.length > 0) {
    entries.push({ ...baseEntry(kind, batch, waiting, now), notBefore: waitUntil, lastError: WAITING_MESSAGE });
    result.retried += waiting.length;
  }
  return entries;
}

/**
 * Un-parenting sends `parent_account_id: ""`. How a tenant takes it is [open]: one that refuses
 * it answers "Parent account not found" for the record, which must not hold back the record's
 * other changes for ever (the parent will never appear). Those records are sent once more
 * without the parent; the un-parenting itself is reported (SKIPPED) for the admin to do in
 * Freshsuccess. Rewrites `results` in place.
 */
function resendRefusedUnparenting(upserts: Array<Extract<AccountOp, { op: 'upsert' }>>, results: RecordOutcome[], budget: RequestBudget, deps: PushDeps): void {
  const refused = upserts
    .map((op, i) => ({ op, i }))
    .filter(({ op, i }) => {
      const r = results[i];
      return op.payload.parent_account_id === '' && r?.kind === 'data' && failureNature(r.message) === 'parent_missing';
    });
  if (refused.length === 0) return;
  const withoutParent = refused.map(({ op }) => {
    const { parent_account_id: _cleared, ...rest } = op.payload;
    return rest;
  });
  const again = pushRecords(withoutParent, (records) => deps.client.upsertAccounts(records), budget);
  refused.forEach(({ op, i }, k) => {
    const o = again[k] as RecordOutcome;
    // A guessed un-parenting (the sweep's) may concern a record that never had a parent: nothing to report.
    results[i] = o.kind === 'ok' && !op.parentUnsure ? { kind: 'skipped', message: UNPARENTING_REFUSED_MESSAGE } : o;
  });
}

function pushAccounts(batch: AccountBatch, budget: RequestBudget, deps: PushDeps): Map<string, RecordOutcome> {
  const outcomes = new Map<string, RecordOutcome>();
  const upserts = batch.ops.filter((op): op is Extract<AccountOp, { op: 'upsert' }> => op.op === 'upsert');
  const results = pushRecords(upserts.map((op) => op.payload), (records) => deps.client.upsertAccounts(records), budget);
  resendRefusedUnparenting(upserts, results, budget, deps);
  upserts.forEach((op, i) => outcomes.set(op.recordId, worse(outcomes.get(op.recordId), healable(results[i] as RecordOutcome))));
  // One DELETE each: deactivations (deletes, retired keys) and emptied dimensions; after the upserts.
  for (const op of batch.ops) {
    if (op.op === 'upsert') continue;
    let outcome: RecordOutcome;
    const unusable = keyProblem('account_id', op.accountId) ?? (op.op === 'deactivate' ? null : keyProblem(`${op.dimension} dimension key`, op.key));
    // A key that cannot be put in a URL is this record's problem alone: refused before sending.
    if (unusable !== null) outcome = { kind: 'data', message: unusable };
    else if (budget.authMessage !== null) outcome = { kind: 'auth', message: budget.authMessage };
    // Out of requests (the upserts split a lot, or a batch planned with an older cap): not sent
    // now, so the invocation stays within its governance; a retry entry sends it next run.
    else if (budget.used >= budget.max) outcome = { kind: 'transient', message: BUDGET_USED_UP, retryAfterMs: null };
    else {
      budget.used++;
      const v = op.op === 'deactivate' ? deps.client.deactivateAccount(op.accountId) : deps.client.deleteDimension(op.accountId, op.dimension, op.key);
      if (v.kind === 'ok' || nothingToRemove(v, op.op === 'deactivate' ? 'documented' : 'client-only')) outcome = { kind: 'ok' }; // already gone is done
      else if (v.kind === 'transient') outcome = transientOutcome(v);
      else if (v.kind === 'auth') {
        budget.authMessage = authPauseMessage(v);
        outcome = { kind: 'auth', message: budget.authMessage };
      } else outcome = { kind: 'data', message: v.message };
    }
    outcomes.set(op.recordId, worse(outcomes.get(op.recordId), outcome));
  }
  return outcomes;
}

function pushContacts(batch: ContactBatch, config: SyncConfig, budget: RequestBudget, deps: PushDeps): Map<string, RecordOutcome> {
  const outcomes = new Map<string, RecordOutcome>();
  // Contacts whose company failed in this run wait for it (no Account-not-found round trip).
  const waitFor = deps.waitFor ?? {};
  const held = new Map<string, number>();
  for (const op of batch.ops) {
    const due = op.companyId === null ? undefined : waitFor[op.companyId];
    if (op.role === 'current' && due !== undefined) held.set(op.recordId, due);
  }
  for (const [id, notBefore] of held) outcomes.set(id, { kind: 'wait', notBefore });
  const ops = batch.ops.filter((op) => !held.has(op.recordId));
  const results = pushRecords(ops.map((op) => op.payload), (records) => deps.client.upsertContacts(records), budget);
  const orphans: number[] = [];
  const refusedDetach: Array<{ recordId: string; payload: ContactBatch['ops'][number]['payload'] }> = [];
  ops.forEach((op, i) => {
    let o = results[i] as RecordOutcome;
    if (o.kind === 'data' && failureNature(o.message) === 'account_missing') {
      // Detaching from an account Freshsuccess does not have is done; one churned is told apart below.
      if (op.role === 'detach') {
        refusedDetach.push({ recordId: op.recordId, payload: op.payload });
        return;
      }
      // Its company landed as churned in this run (else the contact would be held back above).
      else if (op.companyId !== null && batch.churnedCompanies?.includes(op.companyId)) o = { kind: 'skipped', message: CHURNED_COMPANY_MESSAGE };
      else if (op.companyId !== null) {
        orphans.push(i);
        return;
      }
    }
    outcomes.set(op.recordId, worse(outcomes.get(op.recordId), o));
  });
  if (orphans.length > 0) recoverOrphans({ ...batch, ops }, orphans, config, budget, deps, outcomes);
  settleRefusedDetaches(refusedDetach, { ...batch, ops }, config, budget, deps, outcomes);
  return outcomes;
}

/**
 * A deactivation answered `Account not found` is done when Freshsuccess never had the account.
 * On a tenant that takes no contact changes on churned accounts ([open], sandbox checklist F11)
 * the same answer comes for an account it has, churned. Which it is shows in NetSuite (one search,
 * 10 units, only after such answers):
 * - the company is inactive there: it is churned in Freshsuccess, the contact stays active there,
 *   reported (SKIPPED) instead of passing for done;
 * - the company is active there: Freshsuccess may still hold it churned (its reactivation is being
 *   retried, or was lost), or never had it. One GET per such company (10 units) tells: an account
 *   it has gets the company's current state, then the deactivation again;
 * - NetSuite has no such company: Freshsuccess never had it, or it went with its company.
 */
function settleRefusedDetaches(refused: ReadonlyArray<{ recordId: string; payload: ContactBatch['ops'][number]['payload'] }>, batch: ContactBatch, config: SyncConfig, budget: RequestBudget, deps: PushDeps, outcomes: Map<string, RecordOutcome>): void {
  if (refused.length === 0) return;
  const set = (id: string, o: RecordOutcome) => outcomes.set(id, worse(outcomes.get(id), o));
  const keys = [...new Set(refused.map((r) => r.payload.account_id))];
  const companies = config.accountIdSource.kind === 'internalid' ? deps.snapshots.customersByIds(keys, config) : deps.snapshots.customersWithKeys(keys, config);
  const byKey = new Map(companies.map((c) => [accountIdFor(c.keys, config.accountIdSource), c]));
  const held = new Map<string, ReturnType<typeof accountHeld>>();
  const again: Array<{ recordId: string; payload: ContactBatch['ops'][number]['payload']; companyId: string }> = [];
  for (const r of refused) {
    const company = byKey.get(r.payload.account_id);
    if (company === undefined) set(r.recordId, { kind: 'ok' });
    else if (company.isInactive) set(r.recordId, { kind: 'skipped', message: DEACTIVATION_REFUSED_MESSAGE });
    else {
      const key = r.payload.account_id;
      if (!held.has(key)) held.set(key, accountHeld(key, budget, deps));
      const h = held.get(key) as ReturnType<typeof accountHeld>;
      if (h === 'held') again.push({ ...r, companyId: company.keys.id });
      // Freshsuccess has no such account: nothing to deactivate.
      else set(r.recordId, h === 'absent' ? { kind: 'ok' } : h);
    }
  }
  if (again.length === 0) return;
  const { outcomes: companyOutcome, unsendable } = pushCompanies(batch, [...new Set(again.map((r) => r.companyId))], companies, config, budget, deps);
  const retry: typeof again = [];
  for (const r of again) {
    // A company that cannot be sent any more (out of scope) is not brought back for its contact.
    if (unsendable.has(r.companyId)) set(r.recordId, { kind: 'ok' });
    else {
      const c = companyOutcome.get(r.companyId) ?? { kind: 'transient', message: BUDGET_USED_UP, retryAfterMs: null };
      if (c.kind === 'ok') retry.push(r);
      else set(r.recordId, c.kind === 'data' ? { kind: 'data', message: heldByCompany(r.companyId, c.message) } : c);
    }
  }
  resendAfterCompanies(retry, () => false, budget, deps, outcomes);
}

/**
 * Sends contacts once more after their companies were pushed. One still answered "Account not
 * found" is retried later (eventual consistency), unless its company just landed churned: a
 * tenant that takes no contacts on inactive accounts ([open]) refuses it until the company is
 * reactivated, which brings it along, so it is reported SKIPPED.
 */
function resendAfterCompanies(ops: ReadonlyArray<{ recordId: string; payload: ContactBatch['ops'][number]['payload']; companyId: string }>, churned: (companyId: string) => boolean, budget: RequestBudget, deps: PushDeps, outcomes: Map<string, RecordOutcome>): void {
  if (ops.length === 0) return;
  const results = pushRecords(ops.map((op) => op.payload), (records) => deps.client.upsertContacts(records), budget);
  ops.forEach((op, i) => {
    let o = results[i] as RecordOutcome;
    if (o.kind === 'data' && failureNature(o.message) === 'account_missing') o = churned(op.companyId) ? { kind: 'skipped', message: CHURNED_COMPANY_MESSAGE } : { kind: 'transient', message: o.message, retryAfterMs: null };
    outcomes.set(op.recordId, worse(outcomes.get(op.recordId), o));
  });
}

/** Whether Freshsuccess holds an account, or why that could not be told. */
function accountHeld(accountId: string, budget: RequestBudget, deps: PushDeps): 'held' | 'absent' | RecordOutcome {
  if (budget.authMessage !== null) return { kind: 'auth', message: budget.authMessage };
  if (budget.used >= budget.max) return { kind: 'transient', message: BUDGET_USED_UP, retryAfterMs: null };
  budget.used++;
  const v = deps.client.getAccount(accountId);
  if (v.kind === 'ok') return 'held';
  if (nothingToRemove(v, 'documented')) return 'absent';
  if (v.kind === 'transient') return transientOutcome(v);
  if (v.kind === 'auth') {
    budget.authMessage = authPauseMessage(v);
    return { kind: 'auth', message: budget.authMessage };
  }
  return { kind: 'data', message: `Freshsuccess refused the contact's deactivation (Account not found), and a check of account ${accountId} answered: ${v.message}` };
}

/**
 * Pushes companies' current state ahead of their contacts. Returns each company's outcome, or
 * for one that cannot be sent (out of scope, unusable key) the reason.
 */
function pushCompanies(batch: ContactBatch, companyIds: readonly string[], known: readonly CustomerSnapshot[], config: SyncConfig, budget: RequestBudget, deps: PushDeps): { outcomes: Map<string, RecordOutcome>; unsendable: Map<string, string> } {
  const found = new Map(known.map((s) => [s.keys.id, s]));
  const plan = planBatches({
    runId: batch.runId, config, now: deps.clock.now(), planMax: 0,
    customers: companyIds.map((id) => ({ item: workItem('customer', id), snapshot: found.get(id) ?? null })),
    contacts: [],
  });
  const outcomes = new Map<string, RecordOutcome>();
  for (const b of plan.batches) for (const [id, o] of pushAccounts(b as AccountBatch, budget, deps)) outcomes.set(id, o);
  const unsendable = new Map(plan.notes.map((n) => [n.recordId, n.reason]));
  for (const id of unsendable.keys()) outcomes.delete(id);
  return { outcomes, unsendable };
}

/** `Account not found`: push the contacts' companies (current state, one search), then the contacts once more. */
function recoverOrphans(batch: ContactBatch, orphans: number[], config: SyncConfig, budget: RequestBudget, deps: PushDeps, outcomes: Map<string, RecordOutcome>): void {
  const companyIds = [...new Set(orphans.map((i) => batch.ops[i]?.companyId as string))];
  const snapshots = deps.snapshots.customersByIds(companyIds, config);
  const inactive = new Set(snapshots.filter((s) => s.isInactive).map((s) => s.keys.id));
  const { outcomes: companyOutcome, unsendable } = pushCompanies(batch, companyIds, snapshots, config, budget, deps);
  const retry: number[] = [];
  for (const i of orphans) {
    const op = batch.ops[i];
    if (!op) continue;
    const companyId = op.companyId as string;
    const reason = unsendable.get(companyId);
    const c = reason === undefined ? companyOutcome.get(companyId) ?? { kind: 'data' as const, message: 'Account not found' } : { kind: 'data' as const, message: `Account not found, and its company ${companyId} cannot be sent: ${reason}` };
    if (c.kind === 'ok') retry.push(i);
    // A contact held back by its company's data error says so: the error is the company's, not its own.
    else if (c.kind === 'data' && reason === undefined) outcomes.set(op.recordId, worse(outcomes.get(op.recordId), { kind: 'data', message: heldByCompany(companyId, c.message) }));
    else outcomes.set(op.recordId, worse(outcomes.get(op.recordId), c));
  }
  const ops = retry.map((i) => batch.ops[i] as ContactBatch['ops'][number]).map((op) => ({ recordId: op.recordId, payload: op.payload, companyId: op.companyId as string }));
  resendAfterCompanies(ops, (companyId) => inactive.has(companyId), budget, deps, outcomes);
}

export function pushBatch(batch: WorkBatch, config: SyncConfig, deps: PushDeps): BatchResult {
  const result: BatchResult = { key: batch.key, records: 0, sent: 0, retried: 0, dead: 0, skipped: 0, paused: false, requests: 0, retryAt: {} };
  if (batch.ops.length === 0) return result;
  const budget: RequestBudget = { used: 0, max: deps.maxRequests ?? MAX_REQUESTS_PER_INVOCATION, authMessage: null, unmatched: [] };
  const outcomes = batch.kind === 'accounts' ? pushAccounts(batch, budget, deps) : pushContacts(batch, config, budget, deps);
  if (budget.unmatched && budget.unmatched.length > 0) {
    // Freshsuccess's own words and the keys it named (record keys, never the API key).
    const named = budget.unmatched.slice(0, 20).map((f) => ({ account_id: f.accountId, user_id: f.userId, record: f.index, message: f.message.slice(0, 300) }));
    deps.log.error(`Freshsuccess reported failures naming no record of batch ${batch.key}: its records are sent again`, JSON.stringify(named));
  }
  result.records = outcomes.size;
  result.requests = budget.used;
  const entries = entriesFor(batch, config, outcomes, deps, result);
  if (budget.authMessage !== null) {
    result.paused = true;
    deps.state.update({ pausedAt: deps.clock.now(), pauseMessage: budget.authMessage });
    deps.log.error('Freshsuccess refused the API key: pushing paused', budget.authMessage);
  }
  const origin = `${batch.runId}/${batch.key}`;
  if (entries.length > 0 && !(deps.restarted && deps.outbox.hasOrigin(origin))) deps.outbox.append(entries, origin);
  if (batch.retryEntryIds.length > 0) deps.outbox.close(batch.retryEntryIds);
  return result;
}
