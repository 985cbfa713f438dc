/**
 * Turns coalesced work items and the current state read for them into batches to push, plus
 * notes about records that are not pushed (and why). Pure: the drain, the full sync and the
 * retries all plan through here, so they classify, map and validate identically.
 */
import { boundDistinct, cutBatches, parentsFirst, utf8Length, type Sized } from './batching';
import { batchCarryOverOf } from './carryOver';
import { CHANGES_UNKNOWN } from './changeDetection';
import type { WorkItem } from './coalesce';
import type { SyncConfig } from './config';
import { hintFor } from './hints';
import { accountIdFor, normaliseId } from './identity';
import { mapContact, mapCustomer } from './mapping';
import { MAX_RETRY_CLOSES_PER_MAP_BATCH, MAX_RETRY_CLOSES_PER_REDUCE_BATCH, MAX_SINGLE_REQUESTS_PER_BATCH } from './pushBudget';
import { customerInScope } from './scope';
import { stageAndSubsidiaryInScope } from './scope';
import type { ContactSnapshot, CustomerSnapshot, MappingWarning, RecordKind, Tombstone } from './types';
import { validateAccount, validateContact } from './validation';
import { encodeBatchKey, type AccountBatch, type AccountOp, type ContactBatch, type ContactOp, type WorkBatch } from './workBatch';

/**
 * Why a record is not pushed. 'skipped' notes are reported to the admin as SKIPPED entries,
 * 'dead' ones as DEAD entries; 'ignored' ones are counted only (out of scope, policy ignore, gone).
 */
export interface PlanNote {
  kind: RecordKind;
  recordId: string;
  outcome: 'ignored' | 'skipped' | 'dead';
  reason: string;
  hint: string;
}

export interface Plan {
  batches: WorkBatch[];
  notes: PlanNote[];
  /** Values dropped or cut in records that are sent. */
  warnings: PlanWarning[];
}

export interface PlanWarning extends MappingWarning {
  kind: RecordKind;
}

export interface PlanInput {
  runId: string;
  config: SyncConfig;
  now: number;
  customers: ReadonlyArray<{ item: WorkItem; snapshot: CustomerSnapshot | null }>;
  contacts: ReadonlyArray<{ item: WorkItem; snapshot: ContactSnapshot | null }>;
  /** Highest PENDING entry id the plan covers (0 for a full sync). */
  planMax: number;
  /**
   * With a saved-search scope: the contacts' companies that search keeps (only NetSuite can
   * evaluate it). A contact whose company is not in it is out of scope. Absent: no saved search.
   */
  companiesInScope?: ReadonlySet<string>;
  /**
   * Records outside this plan that NetSuite holds with a key planned here (entity-id and
   * custom-field account_ids, e-mail user_ids can repeat; internal ids cannot), by key. The
   * lowest internal id among all holders keeps the key.
   */
  otherKeyHolders?: { customer: ReadonlyMap<string, readonly string[]>; contact: ReadonlyMap<string, readonly string[]> };
}

interface Unit<Op> {
  item: WorkItem;
  ops: Op[];
}

function note(kind: RecordKind, recordId: string, outcome: PlanNote['outcome'], reason: string): PlanNote {
  return { kind, recordId, outcome, reason, hint: outcome === 'ignored' ? '' : hintFor(reason) };
}

/**
 * A check after a request whose outcome is unknown (Tombstone.ifGone) finds the record gone: it
 * was deleted since, and the late request may have brought it back, so the delete is sent again.
 * With a saved-search scope a missing record may only have left the scope, which is no delete.
 */
function goneForCheck(item: WorkItem, input: PlanInput): boolean {
  return !item.deleted && item.ifGone !== undefined && !input.config.scope.savedSearchId;
}

function goneTombstone(item: WorkItem, input: PlanInput): Tombstone {
  const { ifGone: _check, ...keys } = item.ifGone as Tombstone;
  return { ...keys, deletedAt: input.now };
}

