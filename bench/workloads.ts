/**
 * The four workloads, run the same way against either subject. Each returns deterministic
 * counts (units, invocations, HTTP calls, POSTs) and checks the outcome in Freshsuccess: a
 * number from a run that did not deliver would be meaningless, so `landed`/`delivered` are part
 * of the result and the benchmark refuses to report a subject that lost data.
 */
import { addSpend, httpCallsSince, inSlices, mark, readFake, per1000, postsSince, recordWrites, sentSince, spentSince, wallSince } from './measure';
import { MapReduceJob } from '../emulator/runtime/map-reduce/job';
import type { Subject } from './subjects';

export interface FullSyncResult {
  /** Customers + contacts in the account: the denominator of every per-1,000 figure. */
  records: number;
  units: number;
  posts: number;
  /** Record writes Freshsuccess accepted (1 per record when nothing is sent twice). */
  recordWrites: number;
  /** Map and reduce invocations (getInputData and summarize run once per run, listed apart). */
  mapReduceInvocations: number;
  allInvocations: number;
  unitsPer1000: number;
  postsPer1000: number;
  mapReduceInvocationsPer1000: number;
  accountsLanded: number;
  contactsLanded: number;
  /** Customers, plus contacts that have a company (the others have no account to belong to). */
  expectedLanded: number;
  /** The most data (bytes) one Map/Reduce run of the full sync persisted across its stages; NetSuite stops a run at 200 MB. */
  maxStageDataBytes: number;
  wallMs: number;
}

/** A reconcile right after the full sync (product only: the baseline has none). */
export interface ReconcileResult {
  records: number;
  units: number;
  /** GET requests (Freshsuccess list pages, including getInputData's search for the last page). */
  gets: number;
  mapReduceInvocations: number;
  unitsPer1000: number;
  getsPer1000: number;
  mapReduceInvocationsPer1000: number;
  /** The most data the run persisted across its stages (NetSuite stops a run at 200 MB). */
  maxStageDataBytes: number;
  /** Differences it found (missing + drifted + extra): 0 right after a full sync that landed everything. */
  differences: number;
  queued: number;
  wallMs: number;
}

export interface OneSaveResult {
  /** Units spent inside the save (User Events). */
  units: number;
  /** HTTPS calls made inside the save: the user waits for each one. */
  httpCalls: number;
  /** Units of background work that delivered the change afterwards (the drain). */
  deliveryUnits: number;
  deliveryHttpCalls: number;
  totalUnits: number;
  posts: number;
  landed: boolean;
  wallMs: number;
}

export interface ChangedRecordsResult {
  changed: number;
  customers: number;
  contacts: number;
  /** Units spent inside the imported rows' saves (User Events). */
  saveUnits: number;
  /** HTTPS calls made inside those saves. */
  httpCallsInSaves: number;
  /** Units of background work afterwards (the drain); the baseline has none. */
  backgroundUnits: number;
  totalUnits: number;
  posts: number;
  recordsSent: number;
  saveUnitsPer1000: number;
  backgroundUnitsPer1000: number;
  totalUnitsPer1000: number;
  postsPer1000: number;
  delivered: number;
  wallMs: number;
}

export interface HundredEditsResult {
  edits: number;
  /** POST requests that carried this record. */
  pushes: number;
  /** Writes Freshsuccess made to the record (its writeCount). */
  writes: number;
  units: number;
  httpCalls: number;
  landed: boolean;
  wallMs: number;
}

