/**
 * Turns what getInputData returned into the key/value pairs map receives, as NetSuite does:
 * - an array: key = index, value = element (JSON for non-strings);
 * - a plain object: key = property name, value = property value (JSON for non-strings);
 * - a search (N/search Search object, or a `{type: 'search', id}` reference): one pair per
 *   result, key = internal id, value = JSON `{recordType, id, values}`;
 * - a query reference (`{type: 'query', id}`): not modelled (clear error).
 *
 * Searches are read through MAP_REDUCE_INPUT, a method the runtime's N/search objects provide:
 * `[MAP_REDUCE_INPUT](): Iterable<SearchResultJson>`, yielding every result already formatted as
 * NetSuite writes it for map (select fields as {value, text}). The system runs that search, not
 * the script, so nothing is charged to getInputData. Without the hook a Search is read with
 * `run().getRange` in pages of 1,000 and each result's `toJSON()`, under an unmetered execution.
 */
import type { RuntimeServices } from '../services';
import { UsageMeter } from '../governance';
import { suiteScriptError } from '../https/suiteScriptError';
import { asStoredString, checkKey, checkValue } from './limits';

export const MAP_REDUCE_INPUT = Symbol.for('netsuite-emulator.mapReduceInput');

export interface SearchResultJson {
  recordType: string;
  id: string | number;
  values: Record<string, unknown>;
}

interface MapReduceInputSource {
  [MAP_REDUCE_INPUT](): Iterable<SearchResultJson>;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface InputOptions {
  /** Resolves `{type: 'search', id}` to a Search object; called unmetered (e.g. N/search load). */
  loadSearch?: (id: string | number) => unknown;
}

export function inputPairs(rt: RuntimeServices, returned: unknown, options: InputOptions): KeyValue[] {
  const pairs = toPairs(rt, returned, options);
  for (const p of pairs) {
    checkKey(p.key);
    checkValue(p.value);
  }
  return pairs;
}

function toPairs(rt: RuntimeServices, returned: unknown, options: InputOptions): KeyValue[] {
  if (returned === null || returned === undefined) return [];
  if (Array.isArray(returned)) return returned.map((v, i) => ({ key: String(i), value: asStoredString(v) }));
  if (typeof returned !== 'object') {
    throw suiteScriptError('INVALID_INPUT_DATA', `getInputData returned a ${typeof returned}; expected an array, an object, a search or a reference`);
  }
  if (isSource(returned)) return searchPairs(returned[MAP_REDUCE_INPUT]());
  if (isReference(returned)) {
    if (returned.type === 'search') {
      const load = options.loadSearch;
      if (!load) throw suiteScriptError('INVALID_INPUT_DATA', 'search references need the runtime to provide loadSearch');
      const id = returned.id;
      return toPairs(rt, unmetered(rt, () => load(id)), options);
    }
    throw suiteScriptError('INVALID_INPUT_DATA', `getInputData reference type ${String(returned.type)} is not modelled by the local runtime`);
  }
  const maybeSearch = returned as { run?: unknown; searchType?: unknown };
  if (typeof maybeSearch.run === 'function' && 'searchType' in maybeSearch) return searchPairs(readSearch(rt, maybeSearch));
  return Object.entries(returned as Record<string, unknown>).map(([k, v]) => ({ key: k, value: asStoredString(v) }));
}

function isSource(v: object): v is MapReduceInputSource {
  return typeof (v as Partial<MapReduceInputSource>)[MAP_REDUCE_INPUT] === 'function';
}

function isReference(v: object): v is { type: string; id: string | number } {
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return keys.length === 2 && keys[0] === 'id' && keys[1] === 'type' && typeof o.type === 'string';
}

function searchPairs(results: Iterable<SearchResultJson>): KeyValue[] {
  const out: KeyValue[] = [];
  for (const r of results) {
    out.push({ key: String(r.id), value: JSON.stringify({ recordType: r.recordType, id: String(r.id), values: r.values }) });
  }
  return out;
}

type ResultLike = { toJSON?: () => SearchResultJson; recordType?: string; id?: string | number };

/** Runs `body` in the current execution with a meter that charges nobody. */
function unmetered<T>(rt: RuntimeServices, body: () => T): T {
  const current = rt.executions.require('getInputData search');
  return rt.executions.run({ ...current, meter: new UsageMeter(Number.MAX_SAFE_INTEGER) }, body);
}

function readSearch(rt: RuntimeServices, search: { run?: unknown }): SearchResultJson[] {
  // Unmetered: the platform, not the script, loads and reads the search getInputData returns.
  return unmetered(rt, () => {
    const resultSet = (search.run as () => { getRange(o: { start: number; end: number }): ResultLike[] })();
    const out: SearchResultJson[] = [];
    for (let start = 0; ; start += 1000) {
      const page = resultSet.getRange({ start, end: start + 1000 });
      for (const r of page) out.push(r.toJSON ? r.toJSON() : { recordType: String(r.recordType), id: String(r.id), values: {} });
      if (page.length < 1000) return out;
    }
  });
}
