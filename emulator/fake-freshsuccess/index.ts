/** Public surface of the fake Freshsuccess: start it (in-process or as a child), drive it, read its types. */
export { startFakeFreshsuccess, type FakeFreshsuccessOptions, type InProcessFakeFreshsuccess, type RunningFakeFreshsuccess } from './server';
export { startFakeFreshsuccessProcess, type FakeFreshsuccessProcess, type FakeProcessOptions } from './process';
export { FakeFreshsuccessControl } from './control';
export { DEV_API_KEY, defaultConfig } from './config';
export { REGION_HOSTS } from './auth';
export type * from './types';
