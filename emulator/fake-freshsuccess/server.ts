/**
 * The fake Freshsuccess over plain HTTP on 127.0.0.1 (node:http, no framework). Order of work
 * for an API request: take a queued fault, read the body (413 over the limit), authenticate,
 * check the content type and JSON, run the endpoint, answer. Faults that answer early do so
 * before authentication and before any write, so they never advance state.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleApi, type ApiResponse } from './api';
import { authenticate, isFreshsuccessHost, redactedJson, redactKeys, redactUrl, regionOfHost } from './auth';
import { FakeFreshsuccessControl } from './control';
import { handleControl } from './controlRoutes';
import { renderView } from './htmlView';
import { FakeFreshsuccess, RawJson } from './fake';
import { HeldAnswers, type DelaySignals } from './heldAnswers';
import type { Clock } from './store';
import type { ConfigPatch, Fault, RequestLogEntry } from './types';

export interface FakeFreshsuccessOptions extends ConfigPatch {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Clock for created/updated times (in-process only). */
  now?: Clock;
  /** Request log entries kept (oldest dropped first). */
  logLimit?: number;
}

export interface RunningFakeFreshsuccess {
  url: string;
  port: number;
  control: FakeFreshsuccessControl;
  stop(): Promise<void>;
}

export interface InProcessFakeFreshsuccess extends RunningFakeFreshsuccess {
  /** Direct access to the state, for in-process tests that want it without HTTP. */
  fake: FakeFreshsuccess;
  /** The answers `delay` faults hold, for tests that drive them on signals instead of time. */
  delays: DelaySignals;
}

const API_PREFIX = '/api/v2/';

type BodyRead = { bytes: number; text: string | null };

