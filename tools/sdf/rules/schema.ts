/**
 * Every object against its schema (tools/sdf/schema, from Oracle's SDF XML reference): unknown
 * elements, missing required ones, values outside their list, over-long values, malformed whole
 * numbers, dates and times are errors; a field whose feature the manifest does not declare is a
 * warning, as Oracle's own validation reports it. An object type without a schema is an error:
 * nothing would check it before deploy.
 *
 * Boolean spelling is the boolean rule's (it reads the boolean fields from the same schemas), and
 * whether a `[scriptid=...]` names a project object is the reference rule's.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { OBJECT_SCHEMAS, type ElementSchema, type FieldSchema } from '../schema';
import type { SelectField } from '../schema/types';
import { childElements, isLeaf, lineOf, parseXml, textOf, type XmlElement } from '../xml';
import type { SdfObject } from '../model';

const REFERENCE = /^\[(appid=[^,\]]+,\s*)?scriptid=[^\]]+\]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}Z?$/;
const INTEGER = /^-?\d+$/;

interface Walk {
  file: string;
  declared: ReadonlySet<string>;
  parameters: ReadonlySet<string>;
  problems: Problem[];
}

export const schema: Rule = {
  id: 'schema',
  check(ctx) {
    const problems: Problem[] = [];
    const declared = new Set(ctx.project.manifest?.features.map((f) => f.name) ?? []);
    for (const o of ctx.project.objects) {
      const objectSchema = OBJECT_SCHEMAS[o.rootTag];
      if (!objectSchema) {
        problems.push({ file: o.file, line: o.line, rule: this.id, message: `<${o.rootTag}> has no schema in tools/sdf/schema, so nothing checks it before deploy: add its table from Oracle's SDF XML reference` });
        continue;
      }
      const source = ctx.readText(o.file);
      const parsed = source === undefined ? undefined : parseXml(source);
      if (!parsed?.ok) continue; // malformed XML is reported by the reader
      const walk: Walk = { file: o.file, declared, parameters: parameterIds(o), problems };
      checkElement(parsed.root, objectSchema, walk, this.id);
    }
    return problems;
  },
};

function parameterIds(o: SdfObject): Set<string> {
  return new Set(o.kind === 'script' ? o.parameters.map((p) => p.scriptid) : []);
}

function checkElement(el: XmlElement, schema: ElementSchema, walk: Walk, rule: string): void {
  const at = (node: XmlElement, message: string, severity?: 'warning'): void => {
    walk.problems.push({ file: walk.file, line: lineOf(node), rule, message, ...(severity ? { severity } : {}) });
  };
  const children = childElements(el);
  const seen = new Map<string, XmlElement>();
  for (const child of children) {
    const tag = child.tagName;
    const field = schema.fields[tag];
    if (!field) {
      if (schema.acceptsScriptParameters && walk.parameters.has(tag)) continue;
      at(child, `<${tag}> is not an element of ${schema.name} (${schema.source.title}: ${schema.source.url})`);
      continue;
    }
    if (seen.has(tag) && field.kind !== 'list') at(child, `<${tag}> appears twice in ${schema.name}`);
    seen.set(tag, child);
    if (field.feature && !walk.declared.has(field.feature)) {
      at(child, `<${tag}> needs the ${field.feature} feature, which manifest.xml does not declare in <dependencies><features>`, 'warning');
    }
    checkField(child, field, walk, rule, at);
  }
  if (schema.choice && children.length !== 1) {
    at(el, `${schema.name} must hold exactly one of ${Object.keys(schema.fields).join(', ')}`);
  }
  for (const [tag, field] of Object.entries(schema.fields)) {
    if (!isRequired(field, seen)) continue;
    const present = seen.get(tag);
    if (!present) at(el, `${schema.name} needs <${tag}>${requirementNote(field)}`);
    else if (field.kind !== 'structure' && field.kind !== 'list' && isLeaf(present) && textOf(present) === '') at(present, `<${tag}> of ${schema.name} is required and empty`);
  }
}

function isRequired(field: FieldSchema, seen: ReadonlyMap<string, XmlElement>): boolean {
  const r = field.required;
  if (!r) return false;
  if (r === true) return true;
  if ('unless' in r) return !seen.has(r.unless);
  const other = seen.get(r.when);
  return other !== undefined && r.in.includes(textOf(other));
}

function requirementNote(field: FieldSchema): string {
  const r = field.required;
  if (!r || r === true) return '';
  return 'unless' in r ? ` (required without <${r.unless}>)` : ` (required when <${r.when}> is ${r.in.join(' or ')})`;
}

function checkField(el: XmlElement, field: FieldSchema, walk: Walk, rule: string, at: (node: XmlElement, message: string) => void): void {
  const tag = el.tagName;
  if (field.kind === 'structure') {
    checkElement(el, field.element, walk, rule);
    return;
  }
  if (field.kind === 'list') {
    // A list field is the repeated item inside its container; the container's schema lists it.
    checkElement(el, field.element, walk, rule);
    return;
  }
  if (!isLeaf(el)) {
    at(el, `<${tag}> holds a value, not elements`);
    return;
  }
  const value = textOf(el);
  if (value === '') return; // an empty optional field keeps its default
  switch (field.kind) {
    case 'text':
      if (field.maxLength !== undefined && value.length > field.maxLength && !isReference(value, field.references)) {
        at(el, `<${tag}> is ${value.length} characters; the limit is ${field.maxLength}`);
      }
      return;
    case 'integer': {
      const n = Number(value);
      const ok = INTEGER.test(value) && (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);
      if (!ok) at(el, `<${tag}> "${value}" must be a whole number${range(field.min, field.max)}`);
      return;
    }
    case 'date':
      if (!DATE.test(value)) at(el, `<${tag}> "${value}" must be a date written YYYY-MM-DD`);
      return;
    case 'time':
      if (!TIME.test(value)) at(el, `<${tag}> "${value}" must be a time written HH:MM:SSZ`);
      return;
    case 'file':
      return; // the path's form and existence are the scriptfile rule's
    case 'select':
      checkSelect(el, value, field, at);
      return;
    case 'boolean':
      return; // spelling checked by the boolean rule
  }
}

function checkSelect(el: XmlElement, value: string, field: SelectField, at: (node: XmlElement, message: string) => void): void {
  const tag = el.tagName;
  const parts = field.multi ? value.split('|').map((p) => p.trim()) : [value];
  for (const part of parts) {
    if (part === '') {
      at(el, `<${tag}> "${value}" has an empty value between pipes`);
      continue;
    }
    if (part.startsWith('[')) {
      if (!field.references) at(el, `<${tag}> does not accept references like ${part}`);
      else if (!REFERENCE.test(part)) at(el, `<${tag}> reference ${part} must be written [scriptid=...]`);
      continue;
    }
    if (field.values && !field.values.values.includes(part)) {
      const refs = field.references && field.references.length > 0 ? ` or a [scriptid=...] reference to a ${field.references.join(' or ')}` : '';
      at(el, `<${tag}> "${part}" is not one of the values of ${field.values.name}${refs} (${field.values.source.url})`);
    }
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) at(el, `<${tag}> is ${value.length} characters; the limit is ${field.maxLength}`);
}

function isReference(value: string, references: readonly string[] | undefined): boolean {
  return references !== undefined && REFERENCE.test(value);
}

function range(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}
