/**
 * A seeded random run of NetSuite operations interleaved with Freshsuccess faults, then a quiet
 * period (faults stop, the sweep and the drain run until nothing is queued), then a comparison of
 * what Freshsuccess holds with NetSuite projected through the mapping:
 *
 * - lost: a NetSuite customer or contact Freshsuccess lacks (and no dead letter explains);
 * - duplicated: a contact active under more than one account;
 * - stale: present but with another name, parent, company or active state than NetSuite's;
 * - dead letters: every one must be a data error (a fault is never the records' fault).
 *
 * Operations: creates, edits, inline edits, inactivate and reactivate, deletes, contact moves,
 * parent changes, CSV imports with scripts and without (caught by the sweep), saves from another
 * script's context. Deletes come from the UI or a script (CSV import cannot delete). Some names
 * carry emoji, right-to-left text or a lone surrogate (sent as U+FFFD, a documented
 * transformation). Faults (between drain runs, taken by the next requests in order): 5xx, 429
 * with Retry-After, connections dropped before and after the write; and runs in which
 * Freshsuccess takes only small bodies (413) or few records per request (batch-level rejections).
 */
import { AMBIGUITY_WINDOW_MS } from '../../src/TypeScript/domain/lateWrites';
import type { Fault } from '../../emulator/fake-freshsuccess/types';
import type { SyncHarness } from '../e2e/support/syncHarness';

export interface SoakResult {
  seed: number;
  ops: number;
  requests: number;
  faults: number;
  lost: string[];
  duplicated: string[];
  stale: string[];
  deadLetters: number;
  nonDataDeadLetters: string[];
  /**
   * Of the faults: requests applied after their client gave up, 413 answers, batch-level
   * rejections (`status_is_ok: false`), drain runs with a map invocation restarted or one
   * starting with its governance nearly spent.
   */
  kinds: { lateWrites: number; tooLarge: number; batchRejections: number; restarts: number; exhausted: number };
  /** Live records whose final NetSuite name holds a lone surrogate, so Freshsuccess must hold U+FFFD there. */
  transformed: number;
  line: string;
}

/** mulberry32: small, seedable, good enough to pick operations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
/** Longer than any soak takes: held requests go on only when the soak releases them. */
const LATE_WRITE_HOLD_MS = 30 * MINUTE;
/** Smaller than a batch of a few records, larger than any one record the soak makes. */
const SMALL_BODY_BYTES = 1_000;
/** The client gives up on a held request after this long (real time; N/https allows 45 s). */
export const SOAK_CLIENT_TIMEOUT_MS = 1_000;
/** Messages that say a fault, not the record, was the trouble. */
const FAULT_WORDS = /HTTP 5\d\d|HTTP 429|timed out|connection|unavailable|rate limit|too large|413|too many records/i;
/** Unusual text a name may carry; the last is half of an emoji (a lone surrogate). */
const ODD_TEXT = ['😀 emoji', 'שלום עולם', 'a\u202eb', 'x\uD83D'];

/** What Freshsuccess should hold for a NetSuite text: lone surrogates become U+FFFD (domain/sendable.ts). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const projected = (v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v);

/** Counts every request of the run, not only those the fake's bounded log still holds. */
class RequestTally {
  private lastSeq = 0;
  total = 0;
  faults = 0;
  lateWrites = 0;
  tooLarge = 0;
  batchRejections = 0;

  async read(h: SyncHarness): Promise<void> {
    const entries = await h.fake.requests(this.lastSeq);
    for (const r of entries) {
      const rejected = r.fault === undefined && r.status === 200 && (r.response as { status_is_ok?: unknown } | undefined)?.status_is_ok === false && /^\/api\/v2\/(accounts|account_contacts)$/.test(r.path) && r.method === 'POST';
      if (r.fault !== undefined || r.status === 413 || rejected) this.faults++;
      if (r.fault === 'delay') this.lateWrites++;
      if (r.status === 413) this.tooLarge++;
      if (rejected) this.batchRejections++;
    }
    // Requests the log dropped before they were read still count in the total (seq numbers every one).
    const last = entries.at(-1)?.seq;
    if (last !== undefined) {
      this.total += last - this.lastSeq;
      this.lastSeq = last;
    }
  }
}

