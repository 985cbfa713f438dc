/**
 * Settings checked against the account before they are saved, with the very searches the drain
 * and the full sync run: the customer and contact snapshot searches with the new settings'
 * columns and saved-search scope, matching no record (ids that do not exist). A mapped custom
 * field id that is no field of the account, an account_id custom field that is none, or a saved
 * search that does not exist fail here as they would fail every run (domain/configFailure.ts),
 * and the save is refused at that field with nothing changed. About 20 units; 26 with a saved
 * search, whose cached filters the page drops first (1) so it is loaded as it is now (5).
 *
 * With custom fields mapped, the account's custom entity fields are read too (about 10 units,
 * netsuite/accountCustomFields.ts): a mapped field must apply to its record, and its NetSuite type
 * must fit the dimension type chosen (domain/fieldCatalog.ts). When that list cannot be read, the
 * searches alone decide, as before.
 */
import type { SettingsField } from '../domain/adminSettings';
import type { SyncConfig } from '../domain/config';
import { settingsFailure } from '../domain/configFailure';
import { customFieldFitProblem, type AccountCustomField } from '../domain/fieldCatalog';
import type { EmployeeDirectory, SnapshotReader } from './ports';

/** No record has this internal id: the searches run and return nothing. */
const NO_RECORD = '-1';

export function probeSettings(
  config: SyncConfig,
  snapshots: Pick<SnapshotReader, 'customersByIds' | 'contactsByIds'>,
  accountFields?: () => AccountCustomField[] | null,
): Array<{ field: SettingsField; message: string }> {
  const misfits = fitProblems(config, accountFields);
  if (misfits.length > 0) return misfits.map((message) => ({ field: 'customFields', message }));
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

/** Mapped custom fields that do not apply to their record or whose type does not fit, by the account's list. */
function fitProblems(config: SyncConfig, accountFields?: () => AccountCustomField[] | null): string[] {
  const mapped = (['customer', 'contact'] as const).flatMap((kind) => config.mapping[kind].custom.map((c) => ({ kind, c })));
  if (mapped.length === 0 || !accountFields) return [];
  const fields = accountFields();
  if (!fields) return [];
  return mapped.map(({ kind, c }) => customFieldFitProblem(kind, c.fieldId, c.type, fields)).filter((p): p is string => p !== null);
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

/**
 * Alert recipients checked against the account: each an active employee with an email address,
 * because NetSuite sends from the first and to all of them (netsuite/alertMailer.ts). One search
 * (10 units), none without recipients.
 */
export function probeRecipients(config: SyncConfig, employees: EmployeeDirectory): Array<{ field: SettingsField; message: string }> {
  const ids = config.alerts.recipients;
  if (ids.length === 0) return [];
  const found = new Map(employees.find(ids).map((e) => [e.id, e]));
  const bad = ids.flatMap((id) => {
    const e = found.get(id);
    if (!e) return [`${id} is no employee of this account`];
    if (e.inactive) return [`employee ${id} is inactive`];
    if (e.email.trim() === '') return [`employee ${id} has no email address`];
    return [];
  });
  return bad.length === 0 ? [] : [{ field: 'alertRecipients', message: `Alerts could not be sent: ${bad.join('; ')}. Choose active employees with an email address.` }];
}
