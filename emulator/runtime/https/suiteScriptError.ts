/**
 * Errors raised by N/https and N/task, shaped like NetSuite's SuiteScriptError (name = code,
 * type 'error.SuiteScriptError'). Built on the core's class so `instanceof` and JSON agree
 * everywhere in the runtime.
 */
import { SuiteScriptError } from '../errors';

export function suiteScriptError(name: string, message: string): SuiteScriptError {
  return new SuiteScriptError(name, message);
}

export { SuiteScriptError };
