/**
 * The admin page's payload preview of one customer or contact: read as the drain reads it (the
 * subtab's scoped searches, app/recordStatus.ts, and the drain's duplicate-key check), then
 * planned and checked by the drain's own code (domain/payloadPreview.ts). Reads only: no
 * request to Freshsuccess, no record written.
 *
 * Units (docs/admin-guide.md section 5; measured in __tests__/e2e/admin/payload-preview.test.ts):
 * a customer 10 (its scoped search), a contact 20 (its search and its company's); 10 more with
 * keys that can repeat (the drain's duplicate-key check); with a saved-search scope 1 more per
 * customer search, and 10 more for a customer it leaves out (is there such a customer at all?);
 * a contact while contacts are not synced 10 in all (that check only).
 */
import type { SyncConfig } from '../domain/config';
import { nameOf } from '../domain/mapping';
import { previewPayload, type PayloadPreview } from '../domain/payloadPreview';
import type { ResyncTarget } from '../domain/resync';
import type { RecordKind } from '../domain/types';
import { otherKeyHolders } from './keyHolders';
import type { SnapshotReader } from './ports';
import { readScoped } from './recordStatus';

export interface PreviewDeps {
  snapshots: Pick<SnapshotReader, 'customersByIds' | 'contactsByIds' | 'customersWithKeys' | 'contactsWithUserIds'>;
  now: number;
  /** The record's name, or null when the account has no such record (a search: 10 units). */
  nameOf: (kind: RecordKind, id: string) => string | null;
}

export interface PreviewResult {
  target: ResyncTarget;
  /** The record's name; null when the account has no such record. */
  name: string | null;
  /** Whether the drain would send it now (the subtab's "Not synced" when false). */
  inScope: boolean;
  /** Null when there is no such record. */
  preview: PayloadPreview | null;
}

const CONTACTS_OFF = 'the settings do not sync contacts ("Sync contacts" is off)';

export function payloadPreview(target: ResyncTarget, config: SyncConfig, deps: PreviewDeps): PreviewResult {
  const { kind, id } = target;
  const read = readScoped(kind, id, config, deps.snapshots);
  if (kind === 'contact' && !config.scope.syncContacts) {
    const name = deps.nameOf(kind, id);
    return { target, name, inScope: false, preview: name === null ? null : { status: 'out_of_scope', reason: CONTACTS_OFF } };
  }
  const customer = kind === 'customer' ? read.customer : null;
  const found = kind === 'customer' ? customer : read.contact;
  // Without a saved-search scope the search finds every customer: not found means none exists.
  const name = found ? nameFromSnapshot(read, kind) : config.scope.savedSearchId && kind === 'customer' ? deps.nameOf(kind, id) : null;
  if (name === null) return { target, name, inScope: false, preview: null };
  if (!found) return { target, name, inScope: false, preview: { status: 'out_of_scope', reason: `the saved search of the settings' scope (${config.scope.savedSearchId ?? ''}) leaves it out` } };
  const companiesInScope = kind === 'contact' && config.scope.savedSearchId ? new Set(read.customer ? [read.customer.keys.id] : []) : undefined;
  const holders = otherKeyHolders(deps.snapshots, config, {
    customers: new Map(customer ? [[customer.keys.id, customer]] : []),
    contacts: new Map(read.contact && kind === 'contact' ? [[read.contact.id, read.contact]] : []),
  });
  const preview = previewPayload({ kind, id, config, now: deps.now, customer, contact: read.contact, companiesInScope, otherKeyHolders: holders });
  return { target, name, inScope: read.inScope, preview };
}

function nameFromSnapshot(read: ReturnType<typeof readScoped>, kind: RecordKind): string {
  if (kind === 'customer' && read.customer) return nameOf({ ...read.customer, entityId: read.customer.keys.entityId });
  const c = read.contact;
  return c ? `${c.firstName.trim()} ${c.lastName.trim()}`.trim() || c.email.trim() || `contact ${c.id}` : '';
}
