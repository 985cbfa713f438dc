/**
 * N/https for the local runtime (docs/netsuite-platform-facts.md §4, §5): synchronous requests over real
 * sockets, 10 units each, NetSuite's timeouts and error names, https-only URLs, and host routing
 * so a script calling https://api-us.freshsuccess.com/... reaches a local server while the Host
 * header keeps the real name. Nothing leaves loopback: an unrouted host fails as unreachable.
 */
import type { RuntimeServices } from '../services';
import { HttpRequestLogEntry, REDACTED, scrub } from './requestLog';
import { SecretVault } from './secrets';
import { ENCODINGS, SecureString } from './secureString';
import { suiteScriptError } from './suiteScriptError';
import { sendSync, WireFailure, WireHeaderValue } from './transport';

/** NetSuite's limits: 5 s to connect, 45 s for the whole request. */
export const NETSUITE_CONNECT_TIMEOUT_MS = 5_000;
export const NETSUITE_TOTAL_TIMEOUT_MS = 45_000;
const HTTPS_CALL_UNITS = 10;

export interface HttpsOptions {
  /** Host name → loopback origin, e.g. { 'api-us.freshsuccess.com': 'http://127.0.0.1:4321' }. */
  hostRoutes?: Record<string, string>;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /**
   * [open] The 2.x Help Center names SSS_REQUEST_TIME_EXCEEDED for a slow connect as well as a
   * slow response; SuiteScript 1.0 documented SSS_CONNECTION_TIME_OUT for the 5 s connect limit.
   * The default follows 2.x; product code should treat both as retryable.
   */
  connectTimeoutErrorName?: 'SSS_REQUEST_TIME_EXCEEDED' | 'SSS_CONNECTION_TIME_OUT';
  /** Shared with the credential fields of N/ui/serverWidget; a fresh one when omitted. */
  vault?: SecretVault;
}

export interface HttpsHandle {
  readonly module: Record<string, unknown>;
  readonly vault: SecretVault;
  readonly requestLog: HttpRequestLogEntry[];
  /** The connect and total time limits this install applies (NetSuite's unless the options say otherwise). */
  readonly limits: { readonly connectTimeoutMs: number; readonly totalTimeoutMs: number };
  /** Adds or changes a host route (e.g. once the fake server's port is known). */
  route(host: string, loopbackOrigin: string): void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'];

interface RequestArgs {
  url?: unknown;
  method?: unknown;
  body?: unknown;
  headers?: Record<string, unknown>;
  credentials?: unknown;
}

export function installHttps(rt: RuntimeServices, options: HttpsOptions = {}): HttpsHandle {
  const vault = options.vault ?? new SecretVault();
  const routes = new Map<string, string>();
  const requestLog: HttpRequestLogEntry[] = [];
  const connectTimeoutMs = options.connectTimeoutMs ?? NETSUITE_CONNECT_TIMEOUT_MS;
  const totalTimeoutMs = options.totalTimeoutMs ?? NETSUITE_TOTAL_TIMEOUT_MS;
  const connectTimeoutName = options.connectTimeoutErrorName ?? 'SSS_REQUEST_TIME_EXCEEDED';

  const route = (host: string, origin: string): void => {
    const u = new URL(origin);
    if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
      throw new Error(`host routes must point at a loopback http origin, got ${origin}`);
    }
    routes.set(host.toLowerCase(), `http://${u.host}`);
  };
  for (const [host, origin] of Object.entries(options.hostRoutes ?? {})) route(host, origin);

