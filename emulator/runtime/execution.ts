/**
 * The script run that is executing right now. SuiteScript is synchronous, so the runtime keeps
 * a stack: a save inside a User Event pushes the User Event's execution, and N modules consult
 * the top of the stack for the meter, parameters, execution context and whether user events
 * may fire (they never chain inside a User Event).
 */
import type { MapReduceStage, ScriptType, UsageMeter } from './governance';

/** runtime.ContextType values (docs/netsuite-platform-facts.md §3). */
export type ExecutionContextType =
  | 'USERINTERFACE'
  | 'CSVIMPORT'
  | 'WEBSERVICES'
  | 'RESTWEBSERVICES'
  | 'RESTLET'
  | 'SUITELET'
  | 'SCHEDULED'
  | 'MAPREDUCE'
  | 'WORKFLOW'
  | 'CUSTOMMASSUPDATE'
  | 'USEREVENT'
  | 'USER_EVENT'
  | 'CLIENT';

export interface ScriptExecution {
  scriptId: string;
  deploymentId: string;
  scriptType: ScriptType;
  /** What started this run (runtime.executionContext). */
  executionContext: ExecutionContextType;
  stage?: MapReduceStage;
  meter: UsageMeter;
  /** Script parameters from the deployment (custscript_...), already typed. */
  parameters: Record<string, unknown>;
  /** Role and user the run is executed as (runtime.getCurrentUser()). */
  user: { id: number; role: string; roleId: string; email: string; name: string };
  /** Entry-point file, for log records and error summaries. */
  scriptFile?: string;
}

export class ExecutionStack {
  private readonly stack: ScriptExecution[] = [];

  current(): ScriptExecution | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The running execution; N modules call this and fail loudly when used outside one. */
  require(api: string): ScriptExecution {
    const top = this.current();
    if (!top) throw new Error(`${api} called outside a script execution (module top level?)`);
    return top;
  }

  /** True while any User Event runs: records saved now fire no further User Events. */
  insideUserEvent(): boolean {
    return this.stack.some((e) => e.scriptType === 'USEREVENT');
  }

  run<T>(execution: ScriptExecution, body: () => T): T {
    this.stack.push(execution);
    try {
      return body();
    } finally {
      this.stack.pop();
    }
  }
}
