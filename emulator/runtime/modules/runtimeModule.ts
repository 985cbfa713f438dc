/**
 * N/runtime: the running script (remaining usage, parameters, ids), the execution context, the
 * account, the environment, features and the current user. Costs nothing.
 */
import type { ExecutionStack, ScriptExecution } from '../execution';
import { nsError } from '../errors';
import type { ScriptUser } from '../services';

const CONTEXT_TYPES = Object.freeze({
  BUNDLE_INSTALLATION: 'BUNDLE_INSTALLATION', CLIENT: 'CLIENT', CONSOLRATEADJUSTOR: 'CONSOLRATEADJUSTOR', CSV_IMPORT: 'CSVIMPORT',
  CUSTOMGLLINES: 'CUSTOMGLLINES', CUSTOM_MASSUPDATE: 'CUSTOMMASSUPDATE', DEBUGGER: 'DEBUGGER', EMAIL_CAPTURE: 'EMAILCAPTURE',
  MAP_REDUCE: 'MAPREDUCE', PORTLET: 'PORTLET', PAYMENTGATEWAY: 'PAYMENTGATEWAY', PROMOTIONS: 'PROMOTIONS', RESTLET: 'RESTLET',
  REST_WEBSERVICES: 'RESTWEBSERVICES', SCHEDULED: 'SCHEDULED', SHIPPING_PARTNERS: 'SHIPPINGPARTNERS', SUITELET: 'SUITELET',
  USER_EVENT: 'USEREVENT', USER_INTERFACE: 'USERINTERFACE', WEBSERVICES: 'WEBSERVICES', WEBSTORE: 'WEBSTORE', WORKFLOW: 'WORKFLOW',
});

const ENV_TYPES = Object.freeze({ BETA: 'BETA', INTERNAL: 'INTERNAL', PRODUCTION: 'PRODUCTION', SANDBOX: 'SANDBOX' });
export const PERMISSIONS = Object.freeze({ NONE: 0, VIEW: 1, CREATE: 2, EDIT: 3, FULL: 4 });

export interface RuntimeModuleDeps {
  executions: ExecutionStack;
  /** Read on each access: a sandbox refresh (NetSuiteRuntime.refreshAsSandbox) changes it. */
  accountId: () => string;
  envType: () => keyof typeof ENV_TYPES;
  features: () => Set<string>;
  defaultUser: () => ScriptUser;
  logLevelOf(scriptId: string, deploymentId: string): string;
}

function scriptView(ex: ScriptExecution, deps: RuntimeModuleDeps) {
  return Object.freeze({
    id: ex.scriptId,
    deploymentId: ex.deploymentId,
    logLevel: deps.logLevelOf(ex.scriptId, ex.deploymentId),
    apiVersion: '2.1',
    bundleIds: [] as string[],
    getRemainingUsage: () => ex.meter.remaining(),
    getParameter(options: { name: string } | string) {
      const name = typeof options === 'string' ? options : options?.name;
      if (!name) throw nsError.missingArgument('Script.getParameter', 'name');
      const v = ex.parameters[name.toLowerCase()] ?? ex.parameters[name];
      return v === undefined ? null : v;
    },
  });
}

function userView(user: ScriptUser) {
  const roleNumber = /^-?\d+$/.test(user.role) ? Number(user.role) : user.role;
  return Object.freeze({
    id: user.id,
    name: user.name,
    email: user.email,
    role: roleNumber,
    roleId: user.roleId,
    roleCenter: 'BASIC',
    subsidiary: 1,
    department: 0,
    location: 0,
    contact: 0,
    getPermission(options: { name: string } | string) {
      const name = typeof options === 'string' ? options : options?.name;
      if (!user.permissions) return PERMISSIONS.FULL;
      return user.permissions[name] ?? PERMISSIONS.NONE;
    },
    getPreference(options: { name: string } | string) {
      const name = typeof options === 'string' ? options : options?.name;
      return name?.toUpperCase() === 'DATEFORMAT' ? 'M/D/YYYY' : null;
    },
  });
}

export function createRuntimeModule(deps: RuntimeModuleDeps) {
  const mod = {
    ContextType: CONTEXT_TYPES,
    EnvType: ENV_TYPES,
    Permission: PERMISSIONS,
    get accountId() {
      return deps.accountId();
    },
    get envType() {
      return deps.envType();
    },
    get executionContext() {
      return deps.executions.require('runtime.executionContext').executionContext;
    },
    version: '2026.1',
    queueCount: 1,
    processorCount: 2,
    getCurrentScript() {
      return scriptView(deps.executions.require('runtime.getCurrentScript'), deps);
    },
    getCurrentUser() {
      return userView(deps.executions.current()?.user ?? deps.defaultUser());
    },
    getCurrentSession() {
      const values = new Map<string, string>();
      return Object.freeze({ get: (o: { name: string }) => values.get(o.name) ?? null, set: (o: { name: string; value: string }) => void values.set(o.name, o.value) });
    },
    isFeatureInEffect(options: { feature: string } | string) {
      const feature = typeof options === 'string' ? options : options?.feature;
      if (!feature) throw nsError.missingArgument('runtime.isFeatureInEffect', 'feature');
      return deps.features().has(feature.toUpperCase());
    },
  };
  return Object.freeze(mod);
}
