/**
 * What the benchmark counts, all deterministic: usage units and invocations from the runtime's
 * governance ledger, HTTPS calls and POSTs from the runtime's N/https log, the records POSTs
 * carried from the fake Freshsuccess's request log, and the writes it made from its store.
 * Wall time is kept only as information.
 */
import type { RequestLogEntry } from '../emulator/fake-freshsuccess/types';
import type { LocalAccount } from '../emulator/localAccount';
import type { MapReduceStage } from '../emulator/runtime/governance';

/** The stages that run once per key/group: their invocations grow with the records. */
const PER_RECORD_STAGES: MapReduceStage[] = ['map', 'reduce'];

export interface Spend {
  units: number;
  invocations: number;
  /** Map and reduce invocations only (the per-record work of a Map/Reduce). */
  mapReduceInvocations: number;
}

type Snapshot = Map<string, { units: number; invocations: number; mapReduce: number }>;

const ZERO: Spend = { units: 0, invocations: 0, mapReduceInvocations: 0 };

export function addSpend(a: Spend, b: Spend): Spend {
  return { units: a.units + b.units, invocations: a.invocations + b.invocations, mapReduceInvocations: a.mapReduceInvocations + b.mapReduceInvocations };
}

/** A point to measure from: usage per script, outbound calls, and the fake's last request. */
export interface Mark {
  usage: Snapshot;
  httpCalls: number;
  fakeSeq: number;
  wallMs: number;
}

function snapshot(account: LocalAccount): Snapshot {
  const out: Snapshot = new Map();
  for (const s of account.rt.project.scripts) {
    const all = account.usage.total({ scriptId: s.scriptId });
    const perRecord = PER_RECORD_STAGES.reduce((n, stage) => n + account.usage.total({ scriptId: s.scriptId, stage }).invocations, 0);
    out.set(s.scriptId, { units: all.units, invocations: all.invocations, mapReduce: perRecord });
  }
  return out;
}

/**
 * Reads from the fake's control API. A Map/Reduce stage or a long import blocks this thread for
 * seconds; meanwhile the fake may close the idle keep-alive socket, and the next read would
 * reuse it ("other side closed"). Yield to the event loop first so the close is seen, and retry
 * once on a socket error: the reads are idempotent.
 */
export async function readFake<T>(read: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    return await read();
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    if (!cause?.code?.startsWith('UND_ERR_SOCKET') && cause?.code !== 'ECONNRESET') throw e;
    return read();
  }
}

/**
 * The fake keeps only its latest requests (2,000 by default) and a Map/Reduce stage runs as one
 * step, so request BODIES are read only where the benchmark controls the pace (saves, in
 * slices): `collect` copies the fake's log as it goes, and `sentSince` fails loudly if requests
 * it needs were dropped, instead of under-counting. Request COUNTS come from the runtime's own
 * N/https log, which keeps every call.
 */
/** What the benchmark needs of a logged request: not its body, only the records' keys. */
interface SeenRequest {
  seq: number;
  isPost: boolean;
  isContact: boolean;
  /** account_id of each account, user_id of each contact the body carried. */
  keys: string[];
}

interface Collected {
  log: SeenRequest[];
  /** Requests before this sequence number were dropped by the fake before they were read. */
  contiguousFrom: number;
}
const collected = new WeakMap<LocalAccount, Collected>();

/** Copies the requests the fake logged since the last call; remembers where a gap was. */
async function collect(account: LocalAccount): Promise<Collected> {
  const c = collected.get(account) ?? { log: [], contiguousFrom: 1 };
  collected.set(account, c);
  const last = c.log.at(-1)?.seq ?? 0;
  const fresh = await readFake(() => account.fake.requests(last, { bodies: false }));
  if (fresh.length > 0 && fresh[0]!.seq !== last + 1) c.contiguousFrom = fresh[0]!.seq;
  for (const r of fresh) c.log.push(seen(r));
  return c;
}

function seen(r: RequestLogEntry): SeenRequest {
  const isContact = r.path.endsWith('/account_contacts');
  return { seq: r.seq, isPost: r.method === 'POST', isContact, keys: r.method === 'POST' ? r.recordKeys ?? [] : [] };
}

/** Saves per slice: well under the fake's log size even when every save posts. */
const SLICE = 250;

/** Runs `work` for each slice of items, copying the fake's log in between. */
export async function inSlices<T>(account: LocalAccount, items: readonly T[], work: (slice: T[], offset: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) {
    work(items.slice(i, i + SLICE), i);
    await collect(account);
  }
}

export async function mark(account: LocalAccount): Promise<Mark> {
  const { log } = await collect(account);
  return { usage: snapshot(account), httpCalls: account.httpLog.length, fakeSeq: log.at(-1)?.seq ?? 0, wallMs: performance.now() };
}

/** Units and invocations spent since `from` by the given scripts (every script when omitted). */
export function spentSince(account: LocalAccount, from: Mark, scriptIds?: readonly string[]): Spend {
  const now = snapshot(account);
  let spend = ZERO;
  for (const [scriptId, t] of now) {
    if (scriptIds && !scriptIds.includes(scriptId)) continue;
    const b = from.usage.get(scriptId) ?? { units: 0, invocations: 0, mapReduce: 0 };
    spend = addSpend(spend, { units: t.units - b.units, invocations: t.invocations - b.invocations, mapReduceInvocations: t.mapReduce - b.mapReduce });
  }
  return spend;
}

export function httpCallsSince(account: LocalAccount, from: Mark): number {
  return account.httpLog.length - from.httpCalls;
}

/** POST requests the SuiteApp sent since `from` (the runtime's N/https log: every call is kept). */
export function postsSince(account: LocalAccount, from: Mark): number {
  return account.httpLog.slice(from.httpCalls).filter((c) => c.method === 'POST').length;
}

/** Record writes Freshsuccess accepted so far (each account's and contact's writeCount, summed). */
export async function recordWrites(account: LocalAccount): Promise<number> {
  return (await readFake(() => account.fake.summary())).writes;
}

/**
 * Records carried by the POSTs the fake received since `from` (one record sent twice counts
 * twice), and how many of those POSTs carried a given account (by account_id) or contact (by
 * user_id). Needs the fake's log to hold every request since `from` (see `collect`).
 */
export async function sentSince(account: LocalAccount, from: Mark, carrying?: { accountId?: string; userId?: string }): Promise<{ records: number; carrying: number }> {
  const out = { records: 0, carrying: 0 };
  const { log, contiguousFrom } = await collect(account);
  if (contiguousFrom > from.fakeSeq + 1) {
    throw new Error(`the fake Freshsuccess dropped requests ${from.fakeSeq + 1}–${contiguousFrom - 1} from its log before they were read; read it in smaller slices`);
  }
  for (const r of log) {
    if (r.seq <= from.fakeSeq || !r.isPost) continue;
    out.records += r.keys.length;
    const wanted = r.isContact ? carrying?.userId : carrying?.accountId;
    if (wanted !== undefined && r.keys.includes(wanted)) out.carrying += 1;
  }
  return out;
}

export function wallSince(from: Mark): number {
  return Math.round(performance.now() - from.wallMs);
}

/** A count scaled to 1,000 records, rounded to 2 decimals (0 records gives 0). */
export function per1000(count: number, records: number): number {
  return records === 0 ? 0 : Math.round((count * 100_000) / records) / 100;
}
