/**
 * The admin page's own settings validation, applied to a settings record however it was changed
 * (the page, a record edit by URL, CSV or another script): the stored values are read back into
 * the page's form and checked exactly as a page save would be. Pure.
 */
import { checkSettings, formFromRaw } from './adminSettings';
import type { RawConfig } from './config';

/** Problems of the values about to be stored, as "field: message" lines; empty when they may be saved. */
export function settingsRecordProblems(raw: RawConfig): string[] {
  // No stored reference to fall back on: the record must itself hold a secret id or a credential GUID.
  return checkSettings(formFromRaw(raw), '').problems.map((p) => `${p.field}: ${p.message}`);
}
