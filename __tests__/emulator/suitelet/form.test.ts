/** serverWidget's object model: NetSuite's validation and the HTML each part renders to. */
import { createMessageModule, createServerWidgetModule } from '../../../emulator/runtime/ui/serverWidget';
import type { Form } from '../../../emulator/runtime/ui/form';
import { renderForm } from '../../../emulator/runtime/ui/render';

const sw = createServerWidgetModule() as { createForm(o: unknown): Form; FieldType: Record<string, string>; SublistType: Record<string, string>; FieldDisplayType: Record<string, string> };
const message = createMessageModule() as { create(o: unknown): unknown; Type: Record<string, string> };
const ctx = { action: '/app/site/hosting/scriptlet.nl?script=1&deploy=1', token: 't0k', scriptId: 's', deploymentId: 'd', accountId: 'ACCT' };

describe('validation', () => {
  it('refuses missing required options with SSS_MISSING_REQD_ARGUMENT', () => {
    expect(() => sw.createForm({})).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
    const form = sw.createForm({ title: 'T' });
    expect(() => form.addField({ id: 'custpage_a', type: 'TEXT' })).toThrow(/options.label/);
    expect(() => form.addCredentialField({ id: 'custpage_k', label: 'K', restrictToScriptIds: 'x' })).toThrow(/restrictToDomains/);
    expect(() => form.addCredentialField({ id: 'custpage_k', label: 'K', restrictToDomains: 'x' })).toThrow(/restrictToScriptIds/);
  });

  it('refuses bad ids, duplicate ids, unknown containers and unknown types', () => {
    const form = sw.createForm({ title: 'T' });
    expect(() => form.addField({ id: 'Bad Id', label: 'x', type: 'TEXT' })).toThrow(/lowercase/);
    form.addField({ id: 'custpage_a', label: 'A', type: 'text' });
    expect(() => form.addField({ id: 'custpage_a', label: 'A', type: 'TEXT' })).toThrow(/already has/);
    expect(() => form.addField({ id: 'custpage_b', label: 'B', type: 'TEXT', container: 'custpage_nogroup' })).toThrow(/no tab or field group/);
    expect(() => form.addField({ id: 'custpage_c', label: 'C', type: 'SPACESHIP' })).toThrow(/type must be one of/);
    expect(() => form.addField({ id: 'custpage_d', label: 'D', type: 'FILE' })).toThrow(/not modelled/);
    expect(() => form.addSublist({ id: 'custpage_s', label: 'S', type: 'GRID' })).toThrow(/type must be one of/);
  });

  it('allows select options only on unsourced selects and values only for existing sublist fields', () => {
    const form = sw.createForm({ title: 'T' });
    const sourced = form.addField({ id: 'custpage_cust', label: 'Customer', type: 'SELECT', source: 'customer' });
    expect(() => sourced.addSelectOption({ value: '1', text: 'x' })).toThrow(/without source/);
    const text = form.addField({ id: 'custpage_t', label: 'T', type: 'TEXT' });
    expect(() => text.addSelectOption({ value: '1', text: 'x' })).toThrow(/not SELECT/);
    const list = form.addSublist({ id: 'custpage_l', label: 'L', type: 'LIST' });
    list.addField({ id: 'custpage_x', label: 'X', type: 'TEXT' });
    expect(() => list.setSublistValue({ id: 'custpage_y', line: 0, value: 'a' })).toThrow(/no field custpage_y/);
    expect(() => list.setSublistValue({ id: 'custpage_x', line: -1, value: 'a' })).toThrow(/line/);
    expect(() => list.setSublistValue({ id: 'custpage_x', line: 0, value: 5 })).toThrow(/string or null/);
    list.setSublistValue({ id: 'custpage_x', line: 2, value: 'c' });
    expect(list.lineCount).toBe(3);
  });

  it('keeps the credential default max length at 32 until raised, and refuses a non-positive one', () => {
    const form = sw.createForm({ title: 'T' });
    const k = form.addCredentialField({ id: 'custpage_k', label: 'K', restrictToDomains: 'a.example', restrictToScriptIds: 'customscript_x' });
    expect(k.maxLength).toBe(32);
    k.maxLength = 128;
    expect(k.maxLength).toBe(128);
    expect(() => (k.maxLength = 0)).toThrow(/positive integer/);
  });
});

