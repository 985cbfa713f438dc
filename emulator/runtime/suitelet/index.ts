/** The Suitelet part of the local runtime: what the lead wires into NetSuiteRuntime and npm start. */
export { installSuiteletModules, type SuiteletSupport, type SuiteletSupportOptions } from './install';
export { startSuiteletServer, type SuiteletServer, type SuiteletServerOptions, type SuiteletRequestLogEntry } from './server';
export type { CredentialVault } from './credentials';
export type { ScriptInfo, DeploymentInfo } from './catalog';
export type { Viewer } from './access';
export { selectSourceFrom, type SelectableStore } from './selectSource';