export async function fullSync(s: Subject): Promise<FullSyncResult> {
  const { account, sample } = s;
  const writesBefore = await recordWrites(account);
  const from = await mark(account);
  const tasksBefore = account.drivers.task.queue.tasks.length;
  await s.runFullSync();
  const spend = spentSince(account, from);
  const runs = account.drivers.task.queue.tasks.slice(tasksBefore).map((t) => t.job).filter((j): j is MapReduceJob => j instanceof MapReduceJob);
  const maxStageDataBytes = runs.reduce((m, j) => Math.max(m, j.maxPersistedBytes), 0);
  const wallMs = wallSince(from);
  const posts = postsSince(account, from);
  const held = await readFake(() => account.fake.summary());
  const records = sample.counts.customers + sample.counts.contacts;
  return {
    records,
    units: spend.units,
    posts,
    recordWrites: held.writes - writesBefore,
    mapReduceInvocations: spend.mapReduceInvocations,
    allInvocations: spend.invocations,
    unitsPer1000: per1000(spend.units, records),
    postsPer1000: per1000(posts, records),
    mapReduceInvocationsPer1000: per1000(spend.mapReduceInvocations, records),
    accountsLanded: held.accounts,
    contactsLanded: held.contacts,
    expectedLanded: sample.counts.customers + sample.counts.contacts - sample.counts.contactsWithoutCompany,
    maxStageDataBytes,
    wallMs,
  };
}

export async function reconcileAfterSync(s: Subject): Promise<ReconcileResult | null> {
  if (!s.runReconcile) return null;
  const { account, sample } = s;
  const from = await mark(account);
  const tasksBefore = account.drivers.task.queue.tasks.length;
  await s.runReconcile();
  const spend = spentSince(account, from);
  const runs = account.drivers.task.queue.tasks.slice(tasksBefore).map((t) => t.job).filter((j): j is MapReduceJob => j instanceof MapReduceJob);
  const wallMs = wallSince(from);
  const gets = account.httpLog.slice(from.httpCalls).filter((c) => c.method === 'GET').length;
  const records = sample.counts.customers + sample.counts.contacts;
  const finished = account.rt.logs.filter((l) => l.title === 'Reconcile finished').at(-1);
  const report = JSON.parse(String(finished?.details ?? '{}')) as { accounts?: Record<string, number>; contacts?: Record<string, number> | null; queued?: number };
  const sum = (c: Record<string, number> | null | undefined) => (c ? (c['missing'] ?? 0) + (c['drifted'] ?? 0) + (c['extra'] ?? 0) : 0);
  return {
    records,
    units: spend.units,
    gets,
    mapReduceInvocations: spend.mapReduceInvocations,
    unitsPer1000: per1000(spend.units, records),
    getsPer1000: per1000(gets, records),
    mapReduceInvocationsPer1000: per1000(spend.mapReduceInvocations, records),
    maxStageDataBytes: runs.reduce((m, j) => Math.max(m, j.maxPersistedBytes), 0),
    differences: finished ? sum(report.accounts) + sum(report.contacts) : -1,
    queued: report.queued ?? -1,
    wallMs,
  };
}

/** Active companies in the CUSTOMER stage: the common case (a lead save may fire two deployments). */
export function typicalCustomers(s: Subject): number[] {
  const rows = s.account.rt.store.rows('customer');
  return rows.filter((r) => r.values.stage === 'CUSTOMER' && r.values.isinactive !== true && r.values.isperson !== true).map((r) => r.id);
}

export async function oneSave(s: Subject, customerId: number): Promise<OneSaveResult> {
  const { account } = s;
  const phone = '+49 30 901820 77';
  const from = await mark(account);
  account.rt.ui.update('customer', customerId, { phone });
  const save = spentSince(account, from, s.saveScripts);
  const httpCalls = httpCallsSince(account, from);
  const afterSave = await mark(account);
  await s.deliver();
  const delivery = spentSince(account, afterSave);
  const wallMs = wallSince(from);
  const posts = postsSince(account, from);
  const stored = await readFake(() => account.fake.account(String(customerId)));
  return {
    units: save.units,
    httpCalls,
    deliveryUnits: delivery.units,
    deliveryHttpCalls: httpCallsSince(account, afterSave),
    totalUnits: save.units + delivery.units,
    posts,
    landed: stored?.fields.phone === phone,
    wallMs,
  };
}

