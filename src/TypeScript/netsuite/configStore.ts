/** The config custom record, read with one lookupFields (1 unit). */
import * as runtime from 'N/runtime';
import type { ConfigStore } from '../app/ports';
import { copiedSettings } from '../domain/sandboxGuard';
import { parseConfig, type ParsedConfig, type RawConfig } from '../domain/config';
import { CONFIG } from './schema';
import type { Settings } from './settings';
import { isChecked } from '../domain/checkbox';
import { dateMs, lookupValue } from './values';


export function rawConfigOf(v: Record<string, unknown>): RawConfig {
  const text = (f: string) => lookupValue(v[f]);
  return {
    enabled: isChecked(v[CONFIG.enabled]),
    region: text(CONFIG.region),
    secretRef: text(CONFIG.secretRef),
    accountIdSource: text(CONFIG.accountIdSource),
    accountIdField: text(CONFIG.accountIdField),
    userIdSource: text(CONFIG.userIdSource),
    scopeStages: text(CONFIG.scopeStages),
    scopeSubsidiaries: text(CONFIG.scopeSubsidiaries),
    scopeSavedSearch: text(CONFIG.scopeSavedSearch),
    // An unchecked box and a never-set one look the same; contacts are synced by default.
    syncContacts: v[CONFIG.syncContacts] === undefined ? null : isChecked(v[CONFIG.syncContacts]),
    deleteCustomer: text(CONFIG.deleteCustomer),
    deleteContact: text(CONFIG.deleteContact),
    batchMaxRecords: text(CONFIG.batchMaxRecords),
    batchMaxBytes: text(CONFIG.batchMaxBytes),
    excludeCustomer: text(CONFIG.excludeCustomer),
    excludeContact: text(CONFIG.excludeContact),
    retryWarnAfter: text(CONFIG.retryWarnAfter),
    retryFirstWait: text(CONFIG.retryFirstWait),
    retryLongestWait: text(CONFIG.retryLongestWait),
    mappingJson: text(CONFIG.mappingJson),
    customFieldCap: text(CONFIG.customFieldCap),
    alertRecipients: text(CONFIG.alertRecipients),
    alertDeadLetters: text(CONFIG.alertDeadLetters),
    alertWaitingHours: text(CONFIG.alertWaitingHours),
    lastModified: dateMs(v['lastmodified']),
  };
}

/** The config record's id once loaded (handed to the drain trigger). */
export interface NetSuiteConfigStore extends ConfigStore {
  id(): string | null;
}

/** One lookupFields (1 unit) on the usual path, shared with the state store; see settings.ts. */
export function netsuiteConfigStore(settings: () => Settings): NetSuiteConfigStore {
  let id: string | null = null;
  return {
    load(): ParsedConfig | null {
      const found = settings().config;
      id = found?.id ?? null;
      if (!found) return null;
      const parsed = parseConfig(rawConfigOf(found.values));
      // Copied from another account: held back like any setting that stops pushing.
      const copied = copiedSettings(lookupValue(found.values[CONFIG.savedInAccount]), runtime.accountId);
      return copied === null ? parsed : { ...parsed, problems: [...parsed.problems, { field: 'secretRef', message: copied }] };
    },
    id: () => id,
  };
}
