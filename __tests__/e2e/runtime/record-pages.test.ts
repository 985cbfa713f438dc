/**
 * The local account's customer and contact pages over HTTP: a view page is the record's form after
 * the SuiteApp's beforeLoad ran (its Freshsuccess subtab included); an edit page saves as a UI
 * save, so the User Event queues the change and the drain brings it to Freshsuccess; lists search
 * and page, inline-edit email and phone, and delete; a replayed or forged post changes nothing.
 */
import { submitForm } from '../../emulator/suitelet/support/browser-form';
import { AdminClient } from '../admin/adminHarness';

let a: AdminClient;
let base: string;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 60, contacts: 5 } });
  a.h.configure({});
  a.h.runFullSync();
  base = new URL(a.url).origin;
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const get = async (path: string) => {
  const r = await fetch(`${base}${path}`, { redirect: 'manual' });
  return { status: r.status, html: await r.text() };
};
const post = async (path: string, pairs: [string, string][]) => {
  const r = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(pairs).toString() });
  return { status: r.status, location: r.headers.get('location'), html: await r.text() };
};
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test("a customer's view page: its fields as text, and the SuiteApp's Freshsuccess subtab", async () => {
  const id = a.h.sample!.customers[0]!;
  const page = await get(`/app/common/entity/custjob.nl?id=${id}`);
  expect(page.status).toBe(200);
  const stored = a.h.rt.ui.get('customer', id)!.values;
  expect(page.html).toContain(`<span class="ns-inline" id="phone" aria-labelledby="phone_label">${String(stored.phone)}</span>`);
  expect(page.html).toMatch(/<section class="ns-tab" id="custpage_fsc_tab"[\s\S]*Freshsuccess[\s\S]*No change since the full sync of [^,]*, which sent it[\s\S]*Resync now/);
  expect(page.html).toContain(`href="/app/common/entity/custjob.nl?id=${id}&amp;e=T"`);
  expect((await get('/app/common/entity/custjob.nl?id=99999999')).status).toBe(404);
});

test('an edit page saves as a UI save: the User Event queues the change and Freshsuccess gets it', async () => {
  const id = a.h.sample!.customers[1]!;
  const edit = await get(`/app/common/entity/custjob.nl?id=${id}&e=T`);
  expect(edit.html).toMatch(/<input type="tel" id="phone" name="phone"/);
  const pairs = submitForm(edit.html, { set: { phone: '+1 212 555 0177' }, submit: 'Save' });
  const saved = await post(`/app/common/entity/custjob.nl?id=${id}`, pairs);
  expect(saved).toMatchObject({ status: 302, location: `/app/common/entity/custjob.nl?id=${id}` });
  expect(a.h.rt.ui.get('customer', id)!.values.phone).toBe('+1 212 555 0177');
  // Captured by the product's User Event in the user-interface context, only the phone changed.
  expect(a.h.outboxFor('customer', id).at(-1)).toMatchObject({ changedFields: ['phone'] });
  a.h.runDrainUntilIdle();
  expect((await a.h.accountOf(id))?.fields.phone).toBe('+1 212 555 0177');
  // The same page posted again (a double click, a replay) changes nothing.
  const again = await post(`/app/common/entity/custjob.nl?id=${id}`, pairs.map(([k, v]): [string, string] => [k, k === 'phone' ? '+1 000' : v]));
  expect(again.status).toBe(403);
  expect(a.h.rt.ui.get('customer', id)!.values.phone).toBe('+1 212 555 0177');
});

test('the customer list searches and pages; a row inline-edits email and phone, or deletes the record', async () => {
  const first = await get('/app/common/entity/custjoblist.nl');
  expect(text(first.html)).toMatch(/Customers: 60, showing 1 to 50/);
  expect(text((await get('/app/common/entity/custjoblist.nl?page=1')).html)).toMatch(/showing 51 to 60/);
  const id = a.h.sample!.customers[2]!;
  const found = await get(`/app/common/entity/custjoblist.nl?q=${id}`);
  const token = /name="_emu_form" value="([^"]+)"/.exec(found.html)![1]!;
  const action = (html: string) => /<form id="form-\d+" method="post" action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
  const xedit = await post(action(found.html), [['_emu_form', token], ['id', String(id)], ['email', 'billing@inline.test'], ['phone', '+44 20 7946 0011'], ['action', 'xedit']]);
  expect(xedit).toMatchObject({ status: 302 });
  expect(a.h.rt.ui.get('customer', id)!.values).toMatchObject({ email: 'billing@inline.test', phone: '+44 20 7946 0011' });
  // An inline edit (XEDIT) fires the User Event: the phone is queued (an account has no email to send).
  expect(a.h.outboxFor('customer', id).at(-1)).toMatchObject({ changedFields: ['phone'] });

  // Delete from the list: the record is gone, and the deletion is queued for Freshsuccess.
  const victim = a.h.sample!.customers[3]!;
  const list = await get(`/app/common/entity/custjoblist.nl?q=${victim}`);
  const t2 = /name="_emu_form" value="([^"]+)"/.exec(list.html)![1]!;
  // A token is for its own page: posted to another list page it changes nothing.
  expect((await post(action(found.html), [['_emu_form', t2], ['id', String(victim)], ['action', 'delete']])).status).toBe(403);
  await post(action(list.html), [['_emu_form', t2], ['id', String(victim)], ['action', 'delete']]);
  expect(a.h.rt.ui.get('customer', victim)).toBeUndefined();
  expect(a.h.outboxFor('customer', victim).at(-1)).toMatchObject({ event: 'delete' });
  // The token was spent: a replay deletes nothing more and says so.
  expect((await post(action(list.html), [['_emu_form', t2], ['id', String(a.h.sample!.customers[4]!)], ['action', 'delete']])).status).toBe(403);
  expect(a.h.rt.ui.get('customer', a.h.sample!.customers[4]!)).toBeDefined();
});

test('an edit page unticks a checkbox: the unposted box is read as cleared, as in a browser', async () => {
  const id = a.h.sample!.customers[5]!;
  a.h.rt.ui.update('customer', id, { isinactive: true });
  const edit = await get(`/app/common/entity/custjob.nl?id=${id}&e=T`);
  expect(edit.html).toMatch(/<input type="checkbox" id="isinactive" name="isinactive" value="T" checked>/);
  const saved = await post(`/app/common/entity/custjob.nl?id=${id}`, submitForm(edit.html, { check: { isinactive: false }, submit: 'Save' }));
  expect(saved.status).toBe(302);
  expect(a.h.rt.ui.get('customer', id)!.values.isinactive).toBe(false);
});

test("a contact's pages work the same way, with the company as a pick list", async () => {
  const id = a.h.sample!.contacts[0]!;
  const edit = await get(`/app/common/entity/contact.nl?id=${id}&e=T`);
  expect(edit.html).toMatch(/<select id="company" name="company"[^>]*data-source="customer"/);
  expect(edit.html).toMatch(/id="custpage_fsc_tab"/);
  const saved = await post(`/app/common/entity/contact.nl?id=${id}`, submitForm(edit.html, { set: { title: 'Head of Success' }, submit: 'Save' }));
  expect(saved.status).toBe(302);
  expect(a.h.rt.ui.get('contact', id)!.values.title).toBe('Head of Success');
  expect(text((await get('/app/common/entity/contactlist.nl')).html)).toMatch(/Contacts: 5/);
});
