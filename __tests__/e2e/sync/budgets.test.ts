/**
 * Issue 4's budgets, measured by the runtime's governance ledger (deterministic) and the fake's
 * request log, on a seeded sample account of 2,000 records (1,000 customers of every stage,
 * 1,000 contacts):
 *  - one save: at most 30 units and no HTTP call;
 *  - full sync: at most 25 units, 1.1 POSTs and 2 Map/Reduce (map + reduce) invocations per
 *    1,000 records;
 *  - drain: at most 60 units per 1,000 changed records.
 * Each measurement is printed once ([budget] lines) so it can be quoted.
 */
import { ACCOUNTS_PATH, CONTACTS_PATH, reportBudget, SCRIPTS, startSyncHarness, type SyncHarness, type UsageDelta } from '../support/syncHarness';

const UE_SCRIPTS = ['customscript_fsc_ue_customer', 'customscript_fsc_ue_contact'];
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 1000, contacts: 1000 } });
});

afterAll(async () => {
  await h?.stop();
});

const unitsOf = (d: UsageDelta, scriptIds: string[], stage = 'all') => scriptIds.reduce((n, s) => n + (d[s]?.[stage]?.units ?? 0), 0);
const invocationsOf = (d: UsageDelta, scriptId: string, stage: string) => d[scriptId]?.[stage]?.invocations ?? 0;
const perThousand = (n: number, records: number) => (n * 1000) / records;

describe('full sync of 2,000 records (the first run after installing)', () => {
  const m = { records: 0, units: 0, posts: 0, invocations: 0 };

  beforeAll(async () => {
    const before = h.usageSnapshot();
    const mark = await h.requestMark();
    h.runFullSync();
    const spent = h.usageSince(before);
    const posts = await h.postsSince(mark);
    // Every record the full sync reads counts (contacts without a company are reported, not sent).
    m.records = h.sample!.counts.customers + h.sample!.counts.contacts;
    m.units = unitsOf(spent, [SCRIPTS.fullSync.scriptId]);
    m.posts = (posts[ACCOUNTS_PATH] ?? 0) + (posts[CONTACTS_PATH] ?? 0);
    m.invocations = invocationsOf(spent, SCRIPTS.fullSync.scriptId, 'map') + invocationsOf(spent, SCRIPTS.fullSync.scriptId, 'reduce');
    reportBudget('full sync', {
      records: m.records,
      units: m.units,
      'units/1000': perThousand(m.units, m.records),
      posts: m.posts,
      'posts/1000': perThousand(m.posts, m.records),
      'map+reduce invocations': m.invocations,
      'invocations/1000': perThousand(m.invocations, m.records),
      'all invocations': invocationsOf(spent, SCRIPTS.fullSync.scriptId, 'all'),
      'other scripts': Object.keys(spent).filter((s) => s !== SCRIPTS.fullSync.scriptId).join(',') || 'none',
    });
  });

  test('every customer and every contact with a company reached Freshsuccess; the others are reported', async () => {
    expect(m.records).toBeGreaterThanOrEqual(2000);
    expect(await h.accounts()).toHaveLength(h.sample!.counts.customers);
    expect(await h.contacts()).toHaveLength(h.sample!.counts.contacts - h.sample!.counts.contactsWithoutCompany);
    const orphans = h.rt.store.rows('contact').filter((c) => !c.values.company).map((c) => String(c.id)).sort();
    const skipped = h.outbox().filter((e) => e.kind === 'contact' && e.status === 'SKIPPED').flatMap((e) => e.recordIds).sort();
    expect(skipped).toEqual(orphans);
  });

  test('≤ 1.1 POSTs per 1,000 records', () => {
    expect(perThousand(m.posts, m.records)).toBeLessThanOrEqual(1.1);
  });

  test('≤ 2 Map/Reduce invocations (map + reduce) per 1,000 records', () => {
    expect(perThousand(m.invocations, m.records)).toBeLessThanOrEqual(2);
  });

  test('≤ 25 usage units per 1,000 records', () => {
    expect(perThousand(m.units, m.records)).toBeLessThanOrEqual(25);
  });
});