function planCustomer(item: WorkItem, snapshot: CustomerSnapshot | null, input: PlanInput, notes: PlanNote[], warnings: PlanWarning[]): AccountOp[] {
  const { config } = input;
  const id = item.recordId;
  if (item.deleted) {
    const policy = config.deletePolicy.customer;
    if (policy === 'ignore') {
      notes.push(note('customer', id, 'ignored', 'deleted; delete policy is ignore'));
      return [];
    }
    const tomb: Tombstone = item.tombstone ?? {};
    const accountId = tomb.accountId ?? (config.accountIdSource.kind === 'internalid' ? normaliseId(id) : '');
    if (accountId === '') {
      notes.push(note('customer', id, 'skipped', 'deleted customer: its account_id was not captured, so Freshsuccess cannot be told'));
      return [];
    }
    if (policy === 'deactivate') return [{ op: 'deactivate', recordId: id, accountId }];
    const payload: { account_id: string; is_churned: boolean; inactive_time: number; name?: string; join_date?: number } = {
      account_id: accountId,
      is_churned: true,
      inactive_time: Math.trunc(tomb.deletedAt ?? input.now),
    };
    if (tomb.name) payload.name = tomb.name;
    if (tomb.joinDate !== undefined) payload.join_date = tomb.joinDate;
    return [{ op: 'upsert', recordId: id, payload }];
  }
  if (!snapshot && goneForCheck(item, input)) return planCustomer({ ...item, deleted: true, tombstone: goneTombstone(item, input) }, null, input, notes, warnings);
  if (!snapshot) {
    // Gone without a captured delete (the sweep's deleted-record log catches that), or outside a saved-search scope.
    notes.push(note('customer', id, 'ignored', 'not found in scope'));
    return [];
  }
  if (!customerInScope(snapshot, config.scope)) {
    notes.push(note('customer', id, 'ignored', 'out of scope (stage or subsidiary)'));
    return [];
  }
  const mapped = mapCustomer(snapshot, config, input.now);
  if (mapped.payload.account_id === '') {
    notes.push(note('customer', id, 'dead', 'Not sent: the account_id source field is empty for this customer'));
    return [];
  }
  const problems = validateAccount(mapped.payload, true);
  if (problems.length > 0) {
    notes.push(note('customer', id, 'dead', `Not sent: ${problems.join('; ')}`));
    return [];
  }
  // An emptied custom field is omitted from the upsert (whether null clears is [open]); its old
  // value is removed explicitly, text and number dimensions only (no removal exists for dates).
  const cleared: AccountOp[] = config.mapping.customer.custom
    .filter((m) => (m.type === 'text' || m.type === 'number') && item.changedFields.includes(m.fieldId))
    .filter((m) => snapshot.custom[m.fieldId] === null || snapshot.custom[m.fieldId] === undefined || snapshot.custom[m.fieldId] === '')
    .map((m) => ({ op: 'clearDimension', recordId: id, accountId: mapped.payload.account_id, dimension: m.type === 'text' ? 'labels' : 'values', key: m.key }));
  // Made top-level: an omitted parent would leave the old one in Freshsuccess. A change the sweep
  // caught may have cleared it too (an import with scripts off, a deleted parent): sent empty as well.
  const parentCleared = item.changedFields.includes('parent');
  const parentUnsure = !parentCleared && item.changedFields.includes(CHANGES_UNKNOWN);
  if (mapped.payload.parent_account_id === undefined && (parentCleared || parentUnsure)) mapped.payload.parent_account_id = '';
  const retired = (item.previousKeys ?? []).filter((k) => k !== '' && k !== mapped.payload.account_id);
  warnings.push(...mapped.warnings.map((w) => ({ ...w, kind: 'customer' as const })));
  // Re-keyed (entity id or key field changed): the new account first, then the old one retired.
  const upsert: AccountOp = { op: 'upsert', recordId: id, payload: mapped.payload };
  if (parentUnsure && mapped.payload.parent_account_id === '') upsert.parentUnsure = true;
  return [upsert, ...cleared, ...retired.map((accountId) => ({ op: 'deactivate' as const, recordId: id, accountId }))];
}

