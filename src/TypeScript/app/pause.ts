/**
 * A pause set by a 401/403 holds until the config record changes after it (e.g. a new key).
 * NetSuite shows last-modified times to the minute, so a change in the pause's own minute counts
 * as after it: at worst one extra attempt, which pauses again if the key is still refused.
 */
import type { SyncConfig } from '../domain/config';

export function pauseHolds(pausedAt: number | null, config: SyncConfig): boolean {
  if (pausedAt === null) return false;
  return config.lastModified === null || config.lastModified < Math.floor(pausedAt / 60_000) * 60_000;
}
