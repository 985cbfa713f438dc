/**
 * A typed, read-only model of an SDF project (manifest.xml and Objects/), shared by the offline
 * validator and the local NetSuite runtime. Every value keeps the line it came from so that any
 * consumer can report `file:line`.
 *
 * Stable API: readSdfProject, the Sdf* types, fileCabinetPath, objectById. Add fields rather than
 * rename them; the runtime depends on this shape.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from './problem';
import { isScriptType, type ScriptType } from './object-types';
import { childElements, firstChild, isLeaf, lineOf, parseXml, textOf, allElements, type XmlElement } from './xml';

export type { ScriptType } from './object-types';

/** A field value with the line of its element. */
export interface SdfValue {
  value: string;
  line: number;
}

/** Leaf child elements of an element, by tag (`<status>RELEASED</status>` → props.status). */
export type SdfProps = Readonly<Record<string, SdfValue>>;

/** Every leaf value anywhere in an object, for checks that treat all fields alike. */
interface SdfLeaf extends SdfValue {
  tag: string;
}

interface SdfObjectBase {
  /** Path relative to the project root, `/`-separated, e.g. `Objects/customrole_fsc_token.xml`. */
  file: string;
  /** Line of the root element. */
  line: number;
  scriptid: string;
  rootTag: string;
  props: SdfProps;
  leaves: readonly SdfLeaf[];
}

export interface SdfScriptParameter {
  scriptid: string;
  line: number;
  fieldtype?: string;
  label?: string;
  selectrecordtype?: string;
  defaultvalue?: string;
  props: SdfProps;
}

export interface SdfRecurrence {
  line: number;
  /** The element inside <recurrence>: daily, weekly, single, monthly, yearly, ... */
  kind: string;
  props: SdfProps;
  repeat?: SdfValue;
}

export interface SdfDeployment {
  scriptid: string;
  line: number;
  status?: SdfValue;
  title?: string;
  recordtype?: string;
  isdeployed?: boolean;
  allroles?: boolean;
  loglevel?: string;
  /** Pipe-separated in XML; split here. */
  executioncontext?: string[];
  eventtype?: string;
  runasrole?: string;
  /** Audience roles (pipe-separated in XML), e.g. ['ADMINISTRATOR', '[scriptid=customrole_x]']. */
  audslctrole?: string[];
  concurrencylimit?: number;
  yieldaftermins?: number;
  buffersize?: number;
  queueallstagesatonce?: boolean;
  recurrence?: SdfRecurrence;
  /** Values given to script parameters on this deployment (`<custscript_x>v</custscript_x>`). */
  parameterValues: Readonly<Record<string, string>>;
  props: SdfProps;
}

export interface SdfScript extends SdfObjectBase {
  kind: 'script';
  type: ScriptType;
  name?: string;
  /** `[/SuiteApps/<appid>/x.js]` as written, with `path` the part inside the brackets. */
  scriptfile?: SdfValue & { path: string };
  parameters: SdfScriptParameter[];
  deployments: SdfDeployment[];
}

export interface SdfRecordField {
  scriptid: string;
  line: number;
  label?: string;
  fieldtype?: string;
  selectrecordtype?: string;
  props: SdfProps;
}

export interface SdfRecordPermission {
  /** As written: `ADMINISTRATOR` or `[scriptid=customrole_x]`. */
  role: string;
  /** The scriptid when `role` references a project object. */
  roleScriptid?: string;
  level: string;
  line: number;
}

export interface SdfCustomRecordType extends SdfObjectBase {
  kind: 'customrecordtype';
  recordname?: string;
  accesstype?: string;
  fields: SdfRecordField[];
  permissions: SdfRecordPermission[];
}

export interface SdfCustomListValue {
  scriptid: string;
  value?: string;
  line: number;
  props: SdfProps;
}

export interface SdfCustomList extends SdfObjectBase {
  kind: 'customlist';
  name?: string;
  values: SdfCustomListValue[];
}