function planContact(item: WorkItem, snapshot: ContactSnapshot | null, input: PlanInput, notes: PlanNote[], warnings: PlanWarning[]): ContactOp[] {
  const { config } = input;
  const id = item.recordId;
  if (item.deleted) {
    if (config.deletePolicy.contact === 'ignore') {
      notes.push(note('contact', id, 'ignored', 'deleted; delete policy is ignore'));
      return [];
    }
    const tomb = item.tombstone ?? {};
    const userId = tomb.userId ?? (config.userIdSource === 'internalid' ? normaliseId(id) : '');
    if (!tomb.accountId || userId === '') {
      notes.push(note('contact', id, 'skipped', 'deleted contact: its company or user_id was not captured, so it cannot be deactivated'));
      return [];
    }
    // A deactivation: if Freshsuccess never had the company, there is nothing to deactivate. A
    // contact moved and then deleted before the move was pushed is still under its old company
    // there: that association is deactivated too.
    const accounts = [tomb.accountId, ...item.previousAccountIds.filter((p) => p !== '' && p !== tomb.accountId)];
    return accounts.map((account) => ({ op: 'upsert' as const, recordId: id, companyId: null, role: 'detach' as const, payload: { account_id: account, user_id: userId, is_active: false } }));
  }
  if (!snapshot && goneForCheck(item, input)) return planContact({ ...item, deleted: true, tombstone: goneTombstone(item, input) }, null, input, notes, warnings);
  if (!snapshot) {
    notes.push(note('contact', id, 'ignored', 'not found'));
    return [];
  }
  if (!snapshot.company) {
    notes.push(note('contact', id, 'skipped', 'Contact has no company: Freshsuccess contacts belong to an account'));
    return [];
  }
  const savedSearchOut = input.companiesInScope !== undefined && !input.companiesInScope.has(snapshot.company.id);
  if (savedSearchOut || !stageAndSubsidiaryInScope(snapshot.companyStage, snapshot.companySubsidiary, config.scope)) {
    notes.push(note('contact', id, 'ignored', "company out of scope"));
    return [];
  }
  const accountId = accountIdFor(snapshot.company, config.accountIdSource);
  if (accountId === '') {
    notes.push(note('contact', id, 'dead', "Not sent: the company's account_id source field is empty"));
    return [];
  }
  const mapped = mapContact(snapshot, accountId, config);
  const problems = validateContact(mapped.payload);
  if (problems.length > 0) {
    notes.push(note('contact', id, 'dead', `Not sent: ${problems.join('; ')}`));
    return [];
  }
  // A moved contact: deactivate the old association first, then post the new one (active).
  // Whether Freshsuccess re-parents on re-post is [open]; this order is right either way.
  const ops: ContactOp[] = item.previousAccountIds
    .filter((prev) => prev !== '' && prev !== accountId)
    .map((prev) => ({ op: 'upsert' as const, recordId: id, companyId: null, role: 'detach' as const, payload: { account_id: prev, user_id: mapped.payload.user_id, is_active: false } }));
  // Re-keyed by email: the contact under its old user_id is deactivated.
  for (const oldUser of item.previousKeys ?? []) {
    if (oldUser === '' || oldUser === mapped.payload.user_id) continue;
    for (const account of [accountId, ...item.previousAccountIds.filter((p) => p !== '' && p !== accountId)]) {
      ops.push({ op: 'upsert', recordId: id, companyId: null, role: 'detach', payload: { account_id: account, user_id: oldUser, is_active: false } });
    }
  }
  ops.push({ op: 'upsert', recordId: id, companyId: snapshot.company.id, role: 'current', payload: mapped.payload });
  warnings.push(...mapped.warnings.map((w) => ({ ...w, kind: 'contact' as const })));
  return ops;
}

function opBytes(op: AccountOp | ContactOp): number {
  return 'payload' in op ? utf8Length(JSON.stringify(op.payload)) : 0;
}

/** Operations sent one request each (DELETE), outside the batch's POST: they count against the invocation's requests, not its bytes. */
function ownRequests(ops: ReadonlyArray<AccountOp | ContactOp>): number {
  return ops.filter((op) => op.op !== 'upsert').length;
}

function base(input: PlanInput, units: Unit<unknown>[], key: string) {
  const retry = new Set<number>();
  const changed = new Set<string>();
  let attempt = 0;
  for (const u of units) {
    for (const f of u.item.changedFields) changed.add(f);
    u.item.retryEntryIds.forEach((r) => retry.add(r));
    attempt = Math.max(attempt, u.item.attempt);
  }
  return { key, runId: input.runId, attempt, retryEntryIds: [...retry], ...batchCarryOverOf(units.map((u) => u.item)), changedFields: [...changed] };
}

function minPending(units: Unit<unknown>[]): number {
  let min = 0;
  for (const u of units) for (const id of u.item.pendingIds) if (min === 0 || id < min) min = id;
  return min;
}

/**
 * Two records of one kind whose payloads carry the same Freshsuccess key (a shared account_id
 * custom field value, two contacts keyed by one e-mail) would overwrite each other there. The
 * record with the lowest internal id keeps the key; each other one is dead-lettered naming it.
 * Only records planned together are compared: a full sync sees them all, a drain its changes.
 */
const byNumericId = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

function withoutDuplicateKeys<Op>(units: Unit<Op>[], kind: RecordKind, keyOf: (u: Unit<Op>) => string | null, keyName: string, notes: PlanNote[], others: ReadonlyMap<string, readonly string[]> = new Map()): Unit<Op>[] {
  const owner = new Map<string, string>();
  // A record outside the plan with a lower internal id keeps the key (it may be in Freshsuccess already).
  for (const [key, ids] of others) {
    const lowest = [...ids].sort(byNumericId)[0];
    if (lowest !== undefined) owner.set(key, lowest);
  }
  const byId = [...units].sort((a, b) => Number(a.item.recordId) - Number(b.item.recordId) || a.item.recordId.localeCompare(b.item.recordId));
  const dropped = new Set<Unit<Op>>();
  for (const u of byId) {
    const key = keyOf(u);
    if (key === null) continue;
    const first = owner.get(key);
    if (first === undefined || first === u.item.recordId || byNumericId(u.item.recordId, first) < 0) owner.set(key, u.item.recordId);
    else {
      dropped.add(u);
      notes.push(note(kind, u.item.recordId, 'dead', `Not sent: its ${keyName} "${key}" is also the key of ${kind} ${first}, which keeps it`));
    }
  }
  return dropped.size === 0 ? units : units.filter((u) => !dropped.has(u));
}

