/**
 * Before the settings record is stored, whoever saves it: the page's validation runs on the
 * values as they will be stored (an inline edit's fields over the stored ones), then the check
 * against the account (field ids, saved search), and a change with problems is refused with them,
 * so the engine never reads settings the page would refuse. (A CSV import with server scripts off
 * skips User Events: such settings, or a field deleted later, pause pushing at the next run.)
 */
import * as error from 'N/error';
import type * as record from 'N/record';
import type { EntryPoints } from 'N/types';
import { probeRecipients, probeSettings } from '../app/settingsProbe';
import { parseConfig } from '../domain/config';
import { settingsRecordProblems } from '../domain/settingsRecordCheck';
import { rawConfigOf } from './configStore';
import { logger } from './platform';
import { CONFIG_COLUMNS } from './settings';
import { netsuiteEmployees } from './employeeDirectory';
import { netsuiteSnapshots } from './snapshotReader';
import { accountCustomFields } from './accountCustomFields';

function valuesOf(rec: record.Record | null | undefined, onlyListed: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!rec) return out;
  const listed = onlyListed ? new Set(rec.getFields()) : null;
  for (const f of CONFIG_COLUMNS) {
    if (listed && !listed.has(f)) continue;
    out[f] = rec.getValue({ fieldId: f });
  }
  return out;
}

export function refuseInvalidSettings(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  const type = String(context.type).toLowerCase();
  if (type !== 'create' && type !== 'edit' && type !== 'xedit') return;
  const xedit = type === 'xedit';
  const values = { ...(xedit ? valuesOf(context.oldRecord, false) : {}), ...valuesOf(context.newRecord, xedit) };
  const raw = rawConfigOf(values);
  const problems = settingsRecordProblems(raw);
  // Then against the account, with the drain's own searches and, with custom fields mapped, the
  // account's list of them (app/settingsProbe.ts, about 20 units; 10 more with custom fields).
  if (problems.length === 0) {
    const config = parseConfig(raw).config;
    problems.push(...[...probeSettings(config, netsuiteSnapshots(), accountCustomFields), ...probeRecipients(config, netsuiteEmployees())].map((p) => `${p.field}: ${p.message}`));
  }
  if (problems.length === 0) return;
  logger.audit('FreshSync settings change refused', `${problems.length} problem(s): ${problems.map((p) => p.split(':')[0]).join(', ')}`);
  throw error.create({ name: 'FSC_INVALID_SETTINGS', message: `FreshSync settings not saved: ${problems.join(' ')}`, notifyOff: true });
}
