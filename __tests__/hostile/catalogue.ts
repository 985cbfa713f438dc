/**
 * The hostile-input catalogue's shape: each case enters something hostile as a NetSuite user or
 * an admin would, and asserts its own documented outcome (docs/hostile-inputs.md):
 *
 * - sent as entered, or with a documented transformation (what Freshsuccess holds is checked);
 * - refused where it was entered, with the error at the field (NetSuite's save, or the admin page);
 * - dead-lettered or reported alone, with its reason, while its batch lands.
 */
import type { SyncHarness } from '../e2e/support/syncHarness';

export interface RecordCase {
  name: string;
  /** Enters the data; what it returns is handed to `then` and `check`. */
  enter(h: SyncHarness): Record<string, number | string>;
  /** A second step after the first drain (edits that need the records to exist first). */
  then?(h: SyncHarness, ids: Record<string, number | string>): void;
  check(h: SyncHarness, ids: Record<string, number | string>): Promise<void>;
}

/** The NetSuite save throws; the returned marker says it did (so `check` can assert it). */
export function refusedSave(save: () => unknown): string {
  try {
    save();
    return 'saved';
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
}