  function call(api: string, fixedMethod: Method | undefined, args: RequestArgs | undefined): ClientResponse {
    const execution = rt.executions.require(`N/https.${api}`);
    execution.meter.debit(`N/https.${api}`, HTTPS_CALL_UNITS);

    const o = args ?? {};
    if (o.url === undefined || o.url === null || o.url === '') throw missing(api, 'url');
    const method = fixedMethod ?? methodArg(api, o.method);
    if ((method === 'POST' || method === 'PUT') && (o.body === undefined || o.body === null)) throw missing(api, 'body');
    const url = parseHttpsUrl(String(o.url));

    const credentialTokens = credentialList(api, o.credentials);
    const headerTokens = new Set<string>();
    const wireHeaders: [string, WireHeaderValue][] = [];
    const logged: Record<string, string> = {};
    let hasContentType = false;
    for (const [name, raw] of Object.entries(o.headers ?? {})) {
      if (raw === undefined || raw === null) continue;
      if (name.toLowerCase() === 'host' || name.toLowerCase() === 'content-length') continue;
      if (name.toLowerCase() === 'content-type') hasContentType = true;
      if (raw instanceof SecureString) {
        const { steps, tokens } = SecureString.internals(raw);
        tokens.forEach((t) => headerTokens.add(t));
        wireHeaders.push([name, { kind: 'secure', recipe: steps }]);
        logged[name] = REDACTED;
      } else {
        wireHeaders.push([name, { kind: 'plain', value: String(raw) }]);
        // A script should never hold a key in clear; if one does, the log still won't.
        logged[name] = scrub(String(raw), vault.allValues());
      }
    }
    const body = method === 'GET' || method === 'HEAD' || o.body === undefined || o.body === null ? null : bodyText(o.body);
    if (body !== null && !hasContentType) {
      // [open] NetSuite's default Content-Type when a script sets none; form encoding is what it
      // uses for object bodies, so a JSON client must set its own header (as Freshsuccess needs).
      wireHeaders.push(['Content-Type', { kind: 'plain', value: 'application/x-www-form-urlencoded; charset=UTF-8' }]);
    }

    const entry: HttpRequestLogEntry = {
      at: rt.clock.now(),
      scriptId: execution.scriptId,
      deploymentId: execution.deploymentId,
      method,
      url: scrub(url.href, vault.allValues()),
      headers: logged,
      bodyBytes: body === null ? 0 : Buffer.byteLength(body, 'utf8'),
      status: null,
      durationMs: 0,
      outcome: 'ok',
    };
    requestLog.push(entry);

    try {
      // Restrictions: the script was checked when the SecureString was made; the domain is
      // checked now that the destination is known. Body credentials are checked for both.
      for (const t of headerTokens) vault.assertDomainAllowed(t, url.hostname);
      for (const t of credentialTokens) {
        vault.assertScriptAllowed(t, execution.scriptId, execution.user.id);
        vault.assertDomainAllowed(t, url.hostname);
      }
      const target = routes.get(url.hostname.toLowerCase());
      if (!target) {
        throw suiteScriptError(
          'SSS_UNKNOWN_HOST', // [open] 1.0 documented this for an unresolvable host; 2.x lists none.
          `The host ${url.hostname} could not be reached (the local runtime routes only configured hosts and never leaves loopback)`,
        );
      }
      const secrets: Record<string, string> = {};
      for (const t of headerTokens) secrets[t] = vault.reveal(t);
      const bodySecrets: Record<string, string> = {};
      for (const t of credentialTokens) bodySecrets[t] = vault.reveal(t);

      const result = sendSync({
        target,
        path: `${url.pathname}${url.search}`,
        hostHeader: url.host,
        method,
        headers: wireHeaders,
        body,
        secrets,
        bodySecrets,
        connectTimeoutMs,
        totalTimeoutMs,
      });
      entry.durationMs = result.durationMs;
      if (!result.ok) throw failureError(result.failure, result.detail, url.href, connectTimeoutMs, totalTimeoutMs, connectTimeoutName);
      entry.status = result.code;
      return new ClientResponse(result.code, result.headers, result.body);
    } catch (e) {
      entry.outcome = (e as { name?: string }).name ?? 'Error';
      // Error messages must never carry a clear value, whatever produced them.
      if (e instanceof Error) e.message = scrub(e.message, vault.allValues());
      throw e;
    }
  }

  const withPromise = <A>(fn: (a: A) => ClientResponse) =>
    Object.assign(fn, {
      // Server-side promises exist for N/https; the request still runs synchronously here.
      promise: (a: A) => new Promise<ClientResponse>((resolve, reject) => {
        try { resolve(fn(a)); } catch (e) { reject(e); }
      }),
    });

