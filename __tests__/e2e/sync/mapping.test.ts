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
  const customers = h.rt.store.rows('customer');
  expect(customers.length).toBeGreaterThan(100);
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
  for (const c of h.rt.store.rows('contact').filter((r) => r.values.company)) {
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
