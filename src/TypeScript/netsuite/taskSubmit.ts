/**
 * What a task submit's refusal means, once for every submit (the drain trigger, the full sync the
 * engine starts, the admin page's jobs). MAP_REDUCE_ALREADY_RUNNING and a role without the
 * scheduling permission are normal outcomes, not errors: callers report them and carry on.
 */
import type { TriggerResult } from '../app/ports';

export interface Submitted {
  result: TriggerResult;
  /** The task id when submitted. */
  taskId: string | null;
  /** NetSuite's error name when refused ('' when submitted). */
  errorName: string;
}

function submitRefusal(errorName: string): TriggerResult {
  if (errorName === 'MAP_REDUCE_ALREADY_RUNNING') return 'already_running';
  if (/PERMISSION/i.test(errorName)) return 'not_permitted';
  return 'failed';
}

/** Runs `task.create(...).submit()`; never throws. */
export function trySubmit(submit: () => string): Submitted {
  try {
    return { result: 'submitted', taskId: String(submit()), errorName: '' };
  } catch (e) {
    const errorName = String((e as { name?: unknown }).name ?? '');
    return { result: submitRefusal(errorName), taskId: null, errorName };
  }
}
