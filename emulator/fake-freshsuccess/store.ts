/**
 * The tenant's data: accounts and account contacts, with the bookkeeping tests read (created and
 * updated times, a write counter). Records of one batch are applied in order, so a record can
 * rely on one written earlier in the same batch (e.g. a parent account).
 */
import { ACCOUNT_SCHEMA, CONTACT_SCHEMA } from './schema';
import type { Dimensions, FailedResult, FakeConfig, FakeSummary, StoredAccount, StoredContact } from './types';
import { applyDimensions, isObject, validateRecord, validationContext, type RecordPatch } from './validate';

export type Clock = () => number;

export type LookupResult = { ok: true } | { ok: false; notFound: true } | { ok: false; notFound: false; message: string };

function emptyDimensions(): Dimensions {
  return { labels: {}, values: {}, events: {} };
}

/**
 * Most records never get a dimension, a CSM or a move: they share these frozen empties (a tenant
 * of a million contacts would otherwise hold millions of empty objects), replaced by their own
 * the first time they are written (a write to a shared one throws, so a missed copy shows).
 */
const NO_DIMENSIONS = Object.freeze({ labels: Object.freeze({}), values: Object.freeze({}), events: Object.freeze({}) }) as unknown as Dimensions;
const NONE: string[] = Object.freeze([]) as unknown as string[];

function hasDimensionChange(patch: RecordPatch): boolean {
  return (['labels', 'values', 'events'] as const).some((k) => Object.keys(patch[k].set).length > 0 || patch[k].clear.length > 0);
}

function ownDimensions(holder: { dimensions: Dimensions }): Dimensions {
  if (holder.dimensions === NO_DIMENSIONS) holder.dimensions = emptyDimensions();
  return holder.dimensions;
}

function applyFields(fields: Record<string, string | number | boolean>, patch: RecordPatch): void {
  Object.assign(fields, patch.set);
  for (const name of patch.clear) delete fields[name];
}

export type RemoveResult = 'removed' | 'no-account' | 'no-key';

/** One `failed_results` item; the `record` index only on tenants that give it ([mock] `failedResultIndex`). */
function failure(config: FakeConfig, index: number, item: Omit<FailedResult, 'record'>): FailedResult {
  return config.failedResultIndex ? { ...item, record: index } : item;
}

export class FreshsuccessStore {
  private readonly accounts = new Map<string, StoredAccount>();
  /** Contacts by user_id: one entry in 'move'/'reject' modes, possibly several in 'duplicate' mode. */
  private readonly contactsByUser = new Map<string, StoredContact[]>();
  private nextAccountId = 1;
  private nextContactId = 1;
  private changes = 0;

  constructor(private readonly now: Clock = Date.now) {}

  /** Moves on with every write: a listing sorted at one version stays valid until the next. */
  get version(): number {
    return this.changes;
  }

  clear(): void {
    this.changes++;
    this.accounts.clear();
    this.contactsByUser.clear();
    this.nextAccountId = 1;
    this.nextContactId = 1;
  }

  account(accountId: string): StoredAccount | undefined {
    return this.accounts.get(accountId);
  }

  allAccounts(): StoredAccount[] {
    return [...this.accounts.values()].sort((a, b) => a.id - b.id);
  }

  allContacts(): StoredContact[] {
    return [...this.contactsByUser.values()].flat().sort((a, b) => a.id - b.id);
  }

  /** The accounts with these ids (those it has), without going through every account. */
  accountsByIds(ids: readonly string[]): StoredAccount[] {
    return [...new Set(ids)].map((id) => this.accounts.get(id)).filter((a): a is StoredAccount => a !== undefined).sort((a, b) => a.id - b.id);
  }

  /** The contacts with these user_ids (every copy of each, in 'duplicate' mode). */
  contactsByUserIds(userIds: readonly string[]): StoredContact[] {
    return [...new Set(userIds)].flatMap((u) => this.contactsByUser.get(u) ?? []).sort((a, b) => a.id - b.id);
  }

