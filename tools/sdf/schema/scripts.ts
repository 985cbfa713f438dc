/** The script object types, each with its deployment table. Sources beside each table. */
import * as L from './lists';
import { AUDIENCE, DEPLOYMENT_BASICS, MR_PAGE, RECORDTYPE, UE_PAGE, listOf, recurrence, scriptFields } from './script-parts';
import { bool, list, multi, oracle, required, select, structure, text, type ElementSchema, type FieldSchema } from './types';

/** Source: "usereventscript" (SDFxml_2716615335) and its scriptdeployment topic. No <title>: user event deployments have none. */
const UE_DEPLOYMENT: ElementSchema = {
  name: 'usereventscript scriptdeployment',
  source: UE_PAGE,
  acceptsScriptParameters: true,
  fields: {
    ...DEPLOYMENT_BASICS,
    recordtype: RECORDTYPE,
    ...AUDIENCE,
    eventtype: select(L.SCRIPT_EVENTTYPE),
    runasrole: select(L.GENERIC_ROLE, { references: ['role'] }),
    alllocalizationcontexts: bool(),
    executioncontext: multi(L.EXECUTION_CONTEXT),
    localizationcontext: multi(undefined),
  },
};
export const USEREVENTSCRIPT: ElementSchema = {
  name: 'usereventscript',
  source: UE_PAGE,
  fields: scriptFields(UE_PAGE, { aftersubmitfunction: text(), beforeloadfunction: text(), beforesubmitfunction: text() }, UE_DEPLOYMENT),
};

/** Source: "scriptdeployment (mapreducescript)" (SDFxml_27094036): title required; numbers written as strings. */
const MR_DEPLOYMENT: ElementSchema = {
  name: 'mapreducescript scriptdeployment',
  source: oracle('scriptdeployment (mapreducescript)', 'SDFxml_27094036'),
  acceptsScriptParameters: true,
  fields: {
    ...DEPLOYMENT_BASICS,
    title: required(text()),
    runasrole: select(L.GENERIC_ROLE, { references: ['role'] }),
    buffersize: text(),
    concurrencylimit: text(),
    queueallstagesatonce: bool(),
    yieldaftermins: text(),
    recurrence: recurrence({ daily: oracle('daily (mapreducescript)', 'SDFxml_617656060'), others: MR_PAGE }),
  },
};
/** Source: "mapreducescript" (SDFxml_3519311208). No libraries and no notifyuser on this type. */
export const MAPREDUCESCRIPT: ElementSchema = {
  name: 'mapreducescript',
  source: MR_PAGE,
  fields: scriptFields(MR_PAGE, {}, MR_DEPLOYMENT, { libraries: false, notifyuser: false }),
};

const SS_DEPLOYMENT_PAGE = oracle('scriptdeployment (scheduledscript)', 'SDFxml_637067724');
/** Source: "scriptdeployment (scheduledscript)" (SDFxml_637067724). */
const SS_DEPLOYMENT: ElementSchema = {
  name: 'scheduledscript scriptdeployment',
  source: SS_DEPLOYMENT_PAGE,
  acceptsScriptParameters: true,
  fields: {
    ...DEPLOYMENT_BASICS,
    title: required(text()),
    recurrence: recurrence({ daily: oracle('daily (scheduledscript)', 'SDFxml_4155912874'), others: oracle('Defining a Recurring Scheduled Script Deployment', 'section_1504707195') }),
  },
};
/** Source: the scheduledscript topic of the XML reference, read with its scriptdeployment topic. */
export const SCHEDULEDSCRIPT: ElementSchema = {
  name: 'scheduledscript',
  source: SS_DEPLOYMENT_PAGE,
  fields: scriptFields(SS_DEPLOYMENT_PAGE, { defaultfunction: text() }, SS_DEPLOYMENT, { notifyuser: false }),
};

