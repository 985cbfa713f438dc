/**
 * Where the runtime keeps secret values scripts may send but never read:
 * - API secrets (Setup > Company > API Secrets; ids `custsecret_...`), each restricted to some
 *   script ids and some domains (docs/netsuite-platform-facts.md §5);
 * - credential GUIDs, created when a Suitelet's credential field (addCredentialField with
 *   restrictToDomains / restrictToScriptIds) is posted; the local N/ui/serverWidget stores into
 *   `credentials.store(...)` and gets the GUID back.
 * Both are looked up by token: `{custsecret_x}` or `{<guid>}` in a SecureString's input.
 */
import { randomBytes } from 'node:crypto';
import { suiteScriptError } from './suiteScriptError';

export interface SecretRestrictions {
  /** Script ids (customscript_...) allowed to use the value; empty or '*' entry = any script. */
  allowedScriptIds: string[];
  /** Host names the value may be sent to; a leading '*.' allows sub-domains; '*' = any. */
  allowedDomains: string[];
  /** Credential fields with restrictToCurrentUser: only this user's scripts may use it. */
  restrictToUserId?: number;
}

interface StoredSecret extends SecretRestrictions {
  kind: 'apiSecret' | 'credential';
  token: string;
  value: string;
}

const SECRET_ID = /^custsecret[a-z0-9_]*$/;
const GUID = /^[0-9a-f]{32}$/i;

export class SecretVault {
  private readonly entries = new Map<string, StoredSecret>();

  /** Registers an API secret, as an administrator would in the UI. */
  defineApiSecret(id: string, value: string, restrictions: SecretRestrictions): void {
    if (!SECRET_ID.test(id)) throw new Error(`API secret id must start with custsecret and use a-z0-9_: ${id}`);
    this.entries.set(id, { kind: 'apiSecret', token: id, value, ...copy(restrictions) });
  }

  /** Stores a posted credential field value; returns the GUID the Suitelet receives. */
  storeCredential(value: string, restrictions: SecretRestrictions): string {
    const guid = randomBytes(16).toString('hex');
    this.entries.set(guid, { kind: 'credential', token: guid, value, ...copy(restrictions) });
    return guid;
  }

  has(token: string): boolean {
    return this.entries.has(token);
  }

  /** Whether a string is shaped like a token this vault could hold. */
  static looksLikeToken(token: string): boolean {
    return SECRET_ID.test(token) || GUID.test(token);
  }

  /** Fails unless `scriptId` (run by `userId`) may use the secret; checked at creation. */
  assertScriptAllowed(token: string, scriptId: string, userId?: number): void {
    const s = this.get(token);
    if (s.restrictToUserId !== undefined && s.restrictToUserId !== userId) {
      throw suiteScriptError(
        'SSS_SECRET_RESTRICTION_VIOLATION', // [open] code, as below
        `${describe(s)} is restricted to the user who entered it`,
      );
    }
    const list = s.allowedScriptIds;
    if (list.length === 0 || list.includes('*') || list.includes(scriptId)) return;
    throw suiteScriptError(
      'SSS_SECRET_RESTRICTION_VIOLATION', // [open] NetSuite's exact code for this refusal is not documented.
      `${describe(s)} is not available to script ${scriptId}: its script restriction allows only ${list.join(', ')}`,
    );
  }

  /** Fails unless the value may be sent to `host` (checked when a request is sent). */
  assertDomainAllowed(token: string, host: string): void {
    const s = this.get(token);
    if (s.allowedDomains.some((d) => domainMatches(d, host))) return;
    throw suiteScriptError(
      'SSS_SECRET_DOMAIN_RESTRICTION', // [open] code not documented; the refusal itself is.
      `${describe(s)} may not be sent to ${host}: its domain restriction allows only ${s.allowedDomains.join(', ') || '(none)'}`,
    );
  }

  /** The clear value; called only when building the worker's request. */
  reveal(token: string): string {
    return this.get(token).value;
  }

  /** Every clear value, so logs can be checked (and scrubbed) against them. */
  allValues(): string[] {
    return [...this.entries.values()].map((e) => e.value).filter((v) => v.length > 0);
  }

  private get(token: string): StoredSecret {
    const s = this.entries.get(token);
    if (!s) {
      throw suiteScriptError(
        'INVALID_SECRET_KEY_OR_GUID', // [open] NetSuite's code for an unknown secret/GUID is unconfirmed.
        `No API secret or credential exists with id ${token}`,
      );
    }
    return s;
  }
}

function copy(r: SecretRestrictions): SecretRestrictions {
  return {
    allowedScriptIds: [...r.allowedScriptIds],
    allowedDomains: r.allowedDomains.map((d) => d.toLowerCase()),
    ...(r.restrictToUserId === undefined ? {} : { restrictToUserId: r.restrictToUserId }),
  };
}

function describe(s: StoredSecret): string {
  return s.kind === 'apiSecret' ? `API secret ${s.token}` : 'The credential';
}

function domainMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern;
}
