/** The User Event side of capture: context → SavedRecord → captureChange. Never blocks the save. */
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { captureChange, type CaptureResult } from '../app/captureChange';
import type { SaveType } from '../domain/changeDetection';
import type { RecordKind } from '../domain/types';
import { logger } from './platform';
import { readValues } from './recordValues';
import { engine } from './wiring';

const SAVE_TYPES: Record<string, SaveType> = { create: 'create', edit: 'edit', xedit: 'xedit', delete: 'delete' };

export function captureFromUserEvent(kind: RecordKind, context: EntryPoints.UserEvent.afterSubmitContext): CaptureResult | null {
  const type = SAVE_TYPES[String(context.type).toLowerCase()] ?? null;
  if (type === null) return null;
  try {
    const e = engine();
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
      { config: e.config, outbox: e.outbox, lookup: e.lookup, trigger: e.trigger, clock: e.clock },
    );
  } catch (err) {
    // The save itself succeeded; a lost capture is caught by the sweep (modified-since).
    logger.error(`FreshSync could not queue ${kind} ${String(context.newRecord?.id ?? '')}`, String((err as { message?: unknown }).message ?? err));
    return null;
  }
}
