/**
 * N/log: entries go to rt.logs as the Execution Log shows them, filtered by the deployment's
 * log level (DEBUG < AUDIT < ERROR < EMERGENCY). Costs nothing.
 */
import type { ExecutionStack } from '../execution';
import type { LogLevel } from '../project/definitions';
import type { LogEntry, SimulatedClock } from '../services';

const RANK: Record<LogLevel, number> = { DEBUG: 0, AUDIT: 1, ERROR: 2, EMERGENCY: 3 };
/** NetSuite truncates details at 3,999 characters and titles at 99. */
const MAX_DETAILS = 3999;
const MAX_TITLE = 99;

export function stringifyDetails(details: unknown): string {
  if (details === undefined) return '';
  if (typeof details === 'string') return details;
  if (details instanceof Error) return JSON.stringify({ name: details.name, message: details.message, ...(details as object) });
  try {
    return JSON.stringify(details) ?? String(details);
  } catch {
    return String(details);
  }
}

export function createLogModule(
  executions: ExecutionStack,
  logs: LogEntry[],
  clock: SimulatedClock,
  logLevelOf: (scriptId: string, deploymentId: string) => LogLevel,
) {
  const write = (level: LogLevel) => (titleOrOptions: unknown, details?: unknown) => {
    const opts = typeof titleOrOptions === 'object' && titleOrOptions !== null && ('title' in titleOrOptions || 'details' in titleOrOptions)
      ? (titleOrOptions as { title?: unknown; details?: unknown })
      : { title: titleOrOptions, details };
    const ex = executions.current();
    const scriptId = ex?.scriptId ?? '';
    const deploymentId = ex?.deploymentId ?? '';
    if (ex && RANK[level] < RANK[logLevelOf(scriptId, deploymentId)]) return;
    logs.push({
      level,
      title: String(opts.title ?? '').slice(0, MAX_TITLE),
      details: stringifyDetails(opts.details).slice(0, MAX_DETAILS),
      scriptId,
      deploymentId,
      at: clock.now(),
    });
  };
  return Object.freeze({ debug: write('DEBUG'), audit: write('AUDIT'), error: write('ERROR'), emergency: write('EMERGENCY') });
}
