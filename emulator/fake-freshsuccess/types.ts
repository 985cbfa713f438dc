/**
 * Shapes shared by the fake Freshsuccess server, its control API and the typed control client.
 * Contract: docs/freshsuccess-api-contract.md (tags [doc]/[client]/[mock]/[open] refer to it).
 */

export type Region = 'us' | 'eu';

/** [open] behaviours the contract leaves undecided: each is switchable so the client can be tested against both answers. */
export interface OpenBehaviours {
  /**
   * Re-posting a contact's user_id with another account_id [open]:
   * 'move' re-parents the contact, 'reject' fails the record, 'duplicate' keys contacts by
   * (account_id, user_id) so the old one stays on the old account.
   */
  contactMove: 'move' | 'reject' | 'duplicate';
  /** `null` as a field or dimension value [open]: 'reject' fails the record, 'clear' removes the value. */
  nullValues: 'reject' | 'clear';
  /**
   * parent_account_id naming an account that does not exist [open]: 'ignore' stores it,
   * 'require' fails the record (a parent inserted earlier in the same batch counts).
   */
  parentAccount: 'ignore' | 'require';
  /** Status for a key that belongs to the other data centre: seen as 401 or 403 [client]. */
  wrongRegionStatus: 401 | 403;
  /** Whether a POST answer without record failures still carries `failed_results: []` [open]. */
  omitEmptyFailedResults: boolean;
}

export interface FakeConfig extends OpenBehaviours {
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
  /** Text dimension value limit in characters [open: the fake rejects over 512]. */
  labelMaxLength: number;
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
  /** 0-based index into the submitted array: seen in mocks only [mock]. */
  record: number;
}

export interface FakeState {
  config: PublicConfig;
  accounts: StoredAccount[];
  contacts: StoredContact[];
  requests: RequestLogEntry[];
  pendingFaults: Fault[];
}