  /** Counts without copying a record: what a large benchmark needs to check delivery. */
  summary(): FakeSummary {
    const out: FakeSummary = { accounts: this.accounts.size, contacts: 0, writes: 0 };
    for (const a of this.accounts.values()) out.writes += a.writeCount;
    for (const list of this.contactsByUser.values()) {
      out.contacts += list.length;
      for (const c of list) out.writes += c.writeCount;
    }
    return out;
  }

  upsertAccounts(records: unknown[], config: FakeConfig): FailedResult[] {
    const failed: FailedResult[] = [];
    records.forEach((record, index) => {
      const message = this.upsertAccount(record, config);
      if (message !== null) {
        failed.push(failure(config, index, { message, account_id: isObject(record) ? record.account_id : undefined }));
      }
    });
    return failed;
  }

  /** Returns null on success, else the record's failure message. */
  private upsertAccount(record: unknown, config: FakeConfig): string | null {
    const accountId = isObject(record) ? record.account_id : undefined;
    const existing = typeof accountId === 'string' ? this.accounts.get(accountId) : undefined;
    const parentRefused = this.parentRefusal(record, config);
    const result = validateRecord(ACCOUNT_SCHEMA, record, validationContext(config, existing !== undefined));
    if (!result.ok) return [...(parentRefused ? [parentRefused] : []), ...result.errors].join('; ');
    if (parentRefused) return parentRefused;
    this.writeAccount(existing ?? this.newAccount(accountId as string), result.patch);
    return null;
  }

  /** The parent check of a tenant that checks parents ([open] `parentAccount`), or null. */
  private parentRefusal(record: unknown, config: FakeConfig): string | null {
    const parent = isObject(record) ? record.parent_account_id : undefined;
    if (config.parentAccount === 'ignore' || typeof parent !== 'string') return null;
    if (parent === '') return config.parentAccount === 'refuseEmpty' ? 'Parent account not found: (empty)' : null;
    return this.accounts.has(parent) ? null : `Parent account not found: ${parent}`;
  }

  private newAccount(accountId: string): StoredAccount {
    this.changes++;
    const at = this.now();
    const account: StoredAccount = {
      id: this.nextAccountId++,
      account_id: accountId,
      fields: {},
      dimensions: NO_DIMENSIONS,
      assignedCsms: NONE,
      deactivated: false,
      isActive: true,
      createdAt: at,
      updatedAt: at,
      writeCount: 0,
    };
    this.accounts.set(accountId, account);
    return account;
  }

  private writeAccount(account: StoredAccount, patch: RecordPatch): void {
    applyFields(account.fields, patch);
    account.fields.account_id = account.account_id;
    if (hasDimensionChange(patch)) applyDimensions(ownDimensions(account), patch);
    for (const email of patch.csms) {
      // Additive [client]: a CSM not listed in a later push stays assigned.
      if (!account.assignedCsms.some((e) => e.toLowerCase() === email.toLowerCase())) account.assignedCsms = [...account.assignedCsms, email];
    }
    // Re-activating a DELETEd (deactivated) account by pushing is_churned:false is [open]:
    // churned accounts "can be re-activated" [doc]; the fake treats that push as the way.
    if (patch.set.is_churned === false) account.deactivated = false;
    this.touch(account);
  }

  private touch(account: StoredAccount): void {
    this.changes++;
    account.isActive = !account.deactivated && account.fields.is_churned !== true && account.fields.is_deleted !== true;
    account.updatedAt = this.now();
    account.writeCount++;
  }

  /** PUT /accounts/{id} with {"data": {...}}: modifies an existing account only [doc]. */
  putAccount(accountId: string, data: unknown, config: FakeConfig): LookupResult {
    const account = this.accounts.get(accountId);
    if (!account) return { ok: false, notFound: true };
    if (!isObject(data)) return { ok: false, notFound: false, message: 'Body must be {"data": {...}}' };
    if (data.account_id !== undefined && data.account_id !== accountId) {
      return { ok: false, notFound: false, message: `data.account_id does not match the URL: ${String(data.account_id)}` };
    }
    const parentRefused = this.parentRefusal(data, config);
    if (parentRefused) return { ok: false, notFound: false, message: parentRefused };
    const result = validateRecord(ACCOUNT_SCHEMA, { ...data, account_id: accountId }, validationContext(config, true));
    if (!result.ok) return { ok: false, notFound: false, message: result.errors.join('; ') };
    this.writeAccount(account, result.patch);
    return { ok: true };
  }

