/**
 * Parts every script object shares in the SDF XML reference: the script record's own fields, its
 * parameters (`scriptcustomfield`), libraries, plug-in types, deployment audiences and
 * recurrences. Each table cites the page it was read from; the per-type pages repeat these tables
 * word for word (usereventscript is cited for the shared ones).
 */
import * as L from './lists';
import { bool, int, list, multi, oracle, required, select, structure, text, type ElementSchema, type FieldSchema, type Source } from './types';

const UE_PAGE = oracle('usereventscript', 'SDFxml_2716615335');
const MR_PAGE = oracle('mapreducescript', 'SDFxml_3519311208');

/** Anything a field can reference (the reference's long "accepts references to" lists, not narrowed). */
const ANY_OBJECT: readonly string[] = [];

/** Parameter filters and per-role access of a script parameter (same tables as custom fields). */
const CUSTOM_FIELD_FILTER: ElementSchema = {
  name: 'customfieldfilter',
  source: UE_PAGE,
  fields: {
    fldfilter: required(select(undefined, { references: ANY_OBJECT })),
    fldfilterchecked: bool(),
    fldfiltercomparetype: select(L.FLDFILTER_COMPARETYPE),
    fldfiltersel: multi(undefined, { references: ANY_OBJECT }),
    fldfilterval: text(),
    fldfilternotnull: bool(),
    fldfilternull: bool(),
    fldcomparefield: select(undefined, { references: ANY_OBJECT }),
  },
};

const ROLE_ACCESS: ElementSchema = {
  name: 'roleaccess',
  source: oracle('roleaccess (customrecordtype)', 'SDFxml_3961804206'),
  fields: {
    role: required(select(L.PERMITTED_ROLE, { references: ['role'] })),
    accesslevel: required(select(L.ACCESSLEVEL_SEARCHLEVEL)),
    searchlevel: required(select(L.ACCESSLEVEL_SEARCHLEVEL)),
  },
};

/** Fields common to script parameters and custom record, entity and other custom fields. */
export function customFieldFields(source: Source, extra: Record<string, FieldSchema> = {}): Record<string, FieldSchema> {
  return {
    fieldtype: required(select(L.FIELDTYPE)),
    label: required(text(200, { references: ['translationcollection'] })),
    selectrecordtype: select(L.SELECTRECORDTYPE, { required: { when: 'fieldtype', in: ['SELECT', 'MULTISELECT'] }, references: ['customrecordtype', 'customlist'] }),
    applyformatting: bool(),
    defaultchecked: bool(),
    defaultselection: select(undefined, { references: ANY_OBJECT }),
    defaultvalue: text(),
    description: text(),
    displaytype: select(L.DISPLAYTYPE),
    dynamicdefault: select(L.DYNAMICDEFAULT),
    help: text(undefined, { references: ['translationcollection'] }),
    linktext: text(),
    minvalue: text(),
    maxvalue: text(),
    storevalue: bool(),
    accesslevel: select(L.ACCESSLEVEL_SEARCHLEVEL),
    checkspelling: bool(),
    displayheight: int(0),
    displaywidth: int(0),
    isformula: bool(),
    ismandatory: bool(),
    maxlength: text(),
    onparentdelete: select(L.ONPARENTDELETE),
    searchcomparefield: select(undefined),
    searchdefault: select(undefined, { references: ['savedsearch'] }),
    searchlevel: select(L.ACCESSLEVEL_SEARCHLEVEL),
    customfieldfilters: structure({ name: 'customfieldfilters', source, fields: { customfieldfilter: list('customfieldfilter', CUSTOM_FIELD_FILTER) } }),
    roleaccesses: structure({ name: 'roleaccesses', source, fields: { roleaccess: list('roleaccess', ROLE_ACCESS) } }),
    ...extra,
  };
}

/** `<scriptcustomfield>`: a script parameter. */
const SCRIPT_PARAMETER: ElementSchema = {
  name: 'scriptcustomfield',
  source: UE_PAGE,
  fields: customFieldFields(UE_PAGE, { setting: select(L.SCRIPT_SETTING) }),
};

const LIBRARY: ElementSchema = { name: 'library', source: oracle('library (usereventscript)', 'SDFxml_3013619113'), fields: { scriptfile: required({ kind: 'file' }) } };
const PLUGIN_TYPE: ElementSchema = {
  name: 'plugintype',
  source: oracle('plugintype (usereventscript)', 'SDFxml_442703956'),
  fields: { plugintype: required(select(undefined, { references: ['plugintype'] })) },
};