describe('rendering', () => {
  it('renders INLINEHTML raw (its purpose in NetSuite) and every other value escaped', () => {
    const form = sw.createForm({ title: 'T' });
    const inline = form.addField({ id: 'custpage_html', label: 'ignored', type: 'INLINEHTML' });
    inline.defaultValue = '<em>raw</em>';
    const label = form.addField({ id: 'custpage_lbl', label: '<i>label</i>', type: 'LABEL' });
    label.setHelpText({ help: '<u>help</u>' });
    const ta = form.addField({ id: 'custpage_ta', label: 'Notes', type: 'TEXTAREA' });
    ta.defaultValue = '</textarea><script>x</script>';
    const html = renderForm(form, ctx).html;
    expect(html).toContain('<div class="ns-inlinehtml" id="custpage_html" data-field-id="custpage_html"><em>raw</em></div>');
    expect(html).toContain('&lt;i&gt;label&lt;/i&gt;');
    expect(html).toContain('&lt;u&gt;help&lt;/u&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>');
  });

  it('renders tabs and subtabs as labelled sections with their groups, fields and sublists', () => {
    const form = sw.createForm({ title: 'T', hideNavBar: true });
    form.addTab({ id: 'custpage_tab', label: 'Status' });
    form.addSubtab({ id: 'custpage_sub', label: 'Errors', tab: 'custpage_tab' });
    form.addFieldGroup({ id: 'custpage_grp', label: 'Counts', tab: 'custpage_tab' });
    form.addField({ id: 'custpage_n', label: 'Pending', type: 'INTEGER', container: 'custpage_grp' });
    form.addSublist({ id: 'custpage_errs', label: 'Dead letters', type: 'STATICLIST', tab: 'custpage_sub' }).addField({ id: 'custpage_msg', label: 'Message', type: 'TEXT' });
    const html = renderForm(form, ctx).html;
    expect(html).not.toContain('<header');
    expect(html).toMatch(/<section class="ns-tab" id="custpage_tab" aria-labelledby="custpage_tab_title">\s*<h2 id="custpage_tab_title">Status<\/h2>\s*<fieldset id="custpage_grp"[\s\S]*<section class="ns-sublist" id="custpage_errs"[\s\S]*<h4 id="custpage_errs_title">Dead letters<\/h4>/);
    expect(html).toMatch(/<section class="ns-tab" id="custpage_sub" aria-labelledby="custpage_sub_title">\s*<h3 id="custpage_sub_title">Errors<\/h3>/);
  });

  it('gives an inline editor one empty line to add, dropped again if left empty; static lists submit nothing', () => {
    const form = sw.createForm({ title: 'T' });
    const ed = form.addSublist({ id: 'custpage_ed', label: 'Mappings', type: 'INLINEEDITOR' });
    ed.addField({ id: 'custpage_from', label: 'From', type: 'TEXT' });
    ed.addField({ id: 'custpage_on', label: 'On', type: 'CHECKBOX' });
    ed.setSublistValue({ id: 'custpage_from', line: 0, value: 'industry' });
    const st = form.addSublist({ id: 'custpage_st', label: 'Log', type: 'STATICLIST' });
    st.addField({ id: 'custpage_m', label: 'M', type: 'TEXT' });
    st.setSublistValue({ id: 'custpage_m', line: 0, value: 'x' });
    const { html, descriptor } = renderForm(form, ctx);
    expect(html).toContain('<tr class="ns-new-line"><td><input type="text" id="custpage_ed_custpage_from_1" name="custpage_ed[1][custpage_from]" value="" aria-label="From, line 2"></td>');
    expect(descriptor.sublists).toEqual([
      { id: 'custpage_ed', type: 'INLINEEDITOR', fields: [{ id: 'custpage_from', checkbox: false }, { id: 'custpage_on', checkbox: true }], renderedLines: 2, dropsEmptyLines: true },
    ]);
    expect(html).not.toContain('name="custpage_st[');
  });

  it('shows messages created with N/ui/message, with role alert for warnings', () => {
    const form = sw.createForm({ title: 'T' });
    form.addPageInitMessage({ message: message.create({ type: message.Type.WARNING, title: 'Careful', message: 'Key expires' }) });
    form.addPageInitMessage({ type: 1, message: 'Stub-style numeric type' });
    const html = renderForm(form, ctx).html;
    expect(html).toContain('<div class="ns-message ns-message-warning" role="alert"><p class="ns-message-title"><strong>Careful</strong></p><p>Key expires</p></div>');
    expect(html).toContain('<div class="ns-message ns-message-information" role="status"><p>Stub-style numeric type</p></div>');
    expect(() => form.addPageInitMessage({ type: 'shout', message: 'x' })).toThrow(/message.Type/);
  });

  it('never puts a password or credential default into the page, even for hidden or inline fields', () => {
    const form = sw.createForm({ title: 'T' });
    const p = form.addField({ id: 'custpage_pw', label: 'PW', type: 'PASSWORD' });
    p.defaultValue = 'hunter2';
    const hidden = form.addCredentialField({ id: 'custpage_hk', label: 'HK', restrictToDomains: 'a', restrictToScriptIds: 'b' });
    hidden.defaultValue = 'clear-by-mistake';
    hidden.updateDisplayType({ displayType: 'HIDDEN' });
    const inline = form.addField({ id: 'custpage_ipw', label: 'IPW', type: 'PASSWORD' });
    inline.defaultValue = 'inline-secret';
    inline.updateDisplayType({ displayType: 'INLINE' });
    const html = renderForm(form, ctx).html;
    for (const s of ['hunter2', 'clear-by-mistake', 'inline-secret']) expect(html).not.toContain(s);
  });

  it('applies updateDefaultValues, layout and display types as NetSuite places and submits them', () => {
    const form = sw.createForm({ title: 'T' });
    const a = form.addField({ id: 'custpage_a', label: 'A', type: 'TEXT' });
    const top = form.addField({ id: 'custpage_top', label: 'Top', type: 'TEXT' });
    top.updateLayoutType({ layoutType: 'OUTSIDEABOVE' });
    const sel = form.addField({ id: 'custpage_sel', label: 'Sel', type: 'SELECT' });
    sel.addSelectOption({ value: '1', text: 'One' });
    sel.updateDisplayType({ displayType: 'READONLY' });
    const off = form.addField({ id: 'custpage_off', label: 'Off', type: 'CHECKBOX' });
    off.updateDisplayType({ displayType: 'DISABLED' });
    form.addField({ id: 'custpage_gone', label: 'Gone', type: 'TEXT' }).updateDisplayType({ displayType: 'NODISPLAY' });
    form.updateDefaultValues({ custpage_a: 'alpha', custpage_sel: '1', custpage_unknown: 'ignored' });
    expect(a.defaultValue).toBe('alpha');
    const { html, descriptor } = renderForm(form, ctx);
    expect(html.indexOf('data-field-id="custpage_top"')).toBeLessThan(html.indexOf('data-field-id="custpage_a"'));
    expect(html).toContain('<select id="custpage_sel" name="custpage_sel" disabled><option value=""></option><option value="1" selected>One</option></select><input type="hidden" name="custpage_sel" value="1">');
    expect(html).toMatch(/<input type="checkbox" id="custpage_off" name="custpage_off" disabled value="T">/);
    expect(html).not.toContain('custpage_gone');
    // A disabled checkbox is not submitted, so it must not be read as unchecked ('F').
    expect(descriptor.checkboxes).toEqual([]);
  });
});