/** Reads the whole body; over the limit the rest is drained (not kept) so a 413 still reaches the client. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    if (bytes <= limit) chunks.push(buf);
  }
  return { bytes, text: bytes <= limit ? Buffer.concat(chunks).toString('utf8') : null };
}

function recordKeysOf(body: unknown, key: 'account_id' | 'user_id'): string[] | undefined {
  const records = typeof body === 'object' && body !== null ? (body as { records?: unknown }).records : undefined;
  if (!Array.isArray(records)) return undefined;
  return records.map((r) => {
    const v = typeof r === 'object' && r !== null ? (r as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  });
}

/** A JSON answer written piece by piece, waiting for the socket to drain between pieces. */
async function sendPieces(res: http.ServerResponse, status: number, parts: readonly (string | Buffer)[]): Promise<void> {
  if (res.destroyed || res.headersSent) return;
  let length = 0;
  for (const p of parts) length += Buffer.byteLength(p);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(length) });
  for (const p of parts) {
    if (res.destroyed) return;
    if (!res.write(p)) await new Promise<void>((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  }
  res.end();
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function faultAnswer(fault: Fault, maxBodyBytes: number): ApiResponse | null {
  switch (fault.kind) {
    case 'status':
      return { status: fault.status, body: { status_is_ok: false, message: fault.message ?? `Injected HTTP ${fault.status}` } };
    case 'rate_limit':
      return {
        status: 429,
        body: { status_is_ok: false, message: 'Too many requests' },
        headers: fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
      };
    case 'too_large':
      return tooLarge(maxBodyBytes);
    case 'reject':
      return { status: 200, body: { status_is_ok: false, message: fault.message ?? 'Batch rejected' } };
    default:
      return null; // drop and delay shape the answer rather than replace it
  }
}

/** List pages are logged as a count, not their records: the log must stay small in benchmarks. */
function summarize(method: string, body: Record<string, unknown>): unknown {
  if (method !== 'GET' || !Array.isArray(body.results)) return body;
  const { results, ...rest } = body;
  return { ...rest, resultCount: results.length };
}

function tooLarge(limit: number): ApiResponse {
  return { status: 413, body: { status_is_ok: false, message: `Request body too large (limit ${limit} bytes)` } };
}

/** Bulk upsert endpoints: the docs ask clients to keep to one request at a time on each. */
const BULK_PATHS = new Set([`${API_PREFIX}accounts`, `${API_PREFIX}account_contacts`]);

function overlapping(): ApiResponse {
  return { status: 429, body: { status_is_ok: false, message: 'Another bulk request on this endpoint is still running' } };
}

function createFakeServer(fake: FakeFreshsuccess) {
  /** Bulk POSTs being processed or answered, per endpoint path ([open] `overlappingBulk`). */
  const bulkInFlight = new Map<string, number>();
  const held = new HeldAnswers();
  let closing = false;

  async function apiRequest(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const config = fake.config;
    const entry: RequestLogEntry = fake.beginRequest({
      at: started,
      method,
      url: redactUrl(url.pathname, url.searchParams),
      path: url.pathname,
      host: req.headers.host ?? '',
      region: regionOfHost(req.headers.host),
      auth: 'none',
      contentType: req.headers['content-type'],
      bodyBytes: 0,
    });
    const answer = (r: ApiResponse) => {
      entry.status = r.status;
      entry.response = redactKeys(summarize(method, r.body), config.apiKeys);
      entry.durationMs = Date.now() - started;
      if (res.destroyed || req.socket.destroyed) entry.clientGone = true;
      send(res, r.status, r.body, r.headers);
    };
    const drop = () => {
      entry.durationMs = Date.now() - started;
      req.socket.destroy();
    };

    const fault = fake.faults.take(method, url.pathname);
    if (fault) entry.fault = fault.kind;
    let body: BodyRead;
    try {
      body = await readBody(req, config.maxBodyBytes);
    } catch {
      return; // the client went away mid-body
    }
    entry.bodyBytes = body.bytes;
    /** The body parsed once, for the log and for the endpoint (which never changes it). */
    let json: { value: unknown } | undefined;
    if (body.text !== null && body.text !== '') {
      let logged: unknown = body.text;
      try {
        json = { value: JSON.parse(body.text) };
        logged = json.value;
      } catch {
        /* logged as text */
      }
      if (method === 'POST' && BULK_PATHS.has(url.pathname)) entry.recordKeys = recordKeysOf(logged, url.pathname.endsWith('/account_contacts') ? 'user_id' : 'account_id');
      if (typeof logged === 'string') entry.body = redactKeys(logged, config.apiKeys);
      else entry.bodyJson = Buffer.from(redactedJson(logged, config.apiKeys), 'utf8');
    }

    if (fault?.kind === 'drop' && !fault.afterWrite) return drop();
    const early = fault ? faultAnswer(fault, config.maxBodyBytes) : null;
    if (early) return answer(early);
    const bulk = method === 'POST' && BULK_PATHS.has(url.pathname);
    if (bulk && (bulkInFlight.get(url.pathname) ?? 0) > 0 && fake.config.overlappingBulk === 'refuse') {
      return answer(overlapping());
    }
    if (bulk) bulkInFlight.set(url.pathname, (bulkInFlight.get(url.pathname) ?? 0) + 1);
    try {
      if (fault?.kind === 'delay' && fault.beforeWrite) {
        await held.hold(entry, fault.ms, res);
        if (closing) return;
      }
      const response = processApi(req, method, url, body, entry, json);
      // A slow answer is written first and answered late, like a real server that outlives
      // the client's timeout: exactly what idempotent upserts must survive.
      if (fault?.kind === 'delay' && !fault.beforeWrite) await held.hold(entry, fault.ms, res);
      if (fault?.kind === 'drop' && fault.afterWrite) return drop();
      answer(response);
    } finally {
      if (bulk) bulkInFlight.set(url.pathname, (bulkInFlight.get(url.pathname) ?? 1) - 1);
      held.finished(entry);
    }
  }

  function processApi(req: http.IncomingMessage, method: string, url: URL, body: BodyRead, entry: RequestLogEntry, json: { value: unknown } | undefined): ApiResponse {
    const config = fake.config;
    if (body.text === null) return tooLarge(config.maxBodyBytes);
    const auth = authenticate(req.headers, url.searchParams, config);
    entry.auth = auth.form;
    if (!auth.ok) {
      entry.authFailure = auth.failure;
      return { status: auth.status, body: { status_is_ok: false, message: 'Unauthorized: missing or invalid API key' } };
    }
    let segments: string[];
    try {
      segments = url.pathname.slice(API_PREFIX.length).split('/').map(decodeURIComponent);
    } catch {
      return { status: 400, body: { status_is_ok: false, message: 'Malformed URL encoding in path' } };
    }
    let parsed: unknown;
    if (method === 'POST' || method === 'PUT') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        return { status: 415, body: { status_is_ok: false, message: 'Content-Type must be application/json' } };
      }
      try {
        parsed = json ? json.value : JSON.parse(body.text);
      } catch {
        return { status: 400, body: { status_is_ok: false, message: 'Request body is not valid JSON' } };
      }
    } else if (body.text !== '') {
      // GET and DELETE take only query parameters [doc].
      return { status: 400, body: { status_is_ok: false, message: `${method} takes no request body` } };
    }
    return handleApi({ method, segments, query: url.searchParams, body: parsed }, fake.store, config);
  }

  async function controlRequest(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const body = await readBody(req, 256 * 1024 * 1024);
    let parsed: unknown;
    try {
      parsed = body.text ? JSON.parse(body.text) : undefined;
    } catch {
      return send(res, 400, { error: 'control body is not valid JSON' });
    }
    const route = url.pathname.slice('/__fake/'.length);
    if (route === 'view' && (req.method ?? 'GET').toUpperCase() === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(renderView(fake.snapshot(), fake.requests(), url.searchParams.get('q') ?? '', fake.config.netsuiteUrl));
      return;
    }
    // Requests waiting in a `delay` fault go on now (a beforeWrite delay writes only then: a late
    // write); answers once they were answered or found their client gone.
    if (route === 'delays/release' && (req.method ?? 'GET').toUpperCase() === 'POST') {
      await held.release();
      return send(res, 200, { released: true });
    }
    const r = handleControl(fake, (req.method ?? 'GET').toUpperCase(), route, url.searchParams, parsed);
    if (r.body instanceof RawJson) return sendPieces(res, r.status, r.body.parts);
    send(res, r.status, r.body);
  }

  const server = http.createServer((req, res) => {
    res.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const handle = async () => {
      if (url.pathname.startsWith('/__fake/') && !isFreshsuccessHost(req.headers.host)) {
        // Control calls come from a test process that may be blocked for seconds in a synchronous
        // Map/Reduce; a kept-alive socket the fake closed meanwhile would fail its next call.
        res.setHeader('Connection', 'close');
        return controlRequest(req, res, url);
      }
      if (url.pathname.startsWith(API_PREFIX)) return apiRequest(req, res, url);
      await readBody(req, 0).catch(() => undefined);
      send(res, 404, { status_is_ok: false, message: `Unknown endpoint: ${url.pathname}` });
    };
    handle().catch((e: unknown) => send(res, 500, { status_is_ok: false, message: `fake server error: ${(e as Error).message}` }));
  });
  server.keepAliveTimeout = 5000;

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined); // a client that vanishes is not the fake's failure
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    delays: held as DelaySignals,
    async listen(port: number): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },
    /** Stops at once: pending slow answers are abandoned and open sockets closed. */
    async close(): Promise<void> {
      closing = true;
      held.abandon();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Starts the fake in this process: for tests that only use async fetch. */
export async function startFakeFreshsuccess(options: FakeFreshsuccessOptions = {}): Promise<InProcessFakeFreshsuccess> {
  const { port = 0, now, logLimit, ...config } = options;
  const fake = new FakeFreshsuccess(config, now, logLimit);
  const running = createFakeServer(fake);
  const actualPort = await running.listen(port);
  const url = `http://127.0.0.1:${actualPort}`;
  return { url, port: actualPort, control: new FakeFreshsuccessControl(url), fake, delays: running.delays, stop: () => running.close() };
}
