/**
 * The Freshsuccess subtab on customer and contact pages (beforeLoad, view and edit, in the UI):
 * where the record stands (app/recordStatus.ts) and a "Resync now" link to the settings page,
 * which asks before it queues the record (a page load never changes anything). No HTTPS call:
 * the settings and state (1), the scope check with the drain's searches (10 for a customer, 20
 * for a contact, plus 1 with a saved-search scope), and one search of the record's own outbox
 * entries (10; each entry whose record list is too long for its field adds a 2-unit load).
 */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import { esc } from '../app/adminStatusView';
import { recordStatus } from '../app/recordStatus';
import type { RecordKind } from '../domain/types';
import { RESYNC_PARAM } from '../domain/resync';
import { PREVIEW_PARAM } from '../domain/payloadPreview';
import { ADMIN_SCRIPT } from './adminPage';
import { entriesOfRecord } from './adminStore';
import { logger } from './platform';
import { engine } from './wiring';

const SUBTAB = { id: 'custpage_fsc_tab', label: 'Freshsuccess' } as const;
const SHOWN_ON = new Set(['view', 'edit']);
/** The newest entries looked at: plenty to find the latest change and everything still waiting. */
const ENTRIES_READ = 20;
/**
 * How far back entries are read: waiting entries are never older than the longest retry wait,
 * and drained ones are purged after the retention (30 days by default); 60 days covers both.
 */
const RETENTION_READ_MS = 60 * 86_400_000;

/**
 * Only for the settings page's audience (administrators): the queue it reads is theirs, and its
 * Resync now link leads to their page. Other roles see the record as before.
 */
function isAdministrator(): boolean {
  return String(runtime.getCurrentUser().roleId).toLowerCase() === 'administrator';
}

export function showSyncSubtab(kind: RecordKind, context: EntryPoints.UserEvent.beforeLoadContext): void {
  if (!SHOWN_ON.has(String(context.type).toLowerCase()) || runtime.executionContext !== runtime.ContextType.USER_INTERFACE) return;
  const id = String(context.newRecord?.id ?? '');
  if (!context.form || id === '' || !isAdministrator()) return;
  try {
    const e = engine();
    const now = e.clock.now();
    const status = recordStatus(kind, id, { config: e.config, state: e.state, snapshots: e.snapshots, entries: (k, i) => entriesOfRecord(k, i, now - RETENTION_READ_MS, ENTRIES_READ) });
    if (!status) return;
    const adminPage = (param: string) => url.resolveScript({ scriptId: ADMIN_SCRIPT.scriptId, deploymentId: ADMIN_SCRIPT.deploymentId, params: { [param]: `${kind}:${id}` } });
    const resync = adminPage(RESYNC_PARAM);
    context.form.addTab({ id: SUBTAB.id, label: SUBTAB.label });
    const field = context.form.addField({ id: 'custpage_fsc_status', label: 'Freshsuccess', type: serverWidget.FieldType.INLINEHTML, container: SUBTAB.id });
    field.defaultValue = [
      `<div class="fsc-record fsc-record-${esc(status.level)}" role="region" aria-label="Freshsuccess sync">`,
      `<p><strong>${esc(status.headline)}</strong></p>`,
      status.details.length > 0 ? `<ul>${status.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : '',
      `<p><a href="${esc(resync)}">Resync now</a> (asks first, then sends this ${kind === 'customer' ? 'customer' : 'contact'} with the next drain)</p>`,
      `<p><a href="${esc(adminPage(PREVIEW_PARAM))}">See what would be sent</a> (the exact data, on the settings page; nothing is sent)</p>`,
      '</div>',
    ].join('');
  } catch (err) {
    // The page must open whatever happens here: the subtab is information only.
    logger.error(`FreshSync could not show the Freshsuccess subtab of ${kind} ${id}`, String((err as { message?: unknown }).message ?? err));
  }
}
