/**
 * What the runtime needs to know about the SDF project: scripts with their deployments, custom
 * record types, custom entity fields and custom lists. Filled from the SDF model
 * (tools/sdf/model.ts, see ./fromSdfModel.ts) and, in tests, by `rt.project.add*` calls.
 */
import type { ExecutionContextType } from '../execution';
import type { ScriptType } from '../governance';

/** SDF custom field types (docs/netsuite-platform-facts.md §6). */
export type FieldType =
  | 'CHECKBOX' | 'CLOBTEXT' | 'CURRENCY' | 'DATE' | 'DATETIMETZ' | 'DOCUMENT' | 'EMAIL' | 'FLOAT'
  | 'HELP' | 'IMAGE' | 'INLINEHTML' | 'INTEGER' | 'MULTISELECT' | 'PASSWORD' | 'PERCENT' | 'PHONE'
  | 'RICHTEXT' | 'SELECT' | 'TEXT' | 'TEXTAREA' | 'TIMEOFDAY' | 'URL';

export interface CustomFieldDefinition {
  scriptId: string;
  label: string;
  fieldType: FieldType;
  /**
   * For SELECT/MULTISELECT: the record type the field points at, already resolved to a runtime
   * type name ('customer', 'contact', 'employee', 'customrecord_x', 'customlist_x').
   */
  selectRecordType?: string;
  mandatory?: boolean;
  defaultValue?: string;
  /** Maximum length for TEXT-like fields, when the project sets one. */
  maxLength?: number;
}

export interface EntityFieldDefinition extends CustomFieldDefinition {
  appliesToCustomer: boolean;
  appliesToContact: boolean;
  appliesToEmployee?: boolean;
}

export interface CustomRecordTypeDefinition {
  scriptId: string;
  recordName: string;
  /** Whether the record has a Name field (SDF includename). */
  includeName: boolean;
  fields: CustomFieldDefinition[];
  /** SDF accesstype: CUSTRECORDENTRYPERM (the default), USEPERMISSIONLIST or NONENEEDED. */
  accessType?: string;
  /** The record's permission list (used with USEPERMISSIONLIST): role as written, level name. */
  permissions?: { role: string; level: string }[];
}

export interface CustomListDefinition {
  scriptId: string;
  name: string;
  values: { scriptId?: string; value: string }[];
}

export type DeploymentStatus = 'RELEASED' | 'TESTING' | 'NOTSCHEDULED' | 'SCHEDULED' | 'NOTRELEASED';
export type LogLevel = 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';

export interface ScriptParameterDefinition {
  scriptId: string;
  fieldType: FieldType;
  selectRecordType?: string;
  defaultValue?: string;
}

export interface DeploymentDefinition {
  scriptId: string;
  status: DeploymentStatus;
  isDeployed: boolean;
  title?: string;
  logLevel: LogLevel;
  /** User Events: the record type (CUSTOMER, CONTACT, LEAD, PROSPECT, customrecord_x...). */
  recordType?: string;
  /** Allowed execution contexts; undefined = all contexts. */
  executionContexts?: ExecutionContextType[];
  /** User Events: the event types the deployment is limited to; undefined = all. */
  eventTypes?: string[];
  /** Parameter values set on the deployment, by parameter id, as written in the XML. */
  parameterValues: Record<string, string>;
  allRoles?: boolean;
  audienceRoles?: string[];
  runAsRole?: string;
  /** Everything else the deployment XML says (recurrence, concurrencylimit...), for the task, scheduler and Suitelet drivers. */
  extra: Record<string, unknown>;
}

export interface ScriptDefinition {
  scriptId: string;
  name: string;
  scriptType: ScriptType;
  /** As in <scriptfile>: '/SuiteApps/<appid>/entry/ue_customer.js'. */
  scriptFile: string;
  /** Employee id of the owner; TESTING deployments run only for the owner. */
  ownerId?: number;
  parameters: ScriptParameterDefinition[];
  deployments: DeploymentDefinition[];
}

/** A custom role the project ships (SDF `role`): installed as a role record, searchable. */
export interface RoleDefinition {
  scriptId: string;
  name: string;
}

export interface ProjectDefinition {
  scripts: ScriptDefinition[];
  customRecordTypes: CustomRecordTypeDefinition[];
  entityFields: EntityFieldDefinition[];
  customLists: CustomListDefinition[];
  roles: RoleDefinition[];
}

export function emptyProject(): ProjectDefinition {
  return { scripts: [], customRecordTypes: [], entityFields: [], customLists: [], roles: [] };
}

/** @NScriptType names per runtime script type (for header checks). */
export const SCRIPT_TYPE_TAG: Record<ScriptType, string> = {
  USEREVENT: 'UserEventScript',
  MAPREDUCE: 'MapReduceScript',
  SUITELET: 'Suitelet',
  SCHEDULED: 'ScheduledScript',
  RESTLET: 'Restlet',
  CLIENT: 'ClientScript',
};
