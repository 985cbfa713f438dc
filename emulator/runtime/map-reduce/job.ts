/**
 * One Map/Reduce instance, run stage by stage (docs/netsuite-platform-facts.md §2):
 * getInputData once → map per key/value → shuffle (group by key) → reduce per key → summarize.
 * Each invocation is one `rt.runScript` with its stage (so its own usage meter: 10,000 / 1,000 /
 * 5,000 / 10,000) and the script is loaded afresh, as NetSuite does.
 *
 * Deterministic simulation of what NetSuite does in parallel:
 * - concurrency: invocations are dealt round-robin to `concurrency` jobs (min of the
 *   processors, the deployment's concurrencylimit and the number of keys); each job counts its
 *   own units and minutes and yields after an invocation once it passed 10,000 units or
 *   `yieldaftermins` (a job's minutes are the simulated-clock time of its own invocations);
 * - retries: `config.retryCount` (0–3) re-runs a failed key with executionNo + 1, isRestarted true
 *   and the earlier errors in `context.errors`; writes of a failed attempt are discarded;
 *   `config.exitOnError` ends the stage at the first key that is out of retries and jumps to
 *   summarize. Without retryCount an error is not retried;
 * - restarts: `restart: { stage, afterInvocations }` interrupts the invocation that follows the
 *   given number of completed ones after it ran (its side effects stay, its writes are lost), as a
 *   server restart would. SSS_APP_SERVER_RESTART is written to `context.errors` and the stage
 *   summary's errors. The pair is re-run (isRestarted true) when retryCount is not set; when it
 *   is set, the re-run uses one retry, and with retryCount 0 the pair is not re-run and counts
 *   as failed (Help Center, "System Response After a Map/Reduce Interruption").
 *   For getInputData and summarize the whole stage re-runs with isRestarted true.
 * - exhausted governance (a fault for soak tests): `exhaust: { stage, afterInvocations, leaveUnits }`
 *   starts that invocation with only `leaveUnits` of its allowance left, so work that fits a real
 *   invocation ends in SSS_USAGE_LIMIT_EXCEEDED there, as an invocation that meets more work than
 *   planned would; the invocation fails like any uncaught error.
 */
import type { ScriptExecution } from '../execution';
import type { MapReduceStage } from '../governance';
import type { RuntimeServices, ScriptUser } from '../services';
import { suiteScriptError } from '../https/suiteScriptError';
import { inputPairs, InputOptions } from './input';
import { retainFinished } from './retention';
import { groupBytes, pairBytes, persist, read, sizeOf, type StagePair, type StageValue } from './stageData';
import { asStoredString, checkKey, checkValue, DEFAULT_YIELD_AFTER_MINS, INVOCATION_TIME_LIMIT_MS, MAX_PERSISTED_BYTES, persistedLimitError, timeLimitError, YIELD_AFTER_UNITS } from './limits';
import { emptyStats, errorIterator, errorJson, ErrorRecord, outputIterator, StageStats, stageSummary } from './summary';

export type TaskStage = 'GET_INPUT' | 'MAP' | 'SHUFFLE' | 'REDUCE' | 'SUMMARIZE';
export type TaskStatusName = 'PENDING' | 'PROCESSING' | 'COMPLETE' | 'FAILED';

export interface RestartHook {
  stage: MapReduceStage;
  /** Completed invocations of the stage before the one that gets interrupted (0 = the first). */
  afterInvocations: number;
}

export interface ExhaustHook {
  stage: MapReduceStage;
  /** Completed invocations of the stage before the one that starts nearly spent (0 = the first). */
  afterInvocations: number;
  /** Units that invocation has left when it starts. */
  leaveUnits: number;
}

export interface JobSpec {
  taskId: string;
  scriptId: string;
  deploymentId: string;
  /** Script parameter values from the task (override the deployment's). */
  params: Record<string, unknown>;
  /** The user (and role) the instance runs as: the submitter's, or the deployment's runasrole. */
  user?: ScriptUser;
  concurrency: number;
  yieldAfterMins?: number;
  /**
   * Simulated duration of each map/reduce invocation (ms, default 0): the clock moves on by it
   * after the invocation, so `yieldaftermins` and the summaries' seconds can be exercised
   * deterministically.
   */
  invocationMs?: (stage: 'map' | 'reduce', key: string) => number;
  restarts?: RestartHook[];
  input?: InputOptions;
  /** Persisted-data limit in bytes (default MAX_PERSISTED_BYTES; tests lower it to reach it cheaply). */
  persistedLimitBytes?: number;
}

