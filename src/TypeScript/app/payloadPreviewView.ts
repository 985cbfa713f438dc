/**
 * The payload preview as the admin page shows it: the record's scope, the JSON the drain would
 * send (as it goes into the request's records list), its dimensions, every value cut or left out
 * with why, and the mapped custom fields against the plan's cap. Everything escaped.
 */
import type { Region } from '../domain/config';
import type { CustomFieldCount, DimensionRow, PayloadPreview } from '../domain/payloadPreview';
import { apiUrl } from '../freshsuccess/endpoints';
import { esc, table } from './adminStatusView';
import type { PreviewResult } from './payloadPreview';

const TYPE_WORDS: Record<DimensionRow['type'], string> = { text: 'text (label)', number: 'number (value)', date: 'date (event)' };

function dimensionValue(d: DimensionRow): string {
  if (d.type === 'date' && typeof d.value === 'number') return `${esc(d.value)} (${esc(new Date(d.value).toISOString().slice(0, 10))})`;
  return esc(d.value);
}

function sentHtml(p: Extract<PayloadPreview, { status: 'sent' }>, region: Region): string {
  const json = JSON.stringify(p.payload, null, 2);
  const dims = p.dimensions.length === 0
    ? '<p id="custpage_preview_dimensions">No dimensions: no mapped custom field has a value for this record.</p>'
    : `<div id="custpage_preview_dimensions">${table('Dimensions it yields', ['Freshsuccess key', 'Type', 'Value', 'From NetSuite field'], p.dimensions.map((d) => [esc(d.key), esc(TYPE_WORDS[d.type]), dimensionValue(d), esc(d.field)]))}</div>`;
  const changes = p.changes.length === 0
    ? '<p id="custpage_preview_changes">Nothing is cut or left out.</p>'
    : `<div id="custpage_preview_changes"><p><strong>Cut or left out (${p.changes.length}):</strong></p><ul>${p.changes.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul></div>`;
  return [
    `<p>The next drain would send this record in a POST to ${esc(apiUrl(region, p.endpoint))}, as one item of the request's <code>records</code> list:</p>`,
    `<pre id="custpage_preview_json" class="fsc-json" style="white-space:pre-wrap;overflow-wrap:anywhere;max-height:32em;overflow:auto">${esc(json)}</pre>`,
    dims,
    changes,
  ].join('');
}

function outcomeHtml(p: PayloadPreview, region: Region): string {
  switch (p.status) {
    case 'out_of_scope':
      return `<p id="custpage_preview_outcome"><strong>Nothing would be sent:</strong> ${esc(p.reason)}.</p>`;
    case 'refused':
      return `<p id="custpage_preview_outcome"><strong>Nothing would be sent: ${p.outcome === 'skipped' ? 'it would be skipped' : 'it would be a dead letter'}.</strong> ${esc(p.reason)}</p>${p.hint ? `<p>What to do: ${esc(p.hint)}</p>` : ''}`;
    case 'sent':
      return sentHtml(p, region);
  }
}

/** The result of a preview that was asked for; an id that names no record says so. */
export function previewResultHtml(r: PreviewResult, region: Region): string {
  const { kind, id } = r.target;
  if (r.preview === null) return `<p id="custpage_preview_outcome" role="alert"><strong>There is no ${esc(kind)} with internal id ${esc(id)} in this account.</strong> Check the id (on the record's page, or in the URL after id=) and try again.</p>`;
  const scope = r.inScope ? 'In the sync scope: yes.' : "Not synced: the settings' scope leaves this record out, so its changes are not sent.";
  return [
    `<h3 id="custpage_preview_title">${esc(kind === 'customer' ? 'Customer' : 'Contact')} ${esc(r.name ?? '')} (${esc(id)})</h3>`,
    `<p id="custpage_preview_scope">${esc(scope)}</p>`,
    outcomeHtml(r.preview, region),
  ].join('');
}

function mappedText(c: CustomFieldCount): string {
  return `${c.total} custom field(s) mapped (customer ${c.customer}, contact ${c.contact})`;
}

/** What to say when the mapped custom fields pass the plan's cap; null within it or with no cap set. */
export function overCapText(c: CustomFieldCount): string | null {
  if (c.cap === null || c.over === 0) return null;
  return `${mappedText(c)}: ${c.over} more than the ${c.cap} your Freshsuccess plan allows. Freshsuccess may refuse or drop the extra fields: remove rows from "Custom fields sent as dimensions", or raise the number under Settings if your plan allows more.`;
}

/** The mapped custom fields against the cap the admin set for the plan. */
export function customFieldCountHtml(c: CustomFieldCount): string {
  const mapped = mappedText(c);
  let text: string;
  if (c.cap === null) text = `${mapped}. Set "Custom fields your Freshsuccess plan allows" under Settings to compare them with your plan.`;
  else text = overCapText(c) ?? `${mapped} of the ${c.cap} your Freshsuccess plan allows.`;
  return `<p id="custpage_field_count" class="${c.over > 0 ? 'fsc-field-error' : ''}">${esc(text)}</p>`;
}
