/**
 * Plain-object fakes of the engine's ports, and a small in-memory Freshsuccess behind the HTTP
 * port. Tests assert on what these hold afterwards (entries, state, stored accounts), never on
 * call sequences.
 */
import type { ChangeFinder, Clock, ConfigStore, DrainTrigger, Logger, OutboxStore, ScopeRow, SnapshotReader, StateStore, SyncState, TriggerResult } from '../../../src/TypeScript/app/ports';
import type { TransportResult } from '../../../src/TypeScript/domain/classify';
import { parseConfig, type RawConfig, type SyncConfig } from '../../../src/TypeScript/domain/config';
import type { ContactSnapshot, CustomerSnapshot, NewOutboxEntry, OutboxEntry, RecordKind } from '../../../src/TypeScript/domain/types';
import type { HttpPort, HttpRequest } from '../../../src/TypeScript/freshsuccess/httpPort';
import { T0 } from '../fixtures';

export class FakeClock implements Clock {
  constructor(public ms = T0) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export class FakeConfig implements ConfigStore {
  raw: RawConfig;
  constructor(raw: RawConfig = {}, public present = true) {
    this.raw = { enabled: true, region: 'us', secretRef: 'custsecret_fsc_api_key', lastModified: T0 - 3600_000, ...raw };
  }
  load() {
    return this.present ? parseConfig(this.raw) : null;
  }
  get config(): SyncConfig {
    return parseConfig(this.raw).config;
  }
}

export class MemoryState implements StateStore {
  state: SyncState = { drainCursor: 0, fullSync: null, sweepWatermark: null, pausedAt: null, pauseMessage: '', lastRun: null };
  writes = 0;
  read(): SyncState {
    return JSON.parse(JSON.stringify(this.state)) as SyncState;
  }
  update(patch: Partial<SyncState>): void {
    this.writes++;
    this.state = { ...this.state, ...JSON.parse(JSON.stringify(patch)) };
  }
}

export class MemoryOutbox implements OutboxStore {
  entries: Array<OutboxEntry & { origin?: string }> = [];
  private nextId = 1;
  append(entries: readonly NewOutboxEntry[], origin?: string): void {
    for (const e of entries) this.entries.push({ ...JSON.parse(JSON.stringify(e)), id: this.nextId++, ...(origin ? { origin } : {}) });
  }
  readOpen(cursor: number): OutboxEntry[] {
    return this.entries.filter((e) => (e.status === 'PENDING' && e.id > cursor) || e.status === 'RETRY');
  }
  countDue(cursor: number, now: number): number {
    return this.readOpen(cursor).filter((e) => e.status !== 'RETRY' || (e.notBefore ?? 0) <= now).length;
  }
  close(ids: readonly number[]): void {
    for (const e of this.entries) if (ids.includes(e.id) && e.status === 'RETRY') e.status = 'DONE';
  }
  hasOrigin(origin: string): boolean {
    return this.entries.some((e) => e.origin === origin);
  }
  capturedSince(since: number) {
    return this.entries
      .filter((e) => e.capturedAt >= since && (e.status === 'PENDING' || e.status === 'DONE'))
      .flatMap((e) => e.recordIds.map((recordId) => ({ kind: e.kind, recordId, capturedAt: e.capturedAt, event: e.event })));
  }
  skippedRecords(kind: string, reason: string): string[] {
    return [...new Set(this.entries.filter((e) => e.status === 'SKIPPED' && e.kind === kind && e.lastError.startsWith(reason)).flatMap((e) => e.recordIds))];
  }
  purge(before: number, cursor: number, canContinue: () => boolean): number {
    let n = 0;
    this.entries = this.entries.filter((e) => {
      const drained = (e.status === 'PENDING' && e.id <= cursor) || e.status === 'DONE';
      if (drained && e.capturedAt < before && canContinue()) {
        n++;
        return false;
      }
      return true;
    });
    return n;
  }
  with(status: OutboxEntry['status']): OutboxEntry[] {
    return this.entries.filter((e) => e.status === status);
  }
}

const within = (id: string, afterId: string | null): boolean => afterId === null || Number(id) > Number(afterId);

export class MemorySnapshots implements SnapshotReader {
  customers = new Map<string, CustomerSnapshot>();
  contacts = new Map<string, ContactSnapshot>();
  searches = 0;
  customersByIds(ids: readonly string[]): CustomerSnapshot[] {
    this.searches++;
    return ids.map((id) => this.customers.get(id)).filter((c): c is CustomerSnapshot => c !== undefined);
  }
  contactsByIds(ids: readonly string[]): ContactSnapshot[] {
    this.searches++;
    return ids.map((id) => this.contacts.get(id)).filter((c): c is ContactSnapshot => c !== undefined);
  }
  contactsOfCompanies(companyIds: readonly string[]): ContactSnapshot[] {
    this.searches++;
    return [...this.contacts.values()].filter((c) => c.company !== null && companyIds.includes(c.company.id));
  }
  eachCustomerPage(_c: SyncConfig, afterId: string | null, visit: (page: CustomerSnapshot[]) => void | boolean): void {
    this.searches++;
    const all = [...this.customers.values()].filter((c) => within(c.keys.id, afterId)).sort((a, b) => Number(a.keys.id) - Number(b.keys.id));
    for (let i = 0; i < all.length; i += 1000) if (visit(all.slice(i, i + 1000)) === false) return;
  }
  eachContactPage(_c: SyncConfig, afterId: string | null, visit: (page: ContactSnapshot[]) => void | boolean): void {
    this.searches++;
    const all = [...this.contacts.values()].filter((c) => within(c.id, afterId)).sort((a, b) => Number(a.id) - Number(b.id));
    for (let i = 0; i < all.length; i += 1000) if (visit(all.slice(i, i + 1000)) === false) return;
  }
  /** The saved-search scope, when a test sets one: the customer ids it keeps. */
  savedScope: Set<string> | null = null;
  scopeRowsInRange(kind: RecordKind, _c: SyncConfig, from: number, to: number): ScopeRow[] {
    this.searches++;
    const inRange = (id: string) => Number(id) >= from && Number(id) <= to;
    if (kind === 'customer') {
      return [...this.customers.values()].filter((c) => inRange(c.keys.id) && (this.savedScope === null || this.savedScope.has(c.keys.id))).map((c) => ({ id: c.keys.id, stage: c.stage, subsidiary: c.subsidiary, company: null }));
    }
    return [...this.contacts.values()].filter((c) => inRange(c.id)).map((c) => ({ id: c.id, stage: c.companyStage, subsidiary: c.companySubsidiary, company: c.company ? { id: c.company.id } : null }));
  }
  customersKept(ids: readonly string[]): Set<string> | null {
    if (this.savedScope === null) return null;
    this.searches++;
    return new Set(ids.filter((id) => this.savedScope!.has(id)));
  }
  idBounds(kind: RecordKind): { min: number; max: number; count: number } | null {
    const ids = kind === 'customer' ? [...this.customers.keys()].map(Number) : [...this.contacts.keys()].map(Number);
    return ids.length === 0 ? null : { min: Math.min(...ids), max: Math.max(...ids), count: ids.length };
  }
  customersWithKeys(keys: readonly string[], config: SyncConfig): CustomerSnapshot[] {
    const wanted = new Set(keys.map((k) => k.toLowerCase()));
    const src = config.accountIdSource;
    const keyOf = (c: CustomerSnapshot) => (src.kind === 'entityid' ? c.keys.entityId : src.kind === 'field' ? c.keys.customKey : '');
    return [...this.customers.values()].filter((c) => wanted.has(keyOf(c).trim().toLowerCase()));
  }
  contactsWithUserIds(userIds: readonly string[], config: SyncConfig): ContactSnapshot[] {
    const wanted = new Set(userIds.map((k) => k.toLowerCase()));
    return config.userIdSource === 'email' ? [...this.contacts.values()].filter((c) => wanted.has(c.email.trim().toLowerCase())) : [];
  }
  countInScope(): { customers: number; contacts: number } {
    return { customers: this.customers.size, contacts: this.contacts.size };
  }
}

/** Counts submits; nudge() skips the submit while the state says a drain is queued (as the NetSuite adapter does). */
export class CountingTrigger implements DrainTrigger {
  submitted = 0;
  constructor(public answer: TriggerResult = 'submitted', private readonly state?: MemoryState) {}
  submit(): TriggerResult {
    this.submitted++;
    return this.answer;
  }
  nudge(): TriggerResult {
    if (this.state?.state.drainQueuedAt) return 'already_queued';
    const result = this.submit();
    if (result === 'submitted') this.state?.update({ drainQueuedAt: 1 });
    return result;
  }
  resubmit(): TriggerResult {
    return this.submit();
  }
}

export class MemoryLog implements Logger {
  lines: string[] = [];
  audit(title: string, details: string): void {
    this.lines.push(`AUDIT ${title}: ${details}`);
  }
  error(title: string, details: string): void {
    this.lines.push(`ERROR ${title}: ${details}`);
  }
}

export class FakeFinder implements ChangeFinder {
  modified: Record<RecordKind, Array<{ id: string; lastModified: number }>> = { customer: [], contact: [] };
  deleted: Array<{ kind: RecordKind; id: string; deletedAt: number }> = [];
  modifiedSince(kind: RecordKind, since: number) {
    return this.modified[kind].filter((m) => m.lastModified >= since);
  }
  deletedSince(since: number) {
    return this.deleted.filter((d) => d.deletedAt >= since);
  }
}

type Fault = { kind: 'status'; status: number; retryAfter?: string } | { kind: 'timeout' } | { kind: 'reject'; message: string };

/**
 * A small in-memory Freshsuccess behind the HTTP port: upserts with the insert rules of the
 * contract (account_id, name, join_date; contacts need their account), DELETE deactivation,
 * body-size limit, scripted faults, and a contact-move mode.
 */
export class MiniFreshsuccess implements HttpPort {
  accounts = new Map<string, Record<string, unknown> & { writes: number; active: boolean }>();
  contacts: Array<Record<string, unknown> & { writes: number }> = [];
  requests: HttpRequest[] = [];
  faults: Fault[] = [];
  maxBodyBytes = 5_000_000;
  contactMove: 'move' | 'duplicate' = 'move';
  /** Records whose account_id matches get a record-level failure with this message. */
  poison = new Map<string, string>();