  /** DELETE /accounts/{id} deactivates and keeps every value [doc]. */
  deactivateAccount(accountId: string): boolean {
    const account = this.accounts.get(accountId);
    if (!account) return false;
    account.deactivated = true;
    this.touch(account);
    return true;
  }

  /** Removing a CSM that is not assigned succeeds (idempotent) [open]. */
  removeCsm(accountId: string, email: string): RemoveResult {
    const account = this.accounts.get(accountId);
    if (!account) return 'no-account';
    account.assignedCsms = account.assignedCsms.filter((e) => e.toLowerCase() !== email.toLowerCase());
    this.touch(account);
    return 'removed';
  }

  /** Removing a dimension key the account does not hold: succeeds or is not found ([open] `missingDimension`). */
  removeDimension(accountId: string, kind: 'labels' | 'values', key: string, config: FakeConfig): RemoveResult {
    const account = this.accounts.get(accountId);
    if (!account) return 'no-account';
    if (!(key in account.dimensions[kind]) && config.missingDimension === 'notFound') return 'no-key';
    if (key in account.dimensions[kind]) delete ownDimensions(account)[kind][key];
    this.touch(account);
    return 'removed';
  }

  upsertContacts(records: unknown[], config: FakeConfig): FailedResult[] {
    const failed: FailedResult[] = [];
    records.forEach((record, index) => {
      const message = this.upsertContact(record, config);
      if (message !== null) {
        failed.push(
          failure(config, index, {
            message,
            account_id: isObject(record) ? record.account_id : undefined,
            user_id: isObject(record) ? record.user_id : undefined,
          }),
        );
      }
    });
    return failed;
  }

  private upsertContact(record: unknown, config: FakeConfig): string | null {
    this.changes++;
    // Both keys are required on every contact write: validated as an insert.
    const result = validateRecord(CONTACT_SCHEMA, record, validationContext(config, false));
    if (!result.ok) return result.errors.join('; ');
    const accountId = result.patch.set.account_id as string;
    const userId = result.patch.set.user_id as string;
    // The account must exist already (earlier in time, or earlier in this batch via another
    // request): contacts cannot create accounts [client][mock]. Whether a deactivated account
    // takes contacts is [open] (`contactsOnInactiveAccounts`).
    const account = this.accounts.get(accountId);
    if (!account) return 'Account not found';
    if (!account.isActive && config.contactsOnInactiveAccounts === 'reject') return 'Account not found';

    const sameUser = this.contactsByUser.get(userId) ?? [];
    let contact = sameUser.find((c) => c.account_id === accountId);
    if (!contact && sameUser.length > 0 && config.contactMove !== 'duplicate') {
      const other = sameUser[0] as StoredContact;
      if (config.contactMove === 'reject') {
        return `Contact ${userId} belongs to account ${other.account_id}; moving contacts is not allowed`;
      }
      other.previousAccountIds = [...other.previousAccountIds, other.account_id];
      other.account_id = accountId;
      contact = other;
    }
    if (!contact) {
      const at = this.now();
      contact = {
        id: this.nextContactId++,
        account_id: accountId,
        user_id: userId,
        fields: {},
        dimensions: NO_DIMENSIONS,
        isActive: true,
        previousAccountIds: NONE,
        createdAt: at,
        updatedAt: at,
        writeCount: 0,
      };
      this.contactsByUser.set(userId, [...sameUser, contact]);
    }
    applyFields(contact.fields, result.patch);
    contact.fields.account_id = accountId;
    // `is_active:false` deactivates a contact [doc §7]; true re-activates it.
    if (typeof result.patch.set.is_active === 'boolean') contact.isActive = result.patch.set.is_active;
    delete contact.fields.is_active;
    if (hasDimensionChange(result.patch)) applyDimensions(ownDimensions(contact), result.patch);
    contact.updatedAt = this.now();
    contact.writeCount++;
    return null;
  }
}
