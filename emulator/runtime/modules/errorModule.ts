/** N/error: error.create gives a UserError (type 'error.UserError'), error.Type lists codes. */
import { SuiteScriptError } from '../errors';

export function createErrorModule() {
  return Object.freeze({
    Type: new Proxy({} as Record<string, string>, { get: (_t, p) => (typeof p === 'string' ? p : undefined) }),
    SuiteScriptError,
    UserError: SuiteScriptError,
    create(options: { name: string; message: string; notifyOff?: boolean }) {
      if (!options?.name) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'error.create: Missing a required argument: name');
      if (options.message === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'error.create: Missing a required argument: message');
      const e = new SuiteScriptError(options.name, String(options.message), { type: 'error.UserError', notifyOff: options.notifyOff });
      return e;
    },
  });
}
