/**
 * What a browser sends when the user submits the rendered page: the HTML form-submission
 * algorithm's "successful controls" (enabled named inputs, checked checkboxes, selected
 * options, textarea text, the clicked submit button), in document order. Lets tests submit the
 * page as served instead of hand-made pairs. Handles the markup the renderer emits, not HTML
 * at large.
 */
const TAG = /<(\/?)(input|select|option|textarea|button)\b([^>]*)>/g;
const ATTR = /([\w-]+)(?:="([^"]*)")?/g;

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function attrsOf(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) out[m[1]!] = m[2] === undefined ? '' : decode(m[2]);
  return out;
}

export interface UserInput {
  /** New values for text inputs, textareas and single selects, by name. */
  set?: Record<string, string>;
  /** Checkboxes to tick or clear, by name (as the user clicks them). */
  check?: Record<string, boolean>;
  /** Options to select in a multi-select, by name. */
  choose?: Record<string, string[]>;
  /** Label of the submit button clicked. */
  submit?: string;
}

export function submitForm(html: string, input: UserInput = {}): [string, string][] {
  const start = html.indexOf('<form id="main_form"');
  const form = html.slice(start, html.indexOf('</form>', start));
  const pairs: [string, string][] = [];
  let select: { name: string; disabled: boolean; multiple: boolean; options: { value: string; selected: boolean }[] } | undefined;
  let textarea: { name: string; disabled: boolean; from: number } | undefined;

  for (const m of form.matchAll(TAG)) {
    const [, closing, tag, raw] = m as unknown as [string, string, string, string];
    const a = attrsOf(raw);
    if (tag === 'textarea') {
      if (!closing) textarea = { name: a.name ?? '', disabled: 'disabled' in a, from: m.index! + m[0].length };
      else if (textarea) {
        const text = decode(form.slice(textarea.from, m.index));
        if (textarea.name && !textarea.disabled) pairs.push([textarea.name, input.set?.[textarea.name] ?? text]);
        textarea = undefined;
      }
      continue;
    }
    if (tag === 'select') {
      if (!closing) select = { name: a.name ?? '', disabled: 'disabled' in a, multiple: 'multiple' in a, options: [] };
      else if (select) {
        const s = select;
        if (s.name && !s.disabled) {
          const chosen = input.choose?.[s.name];
          const wanted = input.set?.[s.name];
          let values = chosen ?? (wanted !== undefined ? [wanted] : s.options.filter((o) => o.selected).map((o) => o.value));
          if (!s.multiple && values.length === 0 && s.options.length) values = [s.options[0]!.value];
          for (const v of values) pairs.push([s.name, v]);
        }
        select = undefined;
      }
      continue;
    }
    if (closing) continue;
    if (tag === 'option' && select) {
      select.options.push({ value: a.value ?? '', selected: 'selected' in a });
      continue;
    }
    if (tag === 'button') {
      if (a.type === 'submit' && a.name && input.submit !== undefined && (a.value ?? '') === input.submit) pairs.push([a.name, a.value ?? '']);
      continue;
    }
    if (tag === 'input') {
      const name = a.name;
      if (!name || 'disabled' in a) continue;
      if (a.type === 'checkbox') {
        const on = input.check?.[name] ?? 'checked' in a;
        if (on) pairs.push([name, a.value ?? 'on']);
        continue;
      }
      if (a.type === 'submit' || a.type === 'reset' || a.type === 'button') continue;
      pairs.push([name, a.type !== 'hidden' && input.set?.[name] !== undefined ? input.set[name]! : a.value ?? '']);
    }
  }
  return pairs;
}