/** Container elements holding one kind of item, e.g. `<libraries><library/>...</libraries>`. */
export function listOf(container: string, item: string, element: ElementSchema, source: Source): FieldSchema {
  return structure({ name: container, source, fields: { [item]: list(item, element) } });
}

/**
 * The script record's fields (name up to 40 characters, scriptfile, description up to 999...),
 * parameters, libraries and plug-in types, plus the type's own fields and deployments.
 */
export function scriptFields(source: Source, own: Record<string, FieldSchema>, deployment: ElementSchema, options: { libraries?: boolean; plugins?: boolean; notifyuser?: boolean } = {}): Record<string, FieldSchema> {
  const { libraries = true, plugins = true, notifyuser = true } = options;
  return {
    name: required(text(40, { references: ['translationcollection'] })),
    scriptfile: required({ kind: 'file' }),
    description: text(999, { references: ['translationcollection'] }),
    isinactive: bool(),
    notifyadmins: bool(),
    notifyemails: text(999),
    notifygroup: text(),
    notifyowner: bool(),
    ...(notifyuser ? { notifyuser: bool() } : {}),
    ...own,
    ...(plugins ? { customplugintypes: listOf('customplugintypes', 'plugintype', PLUGIN_TYPE, source) } : {}),
    ...(libraries ? { libraries: listOf('libraries', 'library', LIBRARY, source) } : {}),
    scriptcustomfields: listOf('scriptcustomfields', 'scriptcustomfield', SCRIPT_PARAMETER, source),
    scriptdeployments: listOf('scriptdeployments', 'scriptdeployment', deployment, source),
  };
}

/** Who a UE, Suitelet, RESTlet or client deployment runs for (audience fields). */
export const AUDIENCE: Record<string, FieldSchema> = {
  allemployees: bool(),
  allpartners: bool({ feature: 'CRM' }),
  allroles: bool(),
  auddepartment: multi(undefined, { feature: 'DEPARTMENTS' }),
  audemployee: multi(undefined),
  audgroup: multi(undefined),
  audpartner: multi(undefined, { feature: 'CRM' }),
  audslctrole: multi(L.GENERIC_ROLE, { references: ['role'] }),
  audsubsidiary: multi(undefined, { feature: 'SUBSIDIARIES' }),
};

/** status (required), isdeployed, loglevel: on every deployment. */
export const DEPLOYMENT_BASICS: Record<string, FieldSchema> = {
  status: required(select(L.SCRIPT_STATUS)),
  isdeployed: bool(),
  loglevel: select(L.SCRIPT_LOGLEVEL),
};

/** Record-bound deployments (user event, client): recordtype is required and names a record. */
export const RECORDTYPE = required(select(L.DEPLOYMENT_RECORDTYPE, { references: ['customrecordtype', 'customtransactiontype'] }));

/** `<recurrence>` of scheduled and Map/Reduce deployments: exactly one schedule element. */
function schedule(name: string, fields: Record<string, FieldSchema>, source: Source): ElementSchema {
  return {
    name: `recurrence ${name}`,
    source,
    fields: { startdate: required({ kind: 'date' }), starttime: required({ kind: 'time' }), ...fields, enddate: { kind: 'date' }, repeat: select(L.REPEAT_TIME) },
  };
}

export function recurrence(page: { daily: Source; others: Source }): FieldSchema {
  const every = (field: string): Record<string, FieldSchema> => ({ [field]: required(int(1, 1000)) });
  const days = Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, required(bool())]));
  const nth = { orderofweek: required(select(L.ORDER_OF_WEEK)), dayofweek: required(select(L.DAY_OF_WEEK)) };
  const { daily, others } = page;
  const element: ElementSchema = {
    name: 'recurrence',
    source: others,
    choice: true,
    fields: {
      daily: structure(schedule('daily', every('everyxdays'), daily)),
      everyweekday: structure(schedule('everyweekday', {}, others)),
      monthly: structure(schedule('monthly', every('everyxmonths'), others)),
      monthlydayofweek: structure(schedule('monthlydayofweek', { ...nth, ...every('everyxmonths') }, others)),
      single: structure(schedule('single', {}, others)),
      weekly: structure(schedule('weekly', { ...every('everyxweeks'), ...days }, others)),
      yearly: structure(schedule('yearly', {}, others)),
      yearlydayofweek: structure(schedule('yearlydayofweek', nth, others)),
    },
  };
  return structure(element);
}

export { UE_PAGE, MR_PAGE };
