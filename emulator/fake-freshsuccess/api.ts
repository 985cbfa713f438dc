/**
 * The Freshsuccess endpoints the SuiteApp uses (docs/freshsuccess-api-contract.md §3), after authentication.
 * Every answer is JSON with `status_is_ok`. Batch-level failures are `status_is_ok:false` with a
 * `message` and HTTP 200 [mock]; record-level failures are listed in `failed_results` [client].
 */
import type { FreshsuccessStore } from './store';
import type { FakeConfig } from './types';
import { ACCOUNT_SCHEMA, CONTACT_SCHEMA, type EntitySchema } from './schema';
import { firstTypeError, isObject, validationContext } from './validate';
import { accountView, contactView, Listings, parseAccountIncludes, parseListParams, parseQueryBoolean } from './views';

export interface ApiRequest {
  method: string;
  /** Decoded path segments after /api/v2/. */
  segments: string[];
  query: URLSearchParams;
  /** Parsed JSON body of POST/PUT. */
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function batchFailure(message: string): ApiResponse {
  return { status: 200, body: { status_is_ok: false, message } };
}

function error(status: number, message: string): ApiResponse {
  return { status, body: { status_is_ok: false, message } };
}

/**
 * A missing single item [open] (`missingItem`): HTTP 404 naming it, or the documented failure
 * envelope with the [mock] message, HTTP 200.
 */
function accountNotFound(id: string, config: FakeConfig): ApiResponse {
  return config.missingItem === 'statusNotOk' ? batchFailure('Account not found') : error(404, `Account not found: ${id}`);
}

function dimensionNotFound(id: string, key: string, config: FakeConfig): ApiResponse {
  return config.missingItem === 'statusNotOk' ? batchFailure('Dimension not found') : error(404, `Dimension not found: ${id}/${key}`);
}

function methodNotAllowed(method: string, allowed: string[]): ApiResponse {
  return { ...error(405, `Method ${method} not allowed here`), headers: { allow: allowed.join(', ') } };
}

/** `{"records": [...]}` and nothing else [doc]; returns the records or a batch-level failure. */
function recordsOf(body: unknown, config: FakeConfig, schema: EntitySchema): unknown[] | ApiResponse {
  if (!isObject(body) || !Array.isArray(body.records)) return batchFailure('Body must be {"records": [...]}');
  const extra = Object.keys(body).filter((k) => k !== 'records');
  if (extra.length > 0) return batchFailure(`Unknown top-level key(s) in body: ${extra.join(', ')}`);
  if (config.maxBatchRecords > 0 && body.records.length > config.maxBatchRecords) {
    return batchFailure(`Too many records in one request: ${body.records.length} (max ${config.maxBatchRecords})`);
  }
  if (config.typeErrors === 'batch') {
    const typeError = firstTypeError(schema, body.records, validationContext(config, true));
    if (typeError) return batchFailure(typeError);
  }
  return body.records;
}

function upsertAnswer(failed: unknown[], config: FakeConfig): ApiResponse {
  const body: Record<string, unknown> = { status_is_ok: true };
  if (failed.length > 0 || !config.omitEmptyFailedResults) body.failed_results = failed;
  return { status: 200, body };
}

export function handleApi(req: ApiRequest, store: FreshsuccessStore, config: FakeConfig): ApiResponse {
  const [endpoint, id, sub, subKey, ...rest] = req.segments;
  if (rest.length > 0) return error(404, 'Unknown endpoint');

  if (endpoint === 'accounts' && id === undefined) return accountsCollection(req, store, config);
  if (endpoint === 'accounts' && id !== undefined && sub === undefined) return oneAccount(req, id, store, config);
  if (endpoint === 'accounts' && id !== undefined && sub !== undefined && subKey !== undefined) {
    const remover = {
      assigned_csms: () => store.removeCsm(id, subKey),
      dimension_labels: () => store.removeDimension(id, 'labels', subKey, config),
      dimension_values: () => store.removeDimension(id, 'values', subKey, config),
    }[sub];
    if (remover) {
      if (req.method !== 'DELETE') return methodNotAllowed(req.method, ['DELETE']);
      const removed = remover();
      if (removed === 'removed') return { status: 200, body: { status_is_ok: true } };
      return removed === 'no-key' ? dimensionNotFound(id, subKey, config) : accountNotFound(id, config);
    }
  }
  if (endpoint === 'account_contacts' && id === undefined) return contactsCollection(req, store, config);
  return error(404, `Unknown endpoint: /api/v2/${req.segments.join('/')}`);
}

const LISTINGS = new WeakMap<FreshsuccessStore, Listings>();

function listingsOf(store: FreshsuccessStore): Listings {
  let l = LISTINGS.get(store);
  if (!l) LISTINGS.set(store, (l = new Listings()));
  return l;
}

function accountsCollection(req: ApiRequest, store: FreshsuccessStore, config: FakeConfig): ApiResponse {
  if (req.method === 'POST') {
    const records = recordsOf(req.body, config, ACCOUNT_SCHEMA);
    if (!Array.isArray(records)) return records;
    return upsertAnswer(store.upsertAccounts(records, config), config);
  }
  if (req.method === 'GET') {
    const params = parseListParams(req.query, 'accounts');
    if (!params.ok) return batchFailure(params.message);
    const includes = parseAccountIncludes(req.query.get('include'));
    if (!includes.ok) return batchFailure(includes.message);
    const page = listingsOf(store).page(`accounts|${[...includes.value].sort().join(',')}`, store.version, () => store.allAccounts(), (a) => accountView(a, includes.value), params.value, config.maxPageSize);
    return { status: 200, body: { status_is_ok: true, ...page } };
  }
  return methodNotAllowed(req.method, ['GET', 'POST']);
}

function oneAccount(req: ApiRequest, id: string, store: FreshsuccessStore, config: FakeConfig): ApiResponse {
  if (req.method === 'GET') {
    const account = store.account(id);
    // One item with all its properties [doc]; the wrapping (`results: [item]`) is [open].
    return account ? { status: 200, body: { status_is_ok: true, results: [accountView(account, 'all')] } } : accountNotFound(id, config);
  }
  if (req.method === 'PUT') {
    if (!isObject(req.body) || !isObject(req.body.data) || Object.keys(req.body).length !== 1) {
      return store.account(id) ? batchFailure('Body must be {"data": {...}}') : accountNotFound(id, config);
    }
    const result = store.putAccount(id, req.body.data, config);
    if (result.ok) return { status: 200, body: { status_is_ok: true } };
    return result.notFound ? accountNotFound(id, config) : batchFailure(result.message);
  }
  if (req.method === 'DELETE') {
    return store.deactivateAccount(id) ? { status: 200, body: { status_is_ok: true } } : accountNotFound(id, config);
  }
  return methodNotAllowed(req.method, ['GET', 'PUT', 'DELETE']);
}

function contactsCollection(req: ApiRequest, store: FreshsuccessStore, config: FakeConfig): ApiResponse {
  if (req.method === 'POST') {
    const records = recordsOf(req.body, config, CONTACT_SCHEMA);
    if (!Array.isArray(records)) return records;
    return upsertAnswer(store.upsertContacts(records, config), config);
  }
  if (req.method === 'GET') {
    const params = parseListParams(req.query, 'contacts');
    if (!params.ok) return batchFailure(params.message);
    const withDimensions = parseQueryBoolean(req.query.get('include_dimensions'), false);
    // Filtering by account_id is a convenience of the fake [open: not evidenced].
    const accountId = req.query.get('account_id');
    const page = listingsOf(store).page(
      `contacts|${withDimensions}|${accountId ?? ''}`,
      store.version,
      () => store.allContacts().filter((c) => accountId === null || c.account_id === accountId),
      (c) => contactView(c, withDimensions),
      params.value,
      config.maxPageSize,
    );
    return { status: 200, body: { status_is_ok: true, ...page } };
  }
  return methodNotAllowed(req.method, ['GET', 'POST']);
}
