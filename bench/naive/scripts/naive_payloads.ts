// Library of the naive baseline (no header: not an entry point). The payloads are the minimum
// Freshsuccess accepts (account_id, name, join_date; contacts with their account), plus a few
// plain fields, so the baseline's records really land and its counts mean something.
import * as https from 'N/https';
import * as log from 'N/log';

const BASE_URL = 'https://api-us.freshsuccess.com/api/v2';
const SECRET = '{custsecret_fsc_api_key}';

export interface NaiveAccount {
  account_id: string;
  name: string;
  join_date: number;
  phone?: string;
  website?: string;
}

export interface NaiveContact {
  account_id: string;
  user_id: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  title?: string;
}

/** Copies only non-empty text: Freshsuccess validates what it is given. */
export function withText<T extends object>(target: T, values: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(values)) {
    const text = value === null || value === undefined ? '' : String(value);
    if (text !== '') (target as Record<string, unknown>)[key] = text;
  }
  return target;
}

// Standalone on purpose: the baseline is deployed as its own script files, apart from the product's
// modules; __tests__/unit/freshsuccess/authorizationCopies.test.ts proves this is the product's header.
export function basicAuth(): https.SecureString {
  const credentials = https.createSecureString({ input: `api:${SECRET}` });
  credentials.convertEncoding({ fromEncoding: https.Encoding.UTF_8, toEncoding: https.Encoding.BASE_64 });
  const header = https.createSecureString({ input: 'Basic ' });
  header.appendSecureString({ secureString: credentials, keepEncoding: true });
  return header;
}

/** One record, one request: the pattern the benchmark measures against. */
export function postOne(endpoint: 'accounts' | 'account_contacts', payload: NaiveAccount | NaiveContact): void {
  const response = https.post({
    url: `${BASE_URL}/${endpoint}`,
    headers: { Authorization: basicAuth(), 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ records: [payload] }),
  });
  if (response.code !== 200 || !/"status_is_ok"\s*:\s*true/.test(response.body) || /"failed_results"\s*:\s*\[\s*\{/.test(response.body)) {
    log.error({ title: `Freshsuccess refused ${endpoint}`, details: `HTTP ${response.code} ${response.body.slice(0, 500)}` });
  }
}
