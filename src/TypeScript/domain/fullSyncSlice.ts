/**
 * A full sync in slices. One Map/Reduce run may persist at most 200 MB of data across its stages
 * (PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED past it), and the batches getInputData
 * returns count in full: a large account cannot be planned in one run. So a run reads at most
 * `maxRecords` records in internal-id order (customers first, then contacts), plans them, and cuts
 * the slice shorter when its stage data would pass `maxStageBytes`; the next run continues after
 * the slice's last ids.
 *
 * The slice's end travels to summarize on a mark key of the run (no batch, 0 units), so a slice
 * that lands moves the resume point without another state write in getInputData.
 */

export interface SliceLimits {
  /** Records read per run (customers + contacts). */
  maxRecords: number;
  /** Stage data (the JSON getInputData returns) per run, in bytes. */
  maxStageBytes: number;
}

/**
 * Defaults well under the 200 MB limit: a planned contact takes about 280 bytes of stage data, so
 * 100,000 records stay near 30 MB, and 50 MB bounds a slice of unusually wide records.
 */
export const DEFAULT_SLICE: SliceLimits = { maxRecords: 100_000, maxStageBytes: 50 * 1024 * 1024 };

/** Where one record type stands after a slice: finished, or to continue after an internal id (0: from the start). */
export type TypeCursor = 'done' | number;

export interface SliceMark {
  customers: TypeCursor;
  contacts: TypeCursor;
  /** Records the whole full sync had read before this slice. */
  before: number;
  /** Records this slice read. */
  read: number;
  /** About how many records the whole full sync covers (a count made when it first needed slicing). */
  about: number;
  /** Which part (slice) of the full sync this run is, from 1; absent in marks written before parts were counted. */
  part?: number;
}

const MARK = /^S\|c=(d|\d+)\|k=(d|\d+)\|b=(\d+)\|r=(\d+)\|of=(\d+)(?:\|p=(\d+))?$/;

const cursorText = (c: TypeCursor): string => (c === 'done' ? 'd' : String(c));
const cursorOf = (t: string): TypeCursor => (t === 'd' ? 'done' : Number(t));

export function encodeSliceMark(m: SliceMark): string {
  return `S|c=${cursorText(m.customers)}|k=${cursorText(m.contacts)}|b=${m.before}|r=${m.read}|of=${m.about}${m.part === undefined ? '' : `|p=${m.part}`}`;
}

export function decodeSliceMark(key: string): SliceMark | null {
  const m = MARK.exec(key);
  if (!m) return null;
  const mark: SliceMark = { customers: cursorOf(m[1]!), contacts: cursorOf(m[2]!), before: Number(m[3]), read: Number(m[4]), about: Number(m[5]) };
  if (m[6] !== undefined) mark.part = Number(m[6]);
  return mark;
}

/** The slice mark among a run's keys, if the run had one. */
export function sliceMarkOf(keys: readonly string[]): SliceMark | null {
  for (const k of keys) {
    const m = decodeSliceMark(k);
    if (m) return m;
  }
  return null;
}

/**
 * Limits from the deployment's parameters: anything but a whole number of at least 1 falls back
 * to the default, with the reason, so a typo never stops a full sync.
 */
export function sliceLimits(records: unknown, megabytes: unknown): { limits: SliceLimits; problems: string[] } {
  const problems: string[] = [];
  const whole = (v: unknown, name: string, fallback: number): number => {
    if (v === null || v === undefined || v === '') return fallback;
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (Number.isInteger(n) && n >= 1) return n;
    problems.push(`${name} must be a whole number of at least 1 (got ${JSON.stringify(v)}); using ${fallback}`);
    return fallback;
  };
  const maxRecords = whole(records, 'Records per run', DEFAULT_SLICE.maxRecords);
  const mb = whole(megabytes, 'Stage data per run (MB)', DEFAULT_SLICE.maxStageBytes / (1024 * 1024));
  // Past 190 MB a run would come too close to the platform's 200 MB.
  const maxStageBytes = Math.min(mb, 190) * 1024 * 1024;
  if (mb > 190) problems.push(`Stage data per run (MB) is capped at 190 (got ${mb})`);
  return { limits: { maxRecords, maxStageBytes }, problems };
}
