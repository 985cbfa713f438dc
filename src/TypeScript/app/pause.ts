/**
 * A pause set by a 401/403 (or by settings NetSuite refused, see below) holds until the config record changes after it (e.g. a new key).
 * NetSuite shows last-modified times to the minute, so a change in the pause's own minute counts
 * as after it: at worst one extra attempt, which pauses again if the key is still refused.
 */
import type { SyncConfig } from '../domain/config';
import { settingsFailure } from '../domain/configFailure';
import type { Clock, Logger, StateStore } from './ports';

export function pauseHolds(pausedAt: number | null, config: SyncConfig): boolean {
  if (pausedAt === null) return false;
  return config.lastModified === null || config.lastModified < Math.floor(pausedAt / 60_000) * 60_000;
}

/**
 * Runs a run's planning; when NetSuite refuses its search because of the settings (a field id or
 * saved search this account does not have: domain/configFailure.ts), pushing pauses with the
 * reason, the lease is released and `nothing` is returned instead of failing every run the same
 * way. Any other error is thrown as before.
 */
export function pauseOnSettingsFailure<T>(plan: () => T, nothing: T, deps: { state: StateStore; clock: Clock; log: Logger }): T {
  try {
    return plan();
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    const reason = settingsFailure(String(err.name ?? ''), String(err.message ?? ''));
    if (reason === null) throw e;
    deps.state.update({ pausedAt: deps.clock.now(), pauseMessage: reason, pushLease: null });
    deps.log.error('FreshSync paused: the settings point at something this account does not have', reason);
    return nothing;
  }
}
