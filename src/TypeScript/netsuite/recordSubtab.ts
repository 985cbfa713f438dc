/**
 * The Freshsuccess subtab on customer and contact pages (beforeLoad, view and edit, in the UI):
 * where the record's latest changes stand (domain/recordSyncStatus.ts) and a "Resync now" link
 * to the settings page, which asks before it queues the record (a page load never changes
 * anything). No HTTPS call: the settings and state (1 unit) and one search of the record's own
 * outbox entries (10).
 */
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import type { EntryPoints } from 'N/types';
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import { esc } from '../app/adminStatusView';
import { recordSyncStatus } from '../domain/recordSyncStatus';
import type { RecordKind } from '../domain/types';
import { RESYNC_PARAM } from '../domain/resync';
import { ADMIN_SCRIPT } from './adminPage';
import { OUTBOX_COLUMNS, outboxEntryOf } from './outboxStore';
import { logger } from './platform';
import { OUTBOX } from './schema';
import { engine } from './wiring';

const SUBTAB = { id: 'custpage_fsc_tab', label: 'Freshsuccess' } as const;
const SHOWN_ON = new Set(['view', 'edit']);
/** The newest entries looked at: plenty to find the latest change and everything still waiting. */
const ENTRIES_READ = 20;

/** The record's own entries, newest first: captured for it alone, or grouped with others. */
function entriesOf(kind: RecordKind, id: string) {
  return search
    .create({
      type: OUTBOX.type,
      filters: [[OUTBOX.kind, 'is', kind], 'and', [[OUTBOX.record, 'is', id], 'or', [OUTBOX.records, 'contains', `"${id}"`]]],
      columns: [search.createColumn({ name: 'internalid', sort: search.Sort.DESC }), ...OUTBOX_COLUMNS],
    })
    .run()
    .getRange({ start: 0, end: ENTRIES_READ })
    .map(outboxEntryOf)
    .filter((e) => e.recordIds.includes(id));
}

export function showSyncSubtab(kind: RecordKind, context: EntryPoints.UserEvent.beforeLoadContext): void {
  if (!SHOWN_ON.has(String(context.type).toLowerCase()) || runtime.executionContext !== runtime.ContextType.USER_INTERFACE) return;
  const id = String(context.newRecord?.id ?? '');
  if (!context.form || id === '') return;
  try {
    const e = engine();
    const settings = e.config.load();
    if (!settings) return;
    const state = e.state.read();
    const fullSyncDoneAt = state.fullSync?.status === 'done' ? state.fullSync.startedAt : null;
    const status = recordSyncStatus(entriesOf(kind, id), state.drainCursor, settings.config.purgeAfterDays, fullSyncDoneAt);
    const resync = url.resolveScript({ scriptId: ADMIN_SCRIPT.scriptId, deploymentId: ADMIN_SCRIPT.deploymentId, params: { [RESYNC_PARAM]: `${kind}:${id}` } });
    context.form.addTab({ id: SUBTAB.id, label: SUBTAB.label });
    const field = context.form.addField({ id: 'custpage_fsc_status', label: 'Freshsuccess', type: serverWidget.FieldType.INLINEHTML, container: SUBTAB.id });
    field.defaultValue = [
      `<div class="fsc-record fsc-record-${esc(status.level)}" role="region" aria-label="Freshsuccess sync">`,
      `<p><strong>${esc(status.headline)}</strong></p>`,
      status.details.length > 0 ? `<ul>${status.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : '',
      `<p><a href="${esc(resync)}">Resync now</a> (asks first, then sends this ${kind === 'customer' ? 'customer' : 'contact'} with the next drain)</p>`,
      '</div>',
    ].join('');
  } catch (err) {
    // The page must open whatever happens here: the subtab is information only.
    logger.error(`FreshSync could not show the Freshsuccess subtab of ${kind} ${id}`, String((err as { message?: unknown }).message ?? err));
  }
}
