/**
 * Usage-unit governance, as NetSuite meters it: every N/ call debits its documented cost from
 * the running script's allowance (docs/netsuite-platform-facts.md §1); going over throws
 * SSS_USAGE_LIMIT_EXCEEDED. Totals are kept per script, stage and invocation so tests and the
 * benchmark can assert budgets deterministically.
 */

export type ScriptType =
  | 'USEREVENT'
  | 'MAPREDUCE'
  | 'SUITELET'
  | 'SCHEDULED'
  | 'RESTLET'
  | 'CLIENT';

export type MapReduceStage = 'getInputData' | 'map' | 'reduce' | 'summarize';

/** Per-invocation limits from the Help Center (units). */
export function usageLimit(scriptType: ScriptType, stage?: MapReduceStage): number {
  switch (scriptType) {
    case 'USEREVENT':
    case 'SUITELET':
    case 'CLIENT':
      return 1000;
    case 'RESTLET':
      return 5000;
    case 'SCHEDULED':
      return 10000;
    case 'MAPREDUCE':
      if (stage === 'map') return 1000;
      if (stage === 'reduce') return 5000;
      return 10000;
  }
}

/** Thrown when a script spends past its allowance; NetSuite's name and code. */
class UsageLimitExceededError extends Error {
  readonly name = 'SSS_USAGE_LIMIT_EXCEEDED';
  readonly type = 'error.SuiteScriptError';
  readonly id = `usage-${Date.now().toString(36)}`;
  constructor(readonly limit: number, readonly attempted: number, readonly api: string) {
    super(`Script Execution Usage Limit Exceeded (limit ${limit}, ${api} would reach ${attempted})`);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, name: this.name, message: this.message, id: this.id, stack: this.stack?.split('\n') ?? [] };
  }
}

/** One debit, kept so a test can see where the units went. */
export interface UsageDebit {
  api: string;
  units: number;
}

/** The allowance of one entry-point run (one User Event call, one map invocation, ...). */
export class UsageMeter {
  private spent = 0;
  /** Once over the limit the run is finished: NetSuite stops it, so catching the error buys nothing. */
  private exceeded: UsageLimitExceededError | undefined;
  readonly debits: UsageDebit[] = [];

  constructor(readonly limit: number, private readonly onDebit?: (d: UsageDebit) => void) {}

  get used(): number {
    return this.spent;
  }

  remaining(): number {
    return this.exceeded ? 0 : this.limit - this.spent;
  }

  /** True once a call went over the limit. */
  get isExceeded(): boolean {
    return this.exceeded !== undefined;
  }

  /** Debits `units` for `api` (e.g. 'N/https.post'); throws once the limit would be passed. */
  debit(api: string, units: number): void {
    if (units <= 0) return;
    const attempted = this.spent + units;
    if (this.exceeded) throw new UsageLimitExceededError(this.limit, attempted, api);
    if (attempted > this.limit) {
      this.exceeded = new UsageLimitExceededError(this.limit, attempted, api);
      throw this.exceeded;
    }
    this.spent = attempted;
    const d = { api, units };
    this.debits.push(d);
    this.onDebit?.(d);
  }
}

/** Key under which totals are aggregated: script id, plus the stage for Map/Reduce. */
export interface UsageKey {
  scriptId: string;
  deploymentId: string;
  stage?: MapReduceStage;
}

export interface UsageTotals {
  units: number;
  /** Entry-point runs: User Event calls, Map/Reduce invocations, Suitelet requests. */
  invocations: number;
  /** Units per API name, e.g. { 'N/https.post': 20, 'N/search.ResultSet.each': 10 }. */
  byApi: Record<string, number>;
}

/** Ledger of every meter the runtime opened; the numbers tests and the benchmark read. */
export class UsageLedger {
  private readonly totals = new Map<string, UsageTotals>();

  private static keyOf(k: UsageKey): string {
    return `${k.scriptId}|${k.deploymentId}|${k.stage ?? ''}`;
  }

  /** Opens a meter for one invocation; its debits are added to the ledger as they happen. */
  open(key: UsageKey, limit: number): UsageMeter {
    const t = this.entry(key);
    t.invocations += 1;
    return new UsageMeter(limit, (d) => {
      t.units += d.units;
      t.byApi[d.api] = (t.byApi[d.api] ?? 0) + d.units;
    });
  }

  private entry(key: UsageKey): UsageTotals {
    const k = UsageLedger.keyOf(key);
    let t = this.totals.get(k);
    if (!t) {
      t = { units: 0, invocations: 0, byApi: {} };
      this.totals.set(k, t);
    }
    return t;
  }

  /** Sum over every key matching the filter (omit fields to aggregate over them). */
  total(filter: Partial<UsageKey> = {}): UsageTotals {
    const sum: UsageTotals = { units: 0, invocations: 0, byApi: {} };
    for (const [k, t] of this.totals) {
      const [scriptId, deploymentId, stage] = k.split('|');
      if (filter.scriptId !== undefined && filter.scriptId !== scriptId) continue;
      if (filter.deploymentId !== undefined && filter.deploymentId !== deploymentId) continue;
      if (filter.stage !== undefined && filter.stage !== stage) continue;
      sum.units += t.units;
      sum.invocations += t.invocations;
      for (const [api, u] of Object.entries(t.byApi)) sum.byApi[api] = (sum.byApi[api] ?? 0) + u;
    }
    return sum;
  }

  reset(): void {
    this.totals.clear();
  }
}
