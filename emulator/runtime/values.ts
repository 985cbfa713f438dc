/** Realm-independent checks (script code may build Dates and arrays in another realm). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}