export async function runSoak(h: SyncHarness, options: { seed: number; ops: number; faultsPerRun?: number }): Promise<SoakResult> {
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const customers = new Set<number>();
  const contacts = new Set<number>();
  const deletedCustomers = new Set<number>();
  const deletedContacts = new Set<number>();
  let serial = 0;

  const live = (type: 'customer' | 'contact') => h.rt.store.rows(type);
  const childless = (id: number) =>
    !live('customer').some((r) => String(r.values['parent'] ?? '') === String(id)) && !live('contact').some((r) => String(r.values['company'] ?? '') === String(id));
  const entry = () => {
    const r = rand();
    if (r < 0.6) return h.saveAs('USERINTERFACE');
    if (r < 0.75) return h.saveAs('CSVIMPORT');
    if (r < 0.85) return h.saveAs('CSVIMPORT', { runServerScripts: false });
    return h.saveAs('SCHEDULED');
  };
  // CSV import cannot delete records: deletes come from the UI or from another script.
  const deleter = () => (rand() < 0.7 ? h.saveAs('USERINTERFACE') : h.saveAs('SCHEDULED'));

  const operations: Array<[number, () => void]> = [
    [14, () => customers.add(entry().create('customer', { subsidiary: '1', companyname: `Soak ${++serial} Ltd`, phone: `+1 555 ${serial}` }))],
    [20, () => {
      const id = pick([...customers]);
      const odd = rand() < 0.25 ? ` ${pick(ODD_TEXT)}` : '';
      if (id !== undefined) entry().update('customer', id, { companyname: `Soak ${id} renamed ${++serial}${odd}` });
    }],
    [8, () => {
      const id = pick([...customers]);
      // An inline edit (xedit): the User Event sees only the changed field.
      if (id !== undefined) h.saveAs('USERINTERFACE').inlineEdit('customer', id, { phone: `+44 20 ${++serial}` });
    }],
    [8, () => {
      const id = pick([...customers]);
      const row = id === undefined ? undefined : h.rt.store.rowsById('customer', [id])[0];
      if (row) entry().update('customer', id!, { isinactive: row.values['isinactive'] !== true });
    }],
    [8, () => {
      const id = pick([...customers]);
      if (id === undefined) return;
      // Parents have lower ids than their children: no cycles.
      const parents = [...customers].filter((p) => p < id);
      entry().update('customer', id, { parent: parents.length > 0 && rand() < 0.8 ? String(pick(parents)) : '' });
    }],
    [5, () => {
      const id = pick([...customers].filter(childless));
      if (id === undefined) return;
      deleter().delete('customer', id);
      customers.delete(id);
      deletedCustomers.add(id);
    }],
    [14, () => {
      const company = pick([...customers]);
      if (company !== undefined) contacts.add(entry().create('contact', { firstname: `Sam${++serial}`, lastname: 'Soak', company: String(company), email: `sam${serial}@soak.test` }));
    }],
    [10, () => {
      const id = pick([...contacts]);
      const odd = rand() < 0.25 ? ` ${pick(ODD_TEXT)}` : '';
      if (id !== undefined) entry().update('contact', id, { firstname: `Sam${++serial}${odd}` });
    }],
    [6, () => {
      const id = pick([...contacts]);
      const company = pick([...customers]);
      if (id !== undefined && company !== undefined) entry().update('contact', id, { company: String(company) });
    }],
    [4, () => {
      const id = pick([...contacts]);
      const row = id === undefined ? undefined : h.rt.store.rowsById('contact', [id])[0];
      if (row) entry().update('contact', id!, { isinactive: row.values['isinactive'] !== true });
    }],
    [3, () => {
      const id = pick([...contacts]);
      if (id === undefined) return;
      deleter().delete('contact', id);
      contacts.delete(id);
      deletedContacts.add(id);
    }],
    // A duplicate merged away: its contacts and sub-customers move to the survivor without a
    // User Event (whether one fires on a merge is open), the source is deleted.
    [2, () => {
      const source = pick([...customers]);
      const survivor = pick([...customers].filter((c) => c !== source && c < (source ?? 0)));
      if (source === undefined || survivor === undefined) return;
      h.rt.mergeCustomers(source, survivor);
      customers.delete(source);
      deletedCustomers.add(source);
    }],
    // A parent deleted while it still has sub-customers (no contacts): NetSuite clears their
    // parent without a User Event, if it allows the delete at all (sandbox checklist F15).
    [2, () => {
      const id = pick([...customers].filter((c) => !live('contact').some((r) => String(r.values['company'] ?? '') === String(c)) && live('customer').some((r) => String(r.values['parent'] ?? '') === String(c))));
      if (id === undefined) return;
      deleter().delete('customer', id);
      customers.delete(id);
      deletedCustomers.add(id);
    }],
  ];
  const total = operations.reduce((s, [w]) => s + w, 0);
  const operate = () => {
    let r = rand() * total;
    for (const [w, op] of operations) {
      r -= w;
      if (r < 0) return op();
    }
  };

  const faultKinds: Array<() => Fault> = [
    () => ({ kind: 'status', status: pick([500, 502, 503, 504]) }),
    () => ({ kind: 'rate_limit', retryAfter: 1 + Math.floor(rand() * 30) }),
    () => ({ kind: 'drop' }),
    () => ({ kind: 'drop', afterWrite: true }),
    // Held before its write until a later release: the client times out, and Freshsuccess applies
    // the request after newer changes of its records were sent (a late write).
    () => ({ kind: 'delay', ms: LATE_WRITE_HOLD_MS, beforeWrite: true }),
  ];
  const faultsPerRun = options.faultsPerRun ?? 3;
  const config = await h.fake.config();
  let restarts = 0;
  /** Simulated time of the oldest request still held for a late write. */
  let heldSince: number | null = null;
  let exhausted = 0;
  const tally = new RequestTally();

  for (let i = 0; i < options.ops; i++) {
    operate();
    if (rand() < 0.08) {
      // Requests held in earlier runs are applied at a random later point, after other runs sent
      // newer changes, but within the ambiguity window the engine allows for them (later than that
      // is a documented limit, sandbox checklist F14). A delay fault no request has met yet waits.
      const advance = Math.floor(rand() * 10 * MINUTE);
      if (heldSince !== null && (rand() < 0.3 || h.rt.clock.nowMs() + advance >= heldSince + AMBIGUITY_WINDOW_MS / 2)) {
        await h.fake.releaseDelays();
        heldSince = (await h.fake.pendingFaults()).some((f) => f.kind === 'delay') ? h.rt.clock.nowMs() : null;
      }
      const faults = Array.from({ length: Math.floor(rand() * (faultsPerRun + 1)) }, () => pick(faultKinds)());
      if (faults.length > 0) await h.fake.injectFaults(faults);
      if (faults.some((f) => f.kind === 'delay')) heldSince = Math.min(heldSince ?? Infinity, h.rt.clock.nowMs());
      // Now and then Freshsuccess takes only small bodies for a run: batches answered 413 split.
      const small = rand() < 0.15;
      if (small) await h.fake.configure({ maxBodyBytes: SMALL_BODY_BYTES });
      // Or it takes only a few records per request: larger batches are rejected as a whole
      // (`status_is_ok: false`) and split until they fit.
      const capped = rand() < 0.1;
      if (capped) await h.fake.configure({ maxBatchRecords: 1 + Math.floor(rand() * 4) });
      h.advanceTime(advance);
      h.startDrain();
      // And now and then the processors restart a map invocation that already ran (isRestarted), or
      // one starts with its governance nearly spent and fails.
      const restart = rand() < 0.1;
      const exhaust = rand() < 0.05;
      if (restart) restarts++;
      if (exhaust) exhausted++;
      h.processQueue({
        restarts: restart ? [{ stage: 'map', afterInvocations: Math.floor(rand() * 3) }] : [],
        exhausts: exhaust ? [{ stage: pick(['map', 'reduce'] as const), afterInvocations: Math.floor(rand() * 2), leaveUnits: Math.floor(rand() * 10) }] : [],
      });
      if (small) await h.fake.configure({ maxBodyBytes: config.maxBodyBytes });
      if (capped) await h.fake.configure({ maxBatchRecords: config.maxBatchRecords });
      await tally.read(h);
    }
  }

  // Quiet: no more faults, held requests applied; the sweep (for scriptless imports) and the drain run until idle.
  await h.fake.clearFaults();
  await h.fake.releaseDelays();
  h.runDrainUntilIdle({ maxRounds: 60 });
  h.advanceTime(30 * MINUTE);
  h.runDrainUntilIdle({ maxRounds: 60 });
  await tally.read(h);

  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  const fsContacts = await h.contacts();
  const dead = h.outbox().filter((e) => e.status === 'DEAD');
  const deadIds = new Set(dead.flatMap((e) => e.recordIds.map((r) => `${e.kind}:${r}`)));
  // A tenant that takes no contacts on churned accounts (an open point) refuses every change of
  // a contact whose company is inactive: the engine reports it SKIPPED, and Freshsuccess keeps
  // the contact as it was until the company is active again. That is the documented outcome.
  const inactiveCompanies = new Set(live('customer').filter((r) => r.values['isinactive'] === true).map((r) => String(r.id)));
  const skippedForChurn = new Set(h.outbox().filter((e) => e.status === 'SKIPPED' && /churned account/.test(e.lastError)).flatMap((e) => e.recordIds));
  const refusesChurned = config.contactsOnInactiveAccounts === 'reject';
  const frozenByChurn = (contactId: string, companyId: string) => refusesChurned && skippedForChurn.has(contactId) && (inactiveCompanies.has(companyId) || deletedCustomers.has(Number(companyId)));
  const lost: string[] = [];
  const stale: string[] = [];
  for (const row of live('customer')) {
    const id = String(row.id);
    const a = accounts.get(id);
    if (!a) {
      if (!deadIds.has(`customer:${id}`)) lost.push(`customer ${id}`);
      continue;
    }
    const want = { name: projected(row.values['companyname']), active: row.values['isinactive'] !== true, parent: String(row.values['parent'] ?? '') };
    const got = { name: a.fields['name'], active: a.isActive, parent: String(a.fields['parent_account_id'] ?? '') };
    // A tenant that refuses an empty parent keeps the old one (sandbox checklist F12): the engine
    // reports it, or a reconcile lists it; the record's other fields must still be current.
    if (config.parentAccount === 'refuseEmpty' && want.parent === '') got.parent = '';
    if (JSON.stringify(want) !== JSON.stringify(got)) stale.push(`customer ${id}: NetSuite ${JSON.stringify(want)}, Freshsuccess ${JSON.stringify(got)}`);
  }
  for (const id of deletedCustomers) {
    const a = accounts.get(String(id));
    if (a?.isActive) stale.push(`customer ${id} deleted in NetSuite, active in Freshsuccess`);
  }
  const byUser = new Map<string, typeof fsContacts>();
  for (const c of fsContacts) byUser.set(c.user_id, [...(byUser.get(c.user_id) ?? []), c]);
  const duplicated = [...byUser].filter(([, list]) => list.filter((c) => c.isActive).length > 1).map(([u]) => `contact ${u}`);
  for (const row of live('contact')) {
    const id = String(row.id);
    const copies = byUser.get(id) ?? [];
    const company = String(row.values['company'] ?? '');
    if (frozenByChurn(id, company)) continue;
    const current = copies.find((c) => c.account_id === company);
    if (!current) {
      if (!deadIds.has(`contact:${id}`)) lost.push(`contact ${id}`);
      continue;
    }
    const want = { first: projected(row.values['firstname']), active: row.values['isinactive'] !== true };
    const got = { first: current.fields['first_name'], active: current.isActive };
    if (JSON.stringify(want) !== JSON.stringify(got)) stale.push(`contact ${id}: NetSuite ${JSON.stringify(want)}, Freshsuccess ${JSON.stringify(got)}`);
  }
  // On that tenant a deleted contact cannot be deactivated on a churned account either: it stays
  // active there, on an account that is itself churned. A contact reported frozen by its
  // company's churn and deleted before the company came back stays active too (known limit,
  // sandbox checklist F11: the reactivation brings back the contacts NetSuite still has).
  const churnedInFreshsuccess = (accountId: string) => {
    const a = accounts.get(accountId);
    return a !== undefined && (a.deactivated || !a.isActive || a.fields['is_churned'] === true);
  };
  for (const id of deletedContacts) {
    const active = (byUser.get(String(id)) ?? []).filter((c) => c.isActive && !(refusesChurned && (skippedForChurn.has(String(id)) || churnedInFreshsuccess(c.account_id))));
    if (active.length > 0) stale.push(`contact ${id} deleted in NetSuite, active in Freshsuccess`);
  }

  const faults = tally.faults;
  const nonData = dead.filter((e) => FAULT_WORDS.test(e.lastError)).map((e) => `${e.kind} ${e.recordIds.join(',')}: ${e.lastError}`);
  const pct = tally.total === 0 ? 0 : Math.round((faults / tally.total) * 1000) / 10;
  const line = `soak: seed ${options.seed}, ops ${options.ops}, faults ${faults} (${pct}%), lost ${lost.length}, duplicated ${duplicated.length}, stale ${stale.length}, dead letters ${dead.length} (${nonData.length === 0 ? 'all data errors' : `${nonData.length} not data errors`})`;
  const kinds = { lateWrites: tally.lateWrites, tooLarge: tally.tooLarge, batchRejections: tally.batchRejections, restarts, exhausted };
  const lone = new RegExp(LONE_SURROGATE.source);
  const transformed = live('customer').filter((r) => lone.test(String(r.values['companyname']))).length + live('contact').filter((r) => lone.test(String(r.values['firstname']))).length;
  return { seed: options.seed, ops: options.ops, requests: tally.total, faults, lost, duplicated, stale, deadLetters: dead.length, nonDataDeadLetters: nonData, kinds, transformed, line };
}
