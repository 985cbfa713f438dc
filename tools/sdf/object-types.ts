/**
 * What the validator knows about each SDF object type: the scriptid prefix, the longest id the
 * schema accepts, the manifest feature the type depends on and, for scripts, the @NScriptType its
 * entry file must declare.
 *
 * Source: Oracle's SuiteCloud Development Framework XML Reference (per-object "scriptid ... can be
 * up to N characters" and "Feature Dependencies"), and "SDF Custom Object File Structure" for the
 * prefixes. customlist ids are up to 38 characters (its page), its values' ids up to 40.
 */
export type ScriptType =
  | 'usereventscript'
  | 'mapreducescript'
  | 'suitelet'
  | 'scheduledscript'
  | 'restlet'
  | 'clientscript';

export interface ScriptTypeInfo {
  nScriptType: string;
  /** Entry points tsc writes as `exports.<name> = ...`; see rules/entry-exports.ts for the rule. */
  entryPoints: readonly string[];
}

export const SCRIPT_TYPES: Record<ScriptType, ScriptTypeInfo> = {
  usereventscript: { nScriptType: 'UserEventScript', entryPoints: ['beforeLoad', 'beforeSubmit', 'afterSubmit'] },
  mapreducescript: { nScriptType: 'MapReduceScript', entryPoints: ['getInputData', 'map', 'reduce', 'summarize'] },
  suitelet: { nScriptType: 'Suitelet', entryPoints: ['onRequest'] },
  scheduledscript: { nScriptType: 'ScheduledScript', entryPoints: ['execute'] },
  restlet: { nScriptType: 'Restlet', entryPoints: ['get', 'post', 'put', 'delete'] },
  clientscript: {
    nScriptType: 'ClientScript',
    entryPoints: [
      'pageInit', 'fieldChanged', 'postSourcing', 'sublistChanged', 'lineInit', 'validateField',
      'validateLine', 'validateInsert', 'validateDelete', 'saveRecord', 'localizationContextEnter',
      'localizationContextExit',
    ],
  },
};

export function isScriptType(tag: string): tag is ScriptType {
  return Object.prototype.hasOwnProperty.call(SCRIPT_TYPES, tag);
}

export interface IdRule {
  prefix: string;
  maxLength: number;
}

/** Top-level object types by root tag. */
export const OBJECT_ID_RULES: Record<string, IdRule & { feature?: string }> = {
  usereventscript: { prefix: 'customscript', maxLength: 40, feature: 'SERVERSIDESCRIPTING' },
  mapreducescript: { prefix: 'customscript', maxLength: 40, feature: 'SERVERSIDESCRIPTING' },
  suitelet: { prefix: 'customscript', maxLength: 40, feature: 'SERVERSIDESCRIPTING' },
  scheduledscript: { prefix: 'customscript', maxLength: 40, feature: 'SERVERSIDESCRIPTING' },
  restlet: { prefix: 'customscript', maxLength: 40, feature: 'SERVERSIDESCRIPTING' },
  clientscript: { prefix: 'customscript', maxLength: 40, feature: 'SERVERSIDESCRIPTING' },
  customrecordtype: { prefix: 'customrecord', maxLength: 40, feature: 'CUSTOMRECORDS' },
  customlist: { prefix: 'customlist', maxLength: 38 },
  role: { prefix: 'customrole', maxLength: 40 },
  integration: { prefix: 'custinteg', maxLength: 99 },
  secret: { prefix: 'custsecret', maxLength: 99 },
  entitycustomfield: { prefix: 'custentity', maxLength: 40 },
};

/** Ids of nested parts: deployments, script parameters, custom record fields, list values. */
export const DEPLOYMENT_ID: IdRule = { prefix: 'customdeploy', maxLength: 40 };
export const SCRIPT_PARAMETER_ID: IdRule = { prefix: 'custscript', maxLength: 40 };
export const RECORD_FIELD_ID: IdRule = { prefix: 'custrecord', maxLength: 40 };
export const LIST_VALUE_ID: IdRule = { prefix: '', maxLength: 40 };

