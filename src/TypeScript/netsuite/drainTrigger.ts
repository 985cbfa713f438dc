/**
 * Submits the drain Map/Reduce (20 units). MAP_REDUCE_ALREADY_RUNNING and a role without the
 * scheduling permission are normal: a running drain re-submits itself while entries remain, and
 * the scheduled deployment every 15 minutes is the safety net. Never throws.
 */
import * as task from 'N/task';
import type { DrainTrigger, TriggerResult } from '../app/ports';
import { SCRIPTS } from './schema';

export function netsuiteDrainTrigger(): DrainTrigger {
  return {
    submit(): TriggerResult {
      try {
        task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.drain.scriptId, deploymentId: SCRIPTS.drain.onDemand }).submit();
        return 'submitted';
      } catch (e) {
        const name = String((e as { name?: unknown }).name ?? '');
        if (name === 'MAP_REDUCE_ALREADY_RUNNING') return 'already_running';
        if (/PERMISSION/i.test(name)) return 'not_permitted';
        return 'failed';
      }
    },
  };
}
