/**
 * The deployment facts N/task and the scheduler need, read from the runtime's project model
 * (the runtime's ScriptDefinition / DeploymentDefinition; `extra` carries what the SDF model parsed:
 * concurrencylimit, yieldaftermins, recurrence).
 */
import type { ScriptType } from '../governance';
import type { DeploymentStatus, ScriptDefinition } from '../project/definitions';
import { parseRecurrence, Recurrence, RecurrenceInput } from '../scheduler/recurrence';

export interface QueueableDeployment {
  scriptId: string;
  deploymentId: string;
  scriptType: ScriptType;
  status: DeploymentStatus;
  isDeployed: boolean;
  concurrencyLimit: number | null;
  yieldAfterMins: number | null;
  recurrence: Recurrence | null;
  runAsRole: string | null;
}

export function queueableDeployments(scripts: ScriptDefinition[]): QueueableDeployment[] {
  const out: QueueableDeployment[] = [];
  for (const s of scripts) {
    if (s.scriptType !== 'MAPREDUCE' && s.scriptType !== 'SCHEDULED') continue;
    for (const d of s.deployments) {
      const extra = d.extra ?? {};
      const rec = extra.recurrence as RecurrenceInput | undefined;
      out.push({
        scriptId: s.scriptId,
        deploymentId: d.scriptId,
        scriptType: s.scriptType,
        status: d.status,
        isDeployed: d.isDeployed,
        concurrencyLimit: optionalInt(extra.concurrencylimit ?? extra.concurrencyLimit),
        yieldAfterMins: optionalInt(extra.yieldaftermins ?? extra.yieldAfterMins),
        recurrence: d.status === 'SCHEDULED' && rec ? parseRecurrence(rec) : null,
        runAsRole: d.runAsRole ?? null,
      });
    }
  }
  return out;
}

function optionalInt(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  const raw = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive integer, got ${String(raw)}`);
  return n;
}
