/** Custom record types, custom lists and custom entity fields. Sources beside each table. */
import * as L from './lists';
import { customFieldFields, listOf } from './script-parts';
import { bool, oracle, required, select, structure, text, list, type ElementSchema, type FieldSchema } from './types';

const CRT_PAGE = oracle('customrecordtype', 'SDFxml_372451363');
const CRT_FIELD_PAGE = oracle('customrecordcustomfield', 'SDFxml_2670115109');

/** Source: "customrecordcustomfield" (SDFxml_2670115109): label up to 200 characters. */
const RECORD_FIELD: ElementSchema = {
  name: 'customrecordcustomfield',
  source: CRT_FIELD_PAGE,
  fields: customFieldFields(CRT_FIELD_PAGE, {
    encryptatrest: bool(),
    globalsearch: bool(),
    showinlist: bool(),
    sourcefilterby: select(undefined, { references: ['customrecordcustomfield'] }),
    sourcefrom: select(undefined, { references: ['customrecordcustomfield'] }),
    sourcelist: select(undefined, { references: ['customrecordcustomfield'] }),
    isparent: bool(),
    parentsubtab: select(undefined, { references: ['subtab'] }),
    subtab: select(undefined, { references: ['subtab'] }),
    allowquickadd: bool(),
    rolerestrict: bool(),
  }),
};

/** Source: "customrecordtype" (SDFxml_372451363), permissions sub-topic: a role and its level. */
const RECORD_PERMISSION: ElementSchema = {
  name: 'customrecordtype permission',
  source: CRT_PAGE,
  fields: {
    permittedrole: required(select(L.PERMITTED_ROLE, { references: ['role'] })),
    permittedlevel: required(select(L.PERMISSION_LEVEL)),
    restriction: select(L.ROLE_RESTRICT),
  },
};

const RECORD_LINK: ElementSchema = {
  name: 'customrecordtype link',
  source: CRT_PAGE,
  fields: { linkcategory: required(select(L.CENTERCATEGORY)), linktasktype: required(select(L.CUSTOMRECORD_TASKTYPE)), linklabel: text(undefined, { references: ['translationcollection'] }) },
};
const RECORD_INSTANCE: ElementSchema = {
  name: 'customrecordtype instance',
  source: CRT_PAGE,
  fields: { altname: text(), name: text(), isinactive: bool(), parent: select(undefined, { references: ['instance'] }) },
};
const RECORD_SUBLIST: ElementSchema = {
  name: 'recordsublist',
  source: oracle('recordsublist (customrecordtype)', 'SDFxml_1165691426'),
  fields: {
    recordsearch: required(select(undefined, { references: ['savedsearch'] })),
    recorddescr: required(text(undefined, { references: ['translationcollection'] })),
    recordtab: select(undefined, { references: ['subtab'] }),
    recordfield: select(undefined, { references: ['customrecordcustomfield'] }),
  },
};
const RECORD_SUBTAB: ElementSchema = {
  name: 'customrecordtype subtab',
  source: CRT_PAGE,
  fields: { tabtitle: required(text(undefined, { references: ['translationcollection'] })), tabparent: select(undefined, { references: ['subtab'] }) },
};

const booleans = (...names: string[]): Record<string, FieldSchema> => Object.fromEntries(names.map((n) => [n, bool()]));

/**
 * Source: "customrecordtype" (SDFxml_372451363). recordname (up to 40 characters) is required
 * unless the record type backs a custom segment.
 */
