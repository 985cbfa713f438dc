/**
 * Settings checked against the account before they are saved, with the very searches the drain
 * and the full sync run: the customer and contact snapshot searches with the new settings'
 * columns and saved-search scope, matching no record (ids that do not exist). A mapped custom
 * field id that is no field of the account, an account_id custom field that is none, or a saved
 * search that does not exist fail here as they would fail every run (domain/configFailure.ts),
 * and the save is refused at that field with nothing changed. About 20 units; 26 with a saved
 * search, whose cached filters the page drops first (1) so it is loaded as it is now (5).
 */
import type { SettingsField } from '../domain/adminSettings';
import type { SyncConfig } from '../domain/config';
import { settingsFailure } from '../domain/configFailure';
import type { SnapshotReader } from './ports';

/** No record has this internal id: the searches run and return nothing. */
const NO_RECORD = '-1';

export function probeSettings(config: SyncConfig, snapshots: Pick<SnapshotReader, 'customersByIds' | 'contactsByIds'>): Array<{ field: SettingsField; message: string }> {
  try {
    snapshots.customersByIds([NO_RECORD], config);
    if (config.scope.syncContacts) snapshots.contactsByIds([NO_RECORD], config);
    return [];
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    const name = String(err.name ?? '');
    const message = String(err.message ?? '');
    const reason = settingsFailure(name, message);
    if (reason === null) throw e;
    return [{ field: fieldOf(name, message, config), message: `NetSuite refused it: ${message.slice(0, 300)}` }];
  }
}

/** Which setting the refusal is about, from what NetSuite named. */
function fieldOf(name: string, message: string, config: SyncConfig): SettingsField {
  if (name === 'INVALID_SEARCH') return 'savedSearch';
  const keyField = config.accountIdSource.kind === 'field' ? config.accountIdSource.fieldId : null;
  if (keyField && message.toLowerCase().includes(keyField.toLowerCase())) return 'accountIdField';
  const named = [...config.mapping.customer.custom, ...config.mapping.contact.custom].some((m) => message.toLowerCase().includes(m.fieldId.toLowerCase()));
  if (named) return 'customFields';
  return config.scope.savedSearchId ? 'savedSearch' : 'customFields';
}
