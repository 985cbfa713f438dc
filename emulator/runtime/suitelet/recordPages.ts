/**
 * Customer and contact pages of the local account, at NetSuite's paths: lists
 * (custjoblist.nl, contactlist.nl: search box, paging, inline edit of email and phone, delete),
 * and a view and an edit page per record (custjob.nl, contact.nl, `e=T` for edit). A page is the
 * record's form (ui/recordPageForm.ts) after the deployed beforeLoad User Events ran on it in the
 * user interface context, rendered like a Suitelet's form; a save, an inline edit and a delete go
 * through the runtime as the user's UI actions, so User Events fire as in NetSuite. Every POST
 * carries a single-use token from the page it came from: a forged or replayed post changes
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import { SuiteScriptError } from '../errors';
import type { RecordSnapshot } from '../data-entry/dataEntry';
import type { NetSuiteRuntime } from '../netSuiteRuntime';
import type { RecordTypeSchema } from '../store/schema';
import type { Form } from '../ui/form';
import { attrs, esc } from '../ui/html';
import { pageFields, shown } from '../ui/recordPageForm';
import { FORM_TOKEN_PARAM, type FormDescriptor } from '../ui/descriptor';
import { PAGE_STYLE, renderForm } from '../ui/render';
import { RECORD_PATHS } from '../url/recordPaths';
import { readSubmission } from './submission';

export interface PageLink {
  title: string;
  url: string;
}

export interface RecordPageOptions {
  /** Links shown on every record page (the settings Suitelet, Freshsuccess's view...). */
  links?: () => PageLink[];
  /** Options of sourced selects (customers, subsidiaries...). */
  selectSource?: (source: string) => { value: string; text: string }[];
}

/** What the server sends back. */
export type PageAnswer = { status: number; headers: Record<string, string>; body: string };

type Kind = 'customer' | 'contact';
const VIEW_PATH: Record<Kind, string> = { customer: RECORD_PATHS.customer!, contact: RECORD_PATHS.contact! };
export const RECORD_LISTS: Record<Kind, string> = { customer: '/app/common/entity/custjoblist.nl', contact: '/app/common/entity/contactlist.nl' };
const LIST_TITLE: Record<Kind, string> = { customer: 'Customers', contact: 'Contacts' };
const PAGE_SIZE = 50;
/** The renderer's hidden token field: record forms carry it as Suitelet forms do. */
const TOKEN = FORM_TOKEN_PARAM;

const html = (status: number, body: string): PageAnswer => ({ status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body });
const redirect = (location: string): PageAnswer => ({ status: 302, headers: { Location: location }, body: '' });

