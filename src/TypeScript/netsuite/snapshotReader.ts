/**
 * Current state of customers and contacts: one search per call, never a record.load per record.
 * Contacts read their company's keys and scope through the join; customers read their parent's
 * keys and the sales rep's email the same way.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';
import type { ScopeRow, SnapshotReader } from '../app/ports';
import { isChecked } from '../domain/checkbox';
import type { SyncConfig } from '../domain/config';
import type { ContactSnapshot, CustomFieldValue, CustomerSnapshot, EntityKeys } from '../domain/types';
import { afterId, chunks, countOf, EACH_LIMIT, eachRow, rowsForIds, sortedById } from './paging';
import { dateMs } from './values';

/** Join ids [open] on a real account: see docs/sandbox-checklist.md. */
const PARENT_JOIN = 'parentcustomer';
const COMPANY_JOIN = 'company';

function col(name: string, join?: string): search.Column {
  return join ? search.createColumn({ name, join }) : search.createColumn({ name });
}

function accountKeyField(config: SyncConfig): string | null {
  return config.accountIdSource.kind === 'field' ? config.accountIdSource.fieldId : null;
}

const CUSTOMER_COLUMNS = ['entityid', 'isperson', 'companyname', 'firstname', 'lastname', 'datecreated', 'lastmodifieddate', 'billaddress1', 'billcity', 'billstate', 'billzipcode', 'billcountry', 'phone', 'url', 'category', 'salesrep', 'parent', 'stage', 'isinactive', 'subsidiary'];
const CONTACT_COLUMNS = ['firstname', 'lastname', 'email', 'phone', 'title', 'isinactive', 'lastmodifieddate', 'company'];

function customerColumns(config: SyncConfig): search.Column[] {
  const key = accountKeyField(config);
  const cols = [sortedById(), ...CUSTOMER_COLUMNS.map((n) => col(n)), col('email', 'salesrep'), col('entityid', PARENT_JOIN)];
  if (key) cols.push(col(key), col(key, PARENT_JOIN));
  for (const c of config.mapping.customer.custom) if (c.fieldId !== key) cols.push(col(c.fieldId));
  return cols;
}

function contactColumns(config: SyncConfig): search.Column[] {
  const key = accountKeyField(config);
  const cols = [sortedById(), ...CONTACT_COLUMNS.map((n) => col(n)), col('entityid', COMPANY_JOIN), col('stage', COMPANY_JOIN), col('subsidiary', COMPANY_JOIN)];
  if (key) cols.push(col(key, COMPANY_JOIN));
  for (const c of config.mapping.contact.custom) cols.push(col(c.fieldId));
  return cols;
}

function text(r: search.Result, name: string, join?: string): string {
  const v = join ? r.getValue({ name, join }) : r.getValue({ name });
  return v === null || v === undefined ? '' : String(v);
}

function label(r: search.Result, name: string): string {
  const v = r.getText({ name });
  return v === null || v === undefined ? '' : String(v);
}

function checked(r: search.Result, name: string): boolean {
  return isChecked(r.getValue({ name }));
}

function customValues(r: search.Result, fields: ReadonlyArray<{ fieldId: string; type: string }>): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {};
  for (const f of fields) {
    const raw = r.getValue({ name: f.fieldId }) as unknown;
    if (raw === null || raw === undefined || raw === '') out[f.fieldId] = null;
    else if (f.type === 'date') out[f.fieldId] = dateMs(raw);
    else if (f.type === 'boolean') out[f.fieldId] = isChecked(raw);
    else out[f.fieldId] = typeof raw === 'string' || typeof raw === 'number' ? raw : String(raw);
  }
  return out;
}

function toCustomer(r: search.Result, config: SyncConfig): CustomerSnapshot {
  const key = accountKeyField(config);
  const parentId = text(r, 'parent');
  const keys: EntityKeys = { id: String(r.id), entityId: text(r, 'entityid'), customKey: key ? text(r, key) : '' };
  return {
    keys,
    isPerson: checked(r, 'isperson'),
    companyName: text(r, 'companyname'),
    firstName: text(r, 'firstname'),
    lastName: text(r, 'lastname'),
    dateCreated: dateMs(r.getValue({ name: 'datecreated' })),
    lastModified: dateMs(r.getValue({ name: 'lastmodifieddate' })),
    billing: { street: text(r, 'billaddress1'), city: text(r, 'billcity'), state: text(r, 'billstate'), postalCode: text(r, 'billzipcode'), country: text(r, 'billcountry') },
    phone: text(r, 'phone'),
    url: text(r, 'url'),
    category: label(r, 'category'),
    salesRepName: label(r, 'salesrep'),
    salesRepEmail: text(r, 'email', 'salesrep'),
    parent: parentId ? { id: parentId, entityId: text(r, 'entityid', PARENT_JOIN), customKey: key ? text(r, key, PARENT_JOIN) : '' } : null,
    stage: text(r, 'stage').toUpperCase(),
    isInactive: checked(r, 'isinactive'),
    subsidiary: text(r, 'subsidiary'),
    custom: customValues(r, config.mapping.customer.custom),
  };
}