/** What task.checkStatus reports of an instance's stage data. */
export interface JobCounts {
  totalMap: number;
  pendingMap: number;
  pendingMapSize: number;
  totalReduce: number;
  pendingReduce: number;
  pendingReduceSize: number;
  totalOutput: number;
  pendingOutput: number;
  pendingOutputSize: number;
  currentTotalSize: number;
}

interface Config {
  /** null when the script does not set it: errors are not retried, restarts are. */
  retryCount: number | null;
  exitOnError: boolean;
}

export class MapReduceJob {
  status: TaskStatusName = 'PENDING';
  stage: TaskStage | null = null;
  readonly dateCreated: Date;
  /** Why the instance FAILED (the script could not run at all), if it did. */
  failure?: string;

  readonly inputStats: StageStats & { error: string | null };
  readonly mapStats: StageStats;
  readonly reduceStats: StageStats;
  summarizeUsage = 0;
  /** Most persisted data (bytes) the instance held at any point: what the 200 MB limit is measured on. */
  maxPersistedBytes = 0;
  private persistedBytes = 0;
  /** Set once the instance is finished (its stage data is dropped then). */
  private final: { counts: JobCounts; percentage: number } | null = null;

  private pairs: StagePair[] = [];
  private mapDone = 0;
  private mapWrites: [string, StageValue][] = [];
  private groups: { key: string; values: StageValue[] }[] = [];
  private reduceDone = 0;
  private output: [string, StageValue][] = [];
  private entry = { map: false, reduce: false };
  private config: Config = { retryCount: null, exitOnError: false };
  private skipToSummarize = false;
  private readonly pendingRestarts: RestartHook[];
  private readonly plan: (() => void)[];

  constructor(private readonly rt: RuntimeServices, readonly spec: JobSpec) {
    this.dateCreated = rt.clock.now();
    this.inputStats = { ...emptyStats(this.dateCreated), error: null };
    this.mapStats = emptyStats(this.dateCreated);
    this.reduceStats = emptyStats(this.dateCreated);
    this.pendingRestarts = [...(spec.restarts ?? [])];
    this.plan = [() => this.getInput(), () => this.map(), () => this.shuffle(), () => this.reduce(), () => this.summarize()];
  }

  /** Test hook: interrupt an invocation of `stage` as a server restart would. */
  addRestart(hook: RestartHook): void {
    this.pendingRestarts.push(hook);
  }

  private readonly pendingExhausts: ExhaustHook[] = [];

  addExhaust(hook: ExhaustHook): void {
    this.pendingExhausts.push(hook);
  }

  private takeExhaust(stage: MapReduceStage, completed: number): ExhaustHook | undefined {
    const i = this.pendingExhausts.findIndex((h) => h.stage === stage && h.afterInvocations === completed);
    return i < 0 ? undefined : this.pendingExhausts.splice(i, 1)[0];
  }

  get done(): boolean {
    return this.status === 'COMPLETE' || this.status === 'FAILED';
  }

  /** Runs the next stage; returns false once the instance is finished. */
  step(): boolean {
    if (this.done) return false;
    this.status = 'PROCESSING';
    const next = this.plan.shift();
    if (!next) return false;
    try {
      next();
    } catch (e) {
      this.status = 'FAILED';
      this.failure = errorJson(e);
    }
    if (this.status !== 'FAILED' && this.plan.length === 0) this.status = 'COMPLETE';
    if (this.done) this.finish();
    return !this.done;
  }

  /**
   * A finished instance keeps what checkStatus reports. Its keys and values it keeps, as text,
   * only while the runtime's finished instances fit a budget (retention.ts): the task list keeps
   * every instance, and a full sync's runs would otherwise hold each slice's stage data (tens of
   * MB) for the life of the account.
   */
  private finish(): void {
    this.final = { counts: this.counts(), percentage: this.percentageCompleted() };
    if (retainFinished(this.rt, this.final.counts.currentTotalSize, () => this.dropStageData())) this.stageDataAsText();
    else this.dropStageData();
  }

