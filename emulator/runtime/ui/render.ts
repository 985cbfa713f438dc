/**
 * Renders a serverWidget Form to a semantic, accessible HTML page: labels bound to inputs,
 * field groups as fieldsets with legends, tabs as labelled sections, sublists as tables with
 * column headers, page messages as alert/status regions. Every value is escaped (INLINEHTML
 * excepted, see html.ts). The page works without JavaScript; a form's client script is loaded
 * by the scripts added at the end (see the Suitelet README), and buttons that only call client
 * functions are rendered inactive until it has loaded.
 */
import { attrs, esc } from './html';
import type { Button, Field, Form, PageMessage, Sublist, Tab } from './form';
import { FORM_TOKEN_PARAM, type FormDescriptor, type SublistDescriptor } from './descriptor';
import { isCheckedText as checked } from '../values';

export interface RenderContext {
  /** URL the form posts back to (the Suitelet's own URL). */
  action: string;
  token: string;
  scriptId: string;
  deploymentId: string;
  accountId: string;
  /** Options of a sourced select (record type or list id); omitted = only scripted options. */
  selectSource?: (source: string) => { value: string; text: string }[];
  /** The form's client script, checked and located (suitelet/clientScript.ts); absent: none. */
  clientScript?: { module: string; baseUrl: string; nUrl: string; assets: string };
}

export interface RenderedForm {
  html: string;
  descriptor: FormDescriptor;
}

const GUID = /^[0-9a-f]{32}$/i;
const MULTI_SEP = '\u0005';

