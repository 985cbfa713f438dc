/**
 * The payload preview end to end: the built admin page in the local account shows, for a
 * customer or contact, the JSON the drain would send, what it cuts or leaves out and why, whether
 * the record is in scope, and the mapped custom fields against the plan's cap. The strongest
 * check: the JSON shown equals the record Freshsuccess receives when the drain later sends it.
 * A preview sends nothing, writes nothing, and costs units only when asked for (measured here,
 * stated in docs/admin-guide.md section 5).
 */
import { AdminClient, fieldErrors, messages, text } from './adminHarness';
import { CONFIG } from '../support/syncHarness';

const NOTES = 'custentity_account_notes';
const TIER = 'custentity_tier_text';
const ROLE = 'custentity_contact_role';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 3, contacts: 0 } });
  a.h.rt.defineEntityField({ scriptId: NOTES, label: 'Account notes', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  a.h.rt.defineEntityField({ scriptId: TIER, label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
  a.h.rt.defineEntityField({ scriptId: ROLE, label: 'Role', fieldType: 'TEXT', appliesToCustomer: false, appliesToContact: true });
  const mapping = {
    customer: { custom: [{ field: NOTES, type: 'text', key: 'notes' }, { field: TIER, type: 'number', key: 'tier' }], exclude: ['phone'] },
    contact: { custom: [{ field: ROLE, type: 'text', key: 'role' }] },
  };
  // The tier, a text field, mapped as a number (so the preview has a value to leave out): the page
  // and the settings User Event now refuse that type, so it is written as settings saved before
  // that check were.
  const id = a.h.configure({ customFieldCap: 2, scopeStages: 'CUSTOMER, PROSPECT' });
  a.h.rt.store.update(CONFIG.type, id, { [CONFIG.mappingJson]: JSON.stringify(mapping) });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const previewUrl = (kind: string, id: number | string) => `${a.url}&fsc_preview=${encodeURIComponent(`${kind}:${id}`)}`;

/** The JSON block of the page, as the admin reads it. */
function shownJson(html: string): unknown {
  const m = /<pre id="custpage_preview_json"[^>]*>([\s\S]*?)<\/pre>/.exec(html);
  if (!m) throw new Error('no JSON shown');
  return JSON.parse(text(m[1]!).trim());
}

function section(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  if (at < 0) return '';
  const start = html.lastIndexOf('<', at);
  return text(html.slice(start, html.indexOf('</div>', at) + 6)).trim();
}

/** The record as Freshsuccess received it in a POST since `mark`. */
async function received(mark: number, path: string, key: string, value: string): Promise<unknown> {
  const posts = (await a.h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === path);
  const records = posts.flatMap((r) => (r.body as { records: Array<Record<string, unknown>> }).records);
  return records.filter((r) => r[key] === value).at(-1);
}

test('a customer: the JSON the drain then sends, its dimensions, the value cut and the ones left out, with why; nothing sent, 10 units', async () => {
  const id = a.h.createCustomer({ companyname: 'Preview Partners', entitystatus: '13', phone: '+1 212 555 0100', [NOTES]: 'n'.repeat(3_000), [TIER]: 'gold' });
  const outbox = a.h.outbox().length;
  const mark = await a.h.requestMark();
  const requests = a.h.httpLog.length;
  // A warm page view to compare with: the first one also looks up the setup checklist's role (10).
  await a.get();
  await a.get();
  const view = a.lastUnits();
  const page = await a.get(previewUrl('customer', id));
  const t = text(page.html);

  expect(t).toContain(`Customer Preview Partners (${id})`);
  expect(t).toContain('In the sync scope: yes.');
  expect(t).toContain('The next drain would send this record in a POST to https://api-us.freshsuccess.com/api/v2/accounts');
  const json = shownJson(page.html) as Record<string, unknown>;
  expect(json).toMatchObject({ account_id: String(id), name: 'Preview Partners', custom_label_dimensions: [{ key: 'notes', value: 'n'.repeat(400) }] });
  expect(json).not.toHaveProperty('phone');
  expect(json).not.toHaveProperty('custom_value_dimensions');
  expect(section(page.html, 'custpage_preview_dimensions')).toMatch(/notes text \(label\) n{400} custentity_account_notes/);
  const changes = section(page.html, 'custpage_preview_changes');
  expect(changes).toContain('Cut or left out (3):');
  expect(changes).toContain(`${NOTES}: text longer than 400 characters, sent cut to 400`);
  expect(changes).toContain(`${TIER}: not a number, so this value was not sent`);
  expect(changes).toContain('phone: not sent: it is among the fields never sent (Settings)');
  expect(section(page.html, 'custpage_field_count')).toContain('3 custom field(s) mapped (customer 2, contact 1): 1 more than the 2 your Freshsuccess plan allows.');
  // Asked for, the preview is the first tab.
  expect([...page.html.matchAll(/<h2 id="custpage_tab_[a-z]+_title">([^<]+)/g)].map((m) => m[1])[0]).toBe('Payload preview');

  // A GET that changes nothing: no request to Freshsuccess, no queue entry, settings as they were.
  expect(a.h.httpLog.length).toBe(requests);
  expect(await a.h.requestsSince(mark)).toEqual([]);
  expect(a.h.outbox()).toHaveLength(outbox);
  // The customer's scoped search (10), on top of the same page's view.
  expect(a.lastUnits() - view).toBe(10);
  expect(page.html).not.toContain(a.h.freshsuccessKey);

  // The drain sends exactly what was shown.
  a.h.runDrainUntilIdle();
  expect(await received(mark, '/api/v2/accounts', 'account_id', String(id))).toEqual(json);
});

test('a contact: its JSON is what Freshsuccess receives; 20 units (its search and its company)', async () => {
  const company = a.h.createCustomer({ companyname: 'Contact Holdings', entitystatus: '13' });
  a.h.runDrainUntilIdle();
  const id = a.h.createContact({ firstname: 'Pia', lastname: 'Preview', email: 'pia@preview.test', company: String(company), [ROLE]: '' });
  const mark = await a.h.requestMark();
  await a.get();
  const view = a.lastUnits();
  const page = await a.get(previewUrl('contact', id));
  expect(a.lastUnits() - view).toBe(20);
  const json = shownJson(page.html);
  expect(json).toMatchObject({ account_id: String(company), user_id: String(id), first_name: 'Pia', is_active: true });
  expect(section(page.html, 'custpage_preview_dimensions')).toContain('No dimensions: no mapped custom field has a value for this record.');
  expect(section(page.html, 'custpage_preview_changes')).toContain(`${ROLE}: not sent: empty in NetSuite, so the dimension "role" is left out`);
  a.h.runDrainUntilIdle();
  expect(await received(mark, '/api/v2/account_contacts', 'user_id', String(id))).toEqual(json);
});

test('a record out of scope says so and shows no JSON; an id that names no record says so', async () => {
  const lead = a.h.rt.ui.create('lead', { companyname: 'Lead Only Ltd' });
  const out = await a.get(previewUrl('customer', lead));
  expect(text(out.html)).toContain("Not synced: the settings' scope leaves this record out, so its changes are not sent.");
  expect(section(out.html, 'custpage_preview')).toContain('Nothing would be sent: out of scope (stage or subsidiary).');
  expect(out.html).not.toContain('custpage_preview_json');

  const none = await a.get(previewUrl('customer', 987654));
  expect(section(none.html, 'custpage_preview')).toContain('There is no customer with internal id 987654 in this account.');
  const garbage = await a.get(previewUrl('customer', '<b>x</b>'));
  expect(section(garbage.html, 'custpage_preview_outcome')).toContain('"customer:<b>x</b>" is not a customer or contact internal id.');
  expect(garbage.html).not.toContain('<b>x</b>');
});

test('a record the drain would not send says why, and what to do', async () => {
  const id = a.h.createContact({ firstname: 'Solo', lastname: 'Contact', email: 'solo@preview.test' });
  const page = await a.get(previewUrl('contact', id));
  expect(text(page.html)).toContain('Contact Solo Contact');
  expect(section(page.html, 'custpage_preview')).toMatch(/Nothing would be sent: it would be skipped\. Contact has no company: Freshsuccess contacts belong to an account What to do: Give the contact a company in NetSuite/);
  expect(page.html).not.toContain('custpage_preview_json');
});

test('the chooser: record type and internal id, then the preview (a POST that only leads to the GET)', async () => {
  const [id] = a.h.sample!.customers;
  const outbox = a.h.outbox().length;
  const page = await a.click('preview', { set: { custpage_preview_kind: 'customer', custpage_preview_id: ` ${id} ` } });
  expect(page.redirectedTo).toContain(`fsc_preview=customer%3A${id}`);
  // The POST only checks its form token and leads on: the settings read (1) and the token check (2).
  expect(a.lastPostUnits).toBe(3);
  expect(text(page.html)).toMatch(new RegExp(`Customer .+ \\(${id}\\)`));
  expect(page.html).toMatch(new RegExp(`name="custpage_preview_id"[^>]*value="${id}"`));
  expect(a.h.outbox()).toHaveLength(outbox);
});

test("the record subtab's link opens the record's preview", async () => {
  const [id] = a.h.sample!.customers;
  const form = a.h.rt.ui.open('customer', 'view', id!).form as { fields: Array<{ container?: string; defaultValue: unknown }> };
  const html = String(form.fields.find((f) => f.container === 'custpage_fsc_tab')?.defaultValue);
  const link = /href="([^"]+)">See what would be sent/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  expect(link).toBeDefined();
  const page = await a.get(new URL(link!, a.url).toString());
  expect(page.html).toContain('id="custpage_preview_title"');
});

test('the plan cap is a plain whole number from 0 to 1000, refused at its field otherwise, and counted on the preview tab', async () => {
  // The tier mapped as a number would now refuse every save at the custom fields (its type does
  // not fit): from here on it is sent as text, as the page offers it. Still 3 fields mapped.
  const stored = JSON.parse(String(a.configRows()[0]!.values[CONFIG.mappingJson])) as { customer: { custom: Array<{ field: string; type: string }> } };
  for (const c of stored.customer.custom) if (c.field === TIER) c.type = 'text';
  a.h.rt.store.update(CONFIG.type, a.configRows()[0]!.id, { [CONFIG.mappingJson]: JSON.stringify(stored) });
  for (const bad of ['1e3', '0x10', '12.5', '1001']) {
    const refused = await a.submit({ set: { custpage_field_cap: bad }, submit: 'Save settings' });
    expect(fieldErrors(refused.html)).toContain(`Custom fields your Freshsuccess plan allows: Custom fields your Freshsuccess plan allows must be a whole number from 0 to 1000 (got ${bad})`);
    expect(a.configRows()[0]!.values[CONFIG.customFieldCap]).toBe(2);
  }
  const saved = await a.submit({ set: { custpage_field_cap: '5' }, submit: 'Save settings' });
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(a.configRows()[0]!.values[CONFIG.customFieldCap]).toBe(5);
  expect(section(saved.html, 'custpage_field_count')).toContain('3 custom field(s) mapped (customer 2, contact 1) of the 5 your Freshsuccess plan allows.');
  // Fewer than mapped: saved (what Freshsuccess does past the cap is not documented), with a warning saying so.
  const over = await a.submit({ set: { custpage_field_cap: '1' }, submit: 'Save settings' });
  expect(a.configRows()[0]!.values[CONFIG.customFieldCap]).toBe(1);
  const said = [...messages(over.html).alerts, ...messages(over.html).statuses].join(' ');
  expect(said).toContain('Settings saved: more custom fields than your plan allows');
  expect(said).toContain('3 custom field(s) mapped (customer 2, contact 1): 2 more than the 1 your Freshsuccess plan allows.');
  await a.submit({ set: { custpage_field_cap: '' }, submit: 'Save settings' });
  expect(section((await a.get()).html, 'custpage_field_count')).toContain('Set "Custom fields your Freshsuccess plan allows" under Settings to compare them with your plan.');
});

test('with a saved-search scope and entity-id keys: the drain\'s duplicate-key check runs too, and a customer the search leaves out says so', async () => {
  a.h.rt.savedSearches.define({ id: 'customsearch_preview_keep', type: 'customer', title: 'Kept', filters: [['companyname', 'doesnotcontain', 'Outside']], columns: ['entityid'] });
  a.h.configure({ scopeSavedSearch: 'customsearch_preview_keep', accountIdSource: 'entityid' });
  const kept = a.h.createCustomer({ companyname: 'Inside Ltd', entitystatus: '13' });
  const outside = a.h.createCustomer({ companyname: 'Outside Ltd', entitystatus: '13' });
  await a.get(previewUrl('customer', kept)); // the saved search's filters are cached from here on
  await a.get();
  const view = a.lastUnits();
  const page = await a.get(previewUrl('customer', kept));
  expect(shownJson(page.html)).toMatchObject({ account_id: 'Inside Ltd' });
  // The customer search (10) and the key check's (10), each with the cached saved-search filters (1).
  expect(a.lastUnits() - view).toBe(22);
  const out = await a.get(previewUrl('customer', outside));
  expect(section(out.html, 'custpage_preview')).toContain("Nothing would be sent: the saved search of the settings' scope (customsearch_preview_keep) leaves it out.");
  // The scoped search (11) and whether such a customer exists (10).
  expect(a.lastUnits() - view).toBe(21);
});

test('sync switched off: the preview says nothing is sent at the moment, and why, above what would be sent', async () => {
  const [id] = a.h.sample!.customers;
  a.h.configure({ enabled: false, scopeSavedSearch: '', accountIdSource: 'internalid' });
  const page = await a.get(previewUrl('customer', id!));
  expect(section(page.html, 'custpage_preview')).toMatch(/^Nothing is sent at the moment\. Sync is switched off: changes are queued but nothing is sent\. Tick "Sync enabled" and save the settings first\. Until then, the drain sends nothing; below is what it would send\./);
  expect(shownJson(page.html)).toMatchObject({ account_id: String(id) });
});
