/**
 * The JSDoc header NetSuite reads from an entry-point file: it must be the first thing in the
 * file and carry @NApiVersion and @NScriptType. The runtime only runs 2.1 scripts, of the type
 * their script record says.
 */
import { SuiteScriptError } from '../errors';

export interface ScriptHeader {
  apiVersion?: string;
  scriptType?: string;
  moduleScope?: string;
}

/** Reads the first block comment when the file starts with one; undefined otherwise. */
export function readHeader(source: string): ScriptHeader | undefined {
  const text = source.replace(/^\uFEFF/, '');
  const m = /^\s*\/\*\*([\s\S]*?)\*\//.exec(text);
  if (!m) return undefined;
  const tag = (name: string) => new RegExp(`@${name}\\s+([^\\s*]+)`, 'i').exec(m[1]!)?.[1];
  return { apiVersion: tag('NApiVersion'), scriptType: tag('NScriptType'), moduleScope: tag('NModuleScope') };
}

/** Throws NetSuite-like errors unless the file is a 2.1 entry point of `expectedType`. */
export function checkEntryHeader(file: string, source: string, expectedType: string): void {
  const header = readHeader(source);
  if (!header || !header.apiVersion) {
    throw new SuiteScriptError(
      'SSS_MISSING_API_VERSION',
      `${file}: an entry-point script must start with a JSDoc comment that declares @NApiVersion 2.1 and @NScriptType ${expectedType}; ` +
        (header ? 'the first comment has no @NApiVersion' : 'the file does not start with one'),
    );
  }
  if (header.apiVersion !== '2.1') {
    throw new SuiteScriptError('INVALID_API_VERSION', `${file}: @NApiVersion ${header.apiVersion} is not supported here; the SuiteApp's scripts are @NApiVersion 2.1`);
  }
  if (!header.scriptType) {
    throw new SuiteScriptError('SSS_MISSING_SCRIPT_TYPE', `${file}: the header has no @NScriptType (expected ${expectedType})`);
  }
  if (header.scriptType.toLowerCase() !== expectedType.toLowerCase()) {
    throw new SuiteScriptError(
      'INVALID_SCRIPT_TYPE',
      `${file}: @NScriptType ${header.scriptType} does not match the script record's type ${expectedType}`,
    );
  }
}

/** Entry points each script type must export at least one of. */
const ENTRY_POINTS: Record<string, string[]> = {
  UserEventScript: ['beforeLoad', 'beforeSubmit', 'afterSubmit'],
  MapReduceScript: ['getInputData'],
  Suitelet: ['onRequest'],
  ScheduledScript: ['execute'],
  Restlet: ['get', 'post', 'put', 'delete'],
  ClientScript: ['pageInit', 'fieldChanged', 'postSourcing', 'sublistChanged', 'lineInit', 'validateField', 'validateLine', 'validateInsert', 'validateDelete', 'saveRecord', 'localizationContextEnter', 'localizationContextExit'],
};

export function checkEntryPoints(file: string, exportsObj: Record<string, unknown>, scriptType: string): void {
  const names = ENTRY_POINTS[scriptType] ?? [];
  const found = names.filter((n) => typeof exportsObj[n] === 'function');
  if (found.length === 0) {
    throw new SuiteScriptError(
      'SCRIPT_OF_API_VERSION_21_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE',
      `${file}: SuiteScript 2.1 entry point scripts must implement one script type function (${names.join(', ')})`,
    );
  }
  if (scriptType === 'MapReduceScript' && typeof exportsObj.map !== 'function' && typeof exportsObj.reduce !== 'function') {
    throw new SuiteScriptError('SCRIPT_OF_API_VERSION_21_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE', `${file}: a Map/Reduce script needs a map or a reduce function`);
  }
}
