/**
 * The config and state records are singletons: the lowest internal id of their type (config:
 * the lowest active one). A save must stay within 30 units, so finding them must cost (almost)
 * nothing. Custom record internal ids start at 1 per type, so id 1 is tried first with the very
 * lookupFields that reads the values (1 unit, no extra cost when right); only when it is not
 * there does the application cache (1 unit) or a search (10, then cached) find the real id.
 */
import * as cache from 'N/cache';
import * as search from 'N/search';
import { isChecked } from '../domain/checkbox';

const FIRST_GUESS = '1';

function appCache(): cache.Cache {
  return cache.getCache({ name: 'fsc_singletons', scope: cache.Scope.PROTECTED });
}

function lowestId(type: string, activeOnly: boolean): string | null {
  const rows = search
    .create({ type, filters: activeOnly ? [['isinactive', 'is', 'F']] : [], columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC })] })
    .run()
    .getRange({ start: 0, end: 1 });
  return rows[0] ? String(rows[0].id) : null;
}

function tryLookup(type: string, id: string, columns: string[], activeOnly: boolean): Record<string, unknown> | null {
  try {
    const v = search.lookupFields({ type, id, columns: activeOnly || columns.length === 0 ? [...columns, 'isinactive'] : columns }) as Record<string, unknown>;
    // A missing record may come back as an empty object instead of an error.
    if (!v || Object.keys(v).length === 0) return null;
    return activeOnly && isChecked(v['isinactive']) ? null : v;
  } catch {
    return null; // no record with this id
  }
}

export interface Singleton {
  id: string;
  values: Record<string, unknown>;
}

/** Reads the singleton's columns, or null when no such record exists. */
export function readSingleton(type: string, columns: string[], activeOnly: boolean): Singleton | null {
  const first = tryLookup(type, FIRST_GUESS, columns, activeOnly);
  if (first) return { id: FIRST_GUESS, values: first };
  const c = appCache();
  const cached = c.get({ key: type });
  if (cached && cached !== FIRST_GUESS) {
    const v = tryLookup(type, cached, columns, activeOnly);
    if (v) return { id: cached, values: v };
  }
  const found = lowestId(type, activeOnly);
  if (!found) {
    c.remove({ key: type });
    return null;
  }
  c.put({ key: type, value: found, ttl: 24 * 3600 });
  const v = tryLookup(type, found, columns, activeOnly);
  return v ? { id: found, values: v } : null;
}

export function rememberSingleton(type: string, id: string): void {
  appCache().put({ key: type, value: id, ttl: 24 * 3600 });
}
