/**
 * task.checkStatus results: a snapshot of the instance when asked. The Map/Reduce getters cost
 * 10 units each, charged to whichever script calls them.
 */
import type { ScriptExecution } from '../execution';
import { MapReduceJob } from '../map-reduce/job';
import type { QueuedTask } from './queue';

const STATUS_GETTER_UNITS = 10;

export function taskStatus(t: QueuedTask, caller: () => ScriptExecution) {
  const { job } = t;
  if (!(job instanceof MapReduceJob)) {
    return { taskId: t.taskId, scriptId: t.scriptId, deploymentId: t.deploymentId, status: job.status, toString: () => 'task.ScheduledScriptTaskStatus' };
  }
  const counts = job.counts();
  const percentage = job.percentageCompleted();
  const getter = (api: string, value: number) => () => {
    caller().meter.debit(`N/task.MapReduceScriptTaskStatus.${api}`, STATUS_GETTER_UNITS);
    return value;
  };
  return {
    taskId: t.taskId,
    scriptId: t.scriptId,
    deploymentId: t.deploymentId,
    status: job.status,
    stage: job.status === 'PENDING' || job.done ? null : job.stage, // [open] stage once finished
    getPercentageCompleted: getter('getPercentageCompleted', percentage),
    getPendingMapCount: getter('getPendingMapCount', counts.pendingMap),
    getPendingMapSize: getter('getPendingMapSize', counts.pendingMapSize),
    getTotalMapCount: getter('getTotalMapCount', counts.totalMap),
    getPendingReduceCount: getter('getPendingReduceCount', counts.pendingReduce),
    getPendingReduceSize: getter('getPendingReduceSize', counts.pendingReduceSize),
    getTotalReduceCount: getter('getTotalReduceCount', counts.totalReduce),
    getPendingOutputCount: getter('getPendingOutputCount', counts.pendingOutput),
    getPendingOutputSize: getter('getPendingOutputSize', counts.pendingOutputSize),
    getTotalOutputCount: getter('getTotalOutputCount', counts.totalOutput),
    getCurrentTotalSize: getter('getCurrentTotalSize', counts.currentTotalSize),
    toString: () => 'task.MapReduceScriptTaskStatus',
  };
}
