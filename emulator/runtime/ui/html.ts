/**
 * HTML escaping for everything the page renderer prints. Every script-supplied value (labels,
 * defaults, help, options, messages, sublist cells) goes through these; the one deliberate
 * exception is an INLINEHTML field, whose whole purpose in NetSuite is raw script-authored HTML.
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text content and attribute values alike (quotes included, so both are safe). */
export function esc(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => TEXT[c] ?? c);
}

/** `name="value"` pairs; false/undefined attributes are left out, true ones are bare. */
export function attrs(map: Record<string, string | number | boolean | undefined | null>): string {
  let out = '';
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${esc(v)}"`;
  }
  return out;
}
