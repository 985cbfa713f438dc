/**
 * The mapping without JSON, end to end: a custom field picked from the account's fields is pushed
 * as the dimension chosen; a field chosen among the fields never sent is no longer sent; a field
 * Freshsuccess needs cannot be excluded (refused at its field, nothing changed); retry settings are
 * number fields; an older record's JSON keeps working and a save writes the new fields; and a CSV
 * import of the settings record with a value the page would refuse is refused by its User Event.
 * Assertions are on what Freshsuccess received, what the settings record holds and the page.
 */
import { ACCOUNTS_PATH, CONFIG } from '../support/syncHarness';
import { AdminClient, fieldErrors, messages } from './adminHarness';

const SEATS = 'custentity_fsc_seats';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 2, contacts: 0 } });
  a.h.rt.defineEntityField({ scriptId: SEATS, label: 'Seats bought', fieldType: 'INTEGER', appliesToCustomer: true, appliesToContact: false });
  const saved = await a.submit({ set: { custpage_api_key: a.h.freshsuccessKey }, check: { custpage_enabled: true }, submit: 'Save settings' });
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const values = () => a.configRows()[0]!.values as Record<string, unknown>;
const row = (col: string) => `custpage_custom_fields[0][${col}]`;

/** The account records Freshsuccess received since `mark`, by account_id. */
async function accountsPostedSince(mark: number): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of await a.h.requestsSince(mark)) {
    if (r.method !== 'POST' || r.path !== ACCOUNTS_PATH) continue;
    for (const rec of ((r.body as { records?: Array<Record<string, unknown>> }).records ?? [])) out.set(String(rec['account_id']), rec);
  }
  return out;
}

test('a number field picked from the select, sent as a number, is pushed as a value dimension; the save costs 10 more units for the type check', async () => {
  const page = await a.get();
  // Offered with its NetSuite type, as the two dimension types that fit an integer.
  expect(page.html).toContain(`<option value="customer:${SEATS}:number">Customer: Seats bought (${SEATS}), Integer Number, sent as number</option>`);
  expect(page.html).toContain(`<option value="customer:${SEATS}:text">Customer: Seats bought (${SEATS}), Integer Number, sent as text</option>`);
  const saved = await a.submit({ set: { [row('custpage_cf_choice')]: `customer:${SEATS}:number`, [row('custpage_cf_key')]: 'seats' }, submit: 'Save settings' }, page);
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  // The drain's two snapshot searches (20), the account's custom field list (10), the rest as without custom fields.
  expect(a.lastPostUnits).toBe(40);

  const mark = await a.h.requestMark();
  const id = a.h.createCustomer({ companyname: 'Seated Ltd', [SEATS]: 42 });
  a.h.runDrainUntilIdle();
  expect((await accountsPostedSince(mark)).get(String(id))?.['custom_value_dimensions']).toEqual([{ key: 'seats', value: 42 }]);
  expect((await a.h.accountOf(id))?.dimensions.values).toEqual({ seats: 42 });
});

test('a field chosen among the fields never sent stops being sent; unchosen, it is sent again', async () => {
  const id = a.h.createCustomer({ companyname: 'Private Phone Ltd', phone: '555-0100', url: 'https://private.example' });
  a.h.runDrainUntilIdle();
  const saved = await a.submit({ choose: { custpage_excl_customer: ['phone'] }, submit: 'Save settings' });
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(values()[CONFIG.excludeCustomer]).toBe('phone');
  // Shown chosen; the required fields are not offered.
  const select = /<select[^>]*name="custpage_excl_customer"[^>]*>([\s\S]*?)<\/select>/.exec(saved.html)?.[1] ?? '';
  expect(select).toContain('<option value="phone" selected>phone</option>');
  for (const required of ['account_id', 'name', 'join_date']) expect(select).not.toContain(`value="${required}"`);

  const mark = await a.h.requestMark();
  a.h.rt.ui.update('customer', id, { phone: '555-0199', url: 'https://private.example/new' });
  a.h.runDrainUntilIdle();
  const sent = (await accountsPostedSince(mark)).get(String(id));
  expect(sent).toMatchObject({ website: 'https://private.example/new' });
  expect(sent).not.toHaveProperty('phone');
  // Freshsuccess keeps the phone it had; the new one never reached it.
  expect((await a.h.accountOf(id))?.fields.phone).toBe('555-0100');

  await a.submit({ choose: { custpage_excl_customer: [] }, submit: 'Save settings' });
  const again = await a.h.requestMark();
  a.h.rt.ui.update('customer', id, { phone: '555-0123' });
  a.h.runDrainUntilIdle();
  expect((await accountsPostedSince(again)).get(String(id))).toMatchObject({ phone: '555-0123' });
});

