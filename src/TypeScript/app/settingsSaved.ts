/**
 * The settings were saved (new key, region, scope...): a pause caused by a refused key is lifted
 * so the next drain tries again from the cursor (nothing queued meanwhile is lost). Reading the
 * state also creates it on a new account, so the first drain does not pay for that.
 */
import type { Logger, StateStore } from './ports';

export function settingsSaved(deps: { state: StateStore; log: Logger }): { resumed: boolean } {
  const state = deps.state.read();
  if (state.pausedAt === null) return { resumed: false };
  deps.state.update({ pausedAt: null, pauseMessage: '' });
  deps.log.audit('FreshSync settings saved: pushing resumes', `Paused since ${new Date(state.pausedAt).toISOString()}: ${state.pauseMessage}`);
  return { resumed: true };
}
