/**
 * What the admin page reads and writes besides the engine's own stores: the config record as raw
 * values (to fill the form and to save it), the queue's counts by status and its latest problems,
 * and the dead letters to queue again. Costs: settings 1, counts 10, problems 10 (+ 10 per record
 * type they name, for the names), save 6 (+ the
 * settings User Event), dead letters 10.
 */
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import * as url from 'N/url';
import type { ProblemEntry, OutboxCounts } from '../app/adminStatusView';
import type { SyncState } from '../app/ports';
import { isChecked } from '../domain/checkbox';
import type { RawConfig } from '../domain/config';
import type { EntryStatus, OutboxEntry, RecordKind } from '../domain/types';
import { rawConfigOf } from './configStore';
import { OUTBOX_COLUMNS, outboxEntryOf } from './outboxStore';
import { readSettings, type Settings } from './settings';
import { readSingleton } from './singleton';
import { CONFIG, OUTBOX, STATE } from './schema';
import { netsuiteStateStore } from './stateStore';
import { lookupValue, num } from './values';
import { copiedSettings } from '../domain/sandboxGuard';

export interface StoredSettings {
  settings: Settings;
  configId: string | null;
  raw: RawConfig | null;
  /** Why nothing is pushed from this account when the settings were saved in another one (domain/sandboxGuard.ts). */
  copied: string | null;
}

export function readStoredSettings(): StoredSettings {
  const settings = readSettings();
  const values = settings.config?.values ?? null;
  return {
    settings,
    configId: settings.config?.id ?? null,
    raw: values ? rawConfigOf(values) : null,
    copied: values ? copiedSettings(lookupValue(values[CONFIG.savedInAccount]), runtime.accountId) : null,
  };
}

/**
 * The state record parsed by the engine's own store, without creating it when it does not exist
 * yet (a page view must not write): null then.
 */
export function readState(settings: Settings): SyncState | null {
  const found = settings.state ?? readSingleton(STATE.type, Object.values(STATE).filter((f) => f !== STATE.type), false);
  if (!found) return null;
  return netsuiteStateStore(() => ({ config: null, state: found })).read();
}

const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** A number setting: empty is stored as no value. */
const optionalInt = (v: number | string | null | undefined) => (v === null || v === undefined || v === '' ? null : Number(v));

/** Saves the settings (load + save, so the settings User Event runs: it lifts a pause). */
export function saveConfig(configId: string | null, raw: RawConfig): string {
  const rec = configId === null ? record.create({ type: CONFIG.type }) : record.load({ type: CONFIG.type, id: configId });
  if (configId === null) rec.setValue({ fieldId: 'name', value: 'FreshSync settings' });
  const set = (fieldId: string, value: string | number | boolean | null) => rec.setValue({ fieldId, value: value as string });
  set(CONFIG.enabled, isChecked(raw.enabled));
  set(CONFIG.region, asText(raw.region));
  set(CONFIG.secretRef, asText(raw.secretRef));
  set(CONFIG.accountIdSource, asText(raw.accountIdSource));
  set(CONFIG.accountIdField, asText(raw.accountIdField));
  set(CONFIG.userIdSource, asText(raw.userIdSource));
  set(CONFIG.scopeStages, asText(raw.scopeStages));
  set(CONFIG.scopeSubsidiaries, asText(raw.scopeSubsidiaries));
  set(CONFIG.scopeSavedSearch, asText(raw.scopeSavedSearch));
  set(CONFIG.syncContacts, isChecked(raw.syncContacts));
  set(CONFIG.deleteCustomer, asText(raw.deleteCustomer));
  set(CONFIG.deleteContact, asText(raw.deleteContact));
  set(CONFIG.batchMaxRecords, optionalInt(raw.batchMaxRecords));
  set(CONFIG.batchMaxBytes, optionalInt(raw.batchMaxBytes));
  set(CONFIG.excludeCustomer, asText(raw.excludeCustomer));
  set(CONFIG.excludeContact, asText(raw.excludeContact));
  set(CONFIG.retryWarnAfter, optionalInt(raw.retryWarnAfter));
  set(CONFIG.retryFirstWait, optionalInt(raw.retryFirstWait));
  set(CONFIG.retryLongestWait, optionalInt(raw.retryLongestWait));
  set(CONFIG.mappingJson, asText(raw.mappingJson));
  set(CONFIG.customFieldCap, optionalInt(raw.customFieldCap));
  set(CONFIG.alertRecipients, asText(raw.alertRecipients));
  set(CONFIG.alertDeadLetters, optionalInt(raw.alertDeadLetters));
  set(CONFIG.alertWaitingHours, optionalInt(raw.alertWaitingHours));
  // Saved here by an administrator: these settings belong to this account (domain/sandboxGuard.ts).
  set(CONFIG.savedInAccount, runtime.accountId);
  return String(rec.save({ ignoreMandatoryFields: true }));
}

