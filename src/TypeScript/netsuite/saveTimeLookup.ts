/** search.lookupFields at save time (1 unit each): completes inline edits, reads a company's keys. */
import * as search from 'N/search';
import type { SaveTimeLookup } from '../app/ports';
import type { FieldValues } from '../domain/changeDetection';
import type { SyncConfig } from '../domain/config';
import type { EntityKeys } from '../domain/types';
import { dateMs, lookupValue } from './values';

/** Record field ids whose search column is named differently. */
const COLUMN_OF: Record<string, string> = { billaddr1: 'billaddress1', billzip: 'billzipcode' };
const DATE_FIELDS = new Set(['datecreated', 'lastmodifieddate']);

export function netsuiteLookup(): SaveTimeLookup {
  return {
    currentValues(kind, id, fields) {
      const columns = fields.map((f) => COLUMN_OF[f] ?? f);
      const v = search.lookupFields({ type: kind === 'customer' ? search.Type.CUSTOMER : search.Type.CONTACT, id, columns }) as Record<string, unknown>;
      const out: FieldValues = {};
      fields.forEach((f, i) => {
        const raw = v[columns[i] as string];
        out[f] = DATE_FIELDS.has(f) ? dateMs(raw) : lookupValue(raw);
      });
      return out;
    },
    companyKeys(companyId: string, config: SyncConfig): EntityKeys {
      const keyField = config.accountIdSource.kind === 'field' ? config.accountIdSource.fieldId : null;
      const v = search.lookupFields({ type: search.Type.CUSTOMER, id: companyId, columns: keyField ? ['entityid', keyField] : ['entityid'] }) as Record<string, unknown>;
      return { id: companyId, entityId: lookupValue(v['entityid']), customKey: keyField ? lookupValue(v[keyField]) : '' };
    },
  };
}
