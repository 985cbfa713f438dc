/**
 * Starts the full sync on behalf of a full sync that stood back for a drain, and reads task
 * states for the push lease (task.checkStatus costs 0). Never throws.
 */
import * as task from 'N/task';
import type { JobControl } from '../app/ports';
import type { TaskState } from '../domain/pushLease';
import { SCRIPTS } from './schema';
import { trySubmit } from './taskSubmit';

export function netsuiteJobControl(): JobControl {
  return {
    submitFullSync() {
      const { result, taskId } = trySubmit(() => task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.fullSync.scriptId, deploymentId: SCRIPTS.fullSync.onDemand }).submit());
      return { result, taskId };
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
