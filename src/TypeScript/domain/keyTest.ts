/**
 * What the admin page remembers of its last "Test connection", for the setup checklist: when,
 * whether Freshsuccess accepted the key, the test's title, and a fingerprint of the data centre
 * and key reference tested. The test tries the values on the page, which may differ from the
 * saved ones; the fingerprint says whether the saved settings are the ones that passed. It is a
 * hash of the reference (a credential GUID or an API Secret id, never the key itself), so the
 * state record holds no copy of the reference either.
 */
import type { Region, SecretReference } from './config';

export interface KeyTestRecord {
  at: number;
  ok: boolean;
  /** The test's result in a few words ("Connection OK", "Key refused (HTTP 401)"). */
  title: string;
  fingerprint: string;
}

/** FNV-1a (32 bits) of the region and reference: enough to tell two settings apart, nothing to recover. */
export function keyFingerprint(region: Region, secret: SecretReference): string {
  const s = `${region}|${secret.kind}|${secret.kind === 'secret' ? secret.id.toLowerCase() : secret.guid}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The stored record, or null when it is absent or not one (a hand-edited field reads as "not tested"). */
export function parseKeyTest(value: unknown): KeyTestRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Record<keyof KeyTestRecord, unknown>>;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at) || typeof v.ok !== 'boolean' || typeof v.fingerprint !== 'string') return null;
  return { at: v.at, ok: v.ok, title: typeof v.title === 'string' ? v.title.slice(0, 200) : '', fingerprint: v.fingerprint };
}
