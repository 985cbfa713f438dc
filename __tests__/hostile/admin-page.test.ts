/**
 * Hostile input on the admin page, submitted through its own form (with its form token, as a
 * browser or a browser's developer tools would send it). Each case asserts its documented
 * outcome (docs/hostile-inputs.md): refused with the error at its field and nothing saved, or
 * saved as typed; never a NetSuite error page; whatever was typed comes back escaped, never as
 * markup; a key typed into the wrong box is never shown again.
 */
import { AdminClient, fieldErrors, messages, type Page } from '../e2e/admin/adminHarness';

const SCRIPT = '<script>alert(1)</script>';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 3, contacts: 2 } });
  const page = await a.submit({ set: { custpage_api_key: a.h.freshsuccessKey }, check: { custpage_enabled: true }, submit: 'Save settings' });
  expect(messages(page.html).statuses.join(' ')).toMatch(/Settings saved/);
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

interface RefusedCase {
  name: string;
  set: Record<string, string>;
  /** The field's label the alert starts with, and what it says. */
  field: string;
  says: RegExp;
  /** Text that must not come back anywhere on the page (a key typed into the wrong box). */
  neverShown?: string;
}

const row = (n: number, col: string) => `custpage_custom_fields[${n}][${col}]`;
const choice = (value: string) => ({ [row(0, 'custpage_cf_choice')]: value });
/** The JSON box shows only what an older version left; a post can still carry it (added below). */
const JSON_BOX = 'Mapping overrides left from an older version (JSON)';
const longList = (n: number, item: string) => Array.from({ length: n }, () => item).join(',');

