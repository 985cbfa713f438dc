/**
 * N/task for the local runtime (docs/netsuite-platform-facts.md §1, §2): MAP_REDUCE and SCHEDULED_SCRIPT
 * tasks. `submit()` (20 units) puts an instance in the processor queue and returns its task id;
 * it runs only when `processQueue()` is called. `checkStatus` (0 units) returns a snapshot;
 * the Map/Reduce status getters cost 10 units each.
 *
 * Submit rules modelled: one unfinished instance per deployment (MAP_REDUCE_ALREADY_RUNNING),
 * except that a Map/Reduce submitting its own deployment is queued to start once the current
 * instance completes and gets no task id back (Help Center, "MapReduceScriptTask.submit()");
 * the deployment must be deployed and NOTSCHEDULED; the calling user's role needs Administrator
 * or the SuiteScript + SuiteScript Scheduling permissions; without deploymentId the first free
 * NOTSCHEDULED deployment of the script is used (NO_DEPLOYMENTS_AVAILABLE otherwise).
 */
import type { ScriptDefinition } from '../project/definitions';
import type { RuntimeServices, ScriptUser } from '../services';
import { suiteScriptError } from '../https/suiteScriptError';
import type { InputOptions } from '../map-reduce/input';
import { JobSpec, MapReduceJob } from '../map-reduce/job';
import { DEFAULT_PROCESSORS } from '../map-reduce/limits';
import { queueableDeployments, QueueableDeployment } from './deployments';
import { ProcessOptions, ProcessorQueue, QueuedTask, TaskKind } from './queue';
import { ScheduledScriptJob } from './scheduledJob';
import { taskStatus } from './status';

const SUBMIT_UNITS = 20;
/**
 * [open] Permission keys of "SuiteScript" and "SuiteScript Scheduling" (the role needs both; the
 * Help Center names the permissions, not their keys). A user whose `permissions` hold both at
 * any level above NONE may submit; `schedulingRoles` grants the same by role.
 */
export const SUITESCRIPT_PERMISSION = 'ADMI_SUITESCRIPT';
export const SCHEDULING_PERMISSION = 'ADMI_SUITESCRIPTSCHEDULING';

export interface TaskOptions {
  /** The project's scripts (the runtime's project model); read on every call so late additions count. */
  scripts: () => ScriptDefinition[];
  /** SuiteCloud processors: 2 by default, more with SuiteCloud Plus. */
  processors?: number;
  /**
   * Roles (id or name, e.g. 'customrole_fsc_ops' or '1042') that hold SuiteScript and SuiteScript
   * Scheduling. Administrator (role 'administrator' / id 3) always may submit.
   */
  schedulingRoles?: string[];
  /** Simulated duration of each Map/Reduce map/reduce invocation (see JobSpec.invocationMs). */
  invocationMs?: JobSpec['invocationMs'];
  /** For `{type: 'search', id}` returned by getInputData. */
  loadSearch?: InputOptions['loadSearch'];
  /** Map/Reduce persisted-data limit (default 200 MB): tests lower it to reach it with small data. */
  persistedLimitBytes?: number;
}

export interface TaskHandle {
  readonly module: Record<string, unknown>;
  readonly queue: ProcessorQueue;
  /** Runs what is queued (see ProcessOptions); returns the number of stage steps taken. */
  processQueue(options?: ProcessOptions): number;
  /** Queues an instance without the submit checks (the scheduler's path). */
  enqueueScheduled(deployment: QueueableDeployment): QueuedTask;
  deployments(): QueueableDeployment[];
}

