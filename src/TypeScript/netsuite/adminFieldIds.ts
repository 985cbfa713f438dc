/**
 * The admin page's form field ids: shared by the page the server builds and the client script
 * that runs in the browser, so this module imports nothing from N/ (a client script cannot load
 * server-only modules such as N/ui/serverWidget).
 */
import type { SettingsForm } from '../domain/adminSettings';

/** Form field ids, one per settings value. */
export const FIELD: Record<keyof SettingsForm, string> = {
  enabled: 'custpage_enabled',
  region: 'custpage_region',
  keySource: 'custpage_key_source',
  credentialGuid: 'custpage_api_key',
  secretId: 'custpage_secret_id',
  accountIdSource: 'custpage_acct_source',
  accountIdField: 'custpage_acct_field',
  userIdSource: 'custpage_user_source',
  stages: 'custpage_stages',
  subsidiaries: 'custpage_subsidiaries',
  savedSearch: 'custpage_saved_search',
  syncContacts: 'custpage_sync_contacts',
  deleteCustomer: 'custpage_del_customer',
  deleteContact: 'custpage_del_contact',
  batchMaxRecords: 'custpage_batch_records',
  batchMaxBytes: 'custpage_batch_bytes',
  excludeCustomer: 'custpage_excl_customer',
  excludeContact: 'custpage_excl_contact',
  retryWarnAfter: 'custpage_retry_warn',
  retryFirstWait: 'custpage_retry_first',
  retryLongestWait: 'custpage_retry_longest',
  mappingJson: 'custpage_mapping',
  /** A sublist: one row per custom field. */
  customFields: 'custpage_custom_fields',
  customFieldCap: 'custpage_field_cap',
  alertRecipients: 'custpage_alert_to',
  alertDeadLetters: 'custpage_alert_dead',
  alertWaitingHours: 'custpage_alert_wait',
};

/**
 * Columns of the custom fields sublist: `choice` picks record, field and type in one select (the
 * account's fields, each with the dimension types that fit it); the separate record, field and
 * type columns are used only when the account's fields cannot be listed.
 */
export const ROW_FIELD = { choice: 'custpage_cf_choice', record: 'custpage_cf_record', field: 'custpage_cf_field', type: 'custpage_cf_type', key: 'custpage_cf_key' } as const;

/** The preview chooser's fields (not settings: never saved). */
export const PREVIEW_FIELD = { kind: 'custpage_preview_kind', id: 'custpage_preview_id' } as const;
/** The chooser's button (its value for the page's action parameter). */
export const PREVIEW_ACTION = 'preview';
