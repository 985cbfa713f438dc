/**
 * Shapes shared by the fake Freshsuccess server, its control API and the typed control client.
 * Contract: docs/freshsuccess-api-contract.md (tags [doc]/[client]/[mock]/[open] refer to it).
 */

export type Region = 'us' | 'eu';

/**
 * [open] behaviours the contract leaves undecided: each is a named switch so the client can be
 * tested against every answer. `profile: 'pessimistic'` sets each to the hardest answer for a
 * client (config.ts PESSIMISTIC); a switch given beside the profile overrides it.
 */
export interface OpenBehaviours {
  /**
   * A missing single item (GET/PUT/DELETE /accounts/{id} and its sub-resources) [open]:
   * 'http404' answers HTTP 404; 'statusNotOk' answers HTTP 200 with
   * `{"status_is_ok": false, "message": "Account not found"}`, the documented failure envelope.
   */
  missingItem: 'http404' | 'statusNotOk';
  /**
   * DELETE of a dimension key the account does not hold [open]: 'succeed' (idempotent) or
   * 'notFound' (answered like a missing item, per `missingItem`).
   */
  missingDimension: 'succeed' | 'notFound';
  /**
   * `""` as the value of an optional top-level property [open]: 'clear' removes the stored value,
   * 'keep' ignores it (the old value stays), 'reject' fails the record.
   */
  emptyStrings: 'clear' | 'keep' | 'reject';
  /** `null` as a field or dimension value [open]: 'clear' removes it, 'keep' ignores it, 'reject' fails the record. */
  nullValues: 'clear' | 'keep' | 'reject';
  /**
   * parent_account_id [open]: 'ignore' stores any value; 'require' fails a record naming an
   * account that does not exist (one earlier in the same batch counts), `""` follows
   * `emptyStrings`; 'refuseEmpty' is 'require' and also fails `""` as a parent that is not found.
   */
  parentAccount: 'ignore' | 'require' | 'refuseEmpty';
  /**
   * Re-posting a contact's user_id with another account_id [open]:
   * 'move' re-parents the contact, 'reject' fails the record, 'duplicate' keys contacts by
   * (account_id, user_id) so the old one stays on the old account.
   */
  contactMove: 'move' | 'reject' | 'duplicate';
  /** A contact posted to a deactivated (DELETEd or churned) account [open]: 'accept' or 'reject' (`Account not found`). */
  contactsOnInactiveAccounts: 'accept' | 'reject';
  /** Whether each `failed_results` item carries the 0-based `record` index (seen in mocks only) [mock]. */
  failedResultIndex: boolean;
  /**
   * A wrong-typed property [open]: 'record' lists it in `failed_results`; 'batch' fails the whole
   * request (`status_is_ok:false`, nothing written), as one connector's mock showed.
   */
  typeErrors: 'record' | 'batch';
  /**
   * A second bulk POST on one endpoint while one is still being answered [doc: keep to one at a
   * time; what the server does is open]: 'serve' answers both, 'refuse' answers 429.
   */
  overlappingBulk: 'serve' | 'refuse';
  /** Status for a key that belongs to the other data centre: seen as 401 or 403 [client]. */
  wrongRegionStatus: 401 | 403;
  /** Whether a POST answer without record failures still carries `failed_results: []` [open]. */
  omitEmptyFailedResults: boolean;
}

export type Profile = 'default' | 'pessimistic';

export interface FakeConfig extends OpenBehaviours {
  /** Which answers the [open] switches start from; switches set beside it override it. */
  profile: Profile;
  /** Valid API keys of the one tenant (several = key rotation). Never echoed by the control API. */
  apiKeys: string[];
  /** The tenant's data centre; the other host answers 401 [client]. */
  region: Region;
  /** Request body limit in bytes; above it the answer is 413 [open: the real number is unknown]. */
  maxBodyBytes: number;
  /** Page size of list GETs: 1000 per the contract [doc], smaller in tests. */
  maxPageSize: number;
  /** Records per POST above which the whole batch is rejected; 0 = no limit [open]. */
  maxBatchRecords: number;
  /** Text dimension value limit in characters [open: 500 was refused in production, a client cuts at 400; default 512, pessimistic 400]. */
  labelMaxLength: number;
  /**
   * Not Freshsuccess's: where the local NetSuite's record lists are ('' = none), so the view
   * page (/__fake/view) links each account and contact back to NetSuite.
   */
  netsuiteUrl: string;
}

