/**
 * NetSuite checkboxes arrive as true/false from records, 'T'/'F' from searches, lookups and
 * request parameters, and 'true' from hand-written settings JSON: one reading for all of them.
 */
export function isChecked(value: unknown): boolean {
  return value === true || value === 'T' || value === 'true';
}

/** A checkbox that may be unset (null, undefined or ''): the fallback then. */
export function checkedOr(value: unknown, fallback: boolean): boolean {
  return value === null || value === undefined || value === '' ? fallback : isChecked(value);
}