export const CUSTOMRECORDTYPE: ElementSchema = {
  name: 'customrecordtype',
  source: CRT_PAGE,
  fields: {
    recordname: text(40, { required: { unless: 'customsegment' }, references: ['translationcollection'] }),
    customsegment: select(undefined, { references: ['customsegment'], feature: 'CUSTOMSEGMENTS' }),
    accesstype: select(L.ACCESSTYPE),
    ...booleans('allowattachments', 'allowinlineediting', 'allowinlinedeleting', 'allowinlinedetaching', 'allowmobileaccess', 'allownumberingoverride', 'allowquickadd', 'allowquicksearch', 'allowuiaccess'),
    description: text(),
    enabledle: bool({ feature: 'EXTREMELIST' }),
    enablekeywords: bool(),
    enablemailmerge: bool({ feature: 'MAILMERGE' }),
    enablenametranslation: bool({ feature: 'MULTILANGUAGE' }),
    ...booleans('enablenumbering', 'enableoptimisticlocking', 'enablesystemnotes', 'hierarchical'),
    numberingprefix: text(),
    numberingsuffix: text(),
    numberingmindigits: text(),
    numberinginit: text(),
    icon: { kind: 'file' },
    iconbuiltin: bool(),
    iconindex: select(L.CUSTOM_RECORD_ICON),
    ...booleans(
      'includeinsearchmenu', 'includename', 'isinactive', 'isordered', 'showcreationdate', 'showcreationdateonlist', 'showid', 'showlastmodified',
      'showlastmodifiedonlist', 'shownotes', 'showowner', 'showownerallowchange', 'showowneronlist',
    ),
    customrecordcustomfields: listOf('customrecordcustomfields', 'customrecordcustomfield', RECORD_FIELD, CRT_PAGE),
    instances: listOf('instances', 'instance', RECORD_INSTANCE, CRT_PAGE),
    links: listOf('links', 'link', RECORD_LINK, CRT_PAGE),
    permissions: listOf('permissions', 'permission', RECORD_PERMISSION, CRT_PAGE),
    recordsublists: listOf('recordsublists', 'recordsublist', RECORD_SUBLIST, CRT_PAGE),
    subtabs: listOf('subtabs', 'subtab', RECORD_SUBTAB, CRT_PAGE),
  },
};

const LIST_PAGE = oracle('customlist', 'SDFxml_2476691670');
/** Source: "customlist" (SDFxml_2476691670): name up to 30 characters; values' abbreviation only for matrix options. */
export const CUSTOMLIST: ElementSchema = {
  name: 'customlist',
  source: LIST_PAGE,
  fields: {
    name: required(text(30, { references: ['translationcollection'] })),
    description: text(),
    isinactive: bool(),
    ismatrixoption: bool({ feature: 'MATRIXITEMS' }),
    isordered: bool(),
    customvalues: structure({
      name: 'customvalues',
      source: oracle('customvalues (customlist)', 'SDFxml_870418061'),
      fields: {
        customvalue: list('customvalue', {
          name: 'customvalue',
          source: LIST_PAGE,
          fields: {
            value: required(text(undefined, { references: ['translationcollection'] })),
            abbreviation: text(undefined, { feature: 'MATRIXITEMS' }),
            isinactive: bool(),
          },
        }),
      },
    }),
  },
};

const ENTITY_FIELD_PAGE = oracle('entitycustomfield', 'SDFxml_1378498284');
/** Source: "entitycustomfield" (SDFxml_1378498284): where the field applies, each with its feature. */
export const ENTITYCUSTOMFIELD: ElementSchema = {
  name: 'entitycustomfield',
  source: ENTITY_FIELD_PAGE,
  fields: customFieldFields(ENTITY_FIELD_PAGE, {
    encryptatrest: bool(),
    globalsearch: bool(),
    showhierarchy: bool(),
    showinlist: bool(),
    sourcefilterby: select(undefined, { references: ['entitycustomfield'] }),
    sourcefrom: select(undefined, { references: ['entitycustomfield'] }),
    sourcelist: select(undefined, { references: ['entitycustomfield'] }),
    isparent: bool(),
    parentsubtab: select(undefined, { references: ['subtab'] }),
    subtab: select(undefined, { references: ['subtab'] }),
    ...booleans('appliestocontact', 'appliestocustomer', 'appliestoemployee', 'appliestogroup', 'appliestoothername', 'appliestopricelist', 'appliestoprojecttemplate', 'appliestostatement', 'availableexternally'),
    appliestogenericrsrc: bool({ feature: 'ADVANCEDJOBS' }),
    appliestopartner: bool({ feature: 'CRM' }),
    appliestoproject: bool({ feature: 'JOBS' }),
    appliestovendor: bool({ feature: 'ACCOUNTING' }),
    appliestowebsite: bool({ feature: 'WEBSITE' }),
    availabletosso: bool({ feature: 'SUITESIGNON' }),
  }),
};
