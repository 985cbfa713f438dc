/**
 * Whether a record can be sent at all, checked record by record before a batch is built into a
 * request, so one record that cannot be encoded never sinks its batch.
 *
 * A lone surrogate (half of a UTF-16 pair, e.g. an emoji cut in two by a paste or a truncation)
 * is not Unicode text: encodeURIComponent throws on it, and a server that stores UTF-8 cannot
 * store it. In a key (account_id, user_id, parent_account_id) it cannot be repaired without
 * changing the record's identity, so the record is refused with a reason. In any other text it
 * is replaced by U+FFFD, the Unicode replacement character (a documented transformation).
 * Values JSON cannot express (a cycle, a BigInt) refuse the record too.
 */

/** Payload fields that identify records in Freshsuccess: never rewritten. */
const KEY_FIELDS: ReadonlySet<string> = new Set(['account_id', 'user_id', 'parent_account_id']);

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

const REPLACEMENT_CHARACTER = '\uFFFD';

/** In a payload's JSON: a surrogate, raw or as an escape (a false alarm only costs the full check). */
const MAYBE_LONE_SURROGATE = /[\uD800-\uDFFF]|\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** Any surrogate at all: text without one (nearly all text) is returned as it is, not rebuilt. */
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** Each lone surrogate replaced by what `by` gives for it (a plain loop: no regex lookbehind needed). */
function mapLoneSurrogates(text: string, by: (code: number) => string): string {
  if (!ANY_SURROGATE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else if (isHigh(c) || isLow(c)) out += by(c);
    else out += text[i];
  }
  return out;
}

export function isWellFormed(text: string): boolean {
  return mapLoneSurrogates(text, () => REPLACEMENT_CHARACTER) === text;
}

/** The text with each lone surrogate written as a \uXXXX escape: safe to show and to store. */
export function escapeLoneSurrogates(text: string): string {
  return mapLoneSurrogates(text, (c) => `\\u${c.toString(16).padStart(4, '0')}`);
}

/** Why a key value cannot be used (a URL path segment or a stored key), or null when it can. */
export function keyProblem(field: string, value: string): string | null {
  if (isWellFormed(value)) return null;
  return `${field} "${escapeLoneSurrogates(value)}" is not valid Unicode text: it holds half of a two-part symbol (an emoji or rare character cut in two), so it cannot be sent as a Freshsuccess key. Correct the value in NetSuite and save the record again`;
}

/** Where a value sits in the payload, as the preview names it: `billing_city`, `custom_label_dimensions[0].value`. */
function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * @param replaced collects the path of each text whose lone surrogates were replaced, so the
 * change is said (payload preview) rather than silent.
 */
function repair(value: unknown, field: string | null, path: string, problems: string[], replaced: string[]): unknown {
  if (typeof value === 'string') {
    if (field !== null && KEY_FIELDS.has(field)) {
      const problem = keyProblem(field, value);
      if (problem !== null) problems.push(problem);
      return value;
    }
    const out = mapLoneSurrogates(value, () => REPLACEMENT_CHARACTER);
    if (out !== value) replaced.push(path);
    return out;
  }
  if (Array.isArray(value)) return value.map((v, i) => repair(v, null, pathOf(path, i), problems, replaced));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[repair(k, null, path, problems, replaced) as string] = repair(v, k, pathOf(path, k), problems, replaced);
    return out;
  }
  return value;
}

/** `replaced`: where a lone surrogate was replaced by U+FFFD (empty nearly always). */
export type Sendable<P> = { ok: true; payload: P; replaced: string[] } | { ok: false; reason: string };

/** What the preview says of a text whose lone surrogates were replaced. */
export const REPLACED_REASON = 'held half of a two-part symbol (an emoji or rare character cut in two), which is not valid text: sent with U+FFFD (\uFFFD) in its place';

/** The payload ready to serialise (lone surrogates outside keys replaced), or why it cannot be sent. */
export function sendable<P extends object>(payload: P): Sendable<P> {
  let repaired: P;
  const problems: string[] = [];
  const replaced: string[] = [];
  try {
    // A payload whose JSON holds no surrogate, raw or escaped (JSON.stringify escapes a lone one
    // as \udXXX), has nothing to repair or refuse: it is sent as it is, without being rebuilt.
    if (!MAYBE_LONE_SURROGATE.test(JSON.stringify(payload))) return { ok: true, payload, replaced };
    repaired = repair(payload, null, '', problems, replaced) as P;
  } catch (e) {
    return { ok: false, reason: `The record cannot be written as JSON (${escapeLoneSurrogates(e instanceof Error ? e.message : String(e)).slice(0, 200)}): check the mapping of its custom fields` };
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, payload: repaired, replaced };
}