  const module = {
    Method: Object.fromEntries(METHODS.map((m) => [m, m])),
    Encoding: Object.fromEntries(ENCODINGS.map((e) => [e, e])),
    get: withPromise((a: RequestArgs) => call('get', 'GET', a)),
    post: withPromise((a: RequestArgs) => call('post', 'POST', a)),
    put: withPromise((a: RequestArgs) => call('put', 'PUT', a)),
    delete: withPromise((a: RequestArgs) => call('delete', 'DELETE', a)),
    request: withPromise((a: RequestArgs) => call('request', undefined, a)),
    createSecureString: withSecurePromise((a: { input?: unknown; inputEncoding?: unknown }) => {
      const execution = rt.executions.require('N/https.createSecureString');
      if (a?.input === undefined || a.input === null) throw missing('createSecureString', 'input');
      const input = String(a.input);
      const encoding = a.inputEncoding === undefined ? 'UTF_8' : a.inputEncoding;
      if (!ENCODINGS.includes(encoding as never)) {
        throw suiteScriptError('SSS_INVALID_ARG', `https.createSecureString: unsupported inputEncoding ${String(encoding)}`);
      }
      const tokens: string[] = [];
      for (const m of input.matchAll(/\{([^{}]+)\}/g)) {
        const token = m[1] as string;
        if (!SecretVault.looksLikeToken(token)) continue;
        vault.assertScriptAllowed(token, execution.scriptId, execution.user.id); // also fails for an unknown id
        tokens.push(token);
      }
      return new SecureString([{ op: 'init', template: input, encoding: encoding as 'UTF_8' }], tokens);
    }),
    SecureString,
  };
  rt.registerModule('N/https', () => module);

  return { module, vault, requestLog, limits: { connectTimeoutMs, totalTimeoutMs }, route };
}

function withSecurePromise<A>(fn: (a: A) => SecureString) {
  return Object.assign(fn, {
    promise: (a: A) => new Promise<SecureString>((resolve, reject) => {
      try { resolve(fn(a)); } catch (e) { reject(e); }
    }),
  });
}

/** https.ClientResponse. */
export class ClientResponse {
  constructor(readonly code: number, readonly headers: Record<string, string>, readonly body: string) {}
  toJSON(): Record<string, unknown> {
    return { type: 'http.ClientResponse', code: this.code, headers: this.headers, body: this.body };
  }
  toString(): string {
    return 'http.ClientResponse';
  }
}

function missing(api: string, arg: string): Error {
  return suiteScriptError('SSS_MISSING_REQD_ARGUMENT', `https.${api}: Missing a required argument: ${arg}`);
}

function methodArg(api: string, m: unknown): Method {
  if (m === undefined || m === null || m === '') throw missing(api, 'method');
  const upper = String(m).toUpperCase() as Method;
  if (!METHODS.includes(upper)) throw suiteScriptError('SSS_INVALID_ARG', `https.${api}: invalid method ${String(m)}`);
  return upper;
}

function parseHttpsUrl(raw: string): URL {
  const invalid = () => suiteScriptError('SSS_INVALID_URL', `The URL must be a fully qualified HTTPS URL: ${raw}`);
  if (/\s/.test(raw)) throw invalid();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid();
  }
  if (url.protocol !== 'https:' || !url.hostname) throw invalid();
  return url;
}

function credentialList(api: string, c: unknown): string[] {
  if (c === undefined || c === null) return [];
  if (!Array.isArray(c) || c.some((g) => typeof g !== 'string')) {
    throw suiteScriptError('SSS_INVALID_ARG', `https.${api}: credentials must be an array of GUID strings`);
  }
  return c as string[];
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (typeof body === 'object') {
    // An object body is sent form-encoded, as NetSuite does.
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)])).toString();
  }
  return String(body);
}

function failureError(
  failure: WireFailure,
  detail: string,
  url: string,
  connectMs: number,
  totalMs: number,
  connectName: string,
): Error {
  switch (failure) {
    case 'connect-timeout':
      return suiteScriptError(connectName, `Could not connect to ${url} within ${connectMs / 1000} seconds (${detail})`);
    case 'total-timeout':
      return suiteScriptError('SSS_REQUEST_TIME_EXCEEDED', `The request to ${url} exceeded the ${totalMs / 1000} second time limit (${detail})`);
    case 'refused':
      // [open] NetSuite's code for a refused connection is not documented; the closest is used.
      return suiteScriptError('SSS_CONNECTION_CLOSED', `Connection to ${url} was refused (${detail})`);
    case 'closed':
      return suiteScriptError('SSS_CONNECTION_CLOSED', `The connection to ${url} was closed before a complete response (${detail})`);
  }
}
