/**
 * Duplicate keys across runs. An account_id taken from the entity id or a custom field, and a
 * user_id taken from the e-mail, can repeat between records; two records with one key would
 * become one Freshsuccess record, written by both. The plan keeps the key for the lowest internal
 * id among the records it plans (domain/plan.ts); this adds the records NetSuite holds outside the
 * plan with the same keys, so a record planned now that shares its key with one sent in an
 * earlier run is caught too. Internal-id keys cannot repeat: no search then.
 *
 * Cost: one search per KEY_CHECK_CHUNK planned keys and record type (10 units each), only with a
 * key source that can repeat.
 */
import type { SyncConfig } from '../domain/config';
import { accountIdFor, userIdFor } from '../domain/identity';
import type { PlanInput } from '../domain/plan';
import { customerInScope, stageAndSubsidiaryInScope } from '../domain/scope';
import type { ContactSnapshot, CustomerSnapshot } from '../domain/types';
import type { SnapshotReader } from './ports';

type Holders = Map<string, string[]>;

function add(holders: Holders, key: string, id: string): void {
  const ids = holders.get(key) ?? [];
  if (!ids.includes(id)) ids.push(id);
  holders.set(key, ids);
}

export function otherKeyHolders(
  snapshots: Pick<SnapshotReader, 'customersWithKeys' | 'contactsWithUserIds'>,
  config: SyncConfig,
  planned: { customers: ReadonlyMap<string, CustomerSnapshot>; contacts: ReadonlyMap<string, ContactSnapshot> },
): NonNullable<PlanInput['otherKeyHolders']> {
  const customer: Holders = new Map();
  const contact: Holders = new Map();
  const source = config.accountIdSource;
  if (source.kind !== 'internalid' && planned.customers.size > 0) {
    const keys = new Set([...planned.customers.values()].map((s) => accountIdFor(s.keys, source)).filter((k) => k !== ''));
    for (const s of snapshots.customersWithKeys([...keys], config)) {
      const key = accountIdFor(s.keys, source);
      // Records out of scope are never sent, so they hold no key in Freshsuccess.
      if (planned.customers.has(s.keys.id) || !keys.has(key) || !customerInScope(s, config.scope)) continue;
      add(customer, key, s.keys.id);
    }
  }
  if (config.userIdSource === 'email' && planned.contacts.size > 0) {
    const keys = new Set([...planned.contacts.values()].map((c) => userIdFor(c, config.userIdSource)).filter((k) => k !== ''));
    for (const c of snapshots.contactsWithUserIds([...keys], config)) {
      const key = userIdFor(c, config.userIdSource);
      if (planned.contacts.has(c.id) || !keys.has(key) || c.company === null || !stageAndSubsidiaryInScope(c.companyStage, c.companySubsidiary, config.scope)) continue;
      add(contact, key, c.id);
    }
  }
  return { customer, contact };
}