export function installTask(rt: RuntimeServices, options: TaskOptions): TaskHandle {
  const queue = new ProcessorQueue(options.processors ?? DEFAULT_PROCESSORS);
  const schedulingRoles = new Set((options.schedulingRoles ?? []).map((r) => r.toLowerCase()));
  let counter = 0;
  const deployments = () => queueableDeployments(options.scripts());

  const mayScheduleScripts = (user: ScriptUser): boolean => {
    const held = (key: string) => (user.permissions?.[key] ?? 0) > 0;
    // Administrator is role id 3; either field may carry the id or the name.
    const isAdmin = [user.role, user.roleId].some((r) => r.toLowerCase() === 'administrator' || r === '3');
    return (
      isAdmin ||
      schedulingRoles.has(user.role.toLowerCase()) ||
      schedulingRoles.has(user.roleId.toLowerCase()) ||
      (held(SUITESCRIPT_PERMISSION) && held(SCHEDULING_PERMISSION))
    );
  };

  function newTask(kind: TaskKind, d: QueueableDeployment, params: Record<string, unknown>, user: ScriptUser | undefined, origin: QueuedTask['origin']): QueuedTask {
    counter += 1;
    const taskId = `${kind === 'MAP_REDUCE' ? 'MAPREDUCETASK' : 'SCHEDSCRIPT'}_${String(counter).padStart(8, '0')}`;
    const job = kind === 'MAP_REDUCE'
      ? new MapReduceJob(rt, {
          taskId,
          scriptId: d.scriptId,
          deploymentId: d.deploymentId,
          params,
          user,
          concurrency: Math.min(queue.processors, d.concurrencyLimit ?? queue.processors),
          yieldAfterMins: d.yieldAfterMins ?? undefined,
          invocationMs: options.invocationMs,
          input: { loadSearch: options.loadSearch },
          persistedLimitBytes: options.persistedLimitBytes,
        })
      : new ScheduledScriptJob(rt, { taskId, scriptId: d.scriptId, deploymentId: d.deploymentId, params, user, invocationType: origin === 'task' ? 'ONDEMAND' : 'SCHEDULED' });
    const task: QueuedTask = { taskId, kind, scriptId: d.scriptId, deploymentId: d.deploymentId, submittedAt: rt.clock.now(), submittedBy: user, origin, job };
    queue.add(task);
    return task;
  }

  function submit(kind: TaskKind, t: { scriptId?: unknown; deploymentId?: unknown; params?: unknown }): string {
    const execution = rt.executions.require('N/task.submit');
    if (t.scriptId === undefined || t.scriptId === null || t.scriptId === '') {
      throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'task.submit: Missing a required argument: scriptId');
    }
    const scriptId = String(t.scriptId).toLowerCase();
    const scriptType = kind === 'MAP_REDUCE' ? 'MAPREDUCE' : 'SCHEDULED';
    const ofScript = deployments().filter((d) => d.scriptId === scriptId && d.scriptType === scriptType);
    if (ofScript.length === 0) {
      throw suiteScriptError('INVALID_ID', `task.submit: ${scriptId} is not a ${kind === 'MAP_REDUCE' ? 'Map/Reduce' : 'Scheduled'} script of this account`);
    }
    execution.meter.debit('N/task.submit', SUBMIT_UNITS);
    if (!mayScheduleScripts(execution.user)) {
      throw suiteScriptError(
        'INSUFFICIENT_PERMISSION', // [open] exact code; the refusal itself is documented.
        `Role ${execution.user.role} needs the SuiteScript and SuiteScript Scheduling permissions to submit ${scriptId}`,
      );
    }
    let d: QueueableDeployment | undefined;
    if (t.deploymentId === undefined || t.deploymentId === null || t.deploymentId === '') {
      d = ofScript.find((x) => x.isDeployed && x.status === 'NOTSCHEDULED' && !queue.unfinished(x.scriptId, x.deploymentId));
      if (!d) throw suiteScriptError('NO_DEPLOYMENTS_AVAILABLE', `No deployment of ${scriptId} is available to run now`);
    } else {
      const deploymentId = String(t.deploymentId).toLowerCase();
      d = ofScript.find((x) => x.deploymentId === deploymentId);
      if (!d) throw suiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Failed to submit job request: ${deploymentId} is not a deployment of ${scriptId}`);
      if (!d.isDeployed || d.status !== 'NOTSCHEDULED') {
        // [open] exact code and wording; NetSuite refuses code submission of other statuses.
        throw suiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Failed to submit job request: deployment ${deploymentId} is ${d.isDeployed ? d.status : 'not deployed'}; only a deployed NOTSCHEDULED deployment can be submitted from a script`);
      }
      const running = queue.unfinished(d.scriptId, d.deploymentId);
      if (running && kind === 'MAP_REDUCE' && isOwnInstance(execution, running) && !queue.deferred(d.scriptId, d.deploymentId)) {
        const params = t.params && typeof t.params === 'object' ? { ...(t.params as Record<string, unknown>) } : {};
        newTask(kind, d, params, execution.user, 'task');
        return null as unknown as string;
      }
      if (running) {
        throw kind === 'MAP_REDUCE'
          ? suiteScriptError('MAP_REDUCE_ALREADY_RUNNING', `Map/Reduce script ${scriptId} with deployment ${deploymentId} is already running or queued`)
          : suiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Failed to submit job request: ${deploymentId} is already queued or running`);
      }
    }
    const params = t.params && typeof t.params === 'object' ? { ...(t.params as Record<string, unknown>) } : {};
    return newTask(kind, d, params, execution.user, 'task').taskId;
  }

  const TaskType = { MAP_REDUCE: 'MAP_REDUCE', SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT' };
  const module = {
    TaskType,
    TaskStatus: { PENDING: 'PENDING', PROCESSING: 'PROCESSING', COMPLETE: 'COMPLETE', FAILED: 'FAILED' },
    MapReduceStage: { GET_INPUT: 'GET_INPUT', MAP: 'MAP', SHUFFLE: 'SHUFFLE', REDUCE: 'REDUCE', SUMMARIZE: 'SUMMARIZE' },
    create(o: { taskType?: string; scriptId?: string; deploymentId?: string; params?: Record<string, unknown> }) {
      rt.executions.require('N/task.create');
      if (!o || o.taskType === undefined) throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'task.create: Missing a required argument: taskType');
      if (o.taskType !== 'MAP_REDUCE' && o.taskType !== 'SCHEDULED_SCRIPT') {
        throw suiteScriptError('SSS_INVALID_TASK_TYPE', `task.create: task type ${o.taskType} is not modelled by the local runtime`);
      }
      const kind = o.taskType;
      const task = {
        scriptId: o.scriptId,
        deploymentId: o.deploymentId,
        params: o.params ?? {},
        submit: () => submit(kind, task),
        toString: () => (kind === 'MAP_REDUCE' ? 'task.MapReduceScriptTask' : 'task.ScheduledScriptTask'),
      };
      return task;
    },
    checkStatus(o: { taskId?: string }) {
      const execution = rt.executions.require('N/task.checkStatus');
      if (!o?.taskId) throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'task.checkStatus: Missing a required argument: taskId');
      const t = queue.find(o.taskId);
      if (!t) throw suiteScriptError('INVALID_TASK_ID', `task.checkStatus: no task with id ${o.taskId}`); // [open] code
      return taskStatus(t, () => rt.executions.current() ?? execution);
    },
  };
  rt.registerModule('N/task', () => module);

  return {
    module,
    queue,
    processQueue: (o?: ProcessOptions) => queue.process(o),
    enqueueScheduled: (d) => newTask(d.scriptType === 'MAPREDUCE' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT', d, {}, runAsUser(d), 'schedule'),
    deployments,
  };
}

/** The calling script is a stage of this very instance (same script and deployment, running). */
function isOwnInstance(execution: { scriptId: string; deploymentId: string; executionContext: string }, running: QueuedTask): boolean {
  return execution.executionContext === 'MAPREDUCE' && running.job.status === 'PROCESSING' && execution.scriptId === running.scriptId && execution.deploymentId === running.deploymentId;
}

/** A scheduled instance runs as the deployment's runasrole, else as Administrator. */
function runAsUser(d: QueueableDeployment): ScriptUser {
  const role = d.runAsRole ?? 'administrator';
  return { id: -4, role, roleId: role === 'administrator' ? '3' : role, email: '', name: '-System-' };
}
