/**
 * Why pushing is paused, read from the state's pause message, and the words every place uses for
 * it (status line, health verdict, page banner, a refused job start): who refused (NetSuite or
 * Freshsuccess), what, and the fix. A key NetSuite would not hand over (an API Secret id it does
 * not have, or one not allowed for these scripts or hosts) is NetSuite's refusal, not
 * Freshsuccess's: it never reached Freshsuccess.
 */
import type { Verdict } from './classify';
import { SETTINGS_PAUSE_PREFIX } from './configFailure';

/** Marks a pause because NetSuite refused the key reference, in the state's pause message. */
const KEY_REFERENCE_PREFIX = 'NetSuite key reference: ';

export type PauseCause = 'settings' | 'key_reference' | 'key';

/** How a key-reference refusal was stored before it was marked (an HTTP 401 the adapter made up). */
const LEGACY_KEY_REFERENCE = /^HTTP 401: NetSuite refused to use the key reference/;

export function pauseCause(pauseMessage: string): PauseCause {
  if (pauseMessage.startsWith(SETTINGS_PAUSE_PREFIX)) return 'settings';
  if (pauseMessage.startsWith(KEY_REFERENCE_PREFIX) || LEGACY_KEY_REFERENCE.test(pauseMessage)) return 'key_reference';
  return 'key';
}

/** The pause message's own words, without the marker. */
export function pauseDetail(pauseMessage: string): string {
  const marker = [SETTINGS_PAUSE_PREFIX, KEY_REFERENCE_PREFIX].find((p) => pauseMessage.startsWith(p)) ?? (LEGACY_KEY_REFERENCE.test(pauseMessage) ? 'HTTP 401: ' : '');
  return pauseMessage.slice(marker.length);
}

/** `who`: the refusal in a few words; `why`: with what it means; `fix`: what to do. */
export const PAUSE_WORDS: Record<PauseCause, { who: string; why: string; fix: string }> = {
  settings: { who: 'NetSuite refused a setting', why: 'NetSuite refused a setting (a field id or saved search this account does not have)', fix: 'Fix it and save the settings' },
  key_reference: {
    who: 'NetSuite refused to use the stored key',
    why: 'NetSuite refused to use the stored key (no such API Secret, or one not allowed for these scripts or the Freshsuccess hosts)',
    fix: 'Check the API Secret at Setup > Company > API Secrets or type the key again, and save the settings',
  },
  key: { who: 'Freshsuccess refused the key', why: 'Freshsuccess refused the key', fix: 'Fix the key or the data centre and save the settings' },
};

/** The pause message a refused request leaves: NetSuite's refusal is marked as such. */
export function authPauseMessage(verdict: Extract<Verdict, { kind: 'auth' }>): string {
  return verdict.by === 'netsuite' ? `${KEY_REFERENCE_PREFIX}${verdict.message}` : `HTTP ${verdict.status}: ${verdict.message}`;
}
