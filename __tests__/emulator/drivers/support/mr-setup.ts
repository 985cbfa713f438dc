/**
 * The real NetSuiteRuntime with N/https (routed to the child server), N/task and the compiled
 * Map/Reduce and scheduled fixtures, deployed as the tests need.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetSuiteRuntime } from '../../../../emulator/runtime/netSuiteRuntime';
import { emptyProject, type DeploymentDefinition, type ScriptDefinition } from '../../../../emulator/runtime/project/definitions';
import type { ScriptUser } from '../../../../emulator/runtime/services';
import { installHttps, HttpsHandle } from '../../../../emulator/runtime/https/install';
import { installTask, TaskHandle, TaskOptions } from '../../../../emulator/runtime/task/install';
import { taskStatus } from '../../../../emulator/runtime/task/status';
import { compileFixtures, fixtureScript } from './compile-fixture';
import { asScript } from './real-runtime';

export const MR = 'customscript_fx_mr';
export const MR_EXIT = 'customscript_fx_mr_exit';
export const SS = 'customscript_fx_ss';
export const MR_NORETRY = 'customscript_fx_mr_noretry';

export interface MrWorld {
  rt: NetSuiteRuntime;
  https: HttpsHandle;
  task: TaskHandle;
  scripts: ScriptDefinition[];
  /** Submits from a Suitelet-like script as `user`; returns the task id. */
  submit(o: { taskType?: string; scriptId?: string; deploymentId?: string; params?: Record<string, unknown> }, user?: ScriptUser): string;
  /** task.checkStatus from a script; the status object's getters are called inside it too. */
  status<T>(taskId: string, read: (s: MapReduceStatusView) => T): T;
  /** The parsed JSON of the fixture's 'summary' log, newest last. */
  summaries(): FixtureSummary[];
  /** The i-th summary (oldest first); fails the test when there is none. */
  summary(i?: number): FixtureSummary;
  /** Parsed details of the fixture's logs with this title (MapLog for 'map'). */
  logs<T = MapLog>(title: string): T[];
}

export type MapReduceStatusView = Extract<ReturnType<typeof taskStatus>, { getPercentageCompleted: unknown }>;

/** What mr_fixture.ts logs from map. */
export interface MapLog {
  key: string;
  executionNo: number;
  isRestarted: boolean;
  earlier: string[];
}

/** What mr_fixture.ts logs from summarize ([key, error name, executionNo], [key, count, state]). */
export interface FixtureSummary {
  isRestarted: boolean;
  usage: number;
  yields: number;
  concurrency: number;
  inputError: string | null;
  inputUsage: number;
  mapUsage: number;
  mapYields: number;
  mapConcurrency: number;
  mapErrors: [string, string, number][];
  mapKeys: [string, number, string][];
  reduceUsage: number;
  reduceErrors: [string, string, number][];
  reduceKeys: [string, number, string][];
  output: [string, string][];
}

export function deployment(id: string, over: Partial<DeploymentDefinition> = {}): DeploymentDefinition {
  return { scriptId: id, status: 'NOTSCHEDULED', isDeployed: true, logLevel: 'DEBUG', parameterValues: {}, extra: {}, ...over };
}

export function mrWorld(
  origin: string,
  options: Partial<TaskOptions> & { deployments?: DeploymentDefinition[]; scheduledDeployments?: DeploymentDefinition[] } = {},
): MrWorld {
  const sdfRoot = mkdtempSync(join(tmpdir(), 'sdf-'));
  const rt = new NetSuiteRuntime({ sdfRoot, appId: 'com.freshsync.connector', project: emptyProject() });
  compileFixtures(join(sdfRoot, 'FileCabinet'));
  const mrFile = fixtureScript('mr_fixture');
  const exitFile = fixtureScript('mr_exit_fixture');
  const ssFile = fixtureScript('ss_fixture');
  const noRetryFile = fixtureScript('mr_noretry_fixture');
  const scripts: ScriptDefinition[] = [
    {
      scriptId: MR,
      name: 'Fixture MR',
      scriptType: 'MAPREDUCE',
      scriptFile: mrFile,
      parameters: [
        { scriptId: 'custscript_fx_mode', fieldType: 'TEXT' },
        { scriptId: 'custscript_fx_items', fieldType: 'CLOBTEXT' },
        { scriptId: 'custscript_fx_fail_group', fieldType: 'TEXT' },
      ],
      deployments: options.deployments ?? [deployment('customdeploy_fx_mr'), deployment('customdeploy_fx_mr2')],
    },
    { scriptId: MR_EXIT, name: 'Exit MR', scriptType: 'MAPREDUCE', scriptFile: exitFile, parameters: [], deployments: [deployment('customdeploy_fx_exit')] },
    { scriptId: MR_NORETRY, name: 'No-retry MR', scriptType: 'MAPREDUCE', scriptFile: noRetryFile, parameters: [], deployments: [deployment('customdeploy_fx_noretry')] },
    { scriptId: SS, name: 'Fixture SS', scriptType: 'SCHEDULED', scriptFile: ssFile, parameters: [], deployments: options.scheduledDeployments ?? [deployment('customdeploy_fx_ss')] },
  ];
  for (const s of scripts) rt.defineScript(s);
  const https = installHttps(rt, { hostRoutes: { 'api-us.freshsuccess.com': origin } });
  const task = installTask(rt, {
    scripts: () => rt.project.scripts,
    loadSearch: (id) => (rt.modules.get('N/search') as { load(o: { id: unknown }): unknown }).load({ id }),
    ...options,
  });
  type TaskModule = { create(o: Record<string, unknown>): { submit(): string }; checkStatus(o: { taskId: string }): unknown };
  const N = task.module as unknown as TaskModule;
  // Details longer than NetSuite's 3,999 characters come as `${title}+` pieces before the last (mr_fixture's auditWhole).
  const parsed = <T>(title: string): T[] => {
    const out: T[] = [];
    let pending = '';
    for (const l of rt.logs) {
      if (l.title === `${title}+`) pending += l.details;
      else if (l.title === title) {
        out.push(JSON.parse(pending + l.details) as T);
        pending = '';
      }
    }
    return out;
  };
  return {
    rt,
    https,
    task,
    scripts,
    submit: (o, user) =>
      asScript(rt, 'customscript_fx_sl', () => N.create({ taskType: 'MAP_REDUCE', scriptId: o.taskType === 'SCHEDULED_SCRIPT' ? SS : MR, ...o }).submit(), user),
    status: (taskId, read) => asScript(rt, 'customscript_fx_sl', () => read(N.checkStatus({ taskId }) as MapReduceStatusView)),
    summaries: () => parsed<FixtureSummary>('summary'),
    summary: (i = 0) => {
      const s = parsed<FixtureSummary>('summary')[i];
      if (!s) throw new Error(`no summary #${i}: the instance did not reach summarize`);
      return s;
    },
    logs: <T = MapLog>(title: string) => parsed<T>(title),
  };
}

/** Fixture items: `calls` HTTPS calls (10 units each) in map, `failTimes` failing attempts. */
export function items(list: { group: string; calls?: number; failTimes?: number }[]): string {
  return JSON.stringify(list.map((it, i) => ({ id: i + 1, ...it })));
}
