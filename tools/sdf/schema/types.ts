/**
 * The shape of the SDF object schemas: one table per element, written from Oracle's SuiteCloud
 * Development Framework XML Reference (each table names the help-center page it came from).
 *
 * A field is a child element. Leaf fields hold a value of a kind; structured fields hold an
 * element of their own; list fields hold repeated items (`<scriptdeployments><scriptdeployment>`).
 */
export interface Source {
  /** The help-center page's subject (its title reads "SDFxml <n>" in Oracle's page index). */
  title: string;
  url: string;
}

/** A closed list of values from the reference's "Lists For SDF Custom Object XML Definitions". */
export interface ValueList {
  name: string;
  values: readonly string[];
  source: Source;
}

/**
 * Required unconditionally, or only when another field of the same element holds one of some
 * values (`when`), or only when another field is absent (`unless`).
 */
export type Requirement = true | { when: string; in: readonly string[] } | { unless: string };

interface FieldBase {
  required?: Requirement;
  /** Oracle warns when the field appears and the manifest does not declare this feature. */
  feature?: string;
}

export interface TextField extends FieldBase {
  kind: 'text';
  maxLength?: number;
  /** The field also accepts `[scriptid=...]` references (translation strings, for instance). */
  references?: readonly string[];
}
export interface BooleanField extends FieldBase {
  kind: 'boolean';
}
export interface IntegerField extends FieldBase {
  kind: 'integer';
  min?: number;
  max?: number;
}
/** `YYYY-MM-DD` (date) or `HH:MM:SSZ` (time), as in "Date and Time Formats in SDF Custom Objects". */
export interface DateTimeField extends FieldBase {
  kind: 'date' | 'time';
}
/** A `[/path/file.js]` reference into the project's File Cabinet. */
export interface FileField extends FieldBase {
  kind: 'file';
}
/**
 * One value (or, `multi`, pipe-separated values) from `values`, or a `[scriptid=...]` reference
 * to an object of one of the `references` types. Without `values` the list is open (account
 * specific, or too large to carry) and only the reference syntax is checked.
 */
export interface SelectField extends FieldBase {
  kind: 'select';
  multi?: boolean;
  values?: ValueList;
  references?: readonly string[];
  maxLength?: number;
}
export interface StructureField extends FieldBase {
  kind: 'structure';
  element: ElementSchema;
}
export interface ListField extends FieldBase {
  kind: 'list';
  item: string;
  element: ElementSchema;
}

export type FieldSchema = TextField | BooleanField | IntegerField | DateTimeField | FileField | SelectField | StructureField | ListField;

export interface ElementSchema {
  /** How messages name the element, e.g. "usereventscript scriptdeployment". */
  name: string;
  source: Source;
  fields: Readonly<Record<string, FieldSchema>>;
  /** Exactly one child, chosen among the fields (`<recurrence>` holds one of daily, weekly...). */
  choice?: true;
  /**
   * Script deployments may also set a value for each of the script's own parameters
   * ("In addition to the fields listed in this topic, you can set a value for a custom field
   * defined in the parent object").
   */
  acceptsScriptParameters?: true;
}

const ORACLE_HELP = 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/';

/** A page of Oracle's NetSuite help center. */
export function oracle(title: string, page: string): Source {
  return { title, url: `${ORACLE_HELP}${page}.html` };
}

/** Field builders: short to read in the tables. */
export const text = (maxLength?: number, extra: Omit<TextField, 'kind' | 'maxLength'> = {}): TextField => ({ kind: 'text', ...(maxLength ? { maxLength } : {}), ...extra });
export const bool = (extra: Omit<BooleanField, 'kind'> = {}): BooleanField => ({ kind: 'boolean', ...extra });
export const int = (min?: number, max?: number, extra: Omit<IntegerField, 'kind' | 'min' | 'max'> = {}): IntegerField => ({ kind: 'integer', min, max, ...extra });
export const select = (values: ValueList | undefined, extra: Omit<SelectField, 'kind' | 'values'> = {}): SelectField => ({ kind: 'select', values, ...extra });
export const multi = (values: ValueList | undefined, extra: Omit<SelectField, 'kind' | 'values' | 'multi'> = {}): SelectField => ({ kind: 'select', multi: true, values, ...extra });
export const structure = (element: ElementSchema, extra: Omit<StructureField, 'kind' | 'element'> = {}): StructureField => ({ kind: 'structure', element, ...extra });
export const list = (item: string, element: ElementSchema): ListField => ({ kind: 'list', item, element });
export const required = <F extends FieldSchema>(field: F, requirement: Requirement = true): F => ({ ...field, required: requirement });
