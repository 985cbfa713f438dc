/**
 * Ids of the engine's custom records, fields, scripts and deployments: one place, matching
 * src/Objects/*.xml (the offline validator and a unit test check they agree).
 */

export const CONFIG = {
  type: 'customrecord_fsc_config',
  enabled: 'custrecord_fsc_cfg_enabled',
  region: 'custrecord_fsc_cfg_region',
  secretRef: 'custrecord_fsc_cfg_secret_ref',
  accountIdSource: 'custrecord_fsc_cfg_acct_source',
  accountIdField: 'custrecord_fsc_cfg_acct_field',
  userIdSource: 'custrecord_fsc_cfg_user_source',
  scopeStages: 'custrecord_fsc_cfg_stages',
  scopeSubsidiaries: 'custrecord_fsc_cfg_subsidiaries',
  scopeSavedSearch: 'custrecord_fsc_cfg_saved_search',
  syncContacts: 'custrecord_fsc_cfg_sync_contacts',
  deleteCustomer: 'custrecord_fsc_cfg_del_customer',
  deleteContact: 'custrecord_fsc_cfg_del_contact',
  batchMaxRecords: 'custrecord_fsc_cfg_batch_records',
  batchMaxBytes: 'custrecord_fsc_cfg_batch_bytes',
  excludeCustomer: 'custrecord_fsc_cfg_excl_customer',
  excludeContact: 'custrecord_fsc_cfg_excl_contact',
  retryWarnAfter: 'custrecord_fsc_cfg_retry_warn',
  retryFirstWait: 'custrecord_fsc_cfg_retry_first',
  retryLongestWait: 'custrecord_fsc_cfg_retry_longest',
  mappingJson: 'custrecord_fsc_cfg_mapping',
  /** How many custom fields the Freshsuccess plan allows (set by the admin; compared in the payload preview). */
  customFieldCap: 'custrecord_fsc_cfg_field_cap',
  /** Link to the state record, set by the settings User Event: lets one lookup read both. */
  stateRecord: 'custrecord_fsc_cfg_state',
  /** The account the settings were saved in from the admin page (domain/sandboxGuard.ts). */
  savedInAccount: 'custrecord_fsc_cfg_account',
  /** Alerts (domain/alerts.ts): employee ids mailed, and the thresholds. */
  alertRecipients: 'custrecord_fsc_cfg_alert_to',
  alertDeadLetters: 'custrecord_fsc_cfg_alert_dead',
  alertWaitingHours: 'custrecord_fsc_cfg_alert_wait',
} as const;

export const STATE = {
  type: 'customrecord_fsc_state',
  drainCursor: 'custrecord_fsc_st_cursor',
  fullSync: 'custrecord_fsc_st_fullsync',
  sweepWatermark: 'custrecord_fsc_st_sweep_mark',
  pausedAt: 'custrecord_fsc_st_paused_at',
  pauseMessage: 'custrecord_fsc_st_pause_msg',
  lastRun: 'custrecord_fsc_st_last_run',
  /** Push lease (JSON, domain/pushLease.ts): one bulk pusher at a time. */
  pushLease: 'custrecord_fsc_st_lease',
  /** When a full sync stood back for a pushing drain (ms); cleared when a full sync starts. */
  fullSyncRequestedAt: 'custrecord_fsc_st_fs_request',
  /** When a save (or a drain's summarize) last had a drain submission accepted (ms); the summarize clears it. */
  drainQueuedAt: 'custrecord_fsc_st_drain_queued',
  /** When the sweep last found deleted-record rows without an id (ms); cleared when ids come back. */
  deletedWithoutIdAt: 'custrecord_fsc_st_del_no_id',
  /** What the last reconcile found and queued (JSON, app/ports.ts ReconcileSummary). */
  lastReconcile: 'custrecord_fsc_st_reconcile',
  /** The reconcile running now (JSON, domain/jobActivity.ts ReconcileRun); cleared by its summarize. */
  reconcileRun: 'custrecord_fsc_st_reconcile_run',
  /** Churned companies whose contacts were refused (JSON list of internal ids). */
  frozenCompanies: 'custrecord_fsc_st_frozen',
  /** When records last landed in Freshsuccess (ms). */
  lastSentAt: 'custrecord_fsc_st_last_sent',
  pushActivity: 'custrecord_fsc_st_push_activity',
  /** The last push run's counts not yet in pushActivity (JSON): summarize writes them without a read. */
  pushPending: 'custrecord_fsc_st_push_pending',
  sweepActivity: 'custrecord_fsc_st_sweep_activity',
  /** The admin page's last Test connection (JSON, domain/keyTest.ts), for the setup checklist. */
  keyTest: 'custrecord_fsc_st_key_test',
  /** The alert incidents open and when each was last mailed (JSON, domain/alerts.ts). */
  alerts: 'custrecord_fsc_st_alerts',
} as const;

export const OUTBOX = {
  type: 'customrecord_fsc_outbox',
  kind: 'custrecord_fsc_ob_kind',
  /** First record id (searchable); all ids of a grouped entry are in `records`. */
  record: 'custrecord_fsc_ob_record',
  records: 'custrecord_fsc_ob_records',
  event: 'custrecord_fsc_ob_event',
  changedFields: 'custrecord_fsc_ob_fields',
  capturedAt: 'custrecord_fsc_ob_captured',
  /** When the change was first captured, kept through retries (empty on entries from before it). */
  firstCapturedAt: 'custrecord_fsc_ob_first_captured',
  source: 'custrecord_fsc_ob_source',
  attempt: 'custrecord_fsc_ob_attempt',
  notBefore: 'custrecord_fsc_ob_not_before',
  status: 'custrecord_fsc_ob_status',
  lastError: 'custrecord_fsc_ob_error',
  hint: 'custrecord_fsc_ob_hint',
  tombstone: 'custrecord_fsc_ob_tombstone',
  origin: 'custrecord_fsc_ob_origin',
  /** How many records the entry holds, so counts are of records (summed by the admin page). */
  count: 'custrecord_fsc_ob_count',
} as const;

export const SCRIPTS = {
  settings: { scriptId: 'customscript_fsc_ue_config', deployment: 'customdeploy_fsc_ue_config' },
  drain: { scriptId: 'customscript_fsc_mr_drain', onDemand: 'customdeploy_fsc_mr_drain', next: 'customdeploy_fsc_mr_drain_next', scheduled: 'customdeploy_fsc_mr_drain_sched' },
  fullSync: { scriptId: 'customscript_fsc_mr_fullsync', onDemand: 'customdeploy_fsc_mr_fullsync' },
  sweep: { scriptId: 'customscript_fsc_ss_sweep', scheduled: 'customdeploy_fsc_ss_sweep' },
  reconcile: { scriptId: 'customscript_fsc_mr_reconcile', onDemand: 'customdeploy_fsc_mr_reconcile' },
  admin: { scriptId: 'customscript_fsc_sl_admin', deploymentId: 'customdeploy_fsc_sl_admin' },
} as const;