export async function hundredEdits(s: Subject, customerId: number, edits: number): Promise<HundredEditsResult> {
  const { account } = s;
  const before = (await readFake(() => account.fake.account(String(customerId))))?.writeCount ?? 0;
  const from = await mark(account);
  const phoneOf = (i: number) => `+44 20 7946 ${String(i).padStart(4, '0')}`;
  const numbers = Array.from({ length: edits }, (_, i) => i + 1);
  await inSlices(account, numbers, (slice) => {
    for (const i of slice) account.rt.ui.update('customer', customerId, { phone: phoneOf(i) });
  });
  await s.deliver();
  const spend = spentSince(account, from);
  const wallMs = wallSince(from);
  const sent = await sentSince(account, from, { accountId: String(customerId) });
  const stored = await readFake(() => account.fake.account(String(customerId)));
  return {
    edits,
    pushes: sent.carrying,
    writes: (stored?.writeCount ?? 0) - before,
    units: spend.units,
    httpCalls: httpCallsSince(account, from),
    landed: stored?.fields.phone === phoneOf(edits),
    wallMs,
  };
}

/**
 * A bulk change of `changed` records (customers and contacts in the account's proportion), as a
 * CSV import with server scripts on: every row fires the User Events, as a UI save would.
 */
export async function changedRecords(s: Subject, changed: number, exclude: readonly number[]): Promise<ChangedRecordsResult> {
  const { account, sample } = s;
  const rt = account.rt;
  const customerPool = sample.customers.filter((id) => !exclude.includes(id));
  const contactPool = rt.store.rows('contact').filter((c) => c.values.company).map((c) => c.id);
  const wantCustomers = Math.round((changed * customerPool.length) / (customerPool.length + contactPool.length));
  const customers = customerPool.slice(0, Math.min(wantCustomers, customerPool.length));
  const contacts = contactPool.slice(0, Math.min(changed - customers.length, contactPool.length));
  const phoneOf = (i: number) => `+1 415 555 ${String(i).padStart(4, '0')}`;
  const titleOf = (i: number) => `Bench title ${i}`;

  const from = await mark(account);
  const refused: unknown[] = [];
  // Imported in slices of rows (the baseline posts inside every row's save; see inSlices).
  await inSlices(account, customers, (slice, offset) => {
    refused.push(...rt.csvImport('customer', slice.map((id, i) => ({ internalid: String(id), phone: phoneOf(offset + i) })), { runServerScripts: true }).errors);
  });
  await inSlices(account, contacts, (slice, offset) => {
    refused.push(...rt.csvImport('contact', slice.map((id, i) => ({ internalid: String(id), title: titleOf(offset + i) })), { runServerScripts: true }).errors);
  });
  if (refused.length) throw new Error(`the benchmark's CSV import was refused: ${JSON.stringify(refused.slice(0, 3))}`);
  const save = spentSince(account, from, s.saveScripts);
  const httpCallsInSaves = httpCallsSince(account, from);
  const afterSaves = await mark(account);
  await s.deliver();
  const background = spentSince(account, afterSaves);
  const wallMs = wallSince(from);
  const posts = postsSince(account, from);
  const sent = await sentSince(account, from);

  const accounts = new Map((await readFake(() => account.fake.accounts(customers.map(String)))).map((a) => [a.account_id, a]));
  const people = new Map((await readFake(() => account.fake.contacts(contacts.map(String)))).map((c) => [c.user_id, c]));
  const delivered =
    customers.filter((id, i) => accounts.get(String(id))?.fields.phone === phoneOf(i)).length +
    contacts.filter((id, i) => people.get(String(id))?.fields.title === titleOf(i)).length;
  const n = customers.length + contacts.length;
  const total = addSpend(save, background);
  return {
    changed: n,
    customers: customers.length,
    contacts: contacts.length,
    saveUnits: save.units,
    httpCallsInSaves,
    backgroundUnits: background.units,
    totalUnits: total.units,
    posts,
    recordsSent: sent.records,
    saveUnitsPer1000: per1000(save.units, n),
    backgroundUnitsPer1000: per1000(background.units, n),
    totalUnitsPer1000: per1000(total.units, n),
    postsPer1000: per1000(posts, n),
    delivered,
    wallMs,
  };
}
