/**
 * One instance of a Scheduled script: a single `execute(context)` run with the 10,000-unit
 * allowance. `context.type` is SCHEDULED for a recurrence and ONDEMAND for task.submit.
 * [open] the status NetSuite reports after an uncaught error; FAILED here.
 */
import type { ScriptExecution } from '../execution';
import type { RuntimeServices, ScriptUser } from '../services';
import { errorJson } from '../map-reduce/summary';
import type { TaskStatusName } from '../map-reduce/job';

export class ScheduledScriptJob {
  status: TaskStatusName = 'PENDING';
  readonly stage = null;
  failure?: string;
  usage = 0;

  constructor(
    private readonly rt: RuntimeServices,
    readonly spec: {
      taskId: string;
      scriptId: string;
      deploymentId: string;
      params: Record<string, unknown>;
      user?: ScriptUser;
      invocationType: 'SCHEDULED' | 'ONDEMAND';
    },
  ) {}

  get done(): boolean {
    return this.status === 'COMPLETE' || this.status === 'FAILED';
  }

  step(): boolean {
    if (this.done) return false;
    this.status = 'PROCESSING';
    let execution: ScriptExecution | undefined;
    try {
      this.rt.runScript(
        {
          scriptId: this.spec.scriptId,
          deploymentId: this.spec.deploymentId,
          executionContext: 'SCHEDULED',
          parameters: this.spec.params,
          user: this.spec.user,
        },
        (exports, e) => {
          execution = e;
          const execute = exports.execute as ((c: unknown) => unknown) | undefined;
          if (typeof execute !== 'function') throw new Error('the Scheduled script has no execute entry point');
          execute({ type: this.spec.invocationType });
        },
      );
      this.status = 'COMPLETE';
    } catch (e) {
      this.status = 'FAILED';
      this.failure = errorJson(e);
    }
    this.usage = execution?.meter.used ?? 0;
    return false;
  }
}
