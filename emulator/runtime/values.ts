/** Realm-independent checks (script code may build Dates and arrays in another realm), and checkbox text. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/**
 * A checkbox given as a boolean or as text: NetSuite writes 'T'/'F' (field defaults, parameter
 * values, getText/setText), and the local runtime's tests may write 'true'. format.parse and
 * search filters are stricter and check their input themselves.
 */
export function isCheckedText(v: unknown): boolean {
  return v === true || v === 'T' || v === 'true';
}
