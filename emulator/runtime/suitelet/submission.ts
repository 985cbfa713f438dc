/**
 * Turns an HTTP request into NetSuite's view of it: `parameters` (query and form body merged,
 * the body winning), unchecked checkboxes as 'F', multi-select values joined by \u0005, and
 * submitted sublists readable through getLineCount/getSublistValue.
 *
 * Sublist cells arrive from the rendered page as `<sublist>[<line>][<field>]`; a client may also
 * post NetSuite's own encoding (`<sublist>fields` = ids joined by \u0001, `<sublist>data` =
 * lines joined by \u0002, cells by \u0001). Either way the parameters end up holding
 * `<sublist>data`/`<sublist>fields` as NetSuite's do, and the per-cell names are removed.
 */
import type { FormDescriptor } from '../ui/descriptor';

const CELL = /^([a-z0-9_]+)\[(\d+)\]\[([a-z0-9_]+)\]$/;
const FIELD_SEP = '\u0001';
const LINE_SEP = '\u0002';
const MULTI_SEP = '\u0005';

export interface SubmittedSublist {
  fields: string[];
  lines: Record<string, string>[];
}

export interface Submission {
  parameters: Record<string, string>;
  sublists: Map<string, SubmittedSublist>;
}

/** Pairs in order: query first, then the form body, so body values win. */
export function readSubmission(pairs: [string, string][], descriptor: FormDescriptor | undefined): Submission {
  const multi = new Set(descriptor?.multiselects ?? []);
  const parameters: Record<string, string> = {};
  const cells = new Map<string, Map<number, Record<string, string>>>();

  for (const [name, value] of pairs) {
    const cell = CELL.exec(name);
    if (cell) {
      const [, group, line, field] = cell as unknown as [string, string, string, string];
      let lines = cells.get(group);
      if (!lines) cells.set(group, (lines = new Map()));
      const row = lines.get(Number(line)) ?? {};
      row[field] = value;
      lines.set(Number(line), row);
      continue;
    }
    if (multi.has(name) && parameters[name] !== undefined && parameters[name] !== '') parameters[name] += MULTI_SEP + value;
    else parameters[name] = value;
  }
  // NetSuite's page submits every field; a browser leaves out unchecked boxes and empty multi-selects.
  for (const id of descriptor?.checkboxes ?? []) {
    if (parameters[id] === undefined) parameters[id] = 'F';
  }
  for (const id of multi) {
    if (parameters[id] === undefined) parameters[id] = '';
  }

  const sublists = new Map<string, SubmittedSublist>();
  for (const d of descriptor?.sublists ?? []) {
    // A sublist counts as submitted only if its cells came: a browser always sends them (the
    // rendered page carries every line), a client posting directly may send none or NetSuite's
    // own encoding instead.
    const got = cells.get(d.id);
    if (!got) continue;
    const lines: Record<string, string>[] = [];
    for (let i = 0; i < d.renderedLines; i++) {
      const row = got.get(i) ?? {};
      const line: Record<string, string> = {};
      for (const f of d.fields) line[f.id] = row[f.id] ?? (f.checkbox ? 'F' : '');
      const empty = d.fields.every((f) => line[f.id] === '' || (f.checkbox && line[f.id] === 'F'));
      if (d.dropsEmptyLines && empty) continue;
      lines.push(line);
    }
    sublists.set(d.id, { fields: d.fields.map((f) => f.id), lines });
    cells.delete(d.id);
  }
  // Cells of sublists the server has no descriptor for (a direct POST): take them as sent.
  for (const [group, rows] of cells) {
    const fields = [...new Set([...rows.values()].flatMap((r) => Object.keys(r)))];
    const lines = [...rows.keys()].sort((a, b) => a - b).map((i) => {
      const r = rows.get(i)!;
      return Object.fromEntries(fields.map((f) => [f, r[f] ?? '']));
    });
    sublists.set(group, { fields, lines });
  }
  // NetSuite's native encoding, when a client posts it directly.
  for (const name of Object.keys(parameters)) {
    if (!name.endsWith('fields')) continue;
    const group = name.slice(0, -'fields'.length);
    const data = parameters[`${group}data`];
    if (!group || data === undefined || sublists.has(group)) continue;
    const fields = parameters[name]!.split(FIELD_SEP);
    const lines = data === '' ? [] : data.split(LINE_SEP).map((l) => {
      const values = l.split(FIELD_SEP);
      return Object.fromEntries(fields.map((f, i) => [f, values[i] ?? '']));
    });
    sublists.set(group, { fields, lines });
  }
  for (const [group, s] of sublists) {
    parameters[`${group}fields`] = s.fields.join(FIELD_SEP);
    parameters[`${group}data`] = s.lines.map((l) => s.fields.map((f) => l[f] ?? '').join(FIELD_SEP)).join(LINE_SEP);
  }
  return { parameters, sublists };
}
