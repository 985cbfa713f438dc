/**
 * A small real-socket HTTP client for the fake's tests: node:http, so the Host header can name
 * a Freshsuccess data centre, and a client that gives up like the SuiteApp's N/https on a timeout
 * (here on a signal the test sends, so no test waits on a clock).
 */
import http from 'node:http';

export interface SendOptions {
  method?: string;
  /** Path and query, e.g. /api/v2/accounts?page=1. */
  path: string;
  host?: string;
  headers?: Record<string, string>;
  /** Sent as JSON (with Content-Type) unless it is already a string. */
  body?: unknown;
  /** When it fires, the client gives up: the request is aborted with Error('client timeout'). */
  timeout?: AbortSignal;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: Record<string, unknown>;
}

export function send(baseUrl: string, options: SendOptions): Promise<Answer> {
  const url = new URL(options.path, baseUrl);
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    ...(body !== undefined && typeof options.body !== 'string' ? { 'content-type': 'application/json' } : {}),
    // Explicit length: node:http sends a GET/DELETE body unframed otherwise.
    ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> });
          } catch {
            reject(new Error(`response is not JSON: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    options.timeout?.addEventListener('abort', () => req.destroy(new Error('client timeout')), { once: true });
    req.on('error', reject);
    req.end(body);
  });
}

export const TEST_KEY = 'test-key-5f2c9a';

export function basic(key: string, user = 'api'): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}` };
}

/** Authenticated API calls with Basic auth (the form the SuiteApp prefers). */
export function apiClient(baseUrl: string, key = TEST_KEY) {
  return {
    post: (path: string, body: unknown) => send(baseUrl, { method: 'POST', path: `/api/v2/${path}`, headers: basic(key), body }),
    put: (path: string, body: unknown) => send(baseUrl, { method: 'PUT', path: `/api/v2/${path}`, headers: basic(key), body }),
    get: (path: string) => send(baseUrl, { path: `/api/v2/${path}`, headers: basic(key) }),
    del: (path: string) => send(baseUrl, { method: 'DELETE', path: `/api/v2/${path}`, headers: basic(key) }),
  };
}

export const JOINED = Date.UTC(2024, 0, 15);

export function account(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { account_id: id, name: `Account ${id}`, join_date: JOINED, ...extra };
}
