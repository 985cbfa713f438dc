/**
 * Actions on the status page's problem rows, one record at a time or a selection: retry (queue
 * the record again) and dismiss (stop listing it). A row stands for one record and the entries
 * that report it (several runs may have reported the same record); its button and its checkbox
 * carry both, and the server checks them against the outbox before acting.
 */
import type { RecordKind } from './types';

/** The name every action button of the admin page posts its action under. */
export const ACTION_PARAM = 'custpage_action';
/** Row checkboxes: one field per record, so no platform's handling of repeated names matters. */
const PICK_PREFIX = 'custpage_pick_';
/** Rows the page shows at most, so a selection is never larger. */
export const MAX_PICKS = 100;

export type ProblemAction = 'retry' | 'dismiss';

/** The buttons below the table that act on the ticked rows. */
export const SELECTED_ACTION: Record<ProblemAction, string> = { retry: 'retry_selected', dismiss: 'dismiss_selected' };

export interface RecordPick {
  kind: RecordKind;
  recordId: string;
  /** The outbox entries reporting this record, as the row showed them. */
  entryIds: number[];
}

const PICK = /^(customer|contact):(\d{1,12}):(\d{1,12}(?:\.\d{1,12}){0,49})$/;

export function pickValue(p: RecordPick): string {
  return `${p.kind}:${p.recordId}:${p.entryIds.join('.')}`;
}

export function pickField(p: Pick<RecordPick, 'kind' | 'recordId'>): string {
  return `${PICK_PREFIX}${p.kind}_${p.recordId}`;
}

function parsePick(value: string): RecordPick | null {
  const m = PICK.exec(value);
  if (!m) return null;
  return { kind: m[1] as RecordKind, recordId: m[2] as string, entryIds: (m[3] as string).split('.').map(Number) };
}

/** A row button's value: `retry:customer:12:34.56`. */
export function rowActionValue(action: ProblemAction, p: RecordPick): string {
  return `${action}:${pickValue(p)}`;
}

/** The row action a button posted, or null when the value is not one. */
export function parseRowAction(value: string): { action: ProblemAction; pick: RecordPick } | null {
  const m = /^(retry|dismiss):(.*)$/.exec(value);
  const pick = m ? parsePick(m[2] as string) : null;
  return m && pick ? { action: m[1] as ProblemAction, pick } : null;
}

/** The rows ticked on the page (at most MAX_PICKS); values that are not picks are ignored. */
export function picksFrom(params: Record<string, string | undefined>): RecordPick[] {
  const picks: RecordPick[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (!name.startsWith(PICK_PREFIX) || value === undefined) continue;
    const pick = parsePick(value);
    if (pick && name === pickField(pick)) picks.push(pick);
    if (picks.length >= MAX_PICKS) break;
  }
  return picks;
}