export interface SdfRolePermission {
  /** As written: `LIST_CUSTJOB`, `[scriptid=customrecord_x]` or `customrecord_x`. */
  key: string;
  /** The custom record's scriptid when the key names one. */
  recordScriptid?: string;
  level: string;
  line: number;
}

export interface SdfRole extends SdfObjectBase {
  kind: 'role';
  name?: string;
  centertype?: string;
  permissions: SdfRolePermission[];
}

export interface SdfIntegration extends SdfObjectBase {
  kind: 'integration';
}

/** Object types the model does not break down (secrets and the rest); still listed and checked generically. */
export interface SdfOtherObject extends SdfObjectBase {
  kind: 'other';
}

export type SdfObject = SdfScript | SdfCustomRecordType | SdfCustomList | SdfRole | SdfIntegration | SdfOtherObject;

export interface SdfFeature {
  name: string;
  required: boolean;
  line: number;
}

export interface SdfManifest {
  file: 'manifest.xml';
  projecttype?: string;
  publisherid?: string;
  projectid?: string;
  /** `<publisherid>.<projectid>`, the SuiteApp folder name under FileCabinet/SuiteApps/. */
  appId?: string;
  projectname?: string;
  projectversion?: string;
  features: SdfFeature[];
  line: number;
}

export interface SdfProject {
  /** Absolute path of the project root (the folder holding manifest.xml). */
  root: string;
  manifest?: SdfManifest;
  objects: SdfObject[];
  scripts: SdfScript[];
  customRecordTypes: SdfCustomRecordType[];
  customLists: SdfCustomList[];
  roles: SdfRole[];
  integrations: SdfIntegration[];
  /** Problems met while reading: malformed XML, missing scriptid, missing manifest. */
  readProblems: Problem[];
  /** Every XML file read (manifest, objects), relative paths. */
  xmlFiles: string[];
}

const REF = /^\[scriptid=([^\]]+)\]$/;

/** `[scriptid=customrole_x]` → `customrole_x`; anything else → undefined. */
export function referencedScriptid(raw: string): string | undefined {
  return REF.exec(raw.trim())?.[1];
}

export function parseBoolean(raw: string | undefined): boolean | undefined {
  if (raw === 'T') return true;
  if (raw === 'F') return false;
  return undefined;
}

/** `/SuiteApps/<appid>/entry/x.js` → `FileCabinet/SuiteApps/<appid>/entry/x.js` (project-relative). */
export function fileCabinetPath(scriptfilePath: string): string {
  return `FileCabinet${scriptfilePath.startsWith('/') ? '' : '/'}${scriptfilePath}`;
}

export function objectById(project: SdfProject, scriptid: string): SdfObject | undefined {
  return project.objects.find((o) => o.scriptid === scriptid);
}

export function readSdfProject(sdfRoot: string): SdfProject {
  const project: SdfProject = {
    root: sdfRoot,
    objects: [],
    scripts: [],
    customRecordTypes: [],
    customLists: [],
    roles: [],
    integrations: [],
    readProblems: [],
    xmlFiles: [],
  };
  const manifestPath = join(sdfRoot, 'manifest.xml');
  if (existsSync(manifestPath)) {
    const root = readXmlFile(project, 'manifest.xml');
    if (root) project.manifest = readManifest(root);
  } else {
    project.readProblems.push({ file: 'manifest.xml', line: 1, message: 'manifest.xml is missing', rule: 'manifest' });
  }
  for (const file of listXmlFiles(sdfRoot, 'Objects')) {
    const root = readXmlFile(project, file);
    if (!root) continue;
    const object = readObject(project, file, root);
    if (!object) continue;
    project.objects.push(object);
    if (object.kind === 'script') project.scripts.push(object);
    else if (object.kind === 'customrecordtype') project.customRecordTypes.push(object);
    else if (object.kind === 'customlist') project.customLists.push(object);
    else if (object.kind === 'role') project.roles.push(object);
    else if (object.kind === 'integration') project.integrations.push(object);
  }
  return project;
}

