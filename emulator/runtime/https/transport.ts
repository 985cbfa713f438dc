/**
 * The blocking bridge to transportWorker.cjs. SuiteScript's N/https is synchronous, so the
 * calling thread waits in Atomics.wait (synckit) while the worker does the real request.
 * Consequence for tests: the server answering must run in another process or thread; one on
 * this thread's event loop could never answer while the thread is blocked.
 */
import { join } from 'node:path';
import { createSyncFn } from 'synckit';
import type { RecipeStep } from './secureString';

export type WireHeaderValue = { kind: 'plain'; value: string } | { kind: 'secure'; recipe: RecipeStep[] };

export interface WireRequest {
  /** Loopback origin the host is routed to, e.g. 'http://127.0.0.1:4321'. */
  target: string;
  /** Path and query of the original https URL. */
  path: string;
  /** Original host (and port, when the URL had one): the server sees the real name. */
  hostHeader: string;
  method: string;
  headers: [string, WireHeaderValue][];
  /** Body template (credential placeholders unreplaced) or null. */
  body: string | null;
  /** Clear values by token for header recipes. */
  secrets: Record<string, string>;
  /** Clear values by token for the body (only the GUIDs listed in options.credentials). */
  bodySecrets: Record<string, string>;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

export type WireFailure = 'connect-timeout' | 'total-timeout' | 'closed' | 'refused';

export type WireResult =
  | { ok: true; code: number; headers: Record<string, string>; body: string; durationMs: number }
  | { ok: false; failure: WireFailure; detail: string; durationMs: number };

/** Backstop for a worker that never answers; the worker's own timers always fire first. */
const WORKER_BACKSTOP_MS = 10 * 60 * 1000;

let send: ((req: WireRequest) => WireResult) | undefined;

export function sendSync(req: WireRequest): WireResult {
  send ??= createSyncFn<(req: WireRequest) => Promise<WireResult>>(join(__dirname, 'transportWorker.cjs'), {
    timeout: WORKER_BACKSTOP_MS,
  });
  return send(req);
}
