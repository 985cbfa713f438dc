/**
 * The sync engine end to end: the built SuiteApp in the local NetSuite runtime (one
 * createLocalAccount, the same composition root as the benchmark and `npm start`) against the
 * fake Freshsuccess in its child process. Tests act as NetSuite users and admins do (saves in a
 * given execution context, CSV imports, merges, settings changes, the clock moving on) and
 * assert on what Freshsuccess holds and what NetSuite holds (outbox and state records), never on
 * calls made.
 *
 *   const h = await startSyncHarness();
 *   const id = h.createCustomer({ companyname: 'Acme' });        // User Event captures
 *   h.runDrainUntilIdle();                                        // drain, retries past backoff
 *   expect((await h.accountOf(id))?.fields.name).toBe('Acme');
 *   await h.stop();
 */
import { randomBytes } from 'node:crypto';
import { createLocalAccount, FRESHSUCCESS_HOSTS, type LocalAccount, type LocalAccountOptions } from '../../../emulator/localAccount';
import type { FakeFreshsuccessControl } from '../../../emulator/fake-freshsuccess';
import type { RequestLogEntry, StoredAccount, StoredContact } from '../../../emulator/fake-freshsuccess/types';
import { seedSampleAccount, type SampleAccountOptions, type SampleAccountSummary } from '../../../emulator/seed/sampleAccount';
import type { DataEntry, PlainValues } from '../../../emulator/runtime/data-entry/dataEntry';
import type { ExecutionContextType } from '../../../emulator/runtime/execution';
import type { MapReduceStage, UsageTotals } from '../../../emulator/runtime/governance';
import type { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import type { ProcessOptions } from '../../../emulator/runtime/task/queue';
import { CONFIG, OUTBOX, SCRIPTS, STATE } from '../../../src/TypeScript/netsuite/schema';
import { ensureProductBuilt } from './productBuild';

export { CONFIG, OUTBOX, SCRIPTS, STATE };

export const ACCOUNTS_PATH = '/api/v2/accounts';
export const CONTACTS_PATH = '/api/v2/account_contacts';

/** Settings as an admin enters them on the config record (field ids from the product's schema). */
export type ConfigValues = Partial<Record<Exclude<keyof typeof CONFIG, 'type'>, string | number | boolean>>;

export interface SyncHarnessOptions {
  /** Settings beyond the defaults (enabled, region us, the secret reference, contacts synced). */
  config?: ConfigValues;
  /** Create the config record at start (default true). */
  configure?: boolean;
  /** Seed a sample account straight into the store (no User Event fires), e.g. { customers: 20, contacts: 30 }. */
  sample?: SampleAccountOptions;
  /** Passed to createLocalAccount (https timeouts, fake [open] switches, runtime options...). */
  account?: Omit<LocalAccountOptions, 'apiKey'>;
}

/** One outbox record as NetSuite holds it. */
export interface OutboxView {
  id: number;
  kind: string;
  recordIds: string[];
  event: string;
  status: string;
  source: string;
  attempt: number;
  capturedAt: number;
  notBefore: number | null;
  lastError: string;
  hint: string;
  changedFields: string[];
}

/** The state record as NetSuite holds it. */
export interface StateView {
  drainCursor: number;
  pausedAt: number | null;
  pauseMessage: string;
  sweepWatermark: number | null;
  fullSync: unknown;
  lastRun: Record<string, unknown> | null;
  /** Who holds the push lease (holder, since, until, taskId), or null. */
  pushLease: { holder: string; since: number; until: number; taskId?: string } | null;
  /** Set while a full sync waits for a drain to finish pushing. */
  fullSyncRequestedAt: number | null;
  /** Set when a save had a drain submission accepted; the drain's summarize clears it. */
  drainQueuedAt: number | null;
  /** Churned companies whose contacts Freshsuccess refused, waiting for them to come back. */
  frozenCompanies: string[];
  /** What the last reconcile found and queued (app/ports.ts ReconcileSummary). */
  lastReconcile: Record<string, unknown> | null;
}

export interface DrainReport {
  /** Rounds of "run the queue, then move the clock past the earliest retry". */
  rounds: number;
  /** Simulated time that passed (ms). */
  elapsedMs: number;
  /** Stopped because pushing is paused (401/403) with work still queued. */
  paused: boolean;
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function parseIds(first: unknown, all: unknown): string[] {
  const text = str(all);
  if (text !== '') return JSON.parse(text) as string[];
  return str(first) === '' ? [] : [str(first)];
}

export class SyncHarness {
  readonly rt: NetSuiteRuntime;
  readonly fake: FakeFreshsuccessControl;
  configId: number | null = null;
  sample: SampleAccountSummary | null = null;

  constructor(readonly account: LocalAccount, private readonly apiKey: string) {
    this.rt = account.rt;
    this.fake = account.fake;
  }

  // ---- settings --------------------------------------------------------------------------------

  /** The admin saves the FreshSync settings (creates the config record the first time). */
  configure(values: ConfigValues = {}): number {
    const fields: PlainValues = {};
    const all: ConfigValues = this.configId === null ? { enabled: true, region: 'us', secretRef: this.account.secretId, syncContacts: true, ...values } : values;
    for (const [k, v] of Object.entries(all)) fields[CONFIG[k as keyof ConfigValues]] = v;
    if (this.configId === null) {
      this.configId = this.rt.ui.create(CONFIG.type, { name: 'FreshSync settings', ...fields });
    } else {
      // A person takes a moment between reading a message and saving: the save is strictly later.
      this.rt.clock.advance(1000);
      this.rt.ui.update(CONFIG.type, this.configId, fields);
    }
    return this.configId;
  }

  /** Replaces the value of the API secret (Setup > Company > API Secrets), as an admin would. */
  setApiSecret(value: string): void {
    this.account.drivers.https.vault.defineApiSecret(this.account.secretId, value, {
      allowedScriptIds: this.rt.project.scripts.map((s) => s.scriptId),
      allowedDomains: [...FRESHSUCCESS_HOSTS],
    });
  }

  /** The key the fake tenant accepts at start (for tests that check it leaks nowhere). */
  get freshsuccessKey(): string {
    return this.apiKey;
  }

  // ---- data entry --------------------------------------------------------------------------------

  /** Data entry in an execution context (UI, CSV import, web services, a script's context...). */
  saveAs(context: ExecutionContextType, options: { runServerScripts?: boolean } = {}): DataEntry {
    return this.rt.as(context, options);
  }

  createCustomer(values: PlainValues, context: ExecutionContextType = 'USERINTERFACE'): number {
    return this.saveAs(context).create('customer', { subsidiary: '1', ...values });
  }

  createContact(values: PlainValues, context: ExecutionContextType = 'USERINTERFACE'): number {
    return this.saveAs(context).create('contact', values);
  }

  /** Seeds the sample account straight into the store (data that predates the SuiteApp). */
  seedSample(options: SampleAccountOptions): SampleAccountSummary {
    this.sample = seedSampleAccount(this.rt, options);
    return this.sample;
  }

  // ---- what NetSuite holds -----------------------------------------------------------------------

  outbox(): OutboxView[] {
    return this.rt.store.rows(OUTBOX.type).map((r) => {
      const v = r.values;
      const changed = str(v[OUTBOX.changedFields]);
      return {
        id: r.id,
        kind: str(v[OUTBOX.kind]),
        recordIds: parseIds(v[OUTBOX.record], v[OUTBOX.records]),
        event: str(v[OUTBOX.event]),
        status: str(v[OUTBOX.status]),
        source: str(v[OUTBOX.source]),
        attempt: num(v[OUTBOX.attempt]) ?? 0,
        capturedAt: num(v[OUTBOX.capturedAt]) ?? 0,
        notBefore: num(v[OUTBOX.notBefore]),
        lastError: str(v[OUTBOX.lastError]),
        hint: str(v[OUTBOX.hint]),
        changedFields: changed === '' ? [] : changed.split(','),
      };
    });
  }

  /** Outbox entries holding a given record. */
  outboxFor(kind: 'customer' | 'contact', id: number | string): OutboxView[] {
    return this.outbox().filter((e) => e.kind === kind && e.recordIds.includes(String(id)));
  }

  state(): StateView | null {
    const row = this.rt.store.rows(STATE.type)[0];
    if (!row) return null;
    const v = row.values;
    const json = (x: unknown) => (str(x) === '' ? null : (JSON.parse(str(x)) as Record<string, unknown>));
    return {
      drainCursor: num(v[STATE.drainCursor]) ?? 0,
      pausedAt: num(v[STATE.pausedAt]),
      pauseMessage: str(v[STATE.pauseMessage]),
      sweepWatermark: num(v[STATE.sweepWatermark]),
      fullSync: json(v[STATE.fullSync]),
      lastRun: json(v[STATE.lastRun]),
      pushLease: json(v[STATE.pushLease]) as StateView['pushLease'],
      fullSyncRequestedAt: num(v[STATE.fullSyncRequestedAt]),
      drainQueuedAt: num(v[STATE.drainQueuedAt]),
      frozenCompanies: str(v[STATE.frozenCompanies]) === '' ? [] : (JSON.parse(str(v[STATE.frozenCompanies])) as string[]),
      lastReconcile: json(v[STATE.lastReconcile]),
    };
  }

  /** Work the drain still has: PENDING entries past the cursor, RETRY entries (with when they are due). */
  queued(): { pending: number; retries: number[] } {
    const cursor = this.state()?.drainCursor ?? 0;
    const entries = this.outbox();
    return {
      pending: entries.filter((e) => e.status === 'PENDING' && e.id > cursor).length,
      retries: entries.filter((e) => e.status === 'RETRY').map((e) => e.notBefore ?? 0),
    };
  }

  // ---- running the SuiteApp ----------------------------------------------------------------------

  private failuresSeen = 0;

  /**
   * Runs what is queued for the processors (submitted drains, scheduled instances). An instance
   * that FAILED (its script could not run, or summarize threw) fails the test with its error.
   */
  processQueue(options?: ProcessOptions): void {
    this.account.processQueue(options);
    this.checkFailures();
  }

  private checkFailures(): void {
    const failed = this.account.drivers.task.queue.tasks.filter((t) => t.job.status === 'FAILED');
    if (failed.length > this.failuresSeen) {
      const fresh = failed.slice(this.failuresSeen);
      this.failuresSeen = failed.length;
      throw new Error(`script instance failed: ${fresh.map((t) => `${t.scriptId}/${t.deploymentId}: ${(t.job as { failure?: string }).failure ?? 'FAILED'}`).join('\n').slice(0, 2000)}`);
    }
  }

  private queueDeployment(scriptId: string, deploymentId: string): void {
    const task = this.account.drivers.task;
    if (task.queue.unfinished(scriptId, deploymentId)) return;
    const d = task.deployments().find((x) => x.scriptId === scriptId && x.deploymentId === deploymentId);
    if (!d) throw new Error(`no deployment ${deploymentId} of ${scriptId} in the project`);
    task.enqueueScheduled(d);
  }

  /** An admin starts the drain by hand (Save & Execute on its on-demand deployment). */
  startDrain(): void {
    this.queueDeployment(SCRIPTS.drain.scriptId, SCRIPTS.drain.onDemand);
  }

  /** The admin starts a full sync (Save & Execute) without running the queue yet. */
  startFullSync(): void {
    this.queueDeployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand);
  }

  /** The admin starts a reconcile (Save & Execute on its deployment) without running the queue yet. */
  startReconcile(): void {
    this.queueDeployment(SCRIPTS.reconcile.scriptId, SCRIPTS.reconcile.onDemand);
  }

  /** The admin starts a full sync; runs the queue to the end (including drains it starts). */
  runFullSync(options?: ProcessOptions): void {
    this.queueDeployment(SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand);
    this.processQueue(options);
  }

  /**
   * Runs the queue, and while retries wait, moves the simulated clock just past the earliest
   * one (scheduled deployments due on the way run, as in NetSuite) and starts the drain if
   * nothing did. Stops when nothing is queued, or when pushing is paused (401/403). Bounded.
   */
  runDrainUntilIdle(options: { maxRounds?: number } = {}): DrainReport {
    const maxRounds = options.maxRounds ?? 30;
    const start = this.rt.clock.nowMs();
    let drainedWhilePaused = false;
    for (let round = 1; round <= maxRounds; round++) {
      this.processQueue();
      const { pending, retries } = this.queued();
      const report = { rounds: round, elapsedMs: this.rt.clock.nowMs() - start, paused: false };
      if (pending === 0 && retries.length === 0) return report;
      // Only a drain knows whether a pause still holds (saved settings lift it): give it one run.
      if (this.state()?.pausedAt != null) {
        if (drainedWhilePaused) return { ...report, paused: true };
        drainedWhilePaused = true;
        this.startDrain();
        continue;
      }
      drainedWhilePaused = false;
      const now = this.rt.clock.nowMs();
      const due = Math.min(...retries, pending > 0 ? now : Number.POSITIVE_INFINITY);
      if (due > now) this.advanceTime(due - now + 1);
      this.startDrain();
    }
    const waiting = this.outbox().filter((e) => e.status === 'RETRY').slice(0, 5).map((e) => `${e.kind} ${e.recordIds.slice(0, 3).join(',')}: ${e.lastError}`);
    throw new Error(`the outbox did not drain in ${maxRounds} rounds: ${JSON.stringify(this.queued())}; waiting: ${waiting.join(' | ')}`);
  }

  /** Moves the clock (scheduled sweep and drain run when due). */
  advanceTime(ms: number): void {
    this.account.advanceTime(ms);
    this.checkFailures();
  }

  // ---- what Freshsuccess holds -------------------------------------------------------------------

  accounts(): Promise<StoredAccount[]> {
    return this.fake.accounts();
  }

  contacts(): Promise<StoredContact[]> {
    return this.fake.contacts();
  }

  /**
   * How many of the sample's contacts Freshsuccess should hold once everything landed: those
   * with a company, less those of inactive companies when the tenant refuses contacts on churned
   * accounts (the [open] `contactsOnInactiveAccounts`; reported as SKIPPED instead).
   */
  async expectedSampleContacts(): Promise<number> {
    const c = this.sample?.counts;
    if (!c) throw new Error('expectedSampleContacts: no sample seeded');
    const refuses = (await this.fake.config()).contactsOnInactiveAccounts === 'reject';
    return c.contacts - c.contactsWithoutCompany - (refuses ? c.contactsOfInactiveCompanies : 0);
  }

  /**
   * Ids (sorted) of the contacts in the store Freshsuccess cannot hold, each reported as SKIPPED:
   * those without a company, and those of inactive companies when the tenant refuses contacts on
   * churned accounts.
   */
  async contactsNotTaken(): Promise<string[]> {
    const refuses = (await this.fake.config()).contactsOnInactiveAccounts === 'reject';
    const inactive = new Set(this.rt.store.rows('customer').filter((c) => c.values.isinactive === true).map((c) => String(c.id)));
    return this.rt.store
      .rows('contact')
      .filter((c) => !c.values.company || (refuses && inactive.has(String(c.values.company))))
      .map((c) => String(c.id))
      .sort();
  }

  /** Whether Freshsuccess takes a contact (store row): the opposite of contactsNotTaken(). */
  async takesContact(): Promise<(row: { id: number | string }) => boolean> {
    const notTaken = new Set(await this.contactsNotTaken());
    return (row) => !notTaken.has(String(row.id));
  }

  async accountOf(customerId: number | string): Promise<StoredAccount | undefined> {
    return (await this.fake.accounts()).find((a) => a.account_id === String(customerId));
  }

  async contactOf(contactId: number | string): Promise<StoredContact | undefined> {
    return (await this.fake.contacts()).find((c) => c.user_id === String(contactId));
  }

  /** The fake's last request sequence number, to count requests from a point on. */
  async requestMark(): Promise<number> {
    const all = await this.fake.requests();
    return all.at(-1)?.seq ?? 0;
  }

  requestsSince(mark: number): Promise<RequestLogEntry[]> {
    return this.fake.requests(mark);
  }

  /** POSTs per endpoint path since `mark` (e.g. { '/api/v2/accounts': 2 }). */
  async postsSince(mark: number): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const r of await this.fake.requests(mark)) if (r.method === 'POST') out[r.path] = (out[r.path] ?? 0) + 1;
    return out;
  }

  // ---- governance --------------------------------------------------------------------------------

  /** Units and invocations from the runtime's ledger, per script (and stage). */
  usage(scriptId: string, stage?: MapReduceStage): UsageTotals {
    return this.account.usage.total({ scriptId, stage });
  }

  /** Every product script and stage, for before/after differences. */
  usageSnapshot(): UsageSnapshot {
    const snap: UsageSnapshot = {};
    for (const s of this.rt.project.scripts) {
      snap[s.scriptId] = { all: this.usage(s.scriptId) };
      if (s.scriptType === 'MAPREDUCE') {
        for (const stage of ['getInputData', 'map', 'reduce', 'summarize'] as const) snap[s.scriptId]![stage] = this.usage(s.scriptId, stage);
      }
    }
    return snap;
  }

  /** What was spent since `before`: units and invocations per script and stage. */
  usageSince(before: UsageSnapshot): UsageDelta {
    const now = this.usageSnapshot();
    const out: UsageDelta = {};
    for (const [scriptId, stages] of Object.entries(now)) {
      const d: Record<string, { units: number; invocations: number }> = {};
      for (const [stage, t] of Object.entries(stages)) {
        const b = before[scriptId]?.[stage as keyof typeof stages];
        d[stage] = { units: t.units - (b?.units ?? 0), invocations: t.invocations - (b?.invocations ?? 0) };
      }
      if (d['all'] && (d['all'].units > 0 || d['all'].invocations > 0)) out[scriptId] = d;
    }
    return out;
  }

  /** Outbound HTTPS calls the runtime made (secrets redacted). */
  get httpLog() {
    return this.account.httpLog;
  }

  /** ERROR/AUDIT log lines of a script. */
  logs(scriptId: string) {
    return this.rt.logsOf(scriptId);
  }

  stop(): Promise<void> {
    return this.account.stop();
  }
}

export type UsageSnapshot = Record<string, Partial<Record<'all' | MapReduceStage, UsageTotals>>>;
export type UsageDelta = Record<string, Record<string, { units: number; invocations: number }>>;

/** Builds the product if needed, starts a local account with the fake, configures the SuiteApp. */
export async function startSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  ensureProductBuilt();
  const apiKey = `fs-e2e-${randomBytes(16).toString('hex')}`;
  const account = await createLocalAccount({ ...options.account, apiKey });
  const h = new SyncHarness(account, apiKey);
  try {
    if (options.sample) h.seedSample(options.sample);
    if (options.configure !== false) h.configure(options.config);
  } catch (e) {
    await account.stop();
    throw e;
  }
  return h;
}

/** Prints a measured budget once, so the lead can quote it from the test output. */
export function reportBudget(name: string, numbers: Record<string, number | string>): void {
  const text = Object.entries(numbers).map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`).join(' ');
  console.log(`[budget] ${name}: ${text}`);
}
