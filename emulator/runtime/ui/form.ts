/**
 * The serverWidget object model: Form, Field, FieldGroup, Tab, Sublist, Button. Scripts build
 * it through N/ui/serverWidget; the renderer (render.ts) turns it into HTML. Validation follows
 * NetSuite: missing required options and unknown containers fail when the call is made, not
 * later when the page is written.
 */
import { SuiteScriptError } from '../errors';
import {
  FieldBreakType, FieldDisplayType, FieldLayoutType, FieldType, SublistType, UNMODELLED_FIELD_TYPES,
  enumValue, messageType,
  type FieldBreakTypeValue, type FieldDisplayTypeValue, type FieldLayoutTypeValue, type FieldTypeValue,
  type MessageTypeValue, type SublistTypeValue,
} from './enums';

type Options = Record<string, unknown> | undefined;

/** NetSuite's default maximum length of a credential field (docs/netsuite-platform-facts.md §5). */
const CREDENTIAL_DEFAULT_MAX_LENGTH = 32;
/** Default maximum length NetSuite applies to free-form text fields. */
const TEXT_DEFAULT_MAX_LENGTH = 300;

function need(options: Options, name: string, api: string): unknown {
  const v = options?.[name];
  if (v === undefined || v === null || v === '') {
    throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.${name}`);
  }
  return v;
}

function needString(options: Options, name: string, api: string): string {
  return String(need(options, name, api));
}

function optString(options: Options, name: string): string | undefined {
  const v = options?.[name];
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

/** Ids are lowercase with no spaces in NetSuite; anything else would break the HTML names too. */
function checkId(id: string, api: string): string {
  if (!/^[a-z0-9_]+$/.test(id)) {
    throw new SuiteScriptError(
      'SSS_INVALID_FORM_ELEMENT_NAME', // [open] exact code unconfirmed; the rule (lowercase, no spaces) is documented.
      `${api}: id must be lowercase letters, digits and underscores: ${JSON.stringify(id)}`,
    );
  }
  return id;
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => String(v)).filter((v) => v !== '');
}

export interface SelectOption {
  value: string;
  text: string;
  isSelected: boolean;
}

export interface CredentialSpec {
  restrictToDomains: string[];
  restrictToScriptIds: string[];
  restrictToCurrentUser: boolean;
}

export class Field {
  defaultValue: string | string[] | number | null = null;
  isMandatory = false;
  alias = '';
  linkText = '';
  padding = 0;
  richTextHeight = 0;
  richTextWidth = 0;
  displayType: FieldDisplayTypeValue = 'NORMAL';
  layoutType: FieldLayoutTypeValue = 'NORMAL';
  breakType: FieldBreakTypeValue = 'NONE';
  helpText = '';
  displaySize?: { width: number; height: number };
  readonly selectOptions: SelectOption[] = [];
  private max: number | undefined;

  constructor(
    readonly id: string,
    public label: string,
    readonly type: FieldTypeValue,
    readonly source: string | undefined,
    readonly container: string | undefined,
    readonly sublistId: string | undefined,
    readonly credential?: CredentialSpec,
  ) {
    this.max = credential ? CREDENTIAL_DEFAULT_MAX_LENGTH : undefined;
  }

  get maxLength(): number {
    return this.max ?? (['TEXT', 'EMAIL', 'URL', 'PHONE', 'PASSWORD'].includes(this.type) ? TEXT_DEFAULT_MAX_LENGTH : 0);
  }

  set maxLength(value: number) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new SuiteScriptError('SSS_INVALID_ARG', `Field.maxLength must be a positive integer; got ${JSON.stringify(value)}`);
    }
    this.max = value;
  }

  /** True when maxLength was set (or is the credential default), so the page enforces it. */
  get hasMaxLength(): boolean {
    return this.max !== undefined;
  }

  addSelectOption(options: Options): void {
    const api = 'Field.addSelectOption';
    if (this.type !== 'SELECT' && this.type !== 'MULTISELECT') {
      throw new SuiteScriptError('SSS_INVALID_UI_OBJECT_TYPE', `${api}: field ${this.id} is ${this.type}, not SELECT or MULTISELECT`);
    }
    if (this.source) {
      // NetSuite fills sourced selects itself; options can be added only to unsourced ones.
      throw new SuiteScriptError('SSS_INVALID_UI_OBJECT_TYPE', `${api}: field ${this.id} has source ${this.source}; options can only be added to a select without source`);
    }
    const value = options?.value === undefined || options.value === null ? '' : String(options.value);
    const text = needString(options, 'text', api);
    const isSelected = options?.isSelected === true;
    if (isSelected && this.type === 'SELECT') for (const o of this.selectOptions) o.isSelected = false;
    this.selectOptions.push({ value, text, isSelected });
  }

  getSelectOptions(options?: Options): { value: string; text: string }[] {
    const filter = optString(options, 'filter')?.toLowerCase();
    const op = optString(options, 'filteroperator') ?? 'contains';
    return this.selectOptions
      .filter((o) => {
        if (filter === undefined) return true;
        const t = o.text.toLowerCase();
        return op === 'is' ? t === filter : op === 'startswith' ? t.startsWith(filter) : t.includes(filter);
      })
      .map((o) => ({ value: o.value, text: o.text }));
  }

  setHelpText(options: Options): this {
    this.helpText = needString(options, 'help', 'Field.setHelpText');
    return this;
  }

  updateDisplayType(options: Options): this {
    this.displayType = enumValue(FieldDisplayType, need(options, 'displayType', 'Field.updateDisplayType'), 'Field.updateDisplayType', 'displayType');
    return this;
  }

  updateLayoutType(options: Options): this {
    this.layoutType = enumValue(FieldLayoutType, need(options, 'layoutType', 'Field.updateLayoutType'), 'Field.updateLayoutType', 'layoutType');
    return this;
  }

  updateBreakType(options: Options): this {
    this.breakType = enumValue(FieldBreakType, need(options, 'breakType', 'Field.updateBreakType'), 'Field.updateBreakType', 'breakType');
    return this;
  }

  updateDisplaySize(options: Options): this {
    const width = Number(need(options, 'width', 'Field.updateDisplaySize'));
    const height = Number(need(options, 'height', 'Field.updateDisplaySize'));
    this.displaySize = { width, height };
    return this;
  }
}

class FieldGroup {
  isBorderHidden = false;
  isCollapsible = false;
  isCollapsed = false;
  isSingleColumn = false;
  constructor(readonly id: string, public label: string, readonly tab: string | undefined) {}
}

export class Tab {
  helpText = '';
  constructor(readonly id: string, public label: string, readonly parentTab: string | undefined) {}
}

export class Button {
  isDisabled = false;
  isHidden = false;
  constructor(
    readonly id: string,
    public label: string,
    readonly kind: 'submit' | 'reset' | 'custom',
    readonly functionName: string | undefined,
  ) {}
}

export interface PageMessage {
  type: MessageTypeValue;
  title: string;
  message: string;
}

/** What N/ui/message.create returns on the server: the options, to be shown on page init. */
export class ServerMessage {
  constructor(readonly options: PageMessage) {}
  show(): void {
    throw new SuiteScriptError('SSS_INVALID_API_USAGE', 'Message.show runs only in the browser (client scripts); use form.addPageInitMessage on the server');
  }
  hide(): void {
    throw new SuiteScriptError('SSS_INVALID_API_USAGE', 'Message.hide runs only in the browser (client scripts)');
  }
}

export class Sublist {
  displayType: 'NORMAL' | 'HIDDEN' = 'NORMAL';
  helpText = '';
  readonly fields: Field[] = [];
  readonly buttons: Button[] = [];
  markAllButtons = false;
  refreshButton = false;
  totallingFieldId?: string;
  uniqueFieldId?: string;
  private readonly lines = new Map<number, Map<string, string | null>>();

  constructor(
    readonly id: string,
    public label: string,
    readonly type: SublistTypeValue,
    readonly tab: string | undefined,
  ) {}

  get name(): string {
    return this.id;
  }

  get lineCount(): number {
    return this.lines.size === 0 ? 0 : Math.max(...this.lines.keys()) + 1;
  }

  addField(options: Options): Field {
    const api = 'Sublist.addField';
    const id = checkId(needString(options, 'id', api), api);
    const label = needString(options, 'label', api);
    const type = fieldType(need(options, 'type', api), api);
    if (this.fields.some((f) => f.id === id)) {
      throw new SuiteScriptError('SSS_DUPLICATE_FIELD_ID', `${api}: sublist ${this.id} already has a field ${id}`);
    }
    if (type === 'INLINEHTML' || type === 'LABEL' || type === 'HELP') {
      throw new SuiteScriptError('SSS_INVALID_UI_OBJECT_TYPE', `${api}: ${type} fields cannot be sublist columns`);
    }
    const field = new Field(id, label, type, optString(options, 'source'), undefined, this.id);
    this.fields.push(field);
    return field;
  }

  getField(options: Options): Field | null {
    const id = needString(options, 'id', 'Sublist.getField');
    return this.fields.find((f) => f.id === id) ?? null;
  }

  addButton(options: Options): Button {
    const api = 'Sublist.addButton';
    const id = checkId(needString(options, 'id', api), api);
    const b = new Button(id, needString(options, 'label', api), 'custom', optString(options, 'functionName'));
    this.buttons.push(b);
    return b;
  }

  addMarkAllButtons(): Button {
    if (this.type !== 'LIST') {
      throw new SuiteScriptError('SSS_INVALID_UI_OBJECT_TYPE', 'Sublist.addMarkAllButtons: only LIST sublists have Mark All buttons');
    }
    this.markAllButtons = true;
    return new Button(`${this.id}_markall`, 'Mark All', 'custom', undefined);
  }

  addRefreshButton(): Button {
    this.refreshButton = true;
    return new Button(`${this.id}_refresh`, 'Refresh', 'custom', undefined);
  }

  setSublistValue(options: Options): void {
    const api = 'Sublist.setSublistValue';
    const id = needString(options, 'id', api);
    const line = Number(need(options, 'line', api));
    if (!this.fields.some((f) => f.id === id)) {
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `${api}: sublist ${this.id} has no field ${id}`);
    }
    if (!Number.isInteger(line) || line < 0) {
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `${api}: line must be an integer >= 0; got ${JSON.stringify(options?.line)}`);
    }
    const value = options?.value;
    if (value !== null && value !== undefined && typeof value !== 'string') {
      // NetSuite accepts only strings here ("Use null instead of an empty string").
      throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `${api}: value must be a string or null; got ${typeof value}`);
    }
    let row = this.lines.get(line);
    if (!row) this.lines.set(line, (row = new Map()));
    row.set(id, value ?? null);
  }

  getSublistValue(options: Options): string | null {
    const id = needString(options, 'id', 'Sublist.getSublistValue');
    const line = Number(need(options, 'line', 'Sublist.getSublistValue'));
    return this.lines.get(line)?.get(id) ?? null;
  }

  updateTotallingFieldId(options: Options): this {
    this.totallingFieldId = needString(options, 'id', 'Sublist.updateTotallingFieldId');
    return this;
  }

  updateUniqueFieldId(options: Options): this {
    this.uniqueFieldId = needString(options, 'id', 'Sublist.updateUniqueFieldId');
    return this;
  }

  /** Row values for the renderer; missing lines below lineCount come out empty. */
  rows(): Map<string, string | null>[] {
    const out: Map<string, string | null>[] = [];
    for (let i = 0; i < this.lineCount; i++) out.push(this.lines.get(i) ?? new Map());
    return out;
  }
}

function fieldType(input: unknown, api: string): FieldTypeValue {
  const type = enumValue(FieldType, input, api, 'type');
  if (UNMODELLED_FIELD_TYPES.has(type)) {
    throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', `${api}: FieldType.${type} is not modelled by the local runtime (see emulator/runtime/suitelet/README.md)`);
  }
  return type;
}

export class Form {
  clientScriptModulePath = '';
  clientScriptFileId = 0;
  readonly fields: Field[] = [];
  readonly groups: FieldGroup[] = [];
  readonly tabs: Tab[] = [];
  readonly sublists: Sublist[] = [];
  readonly buttons: Button[] = [];
  readonly messages: PageMessage[] = [];
  readonly pageLinks: { title: string; type: string; url: string }[] = [];
  submitButton?: Button;
  resetButton?: Button;

  constructor(public title: string, readonly hideNavBar: boolean) {}

  private assertNewId(id: string, api: string): void {
    if (this.fields.some((f) => f.id === id) || this.sublists.some((s) => s.id === id)) {
      throw new SuiteScriptError('SSS_DUPLICATE_FIELD_ID', `${api}: the form already has a field or sublist with id ${id}`);
    }
  }

  private assertContainer(container: string | undefined, api: string): void {
    if (container === undefined) return;
    if (!this.tabs.some((t) => t.id === container) && !this.groups.some((g) => g.id === container)) {
      throw new SuiteScriptError('SSS_INVALID_CONTAINER', `${api}: no tab or field group with id ${container} (add it before the field)`);
    }
  }

  private assertTab(tab: string | undefined, api: string): void {
    if (tab !== undefined && !this.tabs.some((t) => t.id === tab)) {
      throw new SuiteScriptError('SSS_INVALID_TAB', `${api}: no tab with id ${tab} (add it first)`);
    }
  }

  addField(options: Options): Field {
    const api = 'Form.addField';
    const id = checkId(needString(options, 'id', api), api);
    const label = needString(options, 'label', api);
    const type = fieldType(need(options, 'type', api), api);
    const container = optString(options, 'container');
    this.assertNewId(id, api);
    this.assertContainer(container, api);
    const field = new Field(id, label, type, optString(options, 'source'), container, undefined);
    this.fields.push(field);
    return field;
  }

  addCredentialField(options: Options): Field {
    const api = 'Form.addCredentialField';
    const id = checkId(needString(options, 'id', api), api);
    const label = needString(options, 'label', api);
    const restrictToDomains = list(need(options, 'restrictToDomains', api));
    const restrictToScriptIds = list(need(options, 'restrictToScriptIds', api));
    const container = optString(options, 'container');
    this.assertNewId(id, api);
    this.assertContainer(container, api);
    const field = new Field(id, label, 'PASSWORD', undefined, container, undefined, {
      restrictToDomains,
      restrictToScriptIds,
      restrictToCurrentUser: options?.restrictToCurrentUser === true,
    });
    this.fields.push(field);
    return field;
  }

  addSecretKeyField(): never {
    throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', 'Form.addSecretKeyField is not modelled by the local runtime (see emulator/runtime/suitelet/README.md)');
  }

  addFieldGroup(options: Options): FieldGroup {
    const api = 'Form.addFieldGroup';
    const id = checkId(needString(options, 'id', api), api);
    const tab = optString(options, 'tab');
    this.assertTab(tab, api);
    if (this.groups.some((g) => g.id === id) || this.tabs.some((t) => t.id === id)) {
      throw new SuiteScriptError('SSS_DUPLICATE_FIELD_ID', `${api}: a tab or field group ${id} already exists`);
    }
    const group = new FieldGroup(id, needString(options, 'label', api), tab);
    this.groups.push(group);
    return group;
  }

  addTab(options: Options): Tab {
    return this.newTab(options, undefined, 'Form.addTab');
  }

  addSubtab(options: Options): Tab {
    const tab = optString(options, 'tab');
    this.assertTab(tab, 'Form.addSubtab');
    return this.newTab(options, tab, 'Form.addSubtab');
  }

  private newTab(options: Options, parent: string | undefined, api: string): Tab {
    const id = checkId(needString(options, 'id', api), api);
    if (this.tabs.some((t) => t.id === id) || this.groups.some((g) => g.id === id)) {
      throw new SuiteScriptError('SSS_DUPLICATE_FIELD_ID', `${api}: a tab or field group ${id} already exists`);
    }
    const tab = new Tab(id, needString(options, 'label', api), parent);
    this.tabs.push(tab);
    return tab;
  }

  addSublist(options: Options): Sublist {
    const api = 'Form.addSublist';
    const id = checkId(needString(options, 'id', api), api);
    const tab = optString(options, 'tab');
    this.assertNewId(id, api);
    this.assertTab(tab, api);
    const type = enumValue(SublistType, need(options, 'type', api), api, 'type');
    const sublist = new Sublist(id, needString(options, 'label', api), type, tab);
    this.sublists.push(sublist);
    return sublist;
  }

  addButton(options: Options): Button {
    const api = 'Form.addButton';
    const id = checkId(needString(options, 'id', api), api);
    if (this.buttons.some((b) => b.id === id)) throw new SuiteScriptError('SSS_DUPLICATE_FIELD_ID', `${api}: button ${id} already exists`);
    const button = new Button(id, needString(options, 'label', api), 'custom', optString(options, 'functionName'));
    this.buttons.push(button);
    return button;
  }

  addSubmitButton(options?: Options): Button {
    this.submitButton = new Button('submitter', optString(options, 'label') ?? 'Save', 'submit', undefined);
    return this.submitButton;
  }

  addResetButton(options?: Options): Button {
    this.resetButton = new Button('resetter', optString(options, 'label') ?? 'Reset', 'reset', undefined);
    return this.resetButton;
  }

  addPageInitMessage(options: Options): void {
    const api = 'Form.addPageInitMessage';
    const given = options?.message;
    if (given instanceof ServerMessage) {
      this.messages.push({ ...given.options });
      return;
    }
    this.messages.push({
      type: messageType(need(options, 'type', api), api),
      title: optString(options, 'title') ?? '',
      message: optString(options, 'message') ?? '',
    });
  }

  addPageLink(options: Options): void {
    const api = 'Form.addPageLink';
    this.pageLinks.push({
      title: needString(options, 'title', api),
      type: String(need(options, 'type', api)),
      url: needString(options, 'url', api),
    });
  }

  getField(options: Options): Field | null {
    const id = needString(options, 'id', 'Form.getField');
    return this.fields.find((f) => f.id === id) ?? null;
  }

  getSublist(options: Options): Sublist | null {
    const id = needString(options, 'id', 'Form.getSublist');
    return this.sublists.find((s) => s.id === id) ?? null;
  }

  getButton(options: Options): Button | null {
    const id = needString(options, 'id', 'Form.getButton');
    if (id === 'submitter') return this.submitButton ?? null;
    return this.buttons.find((b) => b.id === id) ?? null;
  }

  getTab(options: Options): Tab | null {
    const id = needString(options, 'id', 'Form.getTab');
    return this.tabs.find((t) => t.id === id && t.parentTab === undefined) ?? null;
  }

  getSubtab(options: Options): Tab | null {
    const id = needString(options, 'id', 'Form.getSubtab');
    return this.tabs.find((t) => t.id === id && t.parentTab !== undefined) ?? null;
  }

  getTabs(): string[] {
    return this.tabs.filter((t) => t.parentTab === undefined).map((t) => t.id);
  }

  removeButton(options: Options): void {
    const id = needString(options, 'id', 'Form.removeButton');
    const i = this.buttons.findIndex((b) => b.id === id);
    if (i >= 0) this.buttons.splice(i, 1);
    else if (id === 'submitter') this.submitButton = undefined;
  }

  insertField(options: Options): Field {
    const api = 'Form.insertField';
    const field = need(options, 'field', api);
    const next = needString(options, 'nextfield', api);
    const from = this.fields.indexOf(field as Field);
    const to = this.fields.findIndex((f) => f.id === next);
    if (from < 0 || to < 0) throw new SuiteScriptError('SSS_INVALID_ARG', `${api}: field or nextfield ${next} is not on this form`);
    this.fields.splice(from, 1);
    this.fields.splice(this.fields.findIndex((f) => f.id === next), 0, field as Field);
    return field as Field;
  }

  /** Sets defaults of several body fields at once; ids not on the form are ignored, as in NetSuite. */
  updateDefaultValues(values: unknown): void {
    if (typeof values !== 'object' || values === null) {
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Form.updateDefaultValues: Missing a required argument: values');
    }
    for (const [id, v] of Object.entries(values as Record<string, unknown>)) {
      const field = this.fields.find((f) => f.id === id);
      if (field) field.defaultValue = v as Field['defaultValue'];
    }
  }
}