  private dropStageData(): void {
    this.pairs = [];
    this.mapWrites = [];
    this.groups = [];
    this.output = [];
  }

  /** Kept stage data as the script wrote it, readable by whoever inspects the instance. */
  private stageDataAsText(): void {
    const mapOnly = this.output === this.mapWrites;
    this.pairs = this.pairs.map((p) => ({ key: p.key, value: read(p.value) }));
    this.mapWrites = this.mapWrites.map(([k, v]) => [k, read(v)]);
    this.groups = this.groups.map((g) => ({ key: g.key, values: g.values.map(read) }));
    this.output = mapOnly ? this.mapWrites : this.output.map(([k, v]) => [k, read(v)]);
  }

  runToEnd(): void {
    while (this.step());
  }

  // --- counts for task.checkStatus ---------------------------------------------------------
  counts(): JobCounts {
    if (this.final) return { ...this.final.counts };
    const bytes = (xs: StageValue[]) => xs.reduce((n, v) => n + sizeOf(v), 0);
    const pendingMap = this.entry.map ? this.pairs.slice(this.mapDone) : [];
    const pendingReduce = this.groups.slice(this.reduceDone);
    return {
      totalMap: this.entry.map ? this.pairs.length : 0,
      pendingMap: pendingMap.length,
      pendingMapSize: bytes(pendingMap.map((p) => p.value)),
      totalReduce: this.groups.length,
      pendingReduce: pendingReduce.length,
      pendingReduceSize: bytes(pendingReduce.flatMap((g) => g.values)),
      totalOutput: this.output.length,
      pendingOutput: this.stage === 'SUMMARIZE' || this.done ? 0 : this.output.length,
      pendingOutputSize: this.stage === 'SUMMARIZE' || this.done ? 0 : bytes(this.output.map((o) => o[1])),
      currentTotalSize: bytes([...this.pairs.map((p) => p.value), ...this.mapWrites.map((w) => w[1]), ...this.output.map((o) => o[1])]),
    };
  }

  /**
   * [open] NetSuite does not document how it computes the percentage; here getInputData is the
   * first 10 %, map 10–50 %, shuffle 50–60 %, reduce 60–95 %, summarize the last 5 %.
   */
  percentageCompleted(): number {
    if (this.status === 'COMPLETE') return 100;
    if (this.final) return this.final.percentage;
    const frac = (done: number, total: number) => (total === 0 ? 1 : done / total);
    switch (this.stage) {
      case null: return 0;
      case 'GET_INPUT': return 0;
      case 'MAP': return Math.floor(10 + 40 * frac(this.mapDone, this.pairs.length));
      case 'SHUFFLE': return 50;
      case 'REDUCE': return Math.floor(60 + 35 * frac(this.reduceDone, this.groups.length));
      case 'SUMMARIZE': return 95;
    }
  }

  // --- stages --------------------------------------------------------------------------------
  private getInput(): void {
    this.stage = 'GET_INPUT';
    const startMs = this.rt.clock.nowMs();
    this.inputStats.dateCreated = this.rt.clock.now();
    let isRestarted = false;
    for (;;) {
      const restart = this.takeRestart('getInputData', 0);
      const r = this.invoke('getInputData', (exports) => {
        this.readEntryPoints(exports);
        const before = this.rt.clock.nowMs();
        const returned = this.call(exports, 'getInputData', { isRestarted, ObjectRef: { type: '', id: '' } });
        const pairs = inputPairs(this.rt, returned, this.spec.input ?? {}).map((p): StagePair => ({ key: p.key, value: persist(p.value) }));
        this.checkTime('getInputData', this.rt.clock.nowMs() - before);
        // Search results returned by getInputData count as persisted data too.
        const bytes = pairs.reduce((n, p) => n + pairBytes(p.key, p.value), 0);
        this.notePersisted(bytes);
        if (bytes > this.persistedLimit) throw persistedLimitError(bytes, this.persistedLimit);
        return { pairs, bytes };
      });
      this.inputStats.usage += r.used;
      if (!r.ok) {
        this.inputStats.error = errorJson(r.error);
        this.skipToSummarize = true;
        break;
      }
      if (restart) {
        isRestarted = true;
        continue;
      }
      this.pairs = r.value.pairs;
      this.persistedBytes = r.value.bytes;
      break;
    }
    this.inputStats.seconds = (this.rt.clock.nowMs() - startMs) / 1000;
  }