const is = (status: EntryStatus) => [OUTBOX.status, 'is', status];

/**
 * Records of the open entries by status, and the oldest waiting change, in one summary search
 * (10). PENDING counts only above the cursor. An entry written before entries kept their record
 * count counts as one record at least. The oldest is the lower of the minimums of the first
 * capture and of the entry's own capture: an entry's first capture is never later than its own,
 * so that is each entry's first capture, or its own capture where the field is empty (entries
 * written before it existed).
 */
export function countOutbox(cursor: number): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, retry: 0, dead: 0, skipped: 0, warned: 0, oldestWaitingAt: null };
  const statusCol = search.createColumn({ name: OUTBOX.status, summary: search.Summary.GROUP });
  const countCol = search.createColumn({ name: 'internalid', summary: search.Summary.COUNT });
  const recordsCol = search.createColumn({ name: OUTBOX.count, summary: search.Summary.SUM });
  const oldestCol = search.createColumn({ name: OUTBOX.capturedAt, summary: search.Summary.MIN });
  const firstCol = search.createColumn({ name: OUTBOX.firstCapturedAt, summary: search.Summary.MIN });
  search
    .create({ type: OUTBOX.type, filters: [[is('PENDING'), 'AND', ['internalidnumber', 'greaterthan', cursor]], 'OR', is('RETRY'), 'OR', is('DEAD'), 'OR', is('SKIPPED'), 'OR', is('WARNED')], columns: [statusCol, countCol, recordsCol, oldestCol, firstCol] })
    .run()
    .each((r) => {
      const n = Math.max(num(r.getValue(countCol)), num(r.getValue(recordsCol)));
      const waiting = ['PENDING', 'RETRY'].includes(String(r.getValue(statusCol)));
      for (const col of [oldestCol, firstCol]) {
        const oldest = String(r.getValue(col) ?? '');
        if (waiting && oldest !== '' && num(oldest) < (counts.oldestWaitingAt ?? Infinity)) counts.oldestWaitingAt = num(oldest);
      }
      const s = String(r.getValue(statusCol));
      if (s === 'PENDING') counts.pending = n;
      if (s === 'RETRY') counts.retry = n;
      if (s === 'DEAD') counts.dead = n;
      if (s === 'SKIPPED') counts.skipped = n;
      if (s === 'WARNED') counts.warned = n;
      return true;
    });
  return counts;
}

function linkTo(kind: string, id: string): string {
  try {
    return url.resolveRecord({ recordType: kind === 'contact' ? 'contact' : 'customer', recordId: id });
  } catch {
    return '#';
  }
}

/** Names of up to NAMED_PER_KIND records of a type, by internal id: one search (10 units); deleted ones have none. */
const NAMED_PER_KIND = 200;

