/**
 * The fake's state as one object: configuration (with the start-up configuration that `reset`
 * returns to), the tenant's data, the fault queue and the request log. The HTTP layer and the
 * control API both work on it.
 */
import { publicConfig, applyConfigPatch, defaultConfig } from './config';
import { FaultQueue, checkFault } from './faults';
import { FreshsuccessStore, type Clock } from './store';
import type { ConfigPatch, FailedResult, FakeConfig, FakeState, RequestLogEntry } from './types';

const DEFAULT_LOG_LIMIT = 2_000;
/** Request bodies the log keeps in all (bytes as received): full syncs post megabytes per request. */
export const LOG_BODY_BYTES_LIMIT = 64 * 1024 * 1024;

export class FakeFreshsuccess {
  private readonly initialConfig: FakeConfig;
  config: FakeConfig;
  readonly store: FreshsuccessStore;
  readonly faults = new FaultQueue();
  private log: RequestLogEntry[] = [];
  private nextSeq = 1;

  constructor(options: ConfigPatch = {}, now: Clock = Date.now, private readonly logLimit = DEFAULT_LOG_LIMIT) {
    this.initialConfig = applyConfigPatch(defaultConfig(), options);
    this.config = this.initialConfig;
    this.store = new FreshsuccessStore(now);
  }

  configure(patch: unknown): FakeConfig {
    this.config = applyConfigPatch(this.config, patch);
    return this.config;
  }

  /** Back to the start-up configuration, with no data, no faults and an empty log. */
  reset(): void {
    this.config = this.initialConfig;
    this.store.clear();
    this.faults.clear();
    this.log = [];
    this.nextSeq = 1;
  }

  injectFaults(faults: unknown): void {
    if (!Array.isArray(faults)) throw new Error('faults must be an array');
    this.faults.add(faults.map(checkFault));
  }

  /** Seeds data without HTTP, auth or faults, through the same validation as the API. */
  seed(data: { accounts?: unknown[]; contacts?: unknown[] }): { accounts: FailedResult[]; contacts: FailedResult[] } {
    return {
      accounts: this.store.upsertAccounts(data.accounts ?? [], this.config),
      contacts: this.store.upsertContacts(data.contacts ?? [], this.config),
    };
  }

  beginRequest(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const logged: RequestLogEntry = { seq: this.nextSeq++, ...entry };
    this.log.push(logged);
    // Oldest first, by count and by the bodies' size (a body's size is known once it is read,
    // so this counts the entries before this one).
    let bodies = 0;
    for (const e of this.log) bodies += e.bodyBytes ?? 0;
    let drop = Math.max(0, this.log.length - this.logLimit);
    for (let i = 0; i < drop; i++) bodies -= this.log[i]!.bodyBytes ?? 0;
    while (bodies > LOG_BODY_BYTES_LIMIT && drop < this.log.length - 1) bodies -= this.log[drop++]!.bodyBytes ?? 0;
    if (drop > 0) this.log.splice(0, drop);
    return logged;
  }

  requests(sinceSeq = 0): RequestLogEntry[] {
    return this.log.filter((e) => e.seq > sinceSeq).map(withParsedBody);
  }

  /**
   * The same as JSON text, each logged body spliced in as the text it is kept as: the control
   * API serves the log (up to LOG_BODY_BYTES_LIMIT of bodies) without building it as objects.
   */
  requestsJson(sinceSeq = 0, bodies = true): RawJson {
    const parts: (string | Buffer)[] = ['['];
    for (const e of this.log) {
      if (e.seq <= sinceSeq) continue;
      if (parts.length > 1) parts.push(',');
      const { bodyJson, ...rest } = e;
      const head = JSON.stringify(bodies ? rest : { ...rest, body: undefined });
      if (bodyJson === undefined || !bodies) parts.push(head);
      else parts.push(head.slice(0, -1), ',"body":', bodyJson, '}');
    }
    parts.push(']');
    return new RawJson(parts);
  }

  /** A deep copy: callers in the same process cannot change the fake's state through it. */
  snapshot(): FakeState {
    return structuredClone({
      config: publicConfig(this.config),
      accounts: this.store.allAccounts(),
      contacts: this.store.allContacts(),
      requests: this.requests(),
      pendingFaults: this.faults.pending(),
    });
  }
}

/**
 * JSON text sent in the pieces it is made of (text, or UTF-8 bytes): a large answer is neither
 * parsed and serialised again nor joined into one string on its way out (the server writes the
 * pieces in turn).
 */
export class RawJson {
  constructor(readonly parts: readonly (string | Buffer)[]) {}
}

/** A log entry as callers see it: a body kept as JSON bytes comes back parsed. */
function withParsedBody(e: RequestLogEntry): RequestLogEntry {
  if (e.bodyJson === undefined) return e;
  const { bodyJson, ...rest } = e;
  return { ...rest, body: JSON.parse(bodyJson.toString('utf8')) as unknown };
}
