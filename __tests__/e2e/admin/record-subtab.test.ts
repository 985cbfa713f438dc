/**
 * The Freshsuccess subtab on customer and contact pages (beforeLoad in the UI, view and edit):
 * where the record stands, from its own queue entries (waiting, sent, refused with the reason
 * and the hint), at a measured cost and with no HTTPS call; "Resync now" asks on the settings
 * page and only the confirming POST queues the record, which then reaches Freshsuccess.
 */
import { AdminClient, messages } from './adminHarness';

const PLAN_FIELD = 'custentity_success_plan';
const UE_CUSTOMER = 'customscript_fsc_ue_customer';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 2, contacts: 0 } });
  a.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  a.h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }] } }) });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

interface PageForm {
  tabs: Array<{ id: string; label: string }>;
  fields: Array<{ id: string; container?: string; defaultValue: unknown }>;
}

/** Opens the record page as a user does; the subtab's text, or null when there is none. */
function subtab(type: 'customer' | 'contact', id: number, mode: 'view' | 'edit' = 'view'): string | null {
  const form = a.h.rt.ui.open(type, mode, id).form as PageForm;
  if (!form.tabs.some((t) => t.id === 'custpage_fsc_tab' && t.label === 'Freshsuccess')) return null;
  const html = String(form.fields.find((f) => f.container === 'custpage_fsc_tab')?.defaultValue ?? '');
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

test('waiting, then sent: the subtab follows the record, costs 21 units and sends nothing', async () => {
  const id = a.h.createCustomer({ companyname: 'Subtab Supplies' });
  const requestsBefore = a.h.httpLog.length;
  const before = a.h.usage(UE_CUSTOMER).units;
  expect(subtab('customer', id)).toMatch(/^Waiting: the next drain sends it .* Changes waiting: 1 Resync now/);
  // The settings (1), the scope check with the drain's customer search (10) and one search of
  // the record's entries (10); no HTTPS call.
  expect(a.h.usage(UE_CUSTOMER).units - before).toBe(21);
  expect(a.h.httpLog.length).toBe(requestsBefore);
  a.h.runDrainUntilIdle();
  expect(subtab('customer', id, 'edit')).toMatch(/^Sent: Freshsuccess has its latest change\. Last change: \d{4}-\d\d-\d\d \d\d:\d\d UTC Changes waiting: 0/);
});

test("a refused record says Freshsuccess's reason and what to do", async () => {
  await a.h.fake.configure({ labelMaxLength: 300 });
  const id = a.h.createCustomer({ companyname: 'Verbose Subtab Ltd', [PLAN_FIELD]: 'Expand to every region. '.repeat(15).slice(0, 350) });
  a.h.runDrainUntilIdle();
  expect(subtab('customer', id)).toMatch(/^Not sent: Freshsuccess refused it for its data .* Why: Value too long for custom_label_dimensions 'success_plan'.* What to do: A value is too long for Freshsuccess/);
  await a.h.fake.configure({ labelMaxLength: 1000 });
});

test('a record never queued says so; a new record and a page opened outside the UI get no subtab', async () => {
  const [quiet] = a.h.sample!.customers;
  // Sample records were created before the SuiteApp was set up: nothing queued for them.
  expect(subtab('customer', quiet!)).toMatch(/^No change of this record was queued in the last 30 days and no full sync has finished/);
  const contactId = a.h.createContact({ firstname: 'Sam', lastname: 'Subtab', company: String(quiet), email: 'sam@subtab.test' });
  expect(subtab('contact', contactId)).toMatch(/^Waiting: the next drain sends it/);
  // Creating a record (no id yet) shows nothing.
  expect((a.h.rt.ui.open('customer', 'create').form as PageForm).tabs.some((t) => t.id === 'custpage_fsc_tab')).toBe(false);
  // Outside the UI (web services load records too) nobody sees the page: nothing is read.
  const before = a.h.usage(UE_CUSTOMER).units;
  expect((a.h.rt.as('WEBSERVICES').open('customer', 'view', quiet!).form as PageForm | null)?.tabs.some((t) => t.id === 'custpage_fsc_tab') ?? false).toBe(false);
  expect(a.h.usage(UE_CUSTOMER).units).toBe(before);
});

test('Resync now asks first on the settings page; only the confirmation queues the record, and it lands', async () => {
  const [id] = a.h.sample!.customers;
  const link = /href="([^"]+)">Resync now/.exec(String((a.h.rt.ui.open('customer', 'view', id!).form as PageForm).fields.find((f) => f.container === 'custpage_fsc_tab')?.defaultValue))?.[1]?.replace(/&amp;/g, '&');
  expect(link).toMatch(/fsc_resync=customer%3A\d+|fsc_resync=customer:\d+/);
  const outboxBefore = a.h.outbox().length;
  const asked = await a.get(new URL(link!, a.url).toString());
  expect(messages(asked.html).alerts.join(' ')).toMatch(new RegExp(`Send customer .* \\(${id}\\) to Freshsuccess again\\?`));
  // Opening the link changed nothing.
  expect(a.h.outbox().length).toBe(outboxBefore);
  const cancelled = await a.click('cancel_resync', {}, asked);
  expect(messages(cancelled.html).statuses.join(' ')).toMatch(/Nothing queued/);
  expect(a.h.outbox().length).toBe(outboxBefore);

  const mark = await a.h.requestMark();
  const again = await a.get(new URL(link!, a.url).toString());
  const confirmed = await a.click(`resync:customer:${id}`, {}, again);
  expect(messages(confirmed.html).statuses.join(' ')).toMatch(/Customer .* queued/);
  expect(a.h.outboxFor('customer', id!).length).toBe(1);
  a.h.runDrainUntilIdle();
  expect(Object.keys(await a.h.postsSince(mark))).toContain('/api/v2/accounts');
  expect(await a.h.accountOf(id!)).toBeDefined();
  expect(subtab('customer', id!)).toMatch(/^Sent: Freshsuccess has its latest change/);
});