const SL_DEPLOYMENT_PAGE = oracle('scriptdeployment (suitelet)', 'SDFxml_2909147388');
const SUITELET_LINK: ElementSchema = {
  name: 'suitelet link',
  source: SL_DEPLOYMENT_PAGE,
  fields: {
    linkcategory: required(select(L.CENTERCATEGORY)),
    linktasktype: select(L.SUITELET_TASKTYPE),
    linklabel: text(undefined, { references: ['translationcollection'] }),
  },
};
/** Source: "scriptdeployment (suitelet)" (SDFxml_2909147388). */
const SL_DEPLOYMENT: ElementSchema = {
  name: 'suitelet scriptdeployment',
  source: SL_DEPLOYMENT_PAGE,
  acceptsScriptParameters: true,
  fields: {
    ...DEPLOYMENT_BASICS,
    title: required(text()),
    ...AUDIENCE,
    eventtype: select(L.SCRIPT_EVENTTYPE),
    isonline: bool(),
    runasrole: select(L.GENERIC_ROLE, { references: ['role'] }),
    links: listOf('links', 'link', SUITELET_LINK, SL_DEPLOYMENT_PAGE),
  },
};
export const SUITELET: ElementSchema = {
  name: 'suitelet',
  source: SL_DEPLOYMENT_PAGE,
  fields: scriptFields(SL_DEPLOYMENT_PAGE, { defaultfunction: text() }, SL_DEPLOYMENT),
};

const RESTLET_PAGE = oracle('restlet', 'SDFxml_410893908');
/** Source: "restlet" (SDFxml_410893908) and its scriptdeployment topic: title required, no runasrole. */
const RESTLET_DEPLOYMENT: ElementSchema = {
  name: 'restlet scriptdeployment',
  source: RESTLET_PAGE,
  acceptsScriptParameters: true,
  fields: { ...DEPLOYMENT_BASICS, title: required(text()), ...AUDIENCE },
};
export const RESTLET: ElementSchema = {
  name: 'restlet',
  source: RESTLET_PAGE,
  fields: scriptFields(RESTLET_PAGE, { deletefunction: text(), getfunction: text(), postfunction: text(), putfunction: text() }, RESTLET_DEPLOYMENT),
};

const CS_PAGE = oracle('clientscript', 'SDFxml_4053132713');
/** Source: "scriptdeployment (clientscript)" (SDFxml_2144494927): recordtype required, no title. */
const CS_DEPLOYMENT: ElementSchema = {
  name: 'clientscript scriptdeployment',
  source: oracle('scriptdeployment (clientscript)', 'SDFxml_2144494927'),
  acceptsScriptParameters: true,
  fields: {
    ...DEPLOYMENT_BASICS,
    recordtype: RECORDTYPE,
    ...AUDIENCE,
    eventtype: select(L.SCRIPT_EVENTTYPE),
    alllocalizationcontexts: bool(),
    executioncontext: multi(L.EXECUTION_CONTEXT),
    localizationcontext: multi(undefined),
  },
};
const CS_BUTTON: ElementSchema = { name: 'clientscript button', source: CS_PAGE, fields: { buttonlabel: required(text()), buttonfunction: text() } };
/** Source: "clientscript" (SDFxml_4053132713). Client scripts have buttons instead of plug-in types. */
export const CLIENTSCRIPT: ElementSchema = {
  name: 'clientscript',
  source: CS_PAGE,
  fields: scriptFields(
    CS_PAGE,
    {
      ...Object.fromEntries(
        ['fieldchanged', 'lineinit', 'pageinit', 'postsourcing', 'recalc', 'saverecord', 'validatedelete', 'validatefield', 'validateinsert', 'validateline'].map((f): [string, FieldSchema] => [`${f}function`, text()]),
      ),
      buttons: structure({ name: 'buttons', source: CS_PAGE, fields: { button: list('button', CS_BUTTON) } }),
    },
    CS_DEPLOYMENT,
    { plugins: false },
  ),
};

