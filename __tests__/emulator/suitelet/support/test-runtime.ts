/**
 * A small RuntimeServices for the Suitelet tests, standing in for the core runtime until it is
 * wired: an AMD loader for built entry files (header checked), a module registry, executions
 * metered with the script type's limit, and minimal N/runtime and N/email (email.send debits
 * its documented 20 units) so a fixture can spend governance.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { ExecutionStack, type ScriptExecution } from '../../../../emulator/runtime/execution';
import { UsageLedger, usageLimit, type ScriptType } from '../../../../emulator/runtime/governance';
import { SimulatedClock, type LogEntry, type RunOptions, type RuntimeServices } from '../../../../emulator/runtime/services';
import type { ScriptInfo } from '../../../../emulator/runtime/suitelet/catalog';

export class TestRuntime implements RuntimeServices {
  readonly executions = new ExecutionStack();
  readonly ledger = new UsageLedger();
  readonly clock = new SimulatedClock();
  readonly logs: LogEntry[] = [];
  readonly accountId = 'TSTDRV1234567';
  readonly sentEmails: Record<string, unknown>[] = [];
  private readonly factories = new Map<string, () => unknown>();
  private readonly modules = new Map<string, unknown>();

  /** `fileCabinet` is the folder that '/SuiteApps/...' paths are read from. */
  constructor(readonly scripts: ScriptInfo[], private readonly fileCabinet: string) {
    this.registerModule('N/runtime', () => this.runtimeModule());
    this.registerModule('N/email', () => ({
      send: (options: Record<string, unknown>) => {
        this.executions.require('N/email.send').meter.debit('N/email.send', 20);
        this.sentEmails.push(options);
      },
    }));
  }

  registerModule(name: string, factory: () => unknown): void {
    this.factories.set(name, factory);
  }

  private module(name: string): unknown {
    if (!this.modules.has(name)) {
      const f = this.factories.get(name);
      if (!f) throw new Error(`Module ${name} is not available in the test runtime`);
      this.modules.set(name, f());
    }
    return this.modules.get(name);
  }

  loadScript(scriptFile: string): Record<string, unknown> {
    const path = join(this.fileCabinet, scriptFile.replace(/^\/SuiteApps\/[^/]+\//, ''));
    const code = readFileSync(path, 'utf8');
    const header = /^\/\*\*[\s\S]*?\*\//.exec(code)?.[0] ?? '';
    if (!/@NApiVersion\s+2\.1/.test(header) || !/@NScriptType\s+\w+/.test(header)) {
      throw new Error(`${scriptFile}: missing or wrong SuiteScript header`);
    }
    return this.evaluate(code, dirname(scriptFile), path);
  }

  private evaluate(code: string, dir: string, path: string): Record<string, unknown> {
    const exports: Record<string, unknown> = {};
    let defined = 0;
    const define = (deps: string[], factory: (...args: unknown[]) => unknown) => {
      defined++;
      const args = deps.map((d) => {
        if (d === 'exports') return exports;
        if (d === 'require') return (n: string) => this.module(n);
        if (d.startsWith('N/')) return this.module(d);
        if (d.startsWith('.')) return this.loadScript(`${posix.join(dir, d)}.js`);
        throw new Error(`${path}: cannot resolve ${d}`);
      });
      const result = factory(...args);
      if (result && typeof result === 'object') Object.assign(exports, result);
    };
    new Function('define', code)(define);
    if (defined !== 1) throw new Error(`${path}: expected exactly one define call, found ${defined}`);
    return exports;
  }

  runScript<T>(options: RunOptions, body: (exports: Record<string, unknown>, execution: ScriptExecution) => T): T {
    const script = this.scripts.find((s) => s.scriptId === options.scriptId);
    if (!script) throw new Error(`unknown script ${options.scriptId}`);
    const scriptType = script.scriptType as ScriptType;
    const meter = this.ledger.open({ scriptId: options.scriptId, deploymentId: options.deploymentId, stage: options.stage }, usageLimit(scriptType, options.stage));
    const execution: ScriptExecution = {
      scriptId: options.scriptId,
      deploymentId: options.deploymentId,
      scriptType,
      executionContext: options.executionContext,
      stage: options.stage,
      meter,
      parameters: options.parameters ?? {},
      user: options.user ?? { id: -5, role: '3', roleId: 'administrator', email: 'admin@example.com', name: 'Administrator' },
      scriptFile: script.scriptFile,
    };
    return this.executions.run(execution, () => body(this.loadScript(script.scriptFile), execution));
  }

  private runtimeModule(): Record<string, unknown> {
    const current = () => this.executions.require('N/runtime');
    return {
      getCurrentScript: () => {
        const e = current();
        return { id: e.scriptId, deploymentId: e.deploymentId, getRemainingUsage: () => e.meter.remaining(), getParameter: (o: { name: string }) => e.parameters[o.name] };
      },
      getCurrentUser: () => {
        const u = current().user;
        return { id: u.id, role: Number(u.role), roleId: u.roleId, email: u.email, name: u.name };
      },
      get executionContext() {
        return current().executionContext;
      },
      ContextType: { SUITELET: 'SUITELET' },
    };
  }
}