const REFUSED: RefusedCase[] = [
  // Subsidiaries are a pick list in the page: text there comes only from a forged or scripted post.
  { name: 'markup in the subsidiaries', set: { custpage_subsidiaries: SCRIPT }, field: 'Subsidiaries in scope', says: /internal ids/ },
  { name: 'markup in the saved search', set: { custpage_saved_search: `"><img src=x onerror=alert(1)>` }, field: 'Saved search scope', says: /customsearch/ },
  { name: 'markup in the Custom field holding the account id', set: { custpage_acct_source: 'field', custpage_acct_field: `custentity_x"><b>` }, field: 'Custom field holding the account id', says: /custentity/ },
  { name: 'markup in the mapping JSON', set: { custpage_mapping: `{"customer":${SCRIPT}}` }, field: JSON_BOX, says: /not valid JSON/ },
  { name: 'a markup section name in the mapping JSON', set: { custpage_mapping: JSON.stringify({ [SCRIPT]: {} }) }, field: JSON_BOX, says: /unknown section/ },
  { name: 'markup as a custom field id', set: choice(`customer:${SCRIPT}:text`), field: 'Custom fields sent as dimensions', says: /row 1: the field must be a custom field id/ },
  { name: 'markup as a Freshsuccess dimension key', set: { ...choice('customer:custentity_plan:text'), [row(0, 'custpage_cf_key')]: SCRIPT }, field: 'Custom fields sent as dimensions', says: /letters, digits, spaces and _ \. - only/ },
  { name: 'a custom field of an unknown type', set: choice('customer:custentity_plan:currency'), field: 'Custom fields sent as dimensions', says: /type must be text, number, date or boolean/ },
  { name: 'a custom field for another record type', set: choice('invoice:custentity_plan:text'), field: 'Custom fields sent as dimensions', says: /choose customer or contact/ },
  { name: 'a javascript: URL as the data centre', set: { custpage_region: 'javascript:alert(1)' }, field: 'Data centre', says: /must be one of us, eu/ },
  { name: 'a foreign host as the data centre', set: { custpage_region: 'api.evil.example' }, field: 'Data centre', says: /must be one of us, eu/ },
  { name: 'an unknown account_id source', set: { custpage_acct_source: 'url' }, field: 'Account id in Freshsuccess', says: /must be one of internalid, entityid, field/ },
  { name: 'an unknown delete policy', set: { custpage_del_customer: 'purge' }, field: 'When a customer is deleted', says: /must be one of deactivate, churn, ignore/ },
  { name: 'an unknown customer stage', set: { custpage_stages: 'VIP' }, field: 'Customer stages in scope', says: /Unknown customer stage/ },
  { name: 'a negative batch size', set: { custpage_batch_records: '-1' }, field: 'Batch size (records)', says: /1 to 5000/ },
  { name: 'a batch size of zero', set: { custpage_batch_records: '0' }, field: 'Batch size (records)', says: /1 to 5000/ },
  { name: 'a batch size above the maximum', set: { custpage_batch_records: '5001' }, field: 'Batch size (records)', says: /1 to 5000/ },
  { name: 'a batch size in full-width digits', set: { custpage_batch_records: '１００' }, field: 'Batch size (records)', says: /whole number/ },
  { name: 'a fractional batch size', set: { custpage_batch_records: '2.5' }, field: 'Batch size (records)', says: /whole number/ },
  { name: 'a batch size in exponent notation', set: { custpage_batch_records: '1e3' }, field: 'Batch size (records)', says: /whole number.*got 1e3/ },
  // A posted mapping JSON's exclusions are checked as the fields that hold them now.
  { name: 'name excluded in a posted mapping JSON (Freshsuccess needs it for a new account)', set: { custpage_mapping: JSON.stringify({ customer: { exclude: ['name', 'phone'] } }) }, field: 'Customer fields never sent', says: /name cannot be excluded: Freshsuccess needs it to create an account/ },
  { name: "a contact's user_id excluded in a posted mapping JSON", set: { custpage_mapping: JSON.stringify({ contact: { exclude: ['user_id'] } }) }, field: 'Contact fields never sent', says: /user_id cannot be excluded/ },
  // Exclusions are a multi-select and retry settings number fields: other values come only from a forged or scripted post.
  { name: 'name chosen among the customer fields never sent', set: { custpage_excl_customer: 'name' }, field: 'Customer fields never sent', says: /name cannot be excluded: Freshsuccess needs it to create an account/ },
  { name: "a contact's user_id chosen among the fields never sent", set: { custpage_excl_contact: 'user_id' }, field: 'Contact fields never sent', says: /user_id cannot be excluded/ },
  { name: 'markup among the fields never sent', set: { custpage_excl_contact: SCRIPT }, field: 'Contact fields never sent', says: /is not among the fields FreshSync sends for a contact/ },
  { name: 'a hexadecimal retry attempt count', set: { custpage_retry_warn: '0x10' }, field: 'Flag as long-retrying after (attempts)', says: /whole number from 1 to 30 \(got 0x10\)/ },
  { name: 'a 10,000-digit longest wait', set: { custpage_retry_longest: '9'.repeat(10_000) }, field: 'Longest wait between retries (minutes)', says: /1 to 10080/ },
  { name: 'a hexadecimal batch size', set: { custpage_batch_records: '0x10' }, field: 'Batch size (records)', says: /whole number.*got 0x10/ },
  { name: "a plan's custom field cap in hexadecimal", set: { custpage_field_cap: '0x10' }, field: 'Custom fields your Freshsuccess plan allows', says: /whole number from 0 to 1000.*got 0x10/ },
  { name: "a negative plan's custom field cap", set: { custpage_field_cap: '-3' }, field: 'Custom fields your Freshsuccess plan allows', says: /whole number from 0 to 1000/ },
  { name: 'a byte cap below the minimum', set: { custpage_batch_bytes: '9999' }, field: 'Batch size (bytes)', says: /10000 to 9000000/ },
  { name: 'a 10,000-digit byte cap', set: { custpage_batch_bytes: '9'.repeat(10_000) }, field: 'Batch size (bytes)', says: /10000 to 9000000/ },
  { name: '10,000 characters in the saved search', set: { custpage_saved_search: 'customsearch_'.padEnd(10_000, 'x') + '!' }, field: 'Saved search scope', says: /customsearch/ },
  { name: 'control characters in the subsidiaries', set: { custpage_subsidiaries: '1,\u0000\u001b2' }, field: 'Subsidiaries in scope', says: /internal ids/ },
  { name: 'right-to-left override in the subsidiaries', set: { custpage_subsidiaries: '\u202E1,2' }, field: 'Subsidiaries in scope', says: /internal ids/ },
  { name: 'an emoji secret id', set: { custpage_key_source: 'secret', custpage_secret_id: 'custsecret_🚀' }, field: 'API Secret id', says: /starts with custsecret_/ },
  { name: 'a mapping JSON that is a list', set: { custpage_mapping: '[1,2,3]' }, field: JSON_BOX, says: /must be a JSON object/ },
  { name: 'a mapping JSON nested 5,000 levels deep', set: { custpage_mapping: '{"customer":'.repeat(5000) + '{}' + '}'.repeat(5000) }, field: JSON_BOX, says: /Too long to store: 65002 characters, at most 4000/ },
  { name: 'a valid-looking saved search id of 10,000 characters', set: { custpage_saved_search: 'customsearch_'.padEnd(10_000, 'x') }, field: 'Saved search scope', says: /Too long to store: 10000 characters, at most 300/ },
  { name: 'a valid-looking Custom field holding the account id of 400 characters', set: { custpage_acct_source: 'field', custpage_acct_field: 'custentity_'.padEnd(400, 'x') }, field: 'Custom field holding the account id', says: /Too long to store: 400 characters, at most 300/ },
  { name: 'a mapping JSON with __proto__ as a section', set: { custpage_mapping: '{"__proto__":{"polluted":true}}' }, field: JSON_BOX, says: /unknown section &quot;__proto__&quot;|unknown section "__proto__"/ },
  { name: 'retry settings of the wrong type', set: { custpage_mapping: '{"retry":{"baseDelayMs":"soon"}}' }, field: JSON_BOX, says: /baseDelayMs/ },
  // Keys pasted into the wrong box: refused, and never shown again.
  { name: 'the key pasted into the API Secret id box', set: { custpage_key_source: 'secret', custpage_secret_id: 'fs-pasted-key-0123456789abcdef0123' }, field: 'API Secret id', says: /not shown again/, neverShown: 'fs-pasted-key-0123456789abcdef0123' },
  { name: 'the key pasted into the Custom field holding the account id box', set: { custpage_acct_source: 'field', custpage_acct_field: 'fs-pasted-key-0123456789abcdef0456' }, field: 'Custom field holding the account id', says: /custentity/ },
  { name: 'the key pasted into the saved search box', set: { custpage_saved_search: 'fs-pasted-key-0123456789abcdef0789' }, field: 'Saved search scope', says: /customsearch/ },
];

