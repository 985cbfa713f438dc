/**
 * Serves every deployed Suitelet over real HTTP on 127.0.0.1, at NetSuite's URL shape
 * `/app/site/hosting/scriptlet.nl?script=<id or number>&deploy=<id or number>`, the URL
 * url.resolveScript returns. Each request is one SUITELET execution through rt.runScript (its
 * meter has the Suitelet limit, 1,000 units), after the deployment's status and audience are
 * checked for the simulated user (headers `X-Emulator-Role` / `X-Emulator-User`, else the
 * default viewer).
 *
 * Threading: the Suitelet runs synchronously on this server's thread, as SuiteScript runs
 * synchronously. An N/https call made from it blocks this thread until the worker-backed
 * transport returns, which is fine as long as the HTTP peer (the fake Freshsuccess) lives in
 * another thread or process. A peer on this same thread (including this server) would not be
 * answered until the 45 s timeout.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SuiteScriptError } from '../errors';
import type { RuntimeServices } from '../services';
import { FORM_TOKEN_PARAM } from '../ui/descriptor';
import { renderForm } from '../ui/render';
import { SUITELET_PATH } from '../url/urlModule';
import { decideAccess, normalizeRole, type Viewer } from './access';
import type { RecordPages } from './recordPages';
import { CABINET_ROUTE, CLIENT_ROUTE, clientAsset, clientScriptRef } from './clientScript';
import { applyCredentials, scrub } from './credentials';
import { errorPage } from './errorPage';
import { suiteletSupportOf, type SuiteletSupport } from './install';
import { buildServerRequest, headersOf } from './request';
import { SuiteletResponse } from './response';
import { readSubmission, type Submission } from './submission';

export interface SuiteletServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Largest request body accepted, in bytes (default 10 MB). */
  maxBodyBytes?: number;
  /** Customer and contact pages (recordPages.ts), for the live local account. */
  recordPages?: RecordPages;
}

/** One served request, as tests and `npm start` inspect them. Credential fields hold GUIDs only. */
export interface SuiteletRequestLogEntry {
  at: Date;
  method: string;
  path: string;
  status: number;
  scriptId?: string;
  deploymentId?: string;
  role?: string;
  parameters?: Record<string, string>;
  /** Usage units the request's execution spent. */
  units?: number;
  location?: string;
  error?: string;
  durationMs: number;
}

export interface SuiteletServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: SuiteletRequestLogEntry[];
  /** Absolute URL for a path such as url.resolveScript returns. */
  url(relative: string): string;
  close(): Promise<void>;
}

const ROLE_HEADER = 'x-emulator-role';
const USER_HEADER = 'x-emulator-user';
const DEFAULT_VIEWER: Viewer = { userId: -5, role: 'administrator', email: 'admin@example.com', name: 'Administrator' };
/** Internal ids of the standard roles the emulator names; custom roles get stable numbers from 1001. */
const STANDARD_ROLES: Record<string, number> = { administrator: 3, online_form_user: -31 };

class HttpFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export async function startSuiteletServer(rt: RuntimeServices, options: SuiteletServerOptions = {}): Promise<SuiteletServer> {
  const support = suiteletSupportOf(rt);
  const requests: SuiteletRequestLogEntry[] = [];
  const customRoles = new Map<string, number>();
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  let origin = '';

  const roleNumber = (role: string): number => {
    const std = STANDARD_ROLES[role];
    if (std !== undefined) return std;
    let n = customRoles.get(role);
    if (n === undefined) customRoles.set(role, (n = 1001 + customRoles.size));
    return n;
  };