describe('drain of 1,000 changed records (a bulk CSV import with server scripts on)', () => {
  const m = { changed: 0, units: 0 };

  beforeAll(async () => {
    const customers = h.sample!.customers.slice(0, 600);
    const contacts = h.rt.store.rows('contact').filter((c) => c.values.company).slice(0, 400).map((c) => c.id);
    m.changed = customers.length + contacts.length;
    const calls = h.httpLog.length;
    h.rt.csvImport('customer', customers.map((id, i) => ({ internalid: String(id), phone: `+1 415 555 ${String(i).padStart(4, '0')}` })), { runServerScripts: true });
    h.rt.csvImport('contact', contacts.map((id, i) => ({ internalid: String(id), title: `Imported title ${i}` })), { runServerScripts: true });
    expect(h.httpLog).toHaveLength(calls);

    const before = h.usageSnapshot();
    const mark = await h.requestMark();
    h.runDrainUntilIdle();
    const spent = h.usageSince(before);
    m.units = unitsOf(spent, [SCRIPTS.drain.scriptId]);
    const posts = await h.postsSince(mark);
    reportBudget('drain', {
      'changed records': m.changed,
      'outbox entries': h.outbox().length,
      units: m.units,
      'units/1000': perThousand(m.units, m.changed),
      'invocations': invocationsOf(spent, SCRIPTS.drain.scriptId, 'all'),
      posts: (posts[ACCOUNTS_PATH] ?? 0) + (posts[CONTACTS_PATH] ?? 0),
    });

    const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
    const people = new Map((await h.contacts()).map((c) => [c.user_id, c]));
    customers.forEach((id, i) => expect(accounts.get(String(id))?.fields.phone).toBe(`+1 415 555 ${String(i).padStart(4, '0')}`));
    contacts.forEach((id, i) => expect(people.get(String(id))?.fields.title).toBe(`Imported title ${i}`));
  });

  test('≤ 60 usage units per 1,000 changed records', () => {
    expect(perThousand(m.units, m.changed)).toBeLessThanOrEqual(60);
  });
});

describe('one save', () => {
  /** Units the capture User Events spent on one save; fails if the save made an HTTP call. */
  function measure(save: () => unknown): number {
    const calls = h.httpLog.length;
    const before = h.usageSnapshot();
    save();
    expect(h.httpLog).toHaveLength(calls);
    return unitsOf(h.usageSince(before), UE_SCRIPTS);
  }

  const idOfStage = (stage: string) => h.rt.store.rows('customer').find((r) => r.values.stage === stage && !r.values.isinactive)!.id;

  test('customers and contacts: ≤ 30 units and no HTTP call for every kind of save', () => {
    const company = idOfStage('CUSTOMER');
    const contact = h.rt.store.rows('contact').find((c) => c.values.company)!.id;
    const victim = h.createCustomer({ companyname: 'Delete Me Inc' });
    const saves: Record<string, () => unknown> = {
      'customer create': () => h.createCustomer({ companyname: 'Budget Check Ltd', phone: '1' }),
      'customer edit': () => h.rt.ui.update('customer', company, { phone: '+1 555 0001' }),
      'customer inline edit': () => h.rt.ui.inlineEdit('customer', company, { url: 'https://budget.example' }),
      'customer inactivate': () => h.rt.ui.update('customer', company, { isinactive: true }),
      'customer edit, nothing synced': () => h.rt.ui.update('customer', company, { comments: 'note' }),
      'customer delete': () => h.rt.ui.delete('customer', victim),
      'contact create': () => h.createContact({ firstname: 'Bud', lastname: 'Get', company: String(company), email: 'bud@budget.test' }),
      'contact edit': () => h.rt.ui.update('contact', contact, { title: 'CFO' }),
      'contact inline edit': () => h.rt.ui.inlineEdit('contact', contact, { phone: '+1 555 0002' }),
      'contact move': () => h.rt.ui.update('contact', contact, { company: String(h.sample!.customers[1]) }),
      'contact delete': () => h.rt.ui.delete('contact', contact),
      'CSV import row, scripts on': () => h.rt.csvImport('customer', [{ internalid: String(company), phone: '+1 555 0003' }], { runServerScripts: true }),
    };
    const measured: Record<string, number> = {};
    for (const [name, save] of Object.entries(saves)) measured[name] = measure(save);
    reportBudget('one save, customers and contacts (units)', { ...measured, max: Math.max(...Object.values(measured)) });
    expect(Object.entries(measured).filter(([, units]) => units > 30)).toEqual([]);
    h.processQueue();
  });

  test('leads and prospects: ≤ 30 units and no HTTP call', () => {
    const measured = {
      'lead edit': measure(() => h.rt.ui.update('customer', idOfStage('LEAD'), { phone: '+1 555 0101' })),
      'prospect edit': measure(() => h.rt.ui.update('customer', idOfStage('PROSPECT'), { phone: '+1 555 0102' })),
      'lead create': measure(() => h.rt.ui.create('lead', { companyname: 'Fresh Lead GmbH', subsidiary: '1' })),
    };
    reportBudget('one save, leads and prospects (units)', measured);
    expect(Object.entries(measured).filter(([, units]) => units > 30)).toEqual([]);
    h.processQueue();
  });
});