async function submitAs(set: Record<string, string>): Promise<Page> {
  const { custpage_mapping: json, ...onPage } = set;
  return a.submit({ set: onPage, add: json === undefined ? {} : { custpage_mapping: json }, submit: 'Save settings' }, await a.get());
}

test.each(REFUSED.map((c, i) => [c.name, i] as const))('refused at its field: %s', async (_name, i) => {
  const c = REFUSED[i]!;
  const before = structuredClone(a.configRows()[0]!.values);
  const page = await submitAs(c.set);
  expect(page.status).toBe(200);
  expect(page.redirectedTo).toBeNull();
  expect(messages(page.html).alerts[0]).toMatch(/Settings not saved/);
  expect(fieldErrors(page.html).filter((m) => m.startsWith(c.field)).join(' | ')).toMatch(c.says);
  expect(a.configRows()[0]!.values).toEqual(before);
  // Whatever was typed comes back as text, never as markup.
  expect(page.html).not.toMatch(/<script>alert|<img src=x|<b>`|"><b>/);
  if (c.neverShown) expect(page.html).not.toContain(c.neverShown);
});


test('a posted mapping JSON that holds markup in an exclude list is refused at the fields never sent, escaped', async () => {
  const before = structuredClone(a.configRows()[0]!.values);
  const page = await submitAs({ custpage_mapping: JSON.stringify({ customer: { exclude: [SCRIPT] } }) });
  expect(fieldErrors(page.html).find((m) => m.startsWith('Customer fields never sent'))).toMatch(/is not among the fields FreshSync sends for a customer/);
  expect(a.configRows()[0]!.values).toEqual(before);
  // Shown back chosen, as a name that cannot be excluded, escaped.
  expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;: cannot be excluded');
  expect(page.html).not.toContain(SCRIPT);
});

test('an oversized mapping JSON (about 200,000 characters of valid JSON) is refused at the field it fills; never an error page', async () => {
  const before = structuredClone(a.configRows()[0]!.values);
  const excluded = Array.from({ length: 20_000 }, (_, i) => `field_${i}`);
  const page = await submitAs({ custpage_mapping: JSON.stringify({ customer: { exclude: excluded } }) });
  expect(page.status).toBe(200);
  // Its exclusions are checked as the field that holds them now.
  expect(fieldErrors(page.html).find((m) => m.startsWith('Customer fields never sent'))).toMatch(new RegExp(`Too long to store: ${excluded.join(', ').length} characters, at most 300`));
  expect(a.configRows()[0]!.values).toEqual(before);
});

test('10,000 subsidiary ids are refused at the field; never an error page', async () => {
  const before = structuredClone(a.configRows()[0]!.values);
  const page = await submitAs({ custpage_subsidiaries: longList(10_000, '1') });
  expect(page.status).toBe(200);
  expect(fieldErrors(page.html).find((m) => m.startsWith('Subsidiaries in scope'))).toMatch(/Too long to store: 19999 characters, at most 300/);
  expect(a.configRows()[0]!.values).toEqual(before);
});

test('an unknown action changes nothing and says so; an action in the query string is not obeyed', async () => {
  const before = structuredClone(a.configRows()[0]!.values);
  const page = await a.get();
  const clicked = await a.submit({ set: { custpage_action: 'drop_all' } }, page);
  expect(clicked.status).toBeLessThan(500);
  expect(a.configRows()[0]!.values).toEqual(before);
  expect(a.h.outbox().filter((e) => e.status === 'PENDING')).toEqual([]);
});

test('a hostile notice parameter in the URL is shown as nothing or as text', async () => {
  const res = await fetch(`${a.url}&fsc_notice=${encodeURIComponent(SCRIPT)}`);
  expect(res.status).toBe(200);
  expect(await res.text()).not.toContain(SCRIPT);
});

test('a dead letter for a customer named with markup and right-to-left text is listed escaped', async () => {
  await a.h.fake.injectFaults([{ kind: 'reject', times: 1, method: 'POST', path: '/api/v2/accounts', message: `Refused ${SCRIPT}` }]);
  const id = a.h.createCustomer({ companyname: `${SCRIPT} \u202Eevil` });
  a.h.runDrainUntilIdle();
  expect(a.h.outboxFor('customer', id).filter((e) => e.status === 'DEAD')).toHaveLength(1);
  const page = await a.get();
  expect(page.status).toBe(200);
  expect(page.html).not.toContain(SCRIPT);
  expect(page.html).toContain('Refused &lt;script&gt;alert(1)&lt;/script&gt;');
});