function namesOf(kind: 'customer' | 'contact', ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const wanted = [...new Set(ids.filter((id) => /^\d+$/.test(id)))].slice(0, NAMED_PER_KIND);
  if (wanted.length === 0) return names;
  const columns = kind === 'customer' ? ['entityid', 'companyname'] : ['entityid', 'firstname', 'lastname'];
  search
    .create({ type: kind === 'customer' ? search.Type.CUSTOMER : search.Type.CONTACT, filters: [['internalid', 'anyof', wanted]], columns })
    .run()
    .each((r) => {
      const text = (c: string) => String(r.getValue({ name: c }) ?? '').trim();
      const name = kind === 'customer' ? text('companyname') || text('entityid') : [text('firstname'), text('lastname')].filter(Boolean).join(' ') || text('entityid');
      if (name) names.set(String(r.id), name);
      return true;
    });
  return names;
}

/** A customer's or contact's name (10), or null when the account has no such record. */
export function recordName(kind: 'customer' | 'contact', id: string): string | null {
  return namesOf(kind, [id]).get(id) ?? null;
}

/** The latest DEAD, SKIPPED and WARNED entries, newest first (getRange: 10), with their records' names (10 per record type). */
export function latestProblems(limit: number): ProblemEntry[] {
  const rows = search
    .create({ type: OUTBOX.type, filters: [is('DEAD'), 'OR', is('SKIPPED'), 'OR', is('WARNED')], columns: [search.createColumn({ name: 'internalid', sort: search.Sort.DESC }), ...OUTBOX_COLUMNS] })
    .run()
    .getRange({ start: 0, end: limit });
  const entries = rows.map(outboxEntryOf);
  const idsOf = (kind: string) => entries.filter((e) => e.kind === kind).flatMap((e) => e.recordIds);
  const names = { customer: namesOf('customer', idsOf('customer')), contact: namesOf('contact', idsOf('contact')) };
  return entries.map((e) => {
    const named = e.kind === 'contact' ? names.contact : names.customer;
    return {
      id: e.id,
      kind: e.kind,
      status: e.status,
      records: e.recordIds.map((id) => {
        const name = named.get(id);
        return name ? { id, url: linkTo(e.kind, id), name } : { id, url: linkTo(e.kind, id) };
      }),
      lastError: e.lastError,
      hint: e.hint,
      capturedAt: e.capturedAt,
      attempt: e.attempt,
    };
  });
}

/** Outbox entries by internal id (getRange: 10), for the status page's row actions; at most 1,000. */
export function entriesByIds(ids: readonly number[]): OutboxEntry[] {
  const wanted = [...new Set(ids)].slice(0, 1000);
  if (wanted.length === 0) return [];
  return search
    .create({ type: OUTBOX.type, filters: [['internalid', 'anyof', wanted.map(String)]], columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), ...OUTBOX_COLUMNS] })
    .run()
    .getRange({ start: 0, end: wanted.length })
    .map(outboxEntryOf);
}

/**
 * One record's entries captured since `since`, newest first (getRange: 10), for its page's
 * subtab: captured for it alone, or grouped with others in a retry, dead letter or sweep catch
 * (its id quoted in the JSON list).
 */
export function entriesOfRecord(kind: RecordKind, id: string, since: number, limit: number): OutboxEntry[] {
  return search
    .create({
      type: OUTBOX.type,
      filters: [[OUTBOX.kind, 'is', kind], 'and', [OUTBOX.capturedAt, 'greaterthanorequalto', since], 'and', [[OUTBOX.record, 'is', id], 'or', [OUTBOX.records, 'contains', `"${id}"`]]],
      columns: [search.createColumn({ name: 'internalid', sort: search.Sort.DESC }), ...OUTBOX_COLUMNS],
    })
    .run()
    .getRange({ start: 0, end: limit })
    .map(outboxEntryOf)
    .filter((e) => e.recordIds.includes(id));
}

/** The oldest dead letters, whole (getRange: 10), for "Retry dead letters". */
export function deadLetters(limit: number): OutboxEntry[] {
  return search
    .create({ type: OUTBOX.type, filters: [is('DEAD')], columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), ...OUTBOX_COLUMNS] })
    .run()
    .getRange({ start: 0, end: limit })
    .map(outboxEntryOf);
}
