/**
 * The seam between the runtime's core (loader, record store, search, User Events) and the
 * parts built on it (N/https, N/task with the Map/Reduce driver, scheduled deployments,
 * Suitelets). Those parts take a RuntimeServices and never reach into the core's internals.
 */
import type { ExecutionContextType, ExecutionStack, ScriptExecution } from './execution';
import type { MapReduceStage, UsageLedger } from './governance';

/** Simulated wall clock: scheduled deployments, last-modified times and backoff read it. */
export class SimulatedClock {
  constructor(private ms: number = Date.UTC(2026, 0, 5, 9, 0, 0)) {}
  now(): Date {
    return new Date(this.ms);
  }
  nowMs(): number {
    return this.ms;
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('the clock only moves forward');
    this.ms += ms;
  }
  set(date: Date): void {
    this.advance(date.getTime() - this.ms);
  }
}

/** A log.* call or an uncaught error, as the Execution Log shows it. */
export interface LogEntry {
  level: 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';
  title: string;
  details: string;
  scriptId: string;
  deploymentId: string;
  at: Date;
}

export interface RunOptions {
  scriptId: string;
  deploymentId: string;
  executionContext: ExecutionContextType;
  stage?: MapReduceStage;
  /** Overrides of the deployment's parameter values, by parameter script id. */
  parameters?: Record<string, unknown>;
  /** Who the run executes as; default the runtime's current user (the administrator). */
  user?: ScriptUser;
}

/** The user a run executes as (runtime.getCurrentUser()). */
export interface ScriptUser {
  id: number;
  role: string;
  roleId: string;
  email: string;
  name: string;
  /**
   * Permission levels by permission key (0 NONE, 1 VIEW, 2 CREATE, 3 EDIT, 4 FULL); omitted for
   * the Administrator role, which has every permission at FULL.
   */
  permissions?: Record<string, number>;
}

export interface RuntimeServices {
  readonly executions: ExecutionStack;
  readonly ledger: UsageLedger;
  readonly clock: SimulatedClock;
  readonly logs: LogEntry[];
  /** NetSuite account id (runtime.accountId), e.g. 'TSTDRV1234567'. */
  readonly accountId: string;
  /** Makes `name` (e.g. 'N/https') available to loaded scripts; the factory runs once. */
  registerModule(name: string, factory: () => unknown): void;
  /** Loads a built entry file (path as in <scriptfile>, e.g. '/SuiteApps/<appid>/entry/x.js'). */
  loadScript(scriptFile: string): Record<string, unknown>;
  /** A File Cabinet file's text ('/SuiteApps/<appid>/entry/x.js'); MODULE_DOES_NOT_EXIST when there is none. */
  readCabinetFile(path: string): string;
  /**
   * Runs `body` as one entry-point invocation of the script: opens a usage meter with the
   * script type's limit (and stage), pushes the execution, loads the script file, and passes
   * its exports. Errors thrown by `body` propagate after the execution is popped.
   */
  runScript<T>(options: RunOptions, body: (exports: Record<string, unknown>, execution: ScriptExecution) => T): T;
}
