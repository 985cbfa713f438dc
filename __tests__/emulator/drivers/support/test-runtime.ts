/**
 * A small RuntimeServices for the driver tests, standing in for H3's NetSuiteRuntime until it
 * lands: an execution stack, a usage ledger, a simulated clock, N/log capture, and an AMD loader
 * for built entry files (define with require/exports, N/* from registered modules).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExecutionStack, ScriptExecution } from '../../../../emulator/runtime/execution';
import { ScriptType, UsageLedger, usageLimit } from '../../../../emulator/runtime/governance';
import { LogEntry, RunOptions, RuntimeServices, ScriptUser, SimulatedClock } from '../../../../emulator/runtime/services';

export type TestUser = ScriptUser;

export const ADMIN: TestUser = { id: 3, role: 'administrator', roleId: '3', email: 'admin@example.com', name: 'Admin' };

interface ScriptEntry {
  scriptType: ScriptType;
  scriptFile: string;
  /** Parameter values set on each deployment (by deployment id); task params override them. */
  deploymentParameters?: Record<string, Record<string, unknown>>;
}

export class TestRuntime implements RuntimeServices {
  readonly executions = new ExecutionStack();
  readonly ledger = new UsageLedger();
  readonly clock = new SimulatedClock();
  readonly logs: LogEntry[] = [];
  readonly accountId = 'TSTDRV1234567';
  /** Rows the stand-in N/search returns, as SearchResult.toJSON() gives them. */
  searchRows: { recordType: string; id: string; values: Record<string, unknown> }[] = [];
  /** The user runs are executed as, unless a run says otherwise. */
  user: TestUser = ADMIN;
  private readonly factories = new Map<string, () => unknown>();
  private readonly instances = new Map<string, unknown>();
  private readonly scripts = new Map<string, ScriptEntry>();

  /** @param fileCabinet folder that stands for the File Cabinet root ('/SuiteApps/...' inside). */
  constructor(private readonly fileCabinet: string) {
    this.registerModule('N/log', () => this.logModule());
    this.registerModule('N/runtime', () => this.runtimeModule());
    this.registerModule('N/search', () => this.searchModule());
  }

  addScript(scriptId: string, entry: ScriptEntry): void {
    this.scripts.set(scriptId, entry);
  }

  registerModule(name: string, factory: () => unknown): void {
    this.factories.set(name, factory);
    this.instances.delete(name);
  }

  loadScript(scriptFile: string): Record<string, unknown> {
    const code = readFileSync(join(this.fileCabinet, scriptFile), 'utf8');
    if (!/^\/\*\*[\s\S]*?@NApiVersion 2\.1/.test(code)) throw new Error(`${scriptFile}: missing @NApiVersion 2.1 header`);
    let exported: Record<string, unknown> | undefined;
    const define = (deps: string[], factory: (...args: unknown[]) => unknown) => {
      const exportsObj: Record<string, unknown> = {};
      const args = deps.map((d) => {
        if (d === 'exports') return exportsObj;
        if (d === 'require') return (name: string) => this.module(name);
        return this.module(d);
      });
      const returned = factory(...args);
      exported = (returned as Record<string, unknown> | undefined) ?? exportsObj;
    };
    new Function('define', code)(define);
    if (!exported) throw new Error(`${scriptFile}: no define() call`);
    return exported;
  }

  runScript<T>(options: RunOptions, body: (exports: Record<string, unknown>, e: ScriptExecution) => T): T {
    const script = this.scripts.get(options.scriptId);
    if (!script) throw new Error(`unknown script ${options.scriptId}`);
    const meter = this.ledger.open(
      { scriptId: options.scriptId, deploymentId: options.deploymentId, stage: options.stage },
      usageLimit(script.scriptType, options.stage),
    );
    const execution: ScriptExecution = {
      scriptId: options.scriptId,
      deploymentId: options.deploymentId,
      scriptType: script.scriptType,
      executionContext: options.executionContext,
      stage: options.stage,
      meter,
      parameters: { ...(script.deploymentParameters?.[options.deploymentId] ?? {}), ...(options.parameters ?? {}) },
      user: options.user ?? this.user,
      scriptFile: script.scriptFile,
    };
    return this.executions.run(execution, () => body(this.loadScript(script.scriptFile), execution));
  }

  /** Runs `body` as a bare script execution (for calling N modules directly from a test). */
  asScript<T>(scriptId: string, body: (e: ScriptExecution) => T, user?: TestUser): T {
    if (!this.scripts.has(scriptId)) this.addScript(scriptId, { scriptType: 'SUITELET', scriptFile: '' });
    const script = this.scripts.get(scriptId)!;
    const meter = this.ledger.open({ scriptId, deploymentId: 'customdeploy_test' }, usageLimit(script.scriptType));
    const execution: ScriptExecution = {
      scriptId,
      deploymentId: 'customdeploy_test',
      scriptType: script.scriptType,
      executionContext: 'SUITELET',
      meter,
      parameters: {},
      user: user ?? this.user,
    };
    return this.executions.run(execution, () => body(execution));
  }

  module(name: string): unknown {
    if (!this.instances.has(name)) {
      const f = this.factories.get(name);
      if (!f) throw new Error(`module ${name} is not served by the test runtime`);
      this.instances.set(name, f());
    }
    return this.instances.get(name);
  }

  /**
   * A stand-in for H3's N/search with the shape the Map/Reduce input reader relies on: a
   * `searchType`, `run().getRange({start, end})` (10 units, at most 1,000 rows) and results
   * with `toJSON()`.
   */
  searchModule() {
    const create = (o: { type: string }) => ({
      searchType: o.type,
      run: () => ({
        getRange: (r: { start: number; end: number }) => {
          if (r.end - r.start > 1000) throw new Error('getRange returns at most 1,000 results');
          this.executions.require('N/search').meter.debit('N/search.ResultSet.getRange', 10);
          return this.searchRows.slice(r.start, r.end).map((row) => ({ toJSON: () => row }));
        },
      }),
    });
    return { create, load: (o: { id: string }) => create({ type: `saved:${o.id}` }) };
  }

  /** The slice of N/runtime the fixtures use. */
  private runtimeModule() {
    const current = () => this.executions.require('N/runtime');
    return {
      get executionContext() {
        return current().executionContext;
      },
      accountId: this.accountId,
      getCurrentScript: () => {
        const e = current();
        return {
          id: e.scriptId,
          deploymentId: e.deploymentId,
          getParameter: (o: { name: string }) => e.parameters[o.name] ?? null,
          getRemainingUsage: () => e.meter.remaining(),
        };
      },
      getCurrentUser: () => current().user,
    };
  }

  private logModule() {
    const write = (level: LogEntry['level']) => (a: { title?: unknown; details?: unknown } | string, b?: unknown) => {
      const e = this.executions.current();
      const o = typeof a === 'object' ? a : { title: a, details: b };
      this.logs.push({
        level,
        title: String(o.title ?? ''),
        details: typeof o.details === 'string' ? o.details : JSON.stringify(o.details),
        scriptId: e?.scriptId ?? '',
        deploymentId: e?.deploymentId ?? '',
        at: this.clock.now(),
      });
    };
    return { debug: write('DEBUG'), audit: write('AUDIT'), error: write('ERROR'), emergency: write('EMERGENCY') };
  }
}