  private map(): void {
    if (this.skipToSummarize) return;
    this.stage = 'MAP';
    if (!this.entry.map) {
      // No map stage: getInputData's pairs go straight to the shuffle (same bytes, now waiting for reduce).
      this.mapWrites = this.pairs.map((p) => [p.key, p.value]);
      return;
    }
    this.runKeyed('map', this.mapStats, this.pairs.length, (i) => {
      const p = this.pairs[i] as StagePair;
      return { key: p.key, payload: { value: read(p.value) }, bytes: pairBytes(p.key, p.value) };
    }, (writes) => { for (const w of writes) this.mapWrites.push(w); this.mapDone += 1; });
  }

  private shuffle(): void {
    if (!this.entry.reduce) {
      // Map-only: what map wrote is the output (also when exitOnError cut the stage short).
      this.output = this.mapWrites;
      return;
    }
    if (this.skipToSummarize) return;
    this.stage = 'SHUFFLE';
    const byKey = new Map<string, StageValue[]>();
    for (const [k, v] of this.mapWrites) {
      const list = byKey.get(k);
      if (list) list.push(v);
      else byKey.set(k, [v]);
    }
    this.groups = Array.from(byKey, ([key, values]) => ({ key, values }));
    // Keys are now held once per group.
    this.persistedBytes = this.groups.reduce((n, g) => n + groupBytes(g), 0);
  }

  private reduce(): void {
    if (this.skipToSummarize || !this.entry.reduce) return;
    this.stage = 'REDUCE';
    this.runKeyed('reduce', this.reduceStats, this.groups.length, (i) => {
      const g = this.groups[i] as { key: string; values: StageValue[] };
      return { key: g.key, payload: { values: g.values.map(read) }, bytes: groupBytes(g) };
    }, (writes) => { for (const w of writes) this.output.push(w); this.reduceDone += 1; });
  }

  private summarize(): void {
    this.stage = 'SUMMARIZE';
    const startMs = this.rt.clock.nowMs();
    let isRestarted = false;
    for (;;) {
      const restart = this.takeRestart('summarize', 0);
      const r = this.invoke('summarize', (exports) => {
        if (typeof exports.summarize !== 'function') return undefined;
        const before = this.rt.clock.nowMs();
        const returned = this.call(exports, 'summarize', this.summaryContext(isRestarted, startMs));
        this.checkTime('summarize', this.rt.clock.nowMs() - before);
        return returned;
      });
      this.summarizeUsage += r.used;
      if (!r.ok) throw r.error; // uncaught in summarize: the instance fails [open: NetSuite's status]
      if (restart) {
        isRestarted = true;
        continue;
      }
      return;
    }
  }

  private summaryContext(isRestarted: boolean, startMs: number) {
    const stats = [this.inputStats, this.mapStats, this.reduceStats];
    return {
      isRestarted,
      dateCreated: this.dateCreated,
      seconds: (startMs - this.dateCreated.getTime()) / 1000,
      usage: stats.reduce((n, s) => n + s.usage, 0),
      concurrency: Math.max(this.mapStats.concurrency, this.reduceStats.concurrency),
      yields: this.mapStats.yields + this.reduceStats.yields,
      inputSummary: {
        dateCreated: this.inputStats.dateCreated,
        seconds: this.inputStats.seconds,
        usage: this.inputStats.usage,
        error: this.inputStats.error,
      },
      mapSummary: stageSummary(this.mapStats),
      reduceSummary: stageSummary(this.reduceStats),
      output: outputIterator(this.output.map(([k, v]): [string, string] => [k, read(v)])),
    };
  }

