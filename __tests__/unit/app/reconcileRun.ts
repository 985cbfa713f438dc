/**
 * Drives the reconcile's Map/Reduce stages in memory as NetSuite would: getInputData, one map
 * per item, the shuffle by key, one reduce per key, summarize. A throwing map fails its key.
 */
import { finishReconcile, planReconcile, reconcileMap, reconcileReduce, type ReconcileDeps, type ReconcileReport } from '../../../src/TypeScript/app/reconcile';

export function reconcile(deps: ReconcileDeps, options: { removeExtras: boolean } = { removeExtras: false }): ReconcileReport {
  const plan = planReconcile(deps, options);
  if (plan.ended) return plan.ended;
  const failures: string[] = [];
  const shuffled = new Map<string, string[]>();
  for (const [key, task] of Object.entries(plan.tasks)) {
    try {
      for (const w of reconcileMap(JSON.stringify(task), deps)) shuffled.set(w.key, [...(shuffled.get(w.key) ?? []), w.value]);
    } catch (e) {
      failures.push(`${key}: ${(e as Error).message}`);
    }
  }
  const output: string[] = [];
  for (const [key, values] of shuffled) for (const w of reconcileReduce(key, values)) output.push(w.value);
  return finishReconcile({ output, failures, planned: true }, deps, options);
}
