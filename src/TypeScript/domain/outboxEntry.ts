/** Building outbox entries: every writer starts from the same defaults and says only what differs. */
import type { NewOutboxEntry } from './types';

/**
 * A new entry: PENDING, attempt 0, due now, no error or hint, an update of no particular fields,
 * no tombstones or previous companies. Each call gets its own objects (callers fill them in).
 */
export function newEntry(fields: Pick<NewOutboxEntry, 'kind' | 'recordIds' | 'capturedAt' | 'source'> & Partial<NewOutboxEntry>): NewOutboxEntry {
  return { event: 'update', changedFields: [], attempt: 0, notBefore: null, status: 'PENDING', lastError: '', hint: '', tombstones: {}, previousCompanies: {}, ...fields };
}
