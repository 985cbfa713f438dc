/**
 * Payload checks before sending, so one bad record is dead-lettered locally with a clear message
 * instead of failing a whole batch (`status_is_ok:false`) or being rejected by Freshsuccess with
 * a terser one. Mirrors the contract: required fields, types, text lengths, dimension shapes.
 */
import { TEXT_DIMENSION_MAX } from './dimensions';
import type { AccountPayload, ContactPayload } from './types';

/** Keys are compared exactly across systems and used in URLs (DELETE /accounts/{id}). */
const MAX_KEY_LENGTH = 255;
/** No documented limit for plain text fields; this keeps a runaway value out of a batch. */
const MAX_TEXT_LENGTH = 4000;

const ACCOUNT_TEXT = [
  'name', 'billing_street', 'billing_city', 'billing_state', 'billing_postal_code', 'billing_country',
  'phone', 'website', 'industry', 'sales_rep_name', 'sales_rep_email', 'parent_account_id', 'stage',
] as const;
const CONTACT_TEXT = ['first_name', 'last_name', 'email', 'phone', 'title'] as const;
const DIMENSIONS = ['custom_label_dimensions', 'custom_value_dimensions', 'custom_event_dimensions'] as const;

/** Epoch milliseconds as an integer; dates before 1970 are negative and valid (a founding date, a birthday). */
function isMs(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function checkKey(name: string, v: unknown, problems: string[]): void {
  if (typeof v !== 'string' || v.trim() === '') problems.push(`${name} is empty`);
  else if (v.length > MAX_KEY_LENGTH) problems.push(`${name} is longer than ${MAX_KEY_LENGTH} characters`);
  else if (/[/?#%]/.test(v)) problems.push(`${name} "${v}" contains / ? # or %, which cannot be used in Freshsuccess URLs`);
}

function checkTexts(p: Record<string, unknown>, names: readonly string[], problems: string[]): void {
  for (const n of names) {
    const v = p[n];
    if (v === undefined) continue;
    if (typeof v !== 'string') problems.push(`${n} must be text`);
    else if (v.length > MAX_TEXT_LENGTH) problems.push(`${n} is longer than ${MAX_TEXT_LENGTH} characters`);
  }
}

function checkDimensions(p: Record<string, unknown>, problems: string[]): void {
  for (const name of DIMENSIONS) {
    const arr = p[name];
    if (arr === undefined) continue;
    if (!Array.isArray(arr)) {
      problems.push(`${name} must be a list`);
      continue;
    }
    const seen = new Set<string>();
    for (const d of arr as unknown[]) {
      const dim = (d ?? {}) as { key?: unknown; value?: unknown };
      if (typeof dim.key !== 'string' || dim.key === '') {
        problems.push(`${name} has an entry without a key`);
        continue;
      }
      if (seen.has(dim.key)) problems.push(`${name} has the key "${dim.key}" twice`);
      seen.add(dim.key);
      if (name === 'custom_label_dimensions') {
        if (typeof dim.value !== 'string') problems.push(`${name} "${dim.key}" must be text`);
        else if (dim.value.length > TEXT_DIMENSION_MAX) problems.push(`${name} "${dim.key}" is longer than ${TEXT_DIMENSION_MAX} characters`);
      } else if (name === 'custom_value_dimensions') {
        if (typeof dim.value !== 'number' || !Number.isFinite(dim.value)) problems.push(`${name} "${dim.key}" must be a number`);
      } else if (!isMs(dim.value)) problems.push(`${name} "${dim.key}" must be a date in epoch milliseconds`);
    }
  }
}

/**
 * @param insert whether the record may be an insert (then name and join_date are required). The
 * drain cannot know whether Freshsuccess already has the account, so full pushes pass true.
 */
export function validateAccount(p: AccountPayload, insert: boolean): string[] {
  const problems: string[] = [];
  const r = p as unknown as Record<string, unknown>;
  checkKey('account_id', p.account_id, problems);
  if (insert && (typeof p.name !== 'string' || p.name.trim() === '')) problems.push('name is empty (a company name, or first and last name, is required)');
  if (insert && p.join_date === undefined) problems.push('join_date is missing (date created could not be read)');
  if (p.join_date !== undefined && !isMs(p.join_date)) problems.push('join_date must be a date in epoch milliseconds');
  if (p.inactive_time !== undefined && !isMs(p.inactive_time)) problems.push('inactive_time must be a date in epoch milliseconds');
  if (p.is_churned !== undefined && typeof p.is_churned !== 'boolean') problems.push('is_churned must be true or false');
  if (p.parent_account_id !== undefined && p.parent_account_id === p.account_id) problems.push('parent_account_id is the account itself');
  checkTexts(r, ACCOUNT_TEXT, problems);
  checkDimensions(r, problems);
  return problems;
}

export function validateContact(p: ContactPayload): string[] {
  const problems: string[] = [];
  const r = p as unknown as Record<string, unknown>;
  checkKey('account_id', p.account_id, problems);
  checkKey('user_id', p.user_id, problems);
  if (p.is_active !== undefined && typeof p.is_active !== 'boolean') problems.push('is_active must be true or false');
  checkTexts(r, CONTACT_TEXT, problems);
  checkDimensions(r, problems);
  return problems;
}
