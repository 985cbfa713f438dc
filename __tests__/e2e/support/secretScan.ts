/**
 * Looking for the API key where it must not be: every string reachable from the places a value can
 * end up (execution log, records, stage data, HTTPS log, Freshsuccess's request log, pages), in
 * every encoding the key could take there.
 */
import type { SyncHarness } from './syncHarness';

/** Every string reachable from `value`, skipping the runtime services a job holds (they hold the vault). */
export function strings(value: unknown, out: string[] = [], seen = new Set<unknown>(), depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return out;
  else if (typeof value === 'object' && !seen.has(value) && depth < 12) {
    seen.add(value);
    if (value instanceof Date) return out;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'rt' || typeof v === 'function') continue;
      out.push(k);
      strings(v, out, seen, depth + 1);
    }
  }
  return out;
}

/** The key as it could appear: plain, URL-encoded, base64 alone and as Basic credentials, in JSON. */
export function keyForms(key: string): string[] {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [key, encodeURIComponent(key), b64(key), b64(`api:${key}`), JSON.stringify(key).slice(1, -1)];
}

/** The engine's own places in a harness: log, records, stage data and errors, HTTPS log. */
export function enginePlaces(h: SyncHarness): Record<string, string[]> {
  return {
    'execution log': strings(h.rt.logs),
    records: h.rt.store.schemas.types().flatMap((type) => strings(h.rt.store.rows(type), [type])),
    'stage data and errors': strings(h.account.drivers.task.queue.tasks.map((t) => t.job)),
    'HTTPS log': strings(h.httpLog),
  };
}

/** Where, of `places`, any form of the key was found. */
export function keyLeaks(key: string, places: Record<string, string[]>): string[] {
  const found: string[] = [];
  for (const [where, texts] of Object.entries(places)) {
    const all = texts.join('\n');
    if (keyForms(key).some((form) => all.includes(form))) found.push(where);
  }
  return found;
}
