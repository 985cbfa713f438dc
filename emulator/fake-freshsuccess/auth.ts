/**
 * Authentication [doc §1]: `?api_key=KEY` or HTTP Basic with user `api` and password `KEY`;
 * anything else is 401. The data centre comes from the Host header (the local runtime routes
 * https://api-us|api-eu.freshsuccess.com here and keeps the Host): a tenant lives in one region,
 * and its key fails on the other host [client]. Also the redaction that keeps keys out of the log.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthForm, FakeConfig, Region, RequestLogEntry } from './types';

export const REGION_HOSTS: Record<Region, string> = {
  us: 'api-us.freshsuccess.com',
  eu: 'api-eu.freshsuccess.com',
};

export const REDACTED = '[REDACTED]';

/** The region a Host header names, or null for any other host (direct loopback calls in tests). */
export function regionOfHost(host: string | undefined): Region | null {
  const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  if (name === REGION_HOSTS.us) return 'us';
  if (name === REGION_HOSTS.eu) return 'eu';
  return null;
}

export function isFreshsuccessHost(host: string | undefined): boolean {
  return regionOfHost(host) !== null;
}

export type AuthOutcome =
  | { ok: true; form: AuthForm }
  | { ok: false; form: AuthForm; failure: NonNullable<RequestLogEntry['authFailure']>; status: number };

function presentedKey(headers: IncomingHttpHeaders, query: URLSearchParams):
  | { form: AuthForm; key: string }
  | { form: AuthForm; key: null } {
  const header = headers.authorization;
  if (header !== undefined) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match) return { form: 'basic', key: null };
    const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0 || decoded.slice(0, colon) !== 'api') return { form: 'basic', key: null };
    return { form: 'basic', key: decoded.slice(colon + 1) };
  }
  const key = query.get('api_key');
  if (key !== null) return { form: 'query', key };
  return { form: 'none', key: null };
}

export function authenticate(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  config: FakeConfig,
): AuthOutcome {
  const presented = presentedKey(headers, query);
  if (presented.key === null) {
    return { ok: false, form: presented.form, failure: presented.form === 'none' ? 'missing' : 'malformed', status: 401 };
  }
  if (!config.apiKeys.includes(presented.key)) {
    return { ok: false, form: presented.form, failure: 'wrong-key', status: 401 };
  }
  const region = regionOfHost(headers.host);
  if (region !== null && region !== config.region) {
    return { ok: false, form: presented.form, failure: 'wrong-region', status: config.wrongRegionStatus };
  }
  return { ok: true, form: presented.form };
}

/**
 * Path plus query as logged: `api_key` — and any parameter whose name looks like a key,
 * token or secret, in case a client misspells it — is replaced, whatever its value.
 */
export function redactUrl(path: string, query: URLSearchParams): string {
  const parts: string[] = [];
  for (const [name, value] of query) {
    const secret = /key|token|secret|password/i.test(name);
    parts.push(`${encodeURIComponent(name)}=${secret ? REDACTED : encodeURIComponent(value)}`);
  }
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

/** Replaces every occurrence of a configured key anywhere in a JSON value (bodies, echoed data). */
export function redactKeys<T>(value: T, keys: readonly string[]): T {
  if (value === undefined) return value;
  let text = JSON.stringify(value);
  for (const key of keys) {
    if (key.length === 0) continue;
    const escaped = JSON.stringify(key).slice(1, -1);
    text = text.split(escaped).join(REDACTED);
  }
  return JSON.parse(text) as T;
}

/**
 * JSON text of `redactKeys(value, keys)`. Most bodies hold no key: then the text is returned as
 * is, without parsing it back and writing it again (full-sync bodies are megabytes each).
 */
export function redactedJson(value: unknown, keys: readonly string[]): string {
  const text = JSON.stringify(value);
  const holdsKey = keys.some((key) => key.length > 0 && text.includes(JSON.stringify(key).slice(1, -1)));
  return holdsKey ? JSON.stringify(redactKeys(value, keys)) : text;
}
