/**
 * Freshsuccess keys. account_id must match exactly across systems and be text, never a float
 * ("12345.0" does not match "12345"), so every key is built as a trimmed string here.
 */
import type { AccountIdSource, UserIdSource } from './config';
import type { ContactSnapshot, EntityKeys } from './types';

/** The account_id for a customer, or '' when the configured source is empty for it. */
export function accountIdFor(keys: EntityKeys, source: AccountIdSource): string {
  switch (source.kind) {
    case 'internalid':
      return normaliseId(keys.id);
    case 'entityid':
      return keys.entityId.trim();
    case 'field':
      return keys.customKey.trim();
  }
}

/** The user_id for a contact, or '' (e.g. email source and no email). */
export function userIdFor(contact: Pick<ContactSnapshot, 'id' | 'email'>, source: UserIdSource): string {
  return source === 'email' ? contact.email.trim().toLowerCase() : normaliseId(contact.id);
}

/** "12345.0" or " 12345" from a float-typed column becomes "12345". */
export function normaliseId(id: string | number): string {
  const s = String(id).trim();
  return /^\d+\.0+$/.test(s) ? s.slice(0, s.indexOf('.')) : s;
}