/** Project-relative `/`-separated paths of the .xml files under `folder`, sorted. */
function listXmlFiles(sdfRoot: string, folder: string): string[] {
  const base = join(sdfRoot, folder);
  if (!existsSync(base)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xml')) out.push(relative(sdfRoot, full).split(sep).join('/'));
    }
  };
  walk(base);
  return out;
}

function readXmlFile(project: SdfProject, file: string): XmlElement | undefined {
  project.xmlFiles.push(file);
  const parsed = parseXml(readFileSync(join(project.root, file), 'utf8'));
  if (parsed.ok) return parsed.root;
  project.readProblems.push({ file, line: parsed.line, message: `malformed XML: ${parsed.message}`, rule: 'malformed-xml' });
  return undefined;
}

function propsOf(el: XmlElement): SdfProps {
  const props: Record<string, SdfValue> = {};
  for (const c of childElements(el)) {
    if (isLeaf(c)) props[c.tagName] = { value: textOf(c), line: lineOf(c) };
  }
  return props;
}

function leavesOf(root: XmlElement): SdfLeaf[] {
  return allElements(root)
    .filter((el) => el !== root && isLeaf(el))
    .map((el) => ({ tag: el.tagName, value: textOf(el), line: lineOf(el) }));
}

function listOf(parent: XmlElement, container: string, item: string): XmlElement[] {
  const c = firstChild(parent, container);
  return c ? childElements(c, item) : [];
}

function optionalNumber(v: SdfValue | undefined): number | undefined {
  if (!v || v.value === '') return undefined;
  const n = Number(v.value);
  return Number.isFinite(n) ? n : undefined;
}

function pipeList(v: SdfValue | undefined): string[] | undefined {
  return v && v.value !== '' ? v.value.split('|').map((s) => s.trim()).filter(Boolean) : undefined;
}

function readManifest(root: XmlElement): SdfManifest {
  const p = propsOf(root);
  const publisherid = p.publisherid?.value;
  const projectid = p.projectid?.value;
  const features: SdfFeature[] = [];
  const deps = firstChild(root, 'dependencies');
  for (const f of deps ? listOf(deps, 'features', 'feature') : []) {
    features.push({ name: textOf(f), required: f.getAttribute('required') !== 'false', line: lineOf(f) });
  }
  return {
    file: 'manifest.xml',
    projecttype: root.getAttribute('projecttype') ?? undefined,
    publisherid,
    projectid,
    appId: publisherid && projectid ? `${publisherid}.${projectid}` : undefined,
    projectname: p.projectname?.value,
    projectversion: p.projectversion?.value,
    features,
    line: lineOf(root),
  };
}

function readObject(project: SdfProject, file: string, root: XmlElement): SdfObject | undefined {
  const scriptid = root.getAttribute('scriptid') ?? '';
  if (!scriptid) {
    project.readProblems.push({ file, line: lineOf(root), message: `<${root.tagName}> has no scriptid attribute`, rule: 'scriptid' });
    return undefined;
  }
  const base = { file, line: lineOf(root), scriptid, rootTag: root.tagName, props: propsOf(root), leaves: leavesOf(root) };
  const tag = root.tagName;
  if (isScriptType(tag)) return readScript(base, tag, root);
  if (tag === 'customrecordtype') return readCustomRecordType(base, root);
  if (tag === 'customlist') {
    return {
      ...base,
      kind: 'customlist',
      name: base.props.name?.value,
      values: listOf(root, 'customvalues', 'customvalue').map((v) => {
        const props = propsOf(v);
        return { scriptid: v.getAttribute('scriptid') ?? '', value: props.value?.value, line: lineOf(v), props };
      }),
    };
  }
  if (tag === 'role') {
    return {
      ...base,
      kind: 'role',
      name: base.props.name?.value,
      centertype: base.props.centertype?.value,
      permissions: listOf(root, 'permissions', 'permission').map((perm) => {
        const props = propsOf(perm);
        const key = props.permkey?.value ?? '';
        // Custom record keys appear as [scriptid=customrecord_x], customrecord_x or, in roles
        // exported from an account, CUSTOMRECORD_X.
        const ref = (referencedScriptid(key) ?? key).toLowerCase();
        return { key, recordScriptid: ref.startsWith('customrecord') ? ref : undefined, level: props.permlevel?.value ?? '', line: props.permkey?.line ?? lineOf(perm) };
      }),
    };
  }
  if (tag === 'integration') return { ...base, kind: 'integration' };
  return { ...base, kind: 'other' };
}

