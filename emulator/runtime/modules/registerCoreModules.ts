/** Registers the core N modules on a runtime (the drivers register N/https, N/task, N/ui/... on top). */
import type { NetSuiteRuntime } from '../netSuiteRuntime';
import { createSearchModule } from '../search/searchModule';
import { createCacheModule } from './cacheModule';
import { createCryptoRandomModule } from './cryptoRandomModule';
import { createEmailModule } from './emailModule';
import { createEncodeModule } from './encodeModule';
import { createErrorModule } from './errorModule';
import { createFormatModule } from './formatModule';
import { createLogModule } from './logModule';
import { createRecordModule } from './recordModule';
import { createRuntimeModule } from './runtimeModule';

export function registerCoreModules(rt: NetSuiteRuntime): void {
  rt.registerModule('N/record', () => createRecordModule(rt.recordService, rt.executions, () => rt.saveContext()));
  rt.registerModule('N/search', () =>
    createSearchModule({
      engine: () => ({ store: rt.store, saved: rt.savedSearches, project: () => rt.project, preferences: rt.preferences, now: () => rt.clock.now() }),
      executions: rt.executions,
      saved: rt.savedSearches,
    }),
  );
  rt.registerModule('N/log', () => createLogModule(rt.executions, rt.logs, rt.clock, (s, d) => rt.logLevelOf(s, d)));
  rt.registerModule('N/runtime', () =>
    createRuntimeModule({
      executions: rt.executions,
      accountId: () => rt.accountId,
      envType: () => rt.envType,
      features: () => rt.features,
      defaultUser: () => rt.currentUser(),
      logLevelOf: (s, d) => rt.logLevelOf(s, d),
    }),
  );
  rt.registerModule('N/error', () => createErrorModule());
  rt.registerModule('N/cache', () => createCacheModule(rt.executions, rt.clock));
  rt.registerModule('N/encode', () => createEncodeModule());
  rt.registerModule('N/crypto/random', () => createCryptoRandomModule());
  rt.registerModule('N/format', () => createFormatModule(() => rt.preferences));
  rt.registerModule('N/email', () => createEmailModule(rt.executions, rt.emails, rt.clock, rt.store, () => rt.admin.id));
}
