/** Builds the use cases' dependencies from the NetSuite adapters (the entry points' composition root). */
import type { SyncConfig } from '../domain/config';
import { FreshsuccessClient } from '../freshsuccess/client';
import { netsuiteChangeFinder } from './changeFinder';
import { netsuiteConfigStore } from './configStore';
import { netsuiteDrainTrigger } from './drainTrigger';
import { netsuiteHttp } from './httpsPort';
import { netsuiteJobControl } from './jobControl';
import { netsuiteOutbox } from './outboxStore';
import { clock, logger, random } from './platform';
import { netsuiteLookup } from './saveTimeLookup';
import { netsuiteSnapshots } from './snapshotReader';
import { memoSettings } from './settings';
import { netsuiteStateStore } from './stateStore';

export function clientFor(config: SyncConfig): FreshsuccessClient {
  if (!config.secret) throw new Error('FreshSync: no Freshsuccess key reference is configured');
  return new FreshsuccessClient(netsuiteHttp(config.secret), config.region, clock.now);
}

export function engine() {
  const settings = memoSettings();
  return {
    /** The settings and linked state values, read once per invocation (1 unit). */
    settings,
    config: netsuiteConfigStore(settings),
    state: netsuiteStateStore(settings),
    outbox: netsuiteOutbox(),
    snapshots: netsuiteSnapshots(),
    lookup: netsuiteLookup(),
    finder: netsuiteChangeFinder(),
    trigger: netsuiteDrainTrigger(),
    jobs: netsuiteJobControl(),
    clock,
    log: logger,
    random,
  };
}
