/**
 * A read-only page of what the fake Freshsuccess holds, for people (`npm start` prints its URL):
 * accounts and contacts as tables (active, churned, parent, phone, dimensions, writes, last write) and
 * the latest requests, filtered by a search box. Everything is escaped; the request log it shows
 * is the fake's own, whose keys are already redacted (an API key never reaches this page).
 * Served under /__fake/view, which Freshsuccess hosts cannot reach (controlRoutes.ts).
 */
import type { Dimensions, FakeState, RequestLogEntry, StoredAccount, StoredContact } from './types';

const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const when = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
/** Rows shown per table: the page stays light with a large account. */
const ROWS = 200;

function dims(d: Dimensions): string {
  const parts = [...Object.entries(d.labels), ...Object.entries(d.values), ...Object.entries(d.events).map(([k, v]) => [k, when(v)] as const)];
  return parts.map(([k, v]) => `${k}=${String(v)}`).join('; ');
}

/** A cell: text, or text linking somewhere (the NetSuite record). */
type Cell = string | { text: string; href: string };
const cell = (c: Cell): string => (typeof c === 'string' ? esc(c) : `<a href="${esc(c.href)}">${esc(c.text)}</a>`);

function table(caption: string, head: string[], rows: Cell[][], total: number): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('');
  const more = total > rows.length ? `<p>${esc(`Showing ${rows.length} of ${total}; narrow the search to see others.`)}</p>` : '';
  return `<table><caption>${esc(`${caption} (${total})`)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

const matches = (q: string, ...values: unknown[]): boolean => q === '' || values.some((v) => String(v ?? '').toLowerCase().includes(q));

/** The NetSuite list searched for a key: whatever the key's source (internal id, entity id, email), the list finds it. */
const backTo = (netsuiteUrl: string, list: string, key: string): Cell => (netsuiteUrl ? { text: key, href: `${netsuiteUrl}/app/common/entity/${list}?q=${encodeURIComponent(key)}` } : key);

function accountRows(accounts: readonly StoredAccount[], q: string, netsuiteUrl: string): { rows: Cell[][]; total: number } {
  const hit = accounts.filter((a) => matches(q, a.account_id, a.fields.name, a.fields.parent_account_id));
  const rows = hit.slice(0, ROWS).map((a) => [backTo(netsuiteUrl, 'custjoblist.nl', a.account_id), String(a.fields.name ?? ''), a.isActive ? 'yes' : 'no', a.fields.is_churned === true ? 'yes' : 'no', String(a.fields.parent_account_id ?? ''), String(a.fields.phone ?? ''), dims(a.dimensions), String(a.writeCount), when(a.updatedAt)]);
  return { rows, total: hit.length };
}

function contactRows(contacts: readonly StoredContact[], q: string, netsuiteUrl: string): { rows: Cell[][]; total: number } {
  const hit = contacts.filter((c) => matches(q, c.user_id, c.account_id, c.fields.first_name, c.fields.last_name, c.fields.email));
  const rows = hit.slice(0, ROWS).map((c) => [backTo(netsuiteUrl, 'contactlist.nl', c.user_id), c.account_id, `${String(c.fields.first_name ?? '')} ${String(c.fields.last_name ?? '')}`.trim(), String(c.fields.email ?? ''), c.isActive ? 'yes' : 'no', dims(c.dimensions), String(c.writeCount), when(c.updatedAt)]);
  return { rows, total: hit.length };
}

function requestRows(requests: readonly RequestLogEntry[], q: string): { rows: string[][]; total: number } {
  const hit = requests.filter((r) => matches(q, r.method, r.path, r.status)).reverse();
  const rows = hit.slice(0, ROWS).map((r) => [String(r.seq), when(r.at), r.method, r.url, r.region ?? '', String(r.status ?? ''), String(r.bodyBytes)]);
  return { rows, total: hit.length };
}

/** `netsuiteUrl`: the local NetSuite whose record lists each account and contact links to ('' = no links). */
export function renderView(snapshot: FakeState, requests: readonly RequestLogEntry[], query: string, netsuiteUrl = ''): string {
  const q = query.trim().toLowerCase();
  const a = accountRows(snapshot.accounts, q, netsuiteUrl);
  const c = contactRows(snapshot.contacts, q, netsuiteUrl);
  const r = requestRows(requests, q);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Freshsuccess: what it holds</title>',
    '<style>body{font-family:system-ui,sans-serif;margin:1rem 1.5rem}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccd;padding:.2rem .4rem;text-align:left;font-size:.9em}caption{text-align:left;font-weight:600}</style></head><body>',
    '<h1>Fake Freshsuccess: what it holds</h1>',
    `<form method="get" role="search"><label for="q">Search (account_id, user_id, name, e-mail, path)</label> <input id="q" name="q" value="${esc(query)}"> <button type="submit">Filter</button></form>`,
    table('Accounts', ['account_id', 'Name', 'Active', 'Churned', 'Parent', 'Phone', 'Dimensions', 'Writes', 'Last write (UTC)'], a.rows, a.total),
    table('Contacts', ['user_id', 'account_id', 'Name', 'E-mail', 'Active', 'Dimensions', 'Writes', 'Last write (UTC)'], c.rows, c.total),
    table('Requests, newest first (keys redacted)', ['#', 'At (UTC)', 'Method', 'URL', 'Region', 'Status', 'Body bytes'], r.rows, r.total),
    '</body></html>',
  ].join('\n');
}