function shell(accountId: string, title: string, links: PageLink[], body: string): string {
  const nav = [
    { title: LIST_TITLE.customer, url: RECORD_LISTS.customer },
    { title: LIST_TITLE.contact, url: RECORD_LISTS.contact },
    ...links,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="ns-nav"><nav aria-label="NetSuite"><span>NetSuite (local runtime) &middot; account ${esc(accountId)}</span> ${nav.map((l) => `<a style="color:#fff" href="${esc(l.url)}">${esc(l.title)}</a>`).join(' ')}</nav></header>
<main id="main">
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** The body values a save sends: typed text back to the field's kind; unchanged fields left out. */
function changedValues(schema: RecordTypeSchema, stored: Record<string, unknown>, posted: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of pageFields(schema)) {
    if (spec.readOnly || !(spec.id in posted)) continue;
    const text = posted[spec.id] ?? '';
    // Unchanged as shown: left out (a date's text is not a date value).
    if (text === String(shown(stored[spec.id], spec) ?? '')) continue;
    let value: unknown = text;
    if (spec.type === 'CHECKBOX') value = text === 'T';
    else if (spec.type === 'MULTISELECT') value = text === '' ? [] : text.split('\u0005');
    else if (['INTEGER', 'FLOAT', 'CURRENCY', 'PERCENT'].includes(spec.type)) value = text.trim() === '' ? null : Number(text);
    else if (text === '') value = null;
    else if (spec.type === 'DATE') value = /^\d{4}-\d\d-\d\d$/.test(text) ? new Date(`${text}T00:00:00Z`) : text;
    const before = stored[spec.id] ?? (spec.type === 'CHECKBOX' ? false : null);
    const same = Array.isArray(value) ? JSON.stringify(value) === JSON.stringify(before ?? []) : String(value ?? '') === String(before ?? '');
    if (!same) out[spec.id] = value;
  }
  return out;
}

/** Pages whose tokens are remembered; older ones expire (their posts are refused). */
const TOKENS_KEPT = 1000;

export class RecordPages {
  /** Each issued token: the path its page posts to, and the form it rendered (checkbox and multi-select fields). */
  private readonly tokens = new Map<string, { path: string; descriptor?: FormDescriptor }>();

  constructor(private readonly rt: NetSuiteRuntime, private readonly options: RecordPageOptions = {}) {}

  /** Whether `pathname` is one of these pages. */
  handles(pathname: string): boolean {
    return Object.values(VIEW_PATH).includes(pathname) || Object.values(RECORD_LISTS).includes(pathname);
  }

  answer(method: string, url: URL, body: URLSearchParams): PageAnswer {
    const kind = (Object.keys(VIEW_PATH) as Kind[]).find((k) => VIEW_PATH[k] === url.pathname || RECORD_LISTS[k] === url.pathname)!;
    try {
      if (url.pathname === RECORD_LISTS[kind]) return method === 'POST' ? this.listAction(kind, url, body) : this.list(kind, url);
      const id = url.searchParams.get('id') ?? '';
      const rec = this.stored(kind, id);
      if (!rec) return this.notFound(kind, id, `${LIST_TITLE[kind]}: not found`);
      if (method === 'POST') return this.save(kind, rec, body);
      return this.recordPage(kind, rec, url.searchParams.get('e') === 'T' ? 'edit' : 'view');
    } catch (e) {
      const err = e as Error;
      return html(err instanceof SuiteScriptError ? 400 : 500, this.page('Error', `<p role="alert"><strong>${esc(err.name)}</strong>: ${esc(err.message)}</p><p><a href="${esc(RECORD_LISTS[kind])}">Back to ${esc(LIST_TITLE[kind])}</a></p>`));
    }
  }

  private page(title: string, body: string): string {
    return shell(this.rt.accountId, title, this.options.links?.() ?? [], body);
  }

  private issue(path: string, token: string = randomUUID()): string {
    this.tokens.set(token, { path });
    if (this.tokens.size > TOKENS_KEPT) this.tokens.delete(this.tokens.keys().next().value!);
    return token;
  }

  /** A post must carry a token this server issued for that very page, and nobody used yet. */
  private spend(body: URLSearchParams, path: string): { descriptor?: FormDescriptor } | null {
    const t = body.get(TOKEN) ?? '';
    const issued = this.tokens.get(t);
    if (!issued || issued.path !== path) return null;
    this.tokens.delete(t);
    return issued;
  }

  /** The stored record an id names (its type says customer, lead or prospect), or null. */
  private stored(kind: Kind, id: string): RecordSnapshot | null {
    return /^\d+$/.test(id) ? (this.rt.ui.get(kind, id) ?? null) : null;
  }

  private notFound(kind: Kind, id: string, title: string): PageAnswer {
    return html(404, this.page(title, `<p role="alert">There is no ${esc(kind)} with internal id ${esc(id)}.</p>`));
  }

  private recordPage(kind: Kind, rec: RecordSnapshot, mode: 'view' | 'edit'): PageAnswer {
    const form = this.rt.ui.open(rec.type, mode, rec.id).form as Form;
    const here = `${VIEW_PATH[kind]}?id=${rec.id}`;
    if (mode === 'view') form.addPageLink({ type: 'crosslink', title: 'Edit', url: `${here}&e=T` });
    else {
      form.addSubmitButton({ label: 'Save' });
      form.addPageLink({ type: 'crosslink', title: 'Cancel', url: here });
    }
    form.addPageLink({ type: 'crosslink', title: `Back to ${LIST_TITLE[kind]}`, url: RECORD_LISTS[kind] });
    for (const link of this.options.links?.() ?? []) form.addPageLink({ type: 'crosslink', title: link.title, url: link.url });
    const token = this.issue(here);
    const rendered = renderForm(form, { action: here, token, scriptId: `record:${kind}`, deploymentId: mode, accountId: this.rt.accountId, selectSource: this.options.selectSource });
    this.tokens.set(token, { path: here, descriptor: rendered.descriptor });
    return html(200, rendered.html);
  }

  private save(kind: Kind, rec: RecordSnapshot, body: URLSearchParams): PageAnswer {
    const here = `${VIEW_PATH[kind]}?id=${rec.id}`;
    const issued = this.spend(body, here);
    if (!issued) return html(403, this.page('Not saved', `<p role="alert">This page was already used or did not come from here: nothing was saved. <a href="${esc(`${here}&e=T`)}">Open the edit page again</a>.</p>`));
    // The rendered form says which fields are checkboxes (an unticked one is not posted) and multi-selects.
    const posted = readSubmission([...body], issued.descriptor).parameters;
    const changes = changedValues(this.rt.store.schemas.get(kind), rec.values as Record<string, unknown>, posted);
    if (Object.keys(changes).length > 0) this.rt.ui.update(rec.type, rec.id, changes as never);
    return redirect(here);
  }

  private list(kind: Kind, url: URL): PageAnswer {
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    const page = Math.max(0, Number.parseInt(url.searchParams.get('page') ?? '0', 10) || 0);
    const schema = this.rt.store.schemas.get(kind);
    const rows = this.rt.store.rows(kind).filter((r) => q === '' || [String(r.id), schema.displayName?.(r.values) ?? '', r.values.email, r.values.phone].some((v) => String(v ?? '').toLowerCase().includes(q)));
    const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const back = `${RECORD_LISTS[kind]}?${new URLSearchParams({ q, page: String(page) }).toString()}`;
    const token = this.issue(back);
    const row = (r: (typeof rows)[number]) => {
      const name = schema.displayName?.(r.values) || String(r.id);
      const form = `form-${r.id}`;
      return `<tr><td>${r.id}</td><td><a href="${esc(`${VIEW_PATH[kind]}?id=${r.id}`)}">${esc(name)}</a></td>
<td><input${attrs({ form, name: 'email', value: String(r.values.email ?? ''), 'aria-label': `Email of ${name}` })}></td>
<td><input${attrs({ form, name: 'phone', value: String(r.values.phone ?? ''), 'aria-label': `Phone of ${name}` })}></td>
<td>${r.values.isinactive === true ? 'yes' : 'no'}</td>
<td><form id="${form}" method="post" action="${esc(back)}"><input type="hidden" name="${TOKEN}" value="${esc(token)}"><input type="hidden" name="id" value="${r.id}">
<button type="submit" name="action" value="xedit"${attrs({ 'aria-label': `Save email and phone of ${name}` })}>Save</button>
<button type="submit" name="action" value="delete"${attrs({ 'aria-label': `Delete ${name}` })}>Delete</button>
<a href="${esc(`${VIEW_PATH[kind]}?id=${r.id}&e=T`)}">Edit</a></form></td></tr>`;
    };
    const pager = [
      page > 0 ? `<a href="${esc(`${RECORD_LISTS[kind]}?${new URLSearchParams({ q, page: String(page - 1) }).toString()}`)}">Previous</a>` : '',
      (page + 1) * PAGE_SIZE < rows.length ? `<a href="${esc(`${RECORD_LISTS[kind]}?${new URLSearchParams({ q, page: String(page + 1) }).toString()}`)}">Next</a>` : '',
    ].filter(Boolean).join(' ');
    const body = `<form method="get" action="${esc(RECORD_LISTS[kind])}" role="search"><label for="q">Search (name, internal id, email, phone)</label> <input id="q" name="q" value="${esc(q)}"> <button type="submit">Search</button></form>
<table><caption>${esc(`${LIST_TITLE[kind]}: ${rows.length}${rows.length > shown.length ? `, showing ${shown.length ? page * PAGE_SIZE + 1 : 0} to ${page * PAGE_SIZE + shown.length}` : ''}`)}</caption>
<thead><tr><th scope="col">Internal id</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Phone</th><th scope="col">Inactive</th><th scope="col">Actions</th></tr></thead>
<tbody>${shown.map(row).join('\n')}</tbody></table>
<p>${pager}</p>`;
    return html(200, this.page(LIST_TITLE[kind], body));
  }

  private listAction(kind: Kind, url: URL, body: URLSearchParams): PageAnswer {
    const back = `${url.pathname}${url.search}`;
    if (!this.spend(body, back)) return html(403, this.page('Nothing changed', `<p role="alert">This list was already used or did not come from here: nothing was changed. <a href="${esc(back)}">Open the list again</a>.</p>`));
    const id = body.get('id') ?? '';
    const rec = this.stored(kind, id);
    if (!rec) return this.notFound(kind, id, 'Nothing changed');
    if (body.get('action') === 'delete') this.rt.ui.delete(rec.type, rec.id);
    else if (body.get('action') === 'xedit') {
      const changes: Record<string, string | null> = {};
      for (const f of ['email', 'phone'] as const) {
        const v = (body.get(f) ?? '').trim();
        if (v !== String(rec.values[f] ?? '')) changes[f] = v === '' ? null : v;
      }
      if (Object.keys(changes).length > 0) this.rt.ui.inlineEdit(rec.type, rec.id, changes as never);
    }
    return redirect(back);
  }
}
