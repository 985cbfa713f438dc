/**
 * Starts the full sync on behalf of a full sync that stood back for a drain, and reads task
 * states for the push lease (task.checkStatus costs 0). Never throws.
 */
import * as task from 'N/task';
import type { JobControl } from '../app/ports';
import type { TaskState } from '../domain/pushLease';
import { SCRIPTS } from './schema';

export function netsuiteJobControl(): JobControl {
  return {
    submitFullSync() {
      try {
        const taskId = task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.fullSync.scriptId, deploymentId: SCRIPTS.fullSync.onDemand }).submit();
        return { result: 'submitted', taskId: String(taskId) };
      } catch (e) {
        const name = String((e as { name?: unknown }).name ?? '');
        if (name === 'MAP_REDUCE_ALREADY_RUNNING') return { result: 'already_running', taskId: null };
        if (/PERMISSION/i.test(name)) return { result: 'not_permitted', taskId: null };
        return { result: 'failed', taskId: null };
      }
    },
    taskState(taskId: string): TaskState {
      try {
        const status = String(task.checkStatus({ taskId }).status);
        if (status === 'COMPLETE' || status === 'FAILED') return 'finished';
        return status === 'PENDING' || status === 'PROCESSING' ? 'running' : 'unknown';
      } catch {
        // An unknown or expired task id: [open] whether NetSuite throws or answers; either way the lease's `until` still applies.
        return 'unknown';
      }
    },
  };
}
