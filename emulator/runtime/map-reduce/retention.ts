/**
 * What finished Map/Reduce instances keep of their stage data. NetSuite deletes it; the local
 * runtime keeps it, as text, so tests can inspect what a script wrote there (a secret must never
 * be). Kept only within a budget per runtime, oldest instance dropped first: a full sync's slices
 * write tens of MB each, and keeping them all would grow with the account.
 */

/** UTF-8 bytes of stage data the finished instances of one runtime keep, in all. */
const RETAINED_STAGE_BYTES = 16 * 1024 * 1024;

interface Kept {
  bytes: number;
  drop: () => void;
}

const byRuntime = new WeakMap<object, { kept: Kept[]; bytes: number }>();

/**
 * Registers a finished instance's data (`bytes`) and drops the oldest kept ones past the budget.
 * Returns false when the data alone is over the budget: the caller drops it at once.
 */
export function retainFinished(runtime: object, bytes: number, drop: () => void): boolean {
  if (bytes > RETAINED_STAGE_BYTES) return false;
  let r = byRuntime.get(runtime);
  if (!r) {
    r = { kept: [], bytes: 0 };
    byRuntime.set(runtime, r);
  }
  r.kept.push({ bytes, drop });
  r.bytes += bytes;
  while (r.bytes > RETAINED_STAGE_BYTES) {
    const oldest = r.kept.shift()!;
    r.bytes -= oldest.bytes;
    oldest.drop();
  }
  return true;
}
