/**
 * N/cache: named caches per scope; get 1 unit (2 when a loader runs on a miss), put 1,
 * remove 1. Values are strings (non-strings are JSON-stringified, as NetSuite does); ttl in
 * seconds (minimum 300, default unlimited here) on the simulated clock.
 */
import type { ExecutionStack } from '../execution';
import { nsError } from '../errors';
import type { SimulatedClock } from '../services';
import { COST } from './costs';

const CACHE_SCOPES = Object.freeze({ PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' });
const MAX_VALUE = 500 * 1024;
const MIN_TTL = 300;

interface Entry { value: string; expires: number }

export function createCacheModule(executions: ExecutionStack, clock: SimulatedClock) {
  const caches = new Map<string, Map<string, Entry>>();
  const debit = (api: string, units: number) => executions.require(`N/cache.${api}`).meter.debit(`N/cache.${api}`, units);

  return Object.freeze({
    Scope: CACHE_SCOPES,
    getCache(options: { name: string; scope?: string }) {
      if (!options?.name) throw nsError.missingArgument('cache.getCache', 'name');
      const scope = options.scope ?? 'PRIVATE';
      // PRIVATE caches belong to one script; PROTECTED/PUBLIC are shared across scripts.
      const owner = scope === 'PRIVATE' ? executions.require('cache.getCache').scriptId : '*';
      const key = `${scope}|${owner}|${options.name}`;
      let entries = caches.get(key);
      if (!entries) {
        entries = new Map();
        caches.set(key, entries);
      }
      const store = entries;
      const live = (k: string) => {
        const e = store.get(k);
        if (e && e.expires <= clock.nowMs()) {
          store.delete(k);
          return undefined;
        }
        return e;
      };
      const put = (k: string, value: unknown, ttl?: number) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (text.length > MAX_VALUE) throw nsError.invalidArgument('Cache.put', 'value', `${text.length} characters (max 500 KB)`);
        const seconds = ttl === undefined ? Infinity : Math.max(MIN_TTL, ttl);
        store.set(k, { value: text, expires: clock.nowMs() + seconds * 1000 });
      };
      return Object.freeze({
        name: options.name,
        scope,
        get(o: { key: string; loader?: (ctx: { key: string }) => unknown; ttl?: number }) {
          if (!o?.key) throw nsError.missingArgument('Cache.get', 'key');
          const hit = live(o.key);
          if (hit || !o.loader) {
            debit('Cache.get', COST.cacheGet);
            return hit ? hit.value : null;
          }
          debit('Cache.get', COST.cacheGetLoaderMiss);
          const loaded = o.loader({ key: o.key });
          if (loaded === null || loaded === undefined) return null;
          put(o.key, loaded, o.ttl);
          return typeof loaded === 'string' ? loaded : JSON.stringify(loaded);
        },
        put(o: { key: string; value: unknown; ttl?: number }) {
          if (!o?.key) throw nsError.missingArgument('Cache.put', 'key');
          debit('Cache.put', COST.cachePut);
          put(o.key, o.value, o.ttl);
        },
        remove(o: { key: string }) {
          if (!o?.key) throw nsError.missingArgument('Cache.remove', 'key');
          debit('Cache.remove', COST.cacheRemove);
          store.delete(o.key);
        },
      });
    },
  });
}