function readScript(base: SdfObjectBase, type: ScriptType, root: XmlElement): SdfScript {
  const sf = base.props.scriptfile;
  const inner = sf ? /^\[(.*)\]$/.exec(sf.value)?.[1] : undefined;
  return {
    ...base,
    kind: 'script',
    type,
    name: base.props.name?.value,
    scriptfile: sf ? { ...sf, path: inner ?? sf.value } : undefined,
    parameters: listOf(root, 'scriptcustomfields', 'scriptcustomfield').map((f) => {
      const props = propsOf(f);
      return {
        scriptid: f.getAttribute('scriptid') ?? '',
        line: lineOf(f),
        fieldtype: props.fieldtype?.value,
        label: props.label?.value,
        selectrecordtype: props.selectrecordtype?.value,
        defaultvalue: props.defaultvalue?.value,
        props,
      };
    }),
    deployments: listOf(root, 'scriptdeployments', 'scriptdeployment').map(readDeployment),
  };
}

function readDeployment(el: XmlElement): SdfDeployment {
  const p = propsOf(el);
  const recurrenceEl = firstChild(el, 'recurrence');
  let recurrence: SdfRecurrence | undefined;
  if (recurrenceEl) {
    const kindEl = childElements(recurrenceEl)[0];
    const props = kindEl ? propsOf(kindEl) : {};
    recurrence = { line: lineOf(recurrenceEl), kind: kindEl?.tagName ?? '', props, repeat: props.repeat };
  }
  const parameterValues: Record<string, string> = {};
  for (const [tag, v] of Object.entries(p)) if (tag.startsWith('custscript')) parameterValues[tag] = v.value;
  return {
    scriptid: el.getAttribute('scriptid') ?? '',
    line: lineOf(el),
    status: p.status,
    title: p.title?.value,
    recordtype: p.recordtype?.value,
    isdeployed: parseBoolean(p.isdeployed?.value),
    allroles: parseBoolean(p.allroles?.value),
    loglevel: p.loglevel?.value,
    executioncontext: pipeList(p.executioncontext),
    eventtype: p.eventtype?.value,
    runasrole: p.runasrole?.value,
    audslctrole: pipeList(p.audslctrole),
    concurrencylimit: optionalNumber(p.concurrencylimit),
    yieldaftermins: optionalNumber(p.yieldaftermins),
    buffersize: optionalNumber(p.buffersize),
    queueallstagesatonce: parseBoolean(p.queueallstagesatonce?.value),
    recurrence,
    parameterValues,
    props: p,
  };
}

function readCustomRecordType(base: SdfObjectBase, root: XmlElement): SdfCustomRecordType {
  return {
    ...base,
    kind: 'customrecordtype',
    recordname: base.props.recordname?.value,
    accesstype: base.props.accesstype?.value,
    fields: listOf(root, 'customrecordcustomfields', 'customrecordcustomfield').map((f) => {
      const props = propsOf(f);
      return {
        scriptid: f.getAttribute('scriptid') ?? '',
        line: lineOf(f),
        label: props.label?.value,
        fieldtype: props.fieldtype?.value,
        selectrecordtype: props.selectrecordtype?.value,
        props,
      };
    }),
    permissions: listOf(root, 'permissions', 'permission').map((perm) => {
      const props = propsOf(perm);
      const role = props.permittedrole?.value ?? '';
      return {
        role,
        roleScriptid: referencedScriptid(role) ?? (role.toLowerCase().startsWith('customrole') ? role.toLowerCase() : undefined),
        level: props.permittedlevel?.value ?? '',
        line: props.permittedrole?.line ?? lineOf(perm),
      };
    }),
  };
}