test('a field Freshsuccess needs cannot be excluded: refused at its field, nothing changed', async () => {
  const before = structuredClone(values());
  // Not offered by the select: only a forged or scripted post can name it.
  const page = await a.submit({ choose: { custpage_excl_customer: ['phone', 'join_date'], custpage_excl_contact: ['user_id'] }, submit: 'Save settings' });
  expect(page.redirectedTo).toBeNull();
  expect(messages(page.html).alerts[0]).toMatch(/Settings not saved\. Fix the 2 problems shown at these fields; nothing was changed: Customer fields never sent Contact fields never sent/);
  const errors = fieldErrors(page.html);
  expect(errors.find((m) => m.startsWith('Customer fields never sent'))).toMatch(/join_date cannot be excluded: Freshsuccess needs it to create an account/);
  expect(errors.find((m) => m.startsWith('Contact fields never sent'))).toMatch(/user_id cannot be excluded: Freshsuccess needs it to create a contact/);
  // What was chosen stays chosen, the required one named as such.
  expect(page.html).toContain('<option value="join_date" selected>join_date: cannot be excluded</option>');
  expect(values()).toEqual(before);
});

test('retry settings are number fields, checked like the other numbers, and saved as numbers', async () => {
  const before = structuredClone(values());
  const bad = await a.submit({ set: { custpage_retry_warn: '0x10', custpage_retry_first: '600', custpage_retry_longest: '5' }, submit: 'Save settings' });
  const errors = fieldErrors(bad.html);
  expect(errors.find((m) => m.startsWith('Flag as long-retrying after (attempts)'))).toMatch(/whole number from 1 to 30 \(got 0x10\)/);
  expect(errors.find((m) => m.startsWith('Longest wait between retries (minutes)'))).toMatch(/cannot be shorter than the first wait \(600 seconds\)/);
  expect(values()).toEqual(before);
  const ok = await a.submit({ set: { custpage_retry_warn: '5', custpage_retry_first: '120', custpage_retry_longest: '90' }, submit: 'Save settings' }, bad);
  expect(messages(ok.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect([values()[CONFIG.retryWarnAfter], values()[CONFIG.retryFirstWait], values()[CONFIG.retryLongestWait]]).toEqual([5, 120, 90]);
  await a.submit({ set: { custpage_retry_warn: '', custpage_retry_first: '', custpage_retry_longest: '' }, submit: 'Save settings' });
});

test("an older record's mapping JSON keeps working, and a save writes it into the new fields", async () => {
  // As an older version stored them: exclusions and retry settings inside the mapping JSON.
  const id = a.h.createCustomer({ companyname: 'Legacy Ltd', phone: '555-0300', url: 'https://legacy.example' });
  a.h.runDrainUntilIdle();
  a.h.rt.store.update(CONFIG.type, a.configRows()[0]!.id, {
    [CONFIG.mappingJson]: JSON.stringify({ customer: { exclude: ['website'], custom: [{ field: SEATS, type: 'number', key: 'seats' }] }, retry: { maxAttempts: 4, baseDelayMs: 30_000 } }),
    [CONFIG.excludeCustomer]: '',
  });
  const mark = await a.h.requestMark();
  a.h.rt.ui.update('customer', id, { url: 'https://legacy.example/new', [SEATS]: 7 });
  a.h.runDrainUntilIdle();
  const sent = (await accountsPostedSince(mark)).get(String(id));
  expect(sent).not.toHaveProperty('website');
  expect(sent?.['custom_value_dimensions']).toEqual([{ key: 'seats', value: 7 }]);

  // The page shows them in its fields, and saving writes them there.
  const page = await a.get();
  expect(page.html).toContain('<option value="website" selected>website</option>');
  expect(page.html).toMatch(/name="custpage_retry_warn"[^>]*value="4"/);
  expect(page.html).toMatch(/name="custpage_retry_first"[^>]*value="30"/);
  expect(page.html).not.toContain('name="custpage_mapping"');
  const saved = await a.submit({ submit: 'Save settings' }, page);
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(values()[CONFIG.excludeCustomer]).toBe('website');
  expect([values()[CONFIG.retryWarnAfter], values()[CONFIG.retryFirstWait]]).toEqual([4, 30]);
  expect(JSON.parse(String(values()[CONFIG.mappingJson]))).toEqual({ customer: { custom: [{ field: SEATS, type: 'number', key: 'seats' }] } });
});

test('a CSV import of the settings record with a value the page would refuse is refused by its User Event; nothing changes', () => {
  const before = structuredClone(values());
  const id = a.configRows()[0]!.id;
  const imported = a.h.rt.csvImport(
    CONFIG.type,
    [
      { internalid: id, [CONFIG.excludeCustomer]: 'name, phone' },
      { internalid: id, [CONFIG.retryWarnAfter]: 99 },
      { internalid: id, [CONFIG.mappingJson]: JSON.stringify({ customer: { custom: [{ field: SEATS, type: 'date' }] } }) },
    ],
    { runServerScripts: true },
  );
  expect(imported.updated).toEqual([]);
  expect(imported.errors.map((e) => e.message)).toEqual([
    expect.stringMatching(/FreshSync settings not saved: excludeCustomer: name cannot be excluded/),
    expect.stringMatching(/FreshSync settings not saved: retryWarnAfter: Flag as long-retrying after \(attempts\) must be a whole number from 1 to 30 \(got 99\)/),
    expect.stringMatching(/FreshSync settings not saved: customFields: custentity_fsc_seats is a field of type Integer Number: send it as number or text, not date/),
  ]);
  expect(values()).toEqual(before);
});
