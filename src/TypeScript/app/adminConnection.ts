/**
 * "Test connection" on the admin page: one GET of the first accounts page with the saved key
 * reference, through the product's Freshsuccess client and HTTP port (10 units; 20 when the key
 * is refused, because the other data centre is then asked once to tell a wrong key from a wrong
 * region: Freshsuccess answers a tenant's key on the other host with 401/403 too).
 *
 * The list API documents no page-size parameter ([open]), so none is sent: the answer is at most
 * one page. Nothing here ever holds the key; messages come from Freshsuccess or NetSuite codes.
 */
import type { Region, SecretReference } from '../domain/config';
import type { FreshsuccessClient } from '../freshsuccess/client';
import { hostFor } from '../freshsuccess/endpoints';

export type ConnectionOutcome =
  | { kind: 'ok'; region: Region; accountsOnFirstPage: number }
  | { kind: 'wrong_region'; region: Region; worksIn: Region }
  | { kind: 'refused'; region: Region; status: number; message: string }
  /** NetSuite would not use the key reference: nothing reached Freshsuccess. */
  | { kind: 'key_reference'; message: string }
  | { kind: 'network'; region: Region; message: string }
  | { kind: 'error'; region: Region; status: number | null; message: string }
  | { kind: 'no_key' };

const other = (r: Region): Region => (r === 'us' ? 'eu' : 'us');

export function testConnection(settings: { region: Region; secret: SecretReference | null }, clientFor: (region: Region, secret: SecretReference) => FreshsuccessClient): ConnectionOutcome {
  const { region, secret } = settings;
  if (!secret) return { kind: 'no_key' };
  const first = clientFor(region, secret).listPage('accounts', 0);
  const v = first.verdict;
  if (v.kind === 'ok') return { kind: 'ok', region, accountsOnFirstPage: first.results.length };
  // NetSuite refused the reference itself: the other data centre would be refused the same way.
  if (v.kind === 'auth' && v.by === 'netsuite') return { kind: 'key_reference', message: v.message };
  if (v.kind === 'auth') {
    const elsewhere = clientFor(other(region), secret).listPage('accounts', 0).verdict;
    if (elsewhere.kind === 'ok') return { kind: 'wrong_region', region, worksIn: other(region) };
    return { kind: 'refused', region, status: v.status, message: v.message };
  }
  if (v.kind === 'transient' && /^(request timed out|connection failed)/.test(v.message)) return { kind: 'network', region, message: v.message };
  const status = v.kind === 'rejected' ? v.status : null;
  return { kind: 'error', region, status, message: v.message };
}

/**
 * Whether the outcome says anything about the key: accepted, refused (here or by the other data
 * centre) or not usable by NetSuite. An unreachable or failing Freshsuccess says nothing of it, so
 * the setup checklist keeps the last test that did.
 */
export function judgesKey(outcome: ConnectionOutcome): boolean {
  return outcome.kind === 'ok' || outcome.kind === 'wrong_region' || outcome.kind === 'refused' || outcome.kind === 'key_reference';
}

const NAME: Record<Region, string> = { us: 'US', eu: 'EU' };

/** What the admin reads after the test; `ok` says whether it is good news. */
export function describeConnection(outcome: ConnectionOutcome): { ok: boolean; title: string; message: string } {
  switch (outcome.kind) {
    case 'ok':
      return { ok: true, title: 'Connection OK', message: `Freshsuccess (${NAME[outcome.region]} data centre, ${hostFor(outcome.region)}) accepted the key. ${outcome.accountsOnFirstPage === 0 ? 'The tenant holds no accounts yet: a full sync sends them all.' : 'The tenant already holds accounts.'}` };
    case 'wrong_region':
      return { ok: false, title: 'Wrong data centre', message: `The key is refused by the ${NAME[outcome.region]} data centre but accepted by the ${NAME[outcome.worksIn]} one: choose ${NAME[outcome.worksIn]} as the region and save the settings.` };
    case 'refused':
      return { ok: false, title: `Key refused (HTTP ${outcome.status})`, message: `Freshsuccess refused the key in both data centres (${outcome.message}). Check the key in Freshsuccess (Settings > API Keys), type it again or fix the API Secret, then save and test again.` };
    case 'key_reference':
      return { ok: false, title: 'NetSuite refused to use the key', message: `${outcome.message}. Nothing was sent to Freshsuccess. With "An API Secret": check the id, and that the secret exists at Setup > Company > API Secrets and allows the FreshSync scripts and the Freshsuccess hosts. With a typed key: type it again. Then test again.` };
    case 'network':
      return { ok: false, title: 'Freshsuccess could not be reached', message: `No answer from ${hostFor(outcome.region)}: ${outcome.message}. Check that NetSuite can reach the internet and try again in a few minutes.` };
    case 'error':
      return { ok: false, title: outcome.status === null ? 'Freshsuccess is not answering normally' : `Freshsuccess answered HTTP ${outcome.status}`, message: `${outcome.message}. Try again in a few minutes; if it persists, contact Freshsuccess support.` };
    case 'no_key':
      return { ok: false, title: 'No key saved', message: 'Save the Freshsuccess API key (or an API Secret id) first, then test the connection.' };
  }
}
