/**
 * The admin page in the browser: only the settings fields that apply to the choices on the form
 * are shown (domain/fieldsThatApply.ts), on load and whenever a choice changes. Display only:
 * the server ignores what does not apply when it saves, so the page works the same without it.
 */
import type { ClientCurrentRecord } from 'N/record';
import type { SettingsForm } from '../domain/adminSettings';
import { fieldsThatApply, type Optional } from '../domain/fieldsThatApply';
import { FIELD } from './adminFieldIds';

const DEPENDS_ON: readonly string[] = [FIELD.keySource, FIELD.accountIdSource];
const OPTIONAL: readonly Optional[] = ['credentialGuid', 'secretId', 'accountIdField'];

function text(rec: ClientCurrentRecord, fieldId: string): string {
  const v = rec.getValue({ fieldId });
  return v === null || v === undefined ? '' : String(v);
}

/** Shows the fields that apply, hides the others. */
export function showFieldsThatApply(rec: ClientCurrentRecord): void {
  const applies = fieldsThatApply({ keySource: text(rec, FIELD.keySource) as SettingsForm['keySource'], accountIdSource: text(rec, FIELD.accountIdSource) });
  for (const name of OPTIONAL) {
    const field = rec.getField({ fieldId: FIELD[name] });
    // A field the page did not add this time (none today) is simply skipped.
    if (field) field.isDisplay = applies[name];
  }
}

/** Whether a change of `fieldId` can change which fields apply. */
export function changesWhatApplies(fieldId: string): boolean {
  return DEPENDS_ON.includes(fieldId);
}
