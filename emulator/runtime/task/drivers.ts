/**
 * One call that puts N/https, N/task (with the Map/Reduce driver) and the scheduler on a
 * runtime. For the core NetSuiteRuntime:
 *
 *   const drivers = installDrivers(rt, {
 *     scripts: () => rt.project.scripts,
 *     loadSearch: (id) => (rt.modules.get('N/search') as { load(o: { id: unknown }): unknown }).load({ id }),
 *     https: { hostRoutes: { 'api-us.freshsuccess.com': fake.url } },
 *   });
 *   drivers.https.vault.defineApiSecret(...); drivers.task.processQueue(); drivers.scheduler.advance(ms);
 */
import type { RuntimeServices } from '../services';
import { HttpsHandle, HttpsOptions, installHttps } from '../https/install';
import { Scheduler } from '../scheduler/scheduler';
import { installTask, TaskHandle, TaskOptions } from './install';

export interface Drivers {
  https: HttpsHandle;
  task: TaskHandle;
  scheduler: Scheduler;
}

export function installDrivers(rt: RuntimeServices, options: TaskOptions & { https?: HttpsOptions }): Drivers {
  const { https: httpsOptions, ...taskOptions } = options;
  const https = installHttps(rt, httpsOptions);
  const task = installTask(rt, taskOptions);
  return { https, task, scheduler: new Scheduler(rt, task) };
}
