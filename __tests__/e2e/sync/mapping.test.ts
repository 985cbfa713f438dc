/**
 * The default mapping, end to end: after a full sync of a varied sample account (companies and
 * individuals, sub-customers, leads and prospects, inactive ones, non-ASCII names, sales reps,
 * categories), every account and contact in Freshsuccess carries the NetSuite values the issue
 * lists. Expected values are read from the record store here, not computed by product code.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 120, contacts: 150 } });
  h.runFullSync();
});

afterAll(async () => {
  await h?.stop();
});

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const MINUTE = 60_000;

test('every customer: name, join date, billing address, phone, website, industry, sales rep, parent, churn', async () => {
  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  const nameOf = (type: string, id: unknown) => text(h.rt.store.rows(type).find((r) => String(r.id) === text(id))?.values.name);
  const employee = (id: unknown) => h.rt.store.rows('employee').find((r) => String(r.id) === text(id))?.values;
  const customers = h.rt.store.plainRows('customer');
  expect(customers.length).toBeGreaterThanOrEqual(120);
  // Each optional value below is checked on at least one customer, not skipped for all of them.
  const having = (test: (v: Record<string, unknown>) => unknown) => customers.filter((c) => test(c.values)).length;
  const optional = {
    individuals: having((v) => v.isperson),
    inactive: having((v) => v.isinactive === true),
    states: having((v) => v.billstate),
    websites: having((v) => v.url),
    categories: having((v) => v.category),
    salesReps: having((v) => employee(v.salesrep)),
    parents: having((v) => v.parent),
  };
  expect(Object.entries(optional).filter(([, n]) => n === 0)).toEqual([]);
  for (const c of customers) {
    const v = c.values;
    const a = accounts.get(String(c.id));
    expect(a).toBeDefined();
    const rep = employee(v.salesrep);
    const expected: Record<string, unknown> = {
      name: v.isperson ? `${text(v.firstname)} ${text(v.lastname)}`.trim() : text(v.companyname),
      billing_street: text(v.billaddr1),
      billing_city: text(v.billcity),
      billing_postal_code: text(v.billzip),
      billing_country: text(v.billcountry),
      phone: text(v.phone),
      is_churned: v.isinactive === true,
    };
    if (v.billstate) expected.billing_state = text(v.billstate);
    if (v.url) expected.website = text(v.url);
    if (v.category) expected.industry = nameOf('customercategory', v.category);
    if (rep) Object.assign(expected, { sales_rep_name: text(rep.entityid), sales_rep_email: text(rep.email) });
    if (v.parent) expected.parent_account_id = text(v.parent);
    expect({ id: c.id, ...a!.fields }).toMatchObject({ id: c.id, ...expected });
    // NetSuite shows dates to the minute in search results: join_date is date created to the minute.
    expect(a!.fields.join_date).toBe(Math.floor((v.datecreated as Date).getTime() / MINUTE) * MINUTE);
    expect(String(a!.fields.stage).toUpperCase()).toBe(text(v.stage));
    expect(a!.isActive).toBe(v.isinactive !== true);
    if (v.isinactive === true) expect(typeof a!.fields.inactive_time).toBe('number');
  }
});

test('every contact with a company: names, email, phone, title, its company, active flag', async () => {
  const contacts = new Map((await h.contacts()).map((c) => [c.user_id, c]));
  const notTaken = new Set(await h.contactsNotTaken());
  const withCompany = h.rt.store.plainRows('contact').filter((r) => r.values.company && !notTaken.has(String(r.id)));
  expect(withCompany.length).toBeGreaterThan(100);
  for (const id of notTaken) expect(contacts.get(id)).toBeUndefined();
  for (const c of withCompany) {
    const v = c.values;
    const stored = contacts.get(String(c.id));
    expect(stored).toBeDefined();
    expect({ id: c.id, account_id: stored!.account_id, active: stored!.isActive, ...stored!.fields }).toMatchObject({
      id: c.id,
      account_id: text(v.company),
      active: v.isinactive !== true,
      first_name: text(v.firstname),
      last_name: text(v.lastname),
      ...(v.email ? { email: text(v.email) } : {}),
      ...(v.phone ? { phone: text(v.phone) } : {}),
      ...(v.title ? { title: text(v.title) } : {}),
    });
  }
});

describe('custom entity fields into the typed dimension arrays', () => {
  let d: SyncHarness;
  const custom = [
    { field: 'custentity_industry', type: 'text', key: 'segment' },
    { field: 'custentity_seat_count', type: 'number', key: 'seats' },
    { field: 'custentity_renewal_date', type: 'date', key: 'renewal' },
    { field: 'custentity_vip', type: 'boolean', key: 'vip' },
  ];

  beforeAll(async () => {
    d = await startSyncHarness({ sample: { customers: 40, contacts: 10 }, config: { mappingJson: JSON.stringify({ customer: { custom } }) } });
    d.runFullSync();
  });

  afterAll(async () => {
    await d?.stop();
  });

  test('text → labels, numbers → values, dates → events (ms), checkboxes → 1/0; empty ones left out', async () => {
    const accounts = new Map((await d.accounts()).map((a) => [a.account_id, a]));
    const customers = d.rt.store.plainRows('customer');
    expect(customers.length).toBeGreaterThanOrEqual(40);
    // Each kind of dimension is checked on at least one customer that has it.
    const having = (field: string) => customers.filter((c) => c.values[field] !== undefined && c.values[field] !== null && c.values[field] !== '' && c.values[field] !== false).length;
    expect(['custentity_industry', 'custentity_seat_count', 'custentity_renewal_date', 'custentity_vip'].filter((f) => having(f) === 0)).toEqual([]);
    for (const c of customers) {
      const v = c.values;
      const dims = accounts.get(String(c.id))!.dimensions;
      expect({ id: c.id, ...dims }).toEqual({
        id: c.id,
        labels: v.custentity_industry ? { segment: v.custentity_industry } : {},
        values: { ...(typeof v.custentity_seat_count === 'number' ? { seats: v.custentity_seat_count } : {}), vip: v.custentity_vip === true ? 1 : 0 },
        events: v.custentity_renewal_date ? { renewal: (v.custentity_renewal_date as Date).getTime() } : {},
      });
    }
  });

  test('an edit of a mapped custom field alone is captured and pushed', async () => {
    const id = d.rt.store.rows('customer').find((r) => typeof r.values.custentity_seat_count === 'number')!.id;
    d.rt.ui.update('customer', id, { custentity_seat_count: 42 });
    expect(d.outboxFor('customer', id).at(-1)?.changedFields).toEqual(['custentity_seat_count']);
    d.runDrainUntilIdle();
    expect((await d.accountOf(id))?.dimensions.values.seats).toBe(42);
  });
});

describe('clearing a mapped custom field', () => {
  let e: SyncHarness;

  beforeAll(async () => {
    e = await startSyncHarness({ sample: { customers: 5, contacts: 0 }, config: { mappingJson: JSON.stringify({ customer: { custom: [
      { field: 'custentity_industry', type: 'text', key: 'segment' },
      { field: 'custentity_seat_count', type: 'number', key: 'seats' },
    ] } }) } });
  });

  afterAll(async () => {
    await e?.stop();
  });

  test('a text or number custom field emptied in NetSuite no longer shows its old value in Freshsuccess', async () => {
    const id = e.createCustomer({ companyname: 'Clears Its Fields Ltd', custentity_industry: 'Retail', custentity_seat_count: 250 });
    e.runDrainUntilIdle();
    expect((await e.accountOf(id))?.dimensions).toMatchObject({ labels: { segment: 'Retail' }, values: { seats: 250 } });

    e.rt.ui.update('customer', id, { custentity_industry: '', custentity_seat_count: '' });
    e.runDrainUntilIdle();
    // Freshsuccess can remove one dimension value (DELETE .../dimension_labels|dimension_values/{key}).
    const dims = (await e.accountOf(id))?.dimensions;
    expect(dims?.labels.segment).toBeUndefined();
    expect(dims?.values.seats).toBeUndefined();
  });
});
