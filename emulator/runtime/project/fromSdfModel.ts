/**
 * Adapts the SDF model (tools/sdf/model.ts) to the runtime's project definitions: scripts and
 * deployments, custom record types, custom lists and custom entity fields (entitycustomfield
 * objects, which the model lists as 'other' objects with their leaf props).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseBoolean, readSdfProject, referencedScriptid, type SdfDeployment, type SdfObject, type SdfScript } from '../../../tools/sdf/model';
import type { ExecutionContextType } from '../execution';
import type { ScriptType } from '../governance';
import type { CustomFieldDefinition, DeploymentDefinition, DeploymentStatus, EntityFieldDefinition, FieldType, LogLevel, ProjectDefinition, ScriptDefinition } from './definitions';
import { emptyProject } from './definitions';

const SCRIPT_TYPES: Record<string, ScriptType> = {
  usereventscript: 'USEREVENT',
  mapreducescript: 'MAPREDUCE',
  suitelet: 'SUITELET',
  scheduledscript: 'SCHEDULED',
  restlet: 'RESTLET',
  clientscript: 'CLIENT',
};

/** selectrecordtype: numeric ids of standard types, or a [scriptid=...] reference. */
const SELECT_IDS: Record<string, string> = { '-2': 'customer', '-6': 'contact', '-4': 'employee', '-117': 'subsidiary' };

function selectTarget(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const ref = referencedScriptid(raw);
  if (ref) return ref.toLowerCase();
  return SELECT_IDS[raw.trim()] ?? raw.trim().toLowerCase();
}

export function projectFromSdf(sdfRoot: string, _appId: string): ProjectDefinition {
  if (!existsSync(join(sdfRoot, 'Objects'))) return emptyProject();
  const sdf = readSdfProject(sdfRoot);
  const project = emptyProject();
  for (const list of sdf.customLists) {
    project.customLists.push({ scriptId: list.scriptid, name: list.name ?? list.scriptid, values: list.values.map((v) => ({ scriptId: v.scriptid, value: v.value ?? '' })) });
  }
  for (const rt of sdf.customRecordTypes) {
    project.customRecordTypes.push({
      scriptId: rt.scriptid,
      recordName: rt.recordname ?? rt.scriptid,
      includeName: parseBoolean(rt.props.includename?.value) ?? true,
      fields: rt.fields.map((f) => fieldDefinition(f.scriptid, f.label, f.fieldtype, f.selectrecordtype, f.props)),
      accessType: rt.accesstype,
      permissions: rt.permissions.map((p) => ({ role: p.role, level: p.level })),
    });
  }
  for (const o of sdf.objects) {
    if (o.kind === 'other' && o.rootTag === 'entitycustomfield') project.entityFields.push(entityField(o));
    if (o.kind === 'role') project.roles.push({ scriptId: o.scriptid, name: o.name ?? o.scriptid });
  }
  for (const s of sdf.scripts) project.scripts.push(script(s));
  return project;
}

function fieldDefinition(scriptId: string, label: string | undefined, fieldType: string | undefined, select: string | undefined, props: Record<string, { value: string }>): CustomFieldDefinition {
  const maxLength = props.maxlength?.value ? Number(props.maxlength.value) : undefined;
  return {
    scriptId,
    label: label ?? scriptId,
    fieldType: (fieldType ?? 'TEXT') as FieldType,
    selectRecordType: selectTarget(select),
    mandatory: parseBoolean(props.ismandatory?.value) ?? false,
    defaultValue: props.defaultvalue?.value || undefined,
    maxLength: Number.isFinite(maxLength) && maxLength! > 0 ? maxLength : undefined,
  };
}

function entityField(o: SdfObject): EntityFieldDefinition {
  const p = o.props;
  return {
    ...fieldDefinition(o.scriptid, p.label?.value, p.fieldtype?.value, p.selectrecordtype?.value, p),
    appliesToCustomer: parseBoolean(p.appliestocustomer?.value) ?? false,
    appliesToContact: parseBoolean(p.appliestocontact?.value) ?? false,
    appliesToEmployee: parseBoolean(p.appliestoemployee?.value) ?? false,
  };
}

function script(s: SdfScript): ScriptDefinition {
  return {
    scriptId: s.scriptid,
    name: s.name ?? s.scriptid,
    scriptType: SCRIPT_TYPES[s.type] ?? 'USEREVENT',
    scriptFile: s.scriptfile?.path ?? '',
    parameters: s.parameters.map((p) => ({
      scriptId: p.scriptid,
      fieldType: (p.fieldtype ?? 'TEXT') as FieldType,
      selectRecordType: selectTarget(p.selectrecordtype),
      defaultValue: p.defaultvalue,
    })),
    deployments: s.deployments.map(deployment),
  };
}

function deployment(d: SdfDeployment): DeploymentDefinition {
  const recordType = d.recordtype ? (referencedScriptid(d.recordtype) ?? d.recordtype).toLowerCase() : undefined;
  return {
    scriptId: d.scriptid,
    status: (d.status?.value ?? 'TESTING') as DeploymentStatus,
    // SDF's isdeployed defaults to T when omitted.
    isDeployed: d.isdeployed ?? true,
    title: d.title,
    logLevel: ((d.loglevel ?? 'DEBUG').toUpperCase() as LogLevel),
    recordType,
    executionContexts: d.executioncontext?.map((c) => c.toUpperCase() as ExecutionContextType),
    eventTypes: d.eventtype ? d.eventtype.split('|').map((e) => e.trim()).filter(Boolean) : undefined,
    parameterValues: { ...d.parameterValues },
    allRoles: d.allroles,
    audienceRoles: d.audslctrole,
    runAsRole: d.runasrole,
    extra: {
      recurrence: d.recurrence,
      concurrencylimit: d.concurrencylimit,
      yieldaftermins: d.yieldaftermins,
      buffersize: d.buffersize,
      queueallstagesatonce: d.queueallstagesatonce,
      props: d.props,
    },
  };
}