  send(request: HttpRequest): TransportResult {
    this.requests.push(request);
    const fault = this.faults.shift();
    if (fault?.kind === 'timeout') return { kind: 'network', reason: 'timeout', message: 'SSS_REQUEST_TIME_EXCEEDED' };
    if (fault?.kind === 'status') return { kind: 'response', status: fault.status, headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}, body: JSON.stringify({ message: `fault ${fault.status}` }) };
    if (fault?.kind === 'reject') return this.json(200, { status_is_ok: false, message: fault.message });
    if ((request.body ?? '').length > this.maxBodyBytes) return this.json(413, { message: 'Request entity too large' });
    const path = new URL(request.url).pathname.replace('/api/v2/', '');
    if (request.method === 'DELETE' && path.startsWith('accounts/')) {
      const a = this.accounts.get(decodeURIComponent(path.slice('accounts/'.length)));
      if (!a) return this.json(404, { status_is_ok: false, message: 'Account not found' });
      a.active = false;
      a.writes++;
      return this.json(200, { status_is_ok: true });
    }
    if (request.method === 'GET') {
      const page = Number(new URL(request.url).searchParams.get('page') ?? 0);
      const list = path === 'accounts' ? [...this.accounts.values()].map(({ writes: _w, active, ...rest }) => ({ ...rest, is_active: active, current_stage: rest['stage'] })) : this.contacts.map(({ writes: _w, ...rest }) => rest);
      return this.json(200, { status_is_ok: true, results: list.slice(page * 1000, page * 1000 + 1000), current_page: page, max_page_size: 1000 });
    }
    const records = (JSON.parse(request.body ?? '{}') as { records: Array<Record<string, unknown>> }).records;
    const failed: Array<Record<string, unknown>> = [];
    records.forEach((r, i) => {
      const accountId = String(r['account_id']);
      const poison = this.poison.get(accountId);
      if (poison) return failed.push({ message: poison, account_id: accountId, record: i });
      if (path === 'accounts') {
        const existing = this.accounts.get(accountId);
        if (!existing && (r['name'] === undefined || r['join_date'] === undefined)) {
          return failed.push({ message: "Missing/invalid required field(s) for Accounts insert: 'join_date'", account_id: accountId, record: i });
        }
        const next = { ...(existing ?? {}), ...r, writes: (existing?.writes ?? 0) + 1, active: true };
        this.accounts.set(accountId, next);
      } else {
        if (!this.accounts.has(accountId)) return failed.push({ message: 'Account not found', account_id: accountId, user_id: r['user_id'], record: i });
        const same = (c: Record<string, unknown>) => c['user_id'] === r['user_id'] && (this.contactMove === 'move' || c['account_id'] === r['account_id']);
        const existing = this.contacts.find(same);
        if (existing) Object.assign(existing, r, { writes: existing.writes + 1 });
        else this.contacts.push({ ...r, writes: 1 });
      }
      return undefined;
    });
    return this.json(200, { status_is_ok: true, failed_results: failed });
  }

  posts(): number {
    return this.requests.filter((r) => r.method === 'POST').length;
  }

  private json(status: number, body: unknown): TransportResult {
    return { kind: 'response', status, headers: {}, body: JSON.stringify(body) };
  }
}