/** Configuration as the control API shows it: keys are never returned, only how many exist. */
export type PublicConfig = Omit<FakeConfig, 'apiKeys'> & { apiKeyCount: number };

export type ConfigPatch = Partial<FakeConfig>;

/** Which requests a fault applies to. `path` is exact, or a prefix when it ends in `/*`. */
export interface FaultMatch {
  method?: string;
  path?: string;
}

interface FaultBase extends FaultMatch {
  /** How many matching requests this fault answers before it is used up (default 1). */
  times?: number;
}

/** Answered before authentication and before any write: state never advances. */
export type Fault =
  | (FaultBase & { kind: 'status'; status: number; message?: string })
  | (FaultBase & { kind: 'rate_limit'; retryAfter?: number | string })
  | (FaultBase & { kind: 'too_large' })
  | (FaultBase & { kind: 'reject'; message?: string })
  /** Destroys the socket without an answer; `afterWrite` processes the request first (a lost response). */
  | (FaultBase & { kind: 'drop'; afterWrite?: boolean })
  /** Answers `ms` late; by default the request is processed first (written, then answered late). */
  | (FaultBase & { kind: 'delay'; ms: number; beforeWrite?: boolean });

export type FaultKind = Fault['kind'];

export type AuthForm = 'basic' | 'query' | 'none';

/** One API request as the fake saw it. The API key is never stored: URLs are redacted. */
export interface RequestLogEntry {
  seq: number;
  at: number;
  method: string;
  /** Path and query with `api_key` replaced by `[REDACTED]`. */
  url: string;
  path: string;
  host: string;
  region: Region | null;
  auth: AuthForm;
  /** Why authentication failed, if it did. */
  authFailure?: 'missing' | 'wrong-key' | 'wrong-region' | 'malformed';
  contentType?: string;
  bodyBytes: number;
  /** Parsed JSON body (POST/PUT), with any configured key redacted. */
  body?: unknown;
  /**
   * Inside the fake only: a JSON body kept as its (redacted) text in UTF-8, a fraction of the
   * memory of the parsed records, and what the log's byte bound counts (as text, V8 holds a body
   * with one character past Latin-1 at two bytes a character: about twice its UTF-8 size when
   * the rest is ASCII); `requests()` hands it out parsed as `body`.
   */
  bodyJson?: Buffer;
  /**
   * A bulk POST's record keys, in order: account_id on /accounts, user_id on /account_contacts
   * (as posted; missing ones are ''). Read without the bodies by `requests(since, { bodies: false })`.
   */
  recordKeys?: string[];
  status?: number;
  /** Response body as sent; absent for dropped connections. */
  response?: unknown;
  fault?: FaultKind;
  durationMs?: number;
  /** The client had closed the connection before the answer (e.g. its timeout fired first). */
  clientGone?: boolean;
}

export interface Dimensions {
  labels: Record<string, string>;
  values: Record<string, number>;
  events: Record<string, number>;
}

/** An account as the fake stores it, with bookkeeping the real API does not expose. */
export interface StoredAccount {
  /** Freshsuccess' own internal id (read-only on GET). */
  id: number;
  account_id: string;
  /** Scalar properties as last written (`stage` included). */
  fields: Record<string, string | number | boolean>;
  dimensions: Dimensions;
  assignedCsms: string[];
  /** Set by DELETE /accounts/{id}; cleared by an upsert with is_churned:false [open]. */
  deactivated: boolean;
  isActive: boolean;
  createdAt: number;
  updatedAt: number;
  /** Accepted writes (POST records, PUTs, DELETEs) to this record: proves coalescing. */
  writeCount: number;
}

/** How many accounts and contacts the fake holds, and the writes it accepted to them in all. */
export interface FakeSummary {
  accounts: number;
  contacts: number;
  writes: number;
}

export interface StoredContact {
  id: number;
  account_id: string;
  user_id: string;
  fields: Record<string, string | number | boolean>;
  dimensions: Dimensions;
  isActive: boolean;
  /** Accounts this contact was moved away from, oldest first ('move' mode). */
  previousAccountIds: string[];
  createdAt: number;
  updatedAt: number;
  writeCount: number;
}

export interface FailedResult {
  message: string;
  account_id?: unknown;
  user_id?: unknown;
  /** 0-based index into the submitted array: seen in mocks only [mock]; absent when `failedResultIndex` is false. */
  record?: number;
}

export interface FakeState {
  config: PublicConfig;
  accounts: StoredAccount[];
  contacts: StoredContact[];
  requests: RequestLogEntry[];
  pendingFaults: Fault[];
}