function toContact(r: search.Result, config: SyncConfig): ContactSnapshot {
  const key = accountKeyField(config);
  const companyId = text(r, 'company');
  return {
    id: String(r.id),
    company: companyId ? { id: companyId, entityId: text(r, 'entityid', COMPANY_JOIN), customKey: key ? text(r, key, COMPANY_JOIN) : '' } : null,
    firstName: text(r, 'firstname'),
    lastName: text(r, 'lastname'),
    email: text(r, 'email'),
    phone: text(r, 'phone'),
    title: text(r, 'title'),
    isInactive: checked(r, 'isinactive'),
    lastModified: dateMs(r.getValue({ name: 'lastmodifieddate' })),
    companyStage: text(r, 'stage', COMPANY_JOIN).toUpperCase(),
    companySubsidiary: text(r, 'subsidiary', COMPANY_JOIN),
    custom: customValues(r, config.mapping.contact.custom),
  };
}

const scopeCache = () => cache.getCache({ name: 'fsc_scope', scope: cache.Scope.PROTECTED });

/**
 * A saved-search scope's filters, to AND with ours. search.load costs 5 units, so the filter
 * expression is kept in the application cache for 15 minutes (1 unit per read); an edit of the
 * saved search applies within that time.
 */
function savedScope(config: SyncConfig): unknown[] | null {
  const id = config.scope.savedSearchId;
  if (!id) return null;
  const text = scopeCache()
    .get({ key: id, ttl: 900, loader: () => JSON.stringify(search.load({ id }).filterExpression ?? []) });
  const expression = JSON.parse(text ?? '[]') as unknown[];
  return expression.length > 0 ? expression : null;
}

/**
 * Drops a saved search's cached filters (1 unit), so the next read loads it again: a settings
 * save checks the search as it is now, not as it was up to 15 minutes ago (it may be gone).
 */
export function forgetSavedScope(id: string | null): void {
  if (id) scopeCache().remove({ key: id });
}

/** Keys per search of a key check: a filter expression of that many 'is' terms joined by OR. */
const KEY_CHECK_CHUNK = 200;

/** field is k1 OR field is k2 ... ('is' compares text without regard to case: callers compare exactly). */
function anyIs(field: string, values: readonly string[]): unknown[] {
  const terms: unknown[] = [];
  values.forEach((v, i) => {
    if (i > 0) terms.push('OR');
    terms.push([field, 'is', v]);
  });
  return terms;
}

/**
 * Every row for `keys`, one search per KEY_CHECK_CHUNK keys, each() read (10 units a search; a key
 * usually matches few rows). A chunk with more rows than one each() returns is read on after its
 * last internal id (10 more per EACH_LIMIT rows): a key many records share (a placeholder e-mail)
 * must not push the other keys' rows out unseen.
 */
function rowsForKeys<T>(keys: readonly string[], make: (part: string[], after: number) => search.Search, map: (row: search.Result) => T): T[] {
  const out: T[] = [];
  for (const part of chunks(keys, KEY_CHECK_CHUNK)) eachRow((after) => make(part, after), (row) => void out.push(map(row)));
  return out;
}

/**
 * Filters AND internal id at most `untilId`, when given. Terms joined by AND only stay one flat
 * list (the id bounds side by side); anything else (a saved search's ORs) is kept as a group.
 */
function upTo(filters: unknown[], untilId: string | undefined): unknown[] {
  if (untilId === undefined) return filters;
  const key = ['internalidnumber', 'lessthanorequalto', Number(untilId)];
  if (filters.length === 0) return [key];
  const flat = filters.every((f, i) => i % 2 === 0 || String(f).toUpperCase() === 'AND');
  return flat ? [...filters, 'AND', key] : [filters, 'AND', key];
}

function both(a: unknown[] | null, b: unknown[]): unknown[] {
  return a ? [a, 'AND', b] : b;
}

/** Rows of one record type in id order, 4,000 per each() call (10 units), handed over per call until `visit` returns false. */
function readInChunks<T>(make: (after: number) => search.Search, toSnapshot: (r: search.Result) => T, visit: (page: T[]) => void | boolean): void {
  let page: T[] = [];
  let seen = 0;
  let more = true;
  eachRow(make, (r) => {
    page.push(toSnapshot(r));
    if (++seen % EACH_LIMIT !== 0) return true;
    more = visit(page) !== false;
    page = [];
    return more;
  });
  if (more && page.length > 0) visit(page);
}

