/** The User Event side of capture: context → SavedRecord → captureChange. Never blocks the save. */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { captureChange, type CaptureResult } from '../app/captureChange';
import type { SaveType } from '../domain/changeDetection';
import type { RecordKind } from '../domain/types';
import { netsuiteDrainTrigger } from './drainTrigger';
import { logger } from './platform';
import { readValues } from './recordValues';
import { engine } from './wiring';

/** The most one save may spend on capture: it runs inside the user's save, which must stay quick. */
const SAVE_UNITS = 30;

const SAVE_TYPES: Record<string, SaveType> = { create: 'create', edit: 'edit', xedit: 'xedit', delete: 'delete' };

/** The record type each of our customer-family deployments is for. */
const DEPLOYMENT_TYPES: Record<string, string> = {
  customdeploy_fsc_ue_customer: 'customer',
  customdeploy_fsc_ue_lead: 'lead',
  customdeploy_fsc_ue_prospect: 'prospect',
};

/**
 * Whether a CUSTOMER deployment also fires for leads and prospects is [open]: each deployment
 * captures only records of its own type (the record's type after the save), so a save is
 * captured once whichever deployments fire. A conversion whose new type's deployment does not
 * fire is caught by the sweep. Unknown deployments (added by an admin) always capture.
 */
function isOwnType(context: EntryPoints.UserEvent.afterSubmitContext): boolean {
  const wanted = DEPLOYMENT_TYPES[runtime.getCurrentScript().deploymentId];
  if (!wanted) return true;
  const rec = context.newRecord ?? context.oldRecord;
  return !rec || String(rec.type).toLowerCase() === wanted;
}

export function captureFromUserEvent(kind: RecordKind, context: EntryPoints.UserEvent.afterSubmitContext): CaptureResult | null {
  const type = SAVE_TYPES[String(context.type).toLowerCase()] ?? null;
  if (type === null) return null;
  if (kind === 'customer' && !isOwnType(context)) return null;
  try {
    const e = engine();
    // The save's own units (getRemainingUsage is free): the queued mark never takes a save over SAVE_UNITS.
    const script = runtime.getCurrentScript();
    const startedWith = script.getRemainingUsage();
    const trigger = netsuiteDrainTrigger({
      budget: { spent: () => startedWith - script.getRemainingUsage(), limit: SAVE_UNITS },
      // Known from the settings lookup the capture made first (0 units).
      stateId: () => e.settings().state?.id ?? null,
    });
    const { newRecord, oldRecord } = context;
    const id = String(newRecord?.id ?? oldRecord?.id ?? '');
    return captureChange(
      {
        kind,
        type,
        id,
        oldValues: oldRecord ? (fields) => readValues(oldRecord, fields, false) : null,
        newValues: newRecord && type !== 'delete' ? (fields) => readValues(newRecord, fields, type === 'xedit') : null,
        executionContext: String(runtime.executionContext),
      },
      { config: e.config, outbox: e.outbox, lookup: e.lookup, trigger, clock: e.clock },
    );
  } catch (err) {
    // The save itself succeeded; a lost capture is caught by the sweep (modified-since).
    logger.error(`FreshSync could not queue ${kind} ${String(context.newRecord?.id ?? '')}`, String((err as { message?: unknown }).message ?? err));
    return null;
  }
}