export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1d}main{padding:1rem 1.5rem}
.ns-nav{background:#24385b;color:#fff;padding:.4rem 1.5rem}.ns-field{margin:.5rem 0}.ns-field label,.ns-label{display:block;font-weight:600}
fieldset{border:1px solid #ccd;margin:1rem 0;padding:.5rem 1rem}table{border-collapse:collapse}th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left}
.ns-message{border-left:6px solid;padding:.5rem 1rem;margin:.5rem 0}.ns-message-confirmation{border-color:#2e7d32}.ns-message-information{border-color:#1565c0}
.ns-message-warning{border-color:#f9a825}.ns-message-error{border-color:#c62828}.ns-help,.ns-note{color:#555;font-size:.9em}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}`;

function valueText(v: Field['defaultValue']): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(MULTI_SEP) : String(v);
}

function multiValues(v: Field['defaultValue']): string[] {
  if (v === null || v === undefined || v === '') return [];
  return Array.isArray(v) ? v.map(String) : String(v).split(MULTI_SEP);
}

class Renderer {
  private clientNoteNeeded = false;
  private readonly descriptor: FormDescriptor;

  constructor(private readonly form: Form, private readonly ctx: RenderContext) {
    this.descriptor = {
      token: ctx.token,
      scriptId: ctx.scriptId,
      deploymentId: ctx.deploymentId,
      checkboxes: [],
      multiselects: [],
      credentials: [],
      passwords: [],
      sublists: [],
    };
  }

  render(): RenderedForm {
    const f = this.form;
    const inMain = (x: Field) => x.container === undefined;
    const visible = f.fields.filter((x) => x.displayType !== 'NODISPLAY' && x.displayType !== 'HIDDEN');
    const hidden = f.fields.filter((x) => x.displayType === 'HIDDEN');
    const above = visible.filter((x) => x.layoutType === 'OUTSIDEABOVE');
    const below = visible.filter((x) => x.layoutType === 'OUTSIDEBELOW');
    const main = visible.filter((x) => inMain(x) && x.layoutType !== 'OUTSIDEABOVE' && x.layoutType !== 'OUTSIDEBELOW');
    for (const x of f.fields) this.describeField(x);

    const body = [
      this.buttons(),
      `<input type="hidden" name="${FORM_TOKEN_PARAM}" value="${esc(this.ctx.token)}">`,
      ...hidden.map((x) => this.hiddenInput(x)),
      ...above.map((x) => this.field(x)),
      ...main.map((x) => this.field(x)),
      ...f.groups.filter((g) => g.tab === undefined).map((g) => this.group(g.id, 2)),
      ...f.sublists.filter((s) => s.tab === undefined).map((s) => this.sublist(s, 2)),
      ...f.tabs.filter((t) => t.parentTab === undefined).map((t) => this.tab(t, 2)),
      ...below.map((x) => this.field(x)),
    ].join('\n');

    const note = this.clientNoteNeeded
      ? `<p id="ns_client_note" class="ns-note">Buttons that call client script functions work only once the client script has loaded (JavaScript is needed).</p>`
      : '';
    const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(f.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${f.hideNavBar ? '' : `<header class="ns-nav"><nav aria-label="NetSuite"><span>NetSuite (local runtime) &middot; account ${esc(this.ctx.accountId)}</span></nav></header>`}
<main id="main">
<h1>${esc(f.title)}</h1>
${f.messages.map((m) => this.message(m)).join('\n')}
${this.pageLinks()}
<form id="main_form" method="post"${attrs({
      action: this.ctx.action,
      'accept-charset': 'UTF-8',
      'data-client-script': f.clientScriptModulePath || undefined,
      'data-client-script-file-id': f.clientScriptFileId || undefined,
    })}>
${body}
${note}
</form>
</main>
${this.clientScriptTags()}</body>
</html>
`;
    return { html, descriptor: this.descriptor };
  }

  /** RequireJS and the boot code that runs the form's client script (suitelet/clientScript.ts). */
  private clientScriptTags(): string {
    const cs = this.ctx.clientScript;
    if (!cs) return '';
    return `<script src="${esc(cs.assets)}require.js"></script>
<script id="ns_client_boot" src="${esc(cs.assets)}boot.js"${attrs({ 'data-module': cs.module, 'data-base-url': cs.baseUrl, 'data-n-url': cs.nUrl })}></script>
`;
  }

  private describeField(x: Field): void {
    if (x.displayType === 'NODISPLAY') return;
    if (x.credential) {
      const stored = typeof x.defaultValue === 'string' && GUID.test(x.defaultValue) ? x.defaultValue : undefined;
      this.descriptor.credentials.push({ id: x.id, maxLength: x.maxLength, spec: x.credential, storedGuid: stored });
      return;
    }
    // INLINE and DISABLED fields are not submitted, so they must not be filled in with 'F'.
    if (x.displayType === 'INLINE' || x.displayType === 'DISABLED') return;
    if (x.type === 'PASSWORD') this.descriptor.passwords.push(x.id);
    if (x.type === 'CHECKBOX') this.descriptor.checkboxes.push(x.id);
    if (x.type === 'MULTISELECT') this.descriptor.multiselects.push(x.id);
  }

  private message(m: PageMessage): string {
    const role = m.type === 'error' || m.type === 'warning' ? 'alert' : 'status';
    const title = m.title ? `<p class="ns-message-title"><strong>${esc(m.title)}</strong></p>` : '';
    return `<div class="ns-message ns-message-${m.type}" role="${role}">${title}<p>${esc(m.message)}</p></div>`;
  }

  private pageLinks(): string {
    if (this.form.pageLinks.length === 0) return '';
    const items = this.form.pageLinks.map((l) => `<li><a${attrs({ href: l.url, 'data-link-type': l.type })}>${esc(l.title)}</a></li>`);
    return `<nav aria-label="Page links"><ul>${items.join('')}</ul></nav>`;
  }

  private buttons(): string {
    const f = this.form;
    const parts: string[] = [];
    if (f.submitButton && !f.submitButton.isHidden) {
      const b = f.submitButton;
      parts.push(`<button type="submit"${attrs({ name: 'submitter', value: b.label, disabled: b.isDisabled })}>${esc(b.label)}</button>`);
    }
    for (const b of f.buttons) if (!b.isHidden) parts.push(this.customButton(b));
    if (f.resetButton && !f.resetButton.isHidden) {
      parts.push(`<button type="reset"${attrs({ disabled: f.resetButton.isDisabled })}>${esc(f.resetButton.label)}</button>`);
    }
    return parts.length ? `<div class="ns-buttons" role="toolbar" aria-label="Form actions">${parts.join(' ')}</div>` : '';
  }

  private customButton(b: Button): string {
    const needsClient = b.functionName !== undefined;
    if (needsClient) this.clientNoteNeeded = true;
    return `<button type="button"${attrs({
      id: b.id,
      name: b.id,
      'data-function': b.functionName,
      disabled: b.isDisabled || needsClient,
      'aria-describedby': needsClient ? 'ns_client_note' : undefined,
    })}>${esc(b.label)}</button>`;
  }

  private tab(t: Tab, level: number): string {
    const f = this.form;
    const fields = f.fields.filter((x) => x.container === t.id && x.displayType !== 'NODISPLAY' && x.displayType !== 'HIDDEN');
    const inner = [
      t.helpText ? `<p class="ns-help">${esc(t.helpText)}</p>` : '',
      ...fields.map((x) => this.field(x)),
      ...f.groups.filter((g) => g.tab === t.id).map((g) => this.group(g.id, level + 1)),
      ...f.sublists.filter((s) => s.tab === t.id).map((s) => this.sublist(s, level + 1)),
      ...f.tabs.filter((s) => s.parentTab === t.id).map((s) => this.tab(s, level + 1)),
    ].filter(Boolean);
    const h = Math.min(level, 6);
    return `<section class="ns-tab" id="${esc(t.id)}" aria-labelledby="${esc(t.id)}_title">
<h${h} id="${esc(t.id)}_title">${esc(t.label)}</h${h}>
${inner.join('\n')}
</section>`;
  }

  private group(id: string, _level: number): string {
    const g = this.form.groups.find((x) => x.id === id)!;
    const fields = this.form.fields.filter((x) => x.container === id && x.displayType !== 'NODISPLAY' && x.displayType !== 'HIDDEN');
    return `<fieldset${attrs({ id: g.id, class: 'ns-fieldgroup', 'data-collapsed': g.isCollapsed ? 'T' : undefined })}>
<legend>${esc(g.label)}</legend>
${fields.map((x) => this.field(x)).join('\n')}
</fieldset>`;
  }

  private hiddenInput(x: Field): string {
    // A hidden credential or password field still never carries its value to the browser.
    const value = x.type === 'PASSWORD' ? '' : valueText(x.defaultValue);
    return `<input type="hidden"${attrs({ id: x.id, name: x.id, value })}>`;
  }

  private field(x: Field): string {
    const cls = `ns-field ns-type-${x.type.toLowerCase()} ns-layout-${x.layoutType.toLowerCase()}${x.breakType !== 'NONE' ? ` ns-break-${x.breakType.toLowerCase()}` : ''}`;
    const help = x.helpText ? `<p id="${esc(x.id)}_help" class="ns-help">${esc(x.helpText)}</p>` : '';
    const describedBy = [x.helpText ? `${x.id}_help` : '', x.credential && this.storedCredential(x) ? `${x.id}_stored` : '']
      .filter(Boolean)
      .join(' ');
    const wrap = (inner: string) => `<div class="${cls}" data-field-id="${esc(x.id)}">${inner}${help}</div>`;
    const required = x.isMandatory ? '<span aria-hidden="true"> *</span>' : '';
    const label = `<label for="${esc(x.id)}">${esc(x.label)}${required}</label>`;

    switch (x.type) {
      case 'INLINEHTML':
        // Deliberately raw: INLINEHTML is NetSuite's channel for script-authored markup.
        return `<div class="ns-inlinehtml" id="${esc(x.id)}" data-field-id="${esc(x.id)}">${valueText(x.defaultValue)}</div>`;
      case 'LABEL':
        return wrap(`<span class="ns-label" id="${esc(x.id)}">${esc(x.label)}</span>`);
      case 'HELP':
        return wrap(`<p class="ns-help-field" id="${esc(x.id)}">${esc(x.label)}</p>`);
    }

    if (x.displayType === 'INLINE') {
      const shown = x.type === 'PASSWORD' ? (x.defaultValue ? '********' : '') : this.displayText(x);
      return wrap(
        `<span class="ns-label" id="${esc(x.id)}_label">${esc(x.label)}</span><span class="ns-inline" id="${esc(x.id)}" aria-labelledby="${esc(x.id)}_label">${esc(shown)}</span>`,
      );
    }

    const common = {
      id: x.id,
      name: x.id,
      required: x.isMandatory,
      'aria-required': x.isMandatory ? 'true' : undefined,
      'aria-describedby': describedBy || undefined,
      disabled: x.displayType === 'DISABLED',
    };
    const readonly = x.displayType === 'READONLY';

    switch (x.type) {
      case 'CHECKBOX':
        return wrap(
          `<input type="checkbox"${attrs({ ...common, value: 'T', checked: checked(x.defaultValue), disabled: common.disabled || readonly, required: false })}>${label}${readonly ? this.readonlyCarrier(x, checked(x.defaultValue) ? 'T' : 'F') : ''}`,
        );
      case 'SELECT':
      case 'MULTISELECT': {
        const multi = x.type === 'MULTISELECT';
        const selected = new Set(multiValues(x.defaultValue));
        const options = this.options(x);
        const hasBlank = options.some((o) => o.value === '');
        const opts = [
          multi || hasBlank ? '' : '<option value=""></option>',
          ...options.map((o) => `<option${attrs({ value: o.value, selected: selected.has(o.value) || (selected.size === 0 && o.isSelected) })}>${esc(o.text)}</option>`),
        ].join('');
        // A <select> cannot be read-only in HTML: show it disabled and carry the value hidden.
        return wrap(
          `${label}<select${attrs({ ...common, multiple: multi, disabled: common.disabled || readonly, 'data-source': x.source })}>${opts}</select>${readonly ? this.readonlyCarrier(x, [...selected].join(MULTI_SEP)) : ''}`,
        );
      }
      case 'TEXTAREA':
      case 'LONGTEXT':
      case 'RICHTEXT':
        return wrap(
          `${label}<textarea${attrs({ ...common, readonly, maxlength: x.hasMaxLength ? x.maxLength : undefined, rows: x.displaySize?.height, cols: x.displaySize?.width })}>${esc(valueText(x.defaultValue))}</textarea>`,
        );
      case 'PASSWORD': {
        const stored = x.credential && this.storedCredential(x)
          ? `<p id="${esc(x.id)}_stored" class="ns-help">A value is stored. Leave this blank to keep it.</p>`
          : '';
        // Never echoed: neither a credential GUID nor a clear value goes back to the browser.
        return wrap(
          `${label}<input type="password"${attrs({ ...common, readonly, value: '', autocomplete: 'new-password', maxlength: x.maxLength || undefined, 'data-credential': x.credential ? 'T' : undefined })}>${stored}`,
        );
      }
      default:
        return wrap(
          `${label}<input${attrs({
            type: inputType(x.type),
            ...common,
            readonly,
            inputmode: inputMode(x.type),
            value: valueText(x.defaultValue),
            maxlength: x.maxLength || undefined,
            size: x.displaySize?.width,
          })}>`,
        );
    }
  }

  private storedCredential(x: Field): boolean {
    return typeof x.defaultValue === 'string' && GUID.test(x.defaultValue);
  }

  private readonlyCarrier(x: Field, value: string): string {
    return `<input type="hidden"${attrs({ name: x.id, value })}>`;
  }

  private options(x: Field): { value: string; text: string; isSelected: boolean }[] {
    if (x.source && this.ctx.selectSource) {
      return this.ctx.selectSource(x.source).map((o) => ({ ...o, isSelected: false }));
    }
    return x.selectOptions;
  }

  private displayText(x: Field): string {
    if (x.type === 'SELECT' || x.type === 'MULTISELECT') {
      const opts = this.options(x);
      return multiValues(x.defaultValue).map((v) => opts.find((o) => o.value === v)?.text ?? v).join(', ');
    }
    if (x.type === 'CHECKBOX') return checked(x.defaultValue) ? 'Yes' : 'No';
    return valueText(x.defaultValue);
  }

  private sublist(s: Sublist, level: number): string {
    const columns = s.fields.filter((x) => x.displayType !== 'NODISPLAY');
    const shown = columns.filter((x) => x.displayType !== 'HIDDEN');
    const editor = s.type === 'INLINEEDITOR' || s.type === 'EDITOR';
    const submitted = s.type !== 'STATICLIST';
    const rows = s.rows();
    const lines = editor ? rows.length + 1 : rows.length;

    if (submitted) {
      const d: SublistDescriptor = {
        id: s.id,
        type: s.type,
        fields: columns.filter((x) => x.displayType !== 'INLINE' && x.displayType !== 'DISABLED').map((x) => ({ id: x.id, checkbox: x.type === 'CHECKBOX' })),
        renderedLines: lines,
        dropsEmptyLines: editor,
      };
      this.descriptor.sublists.push(d);
    }

    const head = shown.map((x) => `<th scope="col" id="${esc(s.id)}_${esc(x.id)}_h">${esc(x.label)}${x.isMandatory ? '<span aria-hidden="true"> *</span>' : ''}</th>`).join('');
    const body: string[] = [];
    for (let line = 0; line < lines; line++) {
      const row = rows[line] ?? new Map<string, string | null>();
      const cells: string[] = [];
      const carried: string[] = [];
      for (const x of columns) {
        const value = row.get(x.id) ?? '';
        const name = `${s.id}[${line}][${x.id}]`;
        if (x.displayType === 'HIDDEN') {
          if (submitted) carried.push(`<input type="hidden"${attrs({ name, value })}>`);
          continue;
        }
        cells.push(`<td>${this.cell(s, x, line, value, name, editor)}</td>`);
      }
      if (carried.length && cells.length) cells[cells.length - 1] = cells[cells.length - 1]!.replace(/<\/td>$/, `${carried.join('')}</td>`);
      else if (carried.length) cells.push(`<td hidden>${carried.join('')}</td>`);
      const cls = editor && line === rows.length ? ' class="ns-new-line"' : '';
      body.push(`<tr${cls}>${cells.join('')}</tr>`);
    }

    const buttons = [
      ...s.buttons.filter((b) => !b.isHidden).map((b) => this.customButton(b)),
      ...(s.markAllButtons ? [this.inertButton(`${s.id}_markall`, 'Mark All'), this.inertButton(`${s.id}_unmarkall`, 'Unmark All')] : []),
      ...(s.refreshButton ? [this.inertButton(`${s.id}_refresh`, 'Refresh')] : []),
    ];
    const h = Math.min(level, 6);
    return `<section class="ns-sublist" id="${esc(s.id)}" aria-labelledby="${esc(s.id)}_title" data-sublist-type="${esc(s.type.toLowerCase())}"${s.displayType === 'HIDDEN' ? ' hidden' : ''}>
<h${h} id="${esc(s.id)}_title">${esc(s.label)}</h${h}>
${s.helpText ? `<p class="ns-help">${esc(s.helpText)}</p>` : ''}${buttons.length ? `<div role="toolbar" aria-label="${esc(s.label)} actions">${buttons.join(' ')}</div>` : ''}
<table>
<caption class="visually-hidden">${esc(s.label)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</section>`;
  }

  /** Mark All / Refresh are client-side in NetSuite; shown, but inert without client script. */
  private inertButton(id: string, label: string): string {
    this.clientNoteNeeded = true;
    return `<button type="button" id="${esc(id)}" disabled aria-describedby="ns_client_note">${esc(label)}</button>`;
  }

  private cell(s: Sublist, x: Field, line: number, value: string, name: string, editor: boolean): string {
    const label = `${x.label}, line ${line + 1}`;
    const id = `${s.id}_${x.id}_${line}`;
    const text = x.type === 'SELECT' ? x.selectOptions.find((o) => o.value === value)?.text ?? value : value;
    if (s.type === 'STATICLIST') return esc(x.type === 'CHECKBOX' ? (checked(value) ? 'Yes' : 'No') : text);
    const editable = editor
      ? !['INLINE', 'DISABLED'].includes(x.displayType)
      : x.displayType === 'ENTRY' || (x.type === 'CHECKBOX' && x.displayType === 'NORMAL');
    if (!editable) {
      if (x.displayType === 'INLINE' || x.displayType === 'DISABLED') return esc(text);
      // Shown as text, but submitted with the line, as a LIST sublist's values are.
      return `${esc(x.type === 'CHECKBOX' ? (checked(value) ? 'Yes' : 'No') : text)}<input type="hidden"${attrs({ name, value })}>`;
    }
    const readonly = x.displayType === 'READONLY';
    if (x.type === 'CHECKBOX') {
      return `<input type="checkbox"${attrs({ id, name, value: 'T', checked: checked(value), 'aria-label': label, disabled: readonly })}>${readonly ? `<input type="hidden"${attrs({ name, value: checked(value) ? 'T' : 'F' })}>` : ''}`;
    }
    if (x.type === 'SELECT') {
      const opts = ['<option value=""></option>', ...x.selectOptions.map((o) => `<option${attrs({ value: o.value, selected: o.value === value })}>${esc(o.text)}</option>`)];
      return `<select${attrs({ id, name, 'aria-label': label, disabled: readonly })}>${opts.join('')}</select>${readonly ? `<input type="hidden"${attrs({ name, value })}>` : ''}`;
    }
    if (x.type === 'PASSWORD') return `<input type="password"${attrs({ id, name, value: '', 'aria-label': label, autocomplete: 'new-password' })}>`;
    return `<input${attrs({ type: inputType(x.type), id, name, value, 'aria-label': label, readonly, inputmode: inputMode(x.type), maxlength: x.hasMaxLength ? x.maxLength : undefined })}>`;
  }
}

function inputType(type: string): string {
  switch (type) {
    case 'EMAIL':
      return 'email';
    case 'URL':
      return 'url';
    case 'PHONE':
      return 'tel';
    default:
      // Dates and numbers stay text: NetSuite posts them in the user's preferred format.
      return 'text';
  }
}

function inputMode(type: string): string | undefined {
  if (type === 'INTEGER') return 'numeric';
  if (type === 'FLOAT' || type === 'CURRENCY' || type === 'PERCENT') return 'decimal';
  return undefined;
}

export function renderForm(form: Form, ctx: RenderContext): RenderedForm {
  return new Renderer(form, ctx).render();
}
