/** Plain builders for domain objects used across the engine's unit tests. */
import { parseConfig, type RawConfig, type SyncConfig } from '../../src/TypeScript/domain/config';
import type { ContactSnapshot, CustomerSnapshot, NewOutboxEntry, OutboxEntry } from '../../src/TypeScript/domain/types';
import { newEntry } from '../../src/TypeScript/domain/outboxEntry';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export function config(raw: RawConfig = {}): SyncConfig {
  const { config: c, problems } = parseConfig({ enabled: true, region: 'us', secretRef: 'custsecret_fsc_api_key', ...raw });
  if (problems.length > 0) throw new Error(`fixture config has problems: ${problems.map((p) => p.message).join('; ')}`);
  return c;
}

export function customer(id: string, over: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return {
    keys: { id, entityId: `CUST-${id}`, customKey: '' },
    isPerson: false,
    companyName: `Company ${id}`,
    firstName: '',
    lastName: '',
    dateCreated: T0 - 86400_000,
    lastModified: T0 - 60_000,
    billing: { street: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
    phone: '555-0100',
    url: 'https://example.com',
    category: 'Retail',
    salesRepName: 'Sam Rep',
    salesRepEmail: 'sam@example.com',
    parent: null,
    stage: 'CUSTOMER',
    isInactive: false,
    subsidiary: '1',
    custom: {},
    ...over,
  };
}

export function contact(id: string, companyId: string | null, over: Partial<ContactSnapshot> = {}): ContactSnapshot {
  return {
    id,
    company: companyId === null ? null : { id: companyId, entityId: `CUST-${companyId}`, customKey: '' },
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `ada${id}@example.com`,
    phone: '555-0200',
    title: 'CTO',
    isInactive: false,
    lastModified: T0 - 60_000,
    companyStage: 'CUSTOMER',
    companySubsidiary: '1',
    custom: {},
    ...over,
  };
}

let nextEntryId = 1;
/** A stored entry: the product's defaults (newEntry), captured at T0 in the UI unless told otherwise, with the next id. */
export function entry(over: Partial<NewOutboxEntry> & Pick<OutboxEntry, 'kind' | 'recordIds'>): OutboxEntry {
  return { ...newEntry({ capturedAt: T0, source: 'USERINTERFACE', ...over }), id: nextEntryId++ };
}

/** A deterministic "random" source cycling through the given values. */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}