test('out of scope, paused or switched off: the subtab says so instead of "sent" or "within minutes"', async () => {
  a.h.rt.savedSearches.define({ id: 'customsearch_vip_only', type: 'customer', title: 'VIP only', filters: [['custentity_vip', 'is', 'T']], columns: ['entityid'] });
  a.h.configure({ scopeSavedSearch: 'customsearch_vip_only' });
  const outside = a.h.createCustomer({ companyname: 'Not A VIP Ltd' });
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf(outside)).toBeUndefined();
  expect(subtab('customer', outside)).toMatch(/^Not synced: the settings' scope .* leaves this record out/);
  a.h.configure({ enabled: false });
  const waiting = a.h.createCustomer({ companyname: 'Switched Off Supplies' });
  a.h.configure({ enabled: false, scopeSavedSearch: '' });
  expect(subtab('customer', waiting)).toMatch(/^Waiting: sync is switched off in the settings; it is sent once that is fixed/);
  // Resync now while switched off: queued, no drain submitted, and the page says why it waits.
  const asked = await a.get(`${a.url}&fsc_resync=customer:${waiting}`);
  const drains = a.h.account.drivers.task.queue.pending().length;
  const confirmed = await a.click(`resync:customer:${waiting}`, {}, asked);
  expect(messages(confirmed.html).statuses.join(' ')).toMatch(/queued It waits, and nothing is lost: Sync is switched off/);
  expect(a.h.account.drivers.task.queue.pending().length).toBe(drains);
  a.h.configure({});
});

test('a forged or mangled resync link queues nothing', async () => {
  const entries = a.h.outbox().length;
  const page = await a.get(`${a.url}&fsc_resync=customer:1%20or%201=1`);
  expect(messages(page.html).alerts.join(' ')).toMatch(/Nothing to resync/);
  const missing = await a.get(`${a.url}&fsc_resync=contact:999999`);
  expect(messages(missing.html).alerts.join(' ')).toMatch(/There is no contact 999999 in this account/);
  expect(a.h.outbox().length).toBe(entries);
});