export function netsuiteSnapshots(): SnapshotReader {
  return {
    customersByIds(ids, config) {
      const scope = savedScope(config);
      return rowsForIds(
        ids,
        (part) => search.create({ type: search.Type.CUSTOMER, filters: both(scope, ['internalid', 'anyof', part]), columns: customerColumns(config) }),
        (r) => toCustomer(r, config),
      );
    },
    contactsByIds(ids, config) {
      return rowsForIds(
        ids,
        (part) => search.create({ type: search.Type.CONTACT, filters: [['internalid', 'anyof', part]], columns: contactColumns(config) }),
        (r) => toContact(r, config),
      );
    },
    contactsOfCompanies(companyIds, config) {
      const out: ContactSnapshot[] = [];
      for (const part of chunks(companyIds)) {
        eachRow(
          (after) => search.create({ type: search.Type.CONTACT, filters: afterId(['company', 'anyof', part], after), columns: contactColumns(config) }),
          (r) => void out.push(toContact(r, config)),
        );
      }
      return out;
    },
    eachCustomerPage(config, startAfter, visit) {
      const scope = savedScope(config);
      const from = Number(startAfter ?? 0);
      readInChunks(
        (after) => search.create({ type: search.Type.CUSTOMER, filters: afterId(scope, Math.max(after, from)), columns: customerColumns(config) }),
        (r) => toCustomer(r, config),
        visit,
      );
    },
    customersWithKeys(keys, config) {
      const source = config.accountIdSource;
      const field = source.kind === 'entityid' ? 'entityid' : source.kind === 'field' ? source.fieldId : null;
      if (field === null) return [];
      const scope = savedScope(config);
      return rowsForKeys(keys, (part, after) => search.create({ type: search.Type.CUSTOMER, filters: afterId(both(scope, anyIs(field, part)), after), columns: customerColumns(config) }), (r) => toCustomer(r, config));
    },
    contactsWithUserIds(userIds, config) {
      if (config.userIdSource !== 'email') return [];
      return rowsForKeys(userIds, (part, after) => search.create({ type: search.Type.CONTACT, filters: afterId(anyIs('email', part), after), columns: contactColumns(config) }), (r) => toContact(r, config));
    },
    scopeRowsInRange(kind, config, from, to) {
      const rows: ScopeRow[] = [];
      if (kind === 'customer') {
        const scope = savedScope(config);
        eachRow(
          (after) => search.create({ type: search.Type.CUSTOMER, filters: upTo(afterId(scope, Math.max(after, from - 1)), String(to)), columns: [sortedById(), col('stage'), col('subsidiary')] }),
          (r) => void rows.push({ id: String(r.id), stage: text(r, 'stage').toUpperCase(), subsidiary: text(r, 'subsidiary'), company: null }),
        );
      } else {
        eachRow(
          (after) => search.create({ type: search.Type.CONTACT, filters: upTo(afterId(null, Math.max(after, from - 1)), String(to)), columns: [sortedById(), col('company'), col('stage', COMPANY_JOIN), col('subsidiary', COMPANY_JOIN)] }),
          (r) => {
            const company = text(r, 'company');
            rows.push({ id: String(r.id), stage: text(r, 'stage', COMPANY_JOIN).toUpperCase(), subsidiary: text(r, 'subsidiary', COMPANY_JOIN), company: company ? { id: company } : null });
          },
        );
      }
      return rows;
    },
    customersKept(ids, config) {
      const scope = savedScope(config);
      if (!scope) return null;
      const kept = new Set<string>();
      rowsForIds(ids, (part) => search.create({ type: search.Type.CUSTOMER, filters: both(scope, ['internalid', 'anyof', part]), columns: [sortedById()] }), (r) => kept.add(String(r.id)));
      return kept;
    },
    idBounds(kind, config) {
      const type = kind === 'customer' ? search.Type.CUSTOMER : search.Type.CONTACT;
      const filters = kind === 'customer' ? (savedScope(config) ?? []) : [];
      const count = countOf(search.create({ type, filters, columns: ['internalid'] }));
      if (count === 0) return null;
      const edge = (sort: search.Sort): number => {
        const row = search.create({ type, filters, columns: [search.createColumn({ name: 'internalid', sort })] }).run().getRange({ start: 0, end: 1 })[0];
        return Number(row?.id ?? NaN);
      };
      const min = edge(search.Sort.ASC);
      const max = edge(search.Sort.DESC);
      return Number.isFinite(min) && Number.isFinite(max) ? { min, max, count } : null;
    },
    countInScope(config) {
      const customers = countOf(search.create({ type: search.Type.CUSTOMER, filters: savedScope(config) ?? [], columns: ['internalid'] }));
      const contacts = config.scope.syncContacts ? countOf(search.create({ type: search.Type.CONTACT, filters: [], columns: ['internalid'] })) : 0;
      return { customers, contacts };
    },
    eachContactPage(config, startAfter, visit) {
      const from = Number(startAfter ?? 0);
      readInChunks(
        (after) => search.create({ type: search.Type.CONTACT, filters: afterId(null, Math.max(after, from)), columns: contactColumns(config) }),
        (r) => toContact(r, config),
        visit,
      );
    },
  };
}