  // --- keyed invocations (map and reduce) ----------------------------------------------------
  private runKeyed(
    stage: 'map' | 'reduce',
    stats: StageStats,
    count: number,
    item: (i: number) => { key: string; payload: Record<string, unknown>; bytes: number },
    commit: (writes: [string, StageValue][]) => void,
  ): void {
    const startMs = this.rt.clock.nowMs();
    stats.dateCreated = this.rt.clock.now();
    const concurrency = Math.max(1, Math.min(this.spec.concurrency, count));
    stats.concurrency = count === 0 ? 0 : concurrency;
    // Each job's own units and minutes since it last yielded (jobs run side by side in NetSuite).
    const slots = Array.from({ length: concurrency }, () => ({ units: 0, ms: 0 }));
    const yieldAfterMs = (this.spec.yieldAfterMins ?? DEFAULT_YIELD_AFTER_MINS) * 60_000;
    let completed = 0;

    for (let i = 0; i < count; i++) {
      const { key, payload, bytes: inputBytes } = item(i);
      const slot = slots[i % concurrency] as { units: number; ms: number };
      const earlier: ErrorRecord[] = [];
      let executionNo = 1;
      let retriesUsed = 0;
      const fail = () => {
        // A processed pair no longer counts toward persisted data, failed or not.
        this.persistedBytes -= inputBytes;
        stats.keys.push({ key, executionCount: executionNo, completionState: 'FAILED' });
        if (stage === 'map') this.mapDone += 1;
        else this.reduceDone += 1;
      };
      for (;;) {
        const restart = this.takeRestart(stage, completed);
        const writes: [string, string][] = [];
        const context = {
          ...payload,
          key,
          isRestarted: executionNo > 1,
          executionNo,
          errors: errorIterator([...earlier]),
          write: (a: unknown, b?: unknown): void => {
            writes.push(writeArgs(a, b));
          },
        };
        const before = this.rt.clock.nowMs();
        const exhaust = this.takeExhaust(stage, completed);
        let r = this.invoke(stage, (exports) => this.call(exports, stage, context), exhaust?.leaveUnits);
        const took = this.spec.invocationMs?.(stage, key) ?? 0;
        if (took > 0) this.rt.clock.advance(took);
        const elapsed = this.rt.clock.nowMs() - before;
        // Over its time limit the invocation is ended: its writes are lost, as for an error.
        if (r.ok && elapsed > INVOCATION_TIME_LIMIT_MS[stage]) r = { ok: false, error: timeLimitError(stage, elapsed), used: r.used };
        const kept = r.ok ? writes.map(([k, v]): [string, StageValue] => [k, persist(v)]) : [];
        const written = kept.reduce((n, [k, v]) => n + pairBytes(k, v), 0);
        const overLimit = r.ok && this.persistedBytes - inputBytes + written > this.persistedLimit;
        if (overLimit) r = { ok: false, error: persistedLimitError(this.persistedBytes - inputBytes + written, this.persistedLimit), used: r.used };
        stats.usage += r.used;
        slot.units += r.used;
        slot.ms += this.rt.clock.nowMs() - before;
        if (restart) {
          const interrupted = { key, error: errorJson(suiteScriptError('SSS_APP_SERVER_RESTART', 'The server was restarted while this invocation ran')), executionNo };
          earlier.push(interrupted);
          stats.errors.push(interrupted);
          // Re-run unless retryCount is set and used up (0 means: never re-run the pair).
          if (this.config.retryCount !== null) {
            if (retriesUsed >= this.config.retryCount) {
              fail();
              break;
            }
            retriesUsed += 1;
          }
          executionNo += 1;
          continue;
        }
        if (r.ok) {
          this.persistedBytes += written - inputBytes;
          this.notePersisted(this.persistedBytes);
          commit(kept);
          stats.keys.push({ key, executionCount: executionNo, completionState: 'COMPLETE' });
          break;
        }
        const failure = { key, error: errorJson(r.error), executionNo };
        stats.errors.push(failure);
        earlier.push(failure);
        if (overLimit) {
          // The platform ends the stage and goes to summarize; no retry can make room.
          fail();
          this.skipToSummarize = true;
          break;
        }
        // An error is retried only when retryCount is set, and restarts share the same budget.
        if (this.config.retryCount !== null && retriesUsed < this.config.retryCount) {
          retriesUsed += 1;
          executionNo += 1;
          continue;
        }
        fail();
        if (this.config.exitOnError) this.skipToSummarize = true;
        break;
      }
      completed += 1;
      if (slot.units >= YIELD_AFTER_UNITS || slot.ms >= yieldAfterMs) {
        stats.yields += 1;
        slot.units = 0;
        slot.ms = 0;
      }
      if (this.skipToSummarize) break;
    }
    stats.seconds = (this.rt.clock.nowMs() - startMs) / 1000;
  }

