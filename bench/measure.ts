/**
 * What the benchmark counts, all deterministic: usage units and invocations from the runtime's
 * governance ledger, outbound calls from N/https's request log, POSTs (and the records they
 * carried) from the fake Freshsuccess's request log. Wall time is kept only as information.
 */
import type { LocalAccount } from '../emulator/localAccount';
import type { MapReduceStage } from '../emulator/runtime/governance';

const STAGES: MapReduceStage[] = ['getInputData', 'map', 'reduce', 'summarize'];

export interface Spend {
  units: number;
  invocations: number;
  /** Map and reduce invocations only (the per-record work of a Map/Reduce). */
  mapReduceInvocations: number;
}

type Snapshot = Map<string, { units: number; invocations: number; mapReduce: number }>;

export const ZERO: Spend = { units: 0, invocations: 0, mapReduceInvocations: 0 };

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
    const perRecord = STAGES.filter((st) => st === 'map' || st === 'reduce').reduce((n, stage) => n + account.usage.total({ scriptId: s.scriptId, stage }).invocations, 0);
    out.set(s.scriptId, { units: all.units, invocations: all.invocations, mapReduce: perRecord });
  }
  return out;
}

export async function mark(account: LocalAccount): Promise<Mark> {
  const requests = await account.fake.requests();
  return { usage: snapshot(account), httpCalls: account.httpLog.length, fakeSeq: requests.at(-1)?.seq ?? 0, wallMs: performance.now() };
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

export interface PostCount {
  /** POST requests Freshsuccess received. */
  posts: number;
  /** Records those POSTs carried in total (one record sent twice counts twice). */
  recordsSent: number;
  /** POSTs whose body carried the given account_id or user_id (see `pushesOf`). */
  pushesOf: number;
}

/**
 * POSTs the fake received since `from`. `pushesOf` counts the requests that carried a given
 * record: an account by account_id, or a contact by user_id.
 */
export async function postsSince(account: LocalAccount, from: Mark, pushesOf?: { accountId?: string; userId?: string }): Promise<PostCount> {
  const out: PostCount = { posts: 0, recordsSent: 0, pushesOf: 0 };
  for (const r of await account.fake.requests(from.fakeSeq)) {
    if (r.method !== 'POST') continue;
    out.posts += 1;
    const records = ((r.body as { records?: Array<Record<string, unknown>> } | undefined)?.records ?? []);
    out.recordsSent += records.length;
    if (pushesOf) {
      const isContact = r.path.endsWith('/account_contacts');
      const hit = records.some((rec) => (isContact ? pushesOf.userId !== undefined && rec.user_id === pushesOf.userId : pushesOf.accountId !== undefined && rec.account_id === pushesOf.accountId));
      if (hit) out.pushesOf += 1;
    }
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