export function planBatches(input: PlanInput): Plan {
  const notes: PlanNote[] = [];
  const warnings: PlanWarning[] = [];
  let seq = 1;

  let accountUnits: Unit<AccountOp>[] = [];
  for (const { item, snapshot } of input.customers) {
    const ops = planCustomer(item, snapshot, input, notes, warnings);
    if (ops.length > 0) accountUnits.push({ item, ops });
  }
  let contactUnits: Unit<ContactOp>[] = [];
  for (const { item, snapshot } of input.contacts) {
    const ops = planContact(item, snapshot, input, notes, warnings);
    if (ops.length > 0) contactUnits.push({ item, ops });
  }
  const upsertOf = <Op extends { op: string }>(u: Unit<Op>) => u.ops.find((op) => op.op === 'upsert' && (op as { role?: string }).role !== 'detach') as (Op & { payload: { account_id: string; user_id?: string } }) | undefined;
  accountUnits = withoutDuplicateKeys(accountUnits, 'customer', (u) => upsertOf(u)?.payload.account_id ?? null, 'account_id', notes, input.otherKeyHolders?.customer);
  contactUnits = withoutDuplicateKeys(contactUnits, 'contact', (u) => upsertOf(u)?.payload.user_id ?? null, 'user_id', notes, input.otherKeyHolders?.contact);
  const kept = new Set([...accountUnits, ...contactUnits].map((u) => `${u.item.kind}:${u.item.recordId}`));
  warnings.splice(0, warnings.length, ...warnings.filter((w) => kept.has(`${w.kind}:${w.recordId}`)));

  // Deactivations go through DELETE one by one; upserts are batched parents first.
  const ordered = parentsFirst(accountUnits, (u) => {
    const op = u.ops[0] as AccountOp;
    return op.op === 'upsert' ? op.payload : { account_id: op.accountId };
  });
  const batches: WorkBatch[] = [];
  const sizedAccounts: Sized<Unit<AccountOp>>[] = ordered.map((u) => ({ item: u, bytes: u.ops.reduce((n, op) => n + opBytes(op), 0), requests: ownRequests(u.ops) }));
  // A batch's DELETEs must fit one map invocation's governance: 150 deletes in one batch would
  // need 1,500 units of requests alone (SSS_USAGE_LIMIT_EXCEEDED, and the batch fails every run).
  // Closing the RETRY entries a batch covers costs 2 units each in the same invocation: after an
  // outage left one RETRY entry per record, a batch is cut so its closes fit too (pushBudget.ts).
  const retryEntries = (u: Unit<unknown>) => u.item.retryEntryIds;
  for (const group of boundDistinct(cutBatches(sizedAccounts, input.config.batch, MAX_SINGLE_REQUESTS_PER_BATCH), retryEntries, MAX_RETRY_CLOSES_PER_MAP_BATCH)) {
    const records = group.length;
    const key = encodeBatchKey({ letter: 'A', seq: seq++, records, minPending: minPending(group), planMax: input.planMax });
    const batch: AccountBatch = { ...base(input, group, key), kind: 'accounts', ops: group.flatMap((u) => u.ops) };
    batches.push(batch);
  }
  const churned = new Set(accountUnits.flatMap((u) => u.ops).filter((op) => op.op === 'upsert' && op.payload.is_churned === true).map((op) => op.recordId));
  // A contact's detach and current ops stay together in one batch, in that order.
  const sizedContacts: Sized<Unit<ContactOp>>[] = contactUnits.map((u) => ({ item: u, bytes: u.ops.reduce((n, op) => n + opBytes(op), 0) }));
  for (const group of boundDistinct(cutBatches(sizedContacts, input.config.batch), retryEntries, MAX_RETRY_CLOSES_PER_REDUCE_BATCH)) {
    const key = encodeBatchKey({ letter: 'C', seq: seq++, records: group.length, minPending: minPending(group), planMax: input.planMax });
    const batch: ContactBatch = { ...base(input, group, key), kind: 'contacts', ops: group.flatMap((u) => u.ops) };
    const churnedCompanies = [...new Set(batch.ops.map((op) => op.companyId).filter((id): id is string => id !== null && churned.has(id)))];
    if (churnedCompanies.length > 0) batch.churnedCompanies = churnedCompanies;
    batches.push(batch);
  }
  return { batches, notes, warnings };
}
