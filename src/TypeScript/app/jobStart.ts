/**
 * Whether a job started from the admin page can do anything now. A full sync or a drain with no
 * settings, with settings that have problems, with sync switched off or while pushing is paused
 * would run and send nothing, and the page would call that "finished": it is refused before it
 * is submitted, with the reason and the fix. Reconcile only reads while sync is off (it reports
 * the differences and queues nothing), so it may start then.
 */
import type { ParsedConfig } from '../domain/config';
import type { JobKind } from './adminStatusView';
import { pauseCause, type PauseCause } from '../domain/pauseCause';
import { pauseHolds } from './pause';
import type { SyncState } from './ports';

export type StartRefusal = 'not_configured' | 'copied_settings' | 'misconfigured' | 'sync_disabled' | 'paused' | 'paused_settings' | 'paused_key_reference';

/** A refusal for a pause, by its cause. */
const REFUSAL_OF_PAUSE: Record<PauseCause, StartRefusal> = { key: 'paused', settings: 'paused_settings', key_reference: 'paused_key_reference' };

/** The pause behind a refusal, or null for another refusal. */
export function pauseOfRefusal(refusal: StartRefusal): PauseCause | null {
  return (Object.keys(REFUSAL_OF_PAUSE) as PauseCause[]).find((c) => REFUSAL_OF_PAUSE[c] === refusal) ?? null;
}

/** `copied`: why the settings are held back in this account (domain/sandboxGuard.ts), or null. */
export function whyNotStart(job: JobKind, settings: ParsedConfig | null, state: SyncState | null, copied: string | null = null): StartRefusal | null {
  if (!settings) return 'not_configured';
  // Every job reads the same guarded settings and would stop at once.
  if (copied !== null) return 'copied_settings';
  if (settings.problems.length > 0 || !settings.config.secret) return 'misconfigured';
  if (job === 'reconcile') return null;
  if (!settings.config.enabled) return 'sync_disabled';
  // Settings saved since the refusal lift the pause at the next run (app/pause.ts).
  if (pauseHolds(state?.pausedAt ?? null, settings.config)) return REFUSAL_OF_PAUSE[pauseCause(state?.pauseMessage ?? '')];
  return null;
}