  const server: Server = createServer((req, res) => {
    readBody(req, maxBody).then(
      (body) => serve(rt, support, req, res, body, origin, requests, roleNumber, options.recordPages),
      (e: unknown) => {
        const f = e instanceof HttpFailure ? e : new HttpFailure(400, 'SSS_INVALID_REQUEST', String(e));
        send(res, f.status, { 'Content-Type': 'text/html; charset=utf-8' }, errorPage(f.code, f.message));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    url: (relative: string) => new URL(relative, origin).toString(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new HttpFailure(413, 'SSS_REQUEST_TOO_LARGE', `Request body over ${max} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: string | Buffer): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function viewerOf(req: IncomingMessage, support: SuiteletSupport): Viewer {
  const given = support.options.defaultViewer;
  const base: Viewer = { ...DEFAULT_VIEWER, ...(typeof given === 'function' ? given() : given) };
  const roleHeader = req.headers[ROLE_HEADER];
  const userHeader = req.headers[USER_HEADER];
  const role = typeof roleHeader === 'string' && roleHeader ? normalizeRole(roleHeader) : undefined;
  const userId = typeof userHeader === 'string' && /^-?\d+$/.test(userHeader) ? Number(userHeader) : undefined;
  const known = userId === undefined ? undefined : support.options.users?.(userId);
  if (known) {
    // A runtime user keeps its permissions only in its own role.
    const sameRole = role === undefined || role === normalizeRole(known.roleId);
    return {
      userId: known.id,
      role: role ?? normalizeRole(known.roleId),
      email: known.email,
      name: known.name,
      permissions: sameRole ? known.permissions : undefined,
      roleInternalId: sameRole ? known.role : undefined,
    };
  }
  const keep = role === undefined;
  return {
    ...base,
    role: role ?? normalizeRole(base.role),
    userId: userId ?? base.userId,
    permissions: keep ? base.permissions : undefined,
    roleInternalId: keep ? base.roleInternalId : undefined,
  };
}

function serve(
  rt: RuntimeServices,
  support: SuiteletSupport,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: Buffer,
  origin: string,
  requests: SuiteletRequestLogEntry[],
  roleNumber: (role: string) => number,
  recordPages?: RecordPages,
): void {
  const started = performance.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', origin);
  let clearValues: string[] = [];
  let redactedIds: string[] = [];
  const entry: SuiteletRequestLogEntry = { at: rt.clock.now(), method, path: url.pathname + url.search, status: 0, durationMs: 0 };
  const finish = (status: number, headers: Record<string, string | string[]>, body: string | Buffer) => {
    entry.status = status;
    entry.path = scrub(entry.path, clearValues);
    if (entry.parameters) {
      for (const [k, v] of Object.entries(entry.parameters)) {
        entry.parameters[k] = redactedIds.includes(k) && v !== '' ? '********' : scrub(v, clearValues);
      }
    }
    entry.durationMs = performance.now() - started;
    requests.push(entry);
    send(res, status, headers, body);
  };
  const fail = (status: number, code: string, message: string, reference?: string) =>
    finish(status, { 'Content-Type': 'text/html; charset=utf-8' }, errorPage(code, scrub(message, clearValues), reference));

  if (method === 'GET' && (url.pathname.startsWith(CLIENT_ROUTE) || url.pathname.startsWith(CABINET_ROUTE))) {
    const js = clientAsset(url.pathname, (path) => rt.readCabinetFile(path));
    return js === null ? fail(404, 'INVALID_URL', `No file at ${url.pathname}`) : finish(200, { 'Content-Type': 'text/javascript; charset=utf-8' }, js);
  }
  if (recordPages?.handles(url.pathname) && (method === 'GET' || method === 'POST')) {
    const answer = recordPages.answer(method, url, new URLSearchParams(method === 'POST' ? rawBody.toString('utf8') : ''));
    return finish(answer.status, answer.headers, answer.body);
  }
  if (url.pathname !== SUITELET_PATH) return fail(404, 'INVALID_URL', `No page at ${url.pathname}`);
  if (method !== 'GET' && method !== 'POST') return fail(405, 'SSS_INVALID_HTTP_METHOD', `Suitelets answer GET and POST, not ${method}`);

  const found = support.catalog.resolve(url.searchParams.get('script') ?? '', url.searchParams.get('deploy') ?? '');
  const external = url.searchParams.has('ns-at');
  if (external && found && url.searchParams.get('ns-at') !== support.urls.externalToken(found.scriptNumber, found.deploymentNumber)) {
    return fail(403, 'INSUFFICIENT_PERMISSION', 'You are not allowed to go directly to this page.');
  }
  const decision = decideAccess(found, viewerOf(req, support), external);
  if (!decision.ok) return fail(decision.status, decision.code, decision.message);
  const { script, deployment } = found!;
  const viewer = decision.viewer;
  entry.scriptId = script.scriptId;
  entry.deploymentId = deployment.scriptId;
  entry.role = viewer.role;

  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('multipart/')) {
    return fail(415, 'SSS_UNSUPPORTED_IN_EMULATOR', 'File uploads (multipart/form-data) are not modelled by the local runtime');
  }
  const formPost = method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded');
  const bodyPairs: [string, string][] = formPost ? [...new URLSearchParams(rawBody.toString('utf8'))] : [];
  const token = bodyPairs.find(([k]) => k === FORM_TOKEN_PARAM)?.[1] ?? url.searchParams.get(FORM_TOKEN_PARAM) ?? undefined;
  const descriptor = method === 'POST' ? support.descriptors.find(token, script.scriptId, deployment.scriptId) : undefined;

  let submission: Submission;
  try {
    submission = readSubmission([...url.searchParams, ...bodyPairs], descriptor);
    delete submission.parameters[FORM_TOKEN_PARAM];
    const result = applyCredentials(submission.parameters, descriptor?.credentials ?? [], support.options.credentialVault, viewer.userId);
    const passwords = (descriptor?.passwords ?? []).map((id) => submission.parameters[id] ?? '').filter(Boolean);
    clearValues = [...result.clearValues, ...passwords].sort((a, b) => b.length - a.length);
    redactedIds = descriptor?.passwords ?? [];
  } catch (e) {
    clearValues = (descriptor?.credentials ?? []).map((c) => bodyPairs.find(([k]) => k === c.id)?.[1] ?? '').filter(Boolean);
    const err = e as Error;
    logError(rt, script.scriptId, deployment.scriptId, err, clearValues);
    return fail(500, err.name, err.message);
  }
  const parameters = submission.parameters;
  entry.parameters = { ...parameters };

  // request.body of a form post is rebuilt from the parameters so a credential's clear text is gone.
  const body = formPost
    ? new URLSearchParams(bodyPairs.filter(([k]) => k !== FORM_TOKEN_PARAM).map(([k, v]): [string, string] => [k, descriptor?.credentials.some((c) => c.id === k) ? parameters[k] ?? '' : v])).toString()
    : rawBody.toString('utf8');

  const request = buildServerRequest({
    method,
    parameters,
    body,
    headers: headersOf(req),
    url: scrub(url.toString(), clearValues),
    clientIpAddress: req.socket.remoteAddress ?? '127.0.0.1',
    sublists: submission.sublists,
  });

  const response = new SuiteletResponse(support.urls, (form) => {
    const rendered = renderForm(form, {
      action: url.pathname + url.search,
      token: randomUUID(),
      scriptId: script.scriptId,
      deploymentId: deployment.scriptId,
      accountId: rt.accountId,
      selectSource: support.options.selectSource,
      clientScript: form.clientScriptModulePath ? clientScriptRef(form.clientScriptModulePath, script.scriptFile, (path) => rt.readCabinetFile(path)) : undefined,
    });
    support.descriptors.put(rendered.descriptor);
    return rendered.html;
  });

  support.current = response;
  try {
    const user = { id: viewer.userId, role: viewer.roleInternalId ?? String(roleNumber(viewer.role)), roleId: viewer.role, email: viewer.email, name: viewer.name, permissions: viewer.permissions };
    rt.runScript({ scriptId: script.scriptId, deploymentId: deployment.scriptId, executionContext: 'SUITELET', user }, (exports, execution) => {
      try {
        const onRequest = exports.onRequest;
        if (typeof onRequest !== 'function') {
          throw new SuiteScriptError('SSS_MISSING_ENTRY_POINT', `${script.scriptFile} exports no onRequest entry point`);
        }
        onRequest({ request, response: response.facade() });
      } finally {
        entry.units = execution.meter.used;
      }
    });
  } catch (e) {
    const err = e as Error & { id?: string };
    entry.error = scrub(`${err.name}: ${err.message}`, clearValues);
    logError(rt, script.scriptId, deployment.scriptId, err, clearValues);
    return fail(500, err.name || 'UNEXPECTED_ERROR', err.message, err.id);
  } finally {
    support.current = undefined;
  }

  if (response.redirectLocation !== undefined) {
    entry.location = response.redirectLocation;
    return finish(302, { Location: response.redirectLocation }, '');
  }
  const headers = response.headers;
  if (!response.hasHeader('content-type')) headers['Content-Type'] = 'text/html; charset=utf-8';
  return finish(200, headers, response.body());
}

/** An uncaught error, as NetSuite's Execution Log records it (title = error code). */
function logError(rt: RuntimeServices, scriptId: string, deploymentId: string, err: Error & { type?: string; id?: string }, clearValues: string[]): void {
  const details = JSON.stringify({ type: err.type ?? 'error.SuiteScriptError', name: err.name, message: err.message, id: err.id, stack: err.stack?.split('\n') ?? [] });
  rt.logs.push({ level: 'ERROR', title: scrub(err.name || 'UNEXPECTED_ERROR', clearValues), details: scrub(details, clearValues), scriptId, deploymentId, at: rt.clock.now() });
}