  // --- limits ---------------------------------------------------------------------------------
  private get persistedLimit(): number {
    return this.spec.persistedLimitBytes ?? MAX_PERSISTED_BYTES;
  }

  private notePersisted(bytes: number): void {
    if (bytes > this.maxPersistedBytes) this.maxPersistedBytes = bytes;
  }

  private checkTime(stage: 'getInputData' | 'summarize', ms: number): void {
    if (ms > INVOCATION_TIME_LIMIT_MS[stage]) throw timeLimitError(stage, ms);
  }

  // --- plumbing ------------------------------------------------------------------------------
  private readEntryPoints(exports: Record<string, unknown>): void {
    this.entry = { map: typeof exports.map === 'function', reduce: typeof exports.reduce === 'function' };
    if (typeof exports.getInputData !== 'function') throw new Error('the Map/Reduce script has no getInputData entry point');
    if (!this.entry.map && !this.entry.reduce) throw new Error('a Map/Reduce script needs a map or a reduce entry point');
    const c = (exports.config ?? {}) as Partial<Config>;
    const retryCount = c.retryCount ?? null;
    if (retryCount !== null && ![0, 1, 2, 3].includes(retryCount)) throw new Error(`config.retryCount must be 0..3, got ${String(retryCount)}`);
    this.config = { retryCount, exitOnError: c.exitOnError === true };
  }

  private call(exports: Record<string, unknown>, name: string, context: unknown): unknown {
    const fn = exports[name] as (c: unknown) => unknown;
    const returned = fn(context);
    if (returned && typeof (returned as { then?: unknown }).then === 'function' && name !== 'getInputData') {
      throw new Error(`${name} returned a Promise: asynchronous entry points are not modelled by the local runtime`);
    }
    return returned;
  }

  /** One entry-point run through the runtime; captures units spent even when it throws. */
  private invoke<T>(stage: MapReduceStage, body: (exports: Record<string, unknown>) => T, leaveUnits?: number):
    { ok: true; value: T; used: number } | { ok: false; error: unknown; used: number } {
    let execution: ScriptExecution | undefined;
    try {
      const value = this.rt.runScript(
        {
          scriptId: this.spec.scriptId,
          deploymentId: this.spec.deploymentId,
          executionContext: 'MAPREDUCE',
          stage,
          parameters: this.spec.params,
          user: this.spec.user,
        },
        (exports, e) => {
          execution = e;
          if (leaveUnits !== undefined) e.meter.debit('(an exhaust fault: the invocation starts nearly spent)', Math.max(0, e.meter.remaining() - leaveUnits));
          return body(exports);
        },
      );
      return { ok: true, value, used: execution?.meter.used ?? 0 };
    } catch (error) {
      if (!execution) throw error; // the script could not even be started: the instance fails
      return { ok: false, error, used: execution.meter.used };
    }
  }

  private takeRestart(stage: MapReduceStage, completed: number): boolean {
    const i = this.pendingRestarts.findIndex((h) => h.stage === stage && h.afterInvocations === completed);
    if (i < 0) return false;
    this.pendingRestarts.splice(i, 1);
    return true;
  }
}

/** write(key, value) or write({key, value}); objects are stored as JSON. */
function writeArgs(a: unknown, b: unknown): [string, string] {
  let key: unknown = a;
  let value: unknown = b;
  if (b === undefined && a && typeof a === 'object' && 'key' in (a as object)) {
    key = (a as { key: unknown }).key;
    value = (a as { value: unknown }).value;
  }
  if (key === undefined || key === null) throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'context.write: Missing a required argument: key');
  const k = asStoredString(key);
  const v = asStoredString(value);
  checkKey(k);
  checkValue(v);
  return [k, v];
}

