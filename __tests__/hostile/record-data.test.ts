/**
 * Hostile record data, end to end: every case is entered as a NetSuite user would, all in the
 * same batches, then drained. Each asserts its own outcome (docs/hostile-inputs.md); the last
 * test checks that nothing was lost: every customer and contact is in Freshsuccess or has a dead
 * letter or a report, no script instance failed, and nothing is left queued.
 */
import { startSyncHarness, type SyncHarness } from '../e2e/support/syncHarness';
import { refusedSave, type RecordCase } from './catalogue';

const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE80';
const FIELD = { date: 'custentity_h_renewal', flag: 'custentity_h_vip', seats: 'custentity_h_seats' } as const;

let h: SyncHarness;

async function account(id: number | string) {
  return h.accountOf(id);
}
async function contact(id: number | string) {
  return h.contactOf(id);
}
function deadFor(kind: 'customer' | 'contact', id: number | string) {
  return h.outboxFor(kind, id).filter((e) => e.status === 'DEAD');
}

/** A customer whose name is entered verbatim and must reach Freshsuccess verbatim. */
function verbatimName(name: string, companyname: string): RecordCase {
  return {
    name,
    enter: (k) => ({ id: k.createCustomer({ companyname }) }),
    check: async (_k, ids) => expect((await account(ids['id']!))?.fields.name).toBe(companyname),
  };
}

/** A customer field entered with a lone surrogate: sent with U+FFFD in its place. */
function repaired(name: string, field: string, entered: string, payloadField: string, expected: string): RecordCase {
  return {
    name,
    enter: (k) => ({ id: k.createCustomer({ companyname: `Repaired ${name}`, [field]: entered }) }),
    check: async (_k, ids) => {
      expect((await account(ids['id']!))?.fields[payloadField]).toBe(expected);
      expect(deadFor('customer', ids['id']!)).toEqual([]);
    },
  };
}

/** A value NetSuite itself refuses at the field: the save throws, nothing is queued. */
function refusedByNetSuite(name: string, save: (k: SyncHarness) => unknown, field: string): RecordCase {
  return {
    name,
    enter: (k) => {
      const before = k.outbox().length;
      return { outcome: refusedSave(() => save(k)), queued: k.outbox().length - before };
    },
    check: async (_k, ids) => {
      expect(ids['outcome']).toMatch(new RegExp(`^refused: .*Invalid Field Value.*${field}`));
      expect(ids['queued']).toBe(0);
    },
  };
}

const CASES: RecordCase[] = [
  // Markup is data: Freshsuccess receives it as typed (its pages, like ours, escape on display).
  verbatimName('markup: a script element in the name', '<script>alert("x")</script> Ltd'),
  verbatimName('markup: an attribute break in the name', '"><img src=x onerror=alert(1)> plc'),
  verbatimName('markup: HTML entities stay undecoded', 'Fish &amp; Chips &lt;b&gt; Ltd'),
  verbatimName('markup: a template expression', '{{constructor.constructor("alert(1)")()}} SA'),
  verbatimName('markup: SQL-looking text', "Robert'); DROP TABLE accounts;-- Ltd"),
  // Control characters NetSuite stores are sent as stored (JSON escapes them).
  verbatimName('control: tab and newline in the name', 'Line\nBreak\tTab Ltd'),
  verbatimName('control: an escape sequence in the name', '\u001b[31mRed Terminal Ltd'),
  verbatimName('control: NUL in the name', 'Nul\u0000Byte Ltd'),
  verbatimName('control: DEL and C1 controls in the name', 'Del\u007f\u0085Ctl Ltd'),
  // Scripts and symbols: sent byte for byte, never normalised.
  verbatimName('right-to-left: Arabic name', 'شركة الاختبار المحدودة'),
  verbatimName('right-to-left: Hebrew with a right-to-left override', 'חברה\u202Eevil.exe\u202C בע"מ'),
  verbatimName('emoji: rocket in the name', '🚀 Rocket Ltd'),
  verbatimName('emoji: a ZWJ family with skin tones', '👨🏽‍👩🏽‍👧🏽 Family GmbH'),
  verbatimName('emoji: a name of flags only', '🇫🇷🇩🇪🇯🇵'),
  verbatimName('combining characters are not normalised', 'Cafe\u0301 Ltd'),
  verbatimName('zero-width characters stay', 'Zero\u200bWidth\u200dJoiner Ltd'),
  verbatimName('astral CJK characters', '𠜎𠜱𠝹 Ltd'),
  // Lone surrogates outside keys: U+FFFD (documented transformation).
  repaired('lone surrogate: high half in the name', 'companyname', `Half ${LONE_HIGH} Ltd`, 'name', 'Half \uFFFD Ltd'),
  repaired('lone surrogate: low half in the city', 'billcity', `City${LONE_LOW}`, 'billing_city', 'City\uFFFD'),
  repaired('lone surrogate: reversed pair in the phone', 'phone', `${LONE_LOW}${LONE_HIGH}`, 'phone', '\uFFFD\uFFFD'),
  // Values NetSuite itself refuses at the field: nothing reaches the outbox.
  refusedByNetSuite('10,000 characters in the company name', (k) => k.createCustomer({ companyname: 'x'.repeat(10_000) }), 'companyname'),
  refusedByNetSuite('10,000 characters in a contact title', (k) => k.createContact({ firstname: 'Long', lastname: 'Title', title: 't'.repeat(10_000) }), 'title'),
  refusedByNetSuite('an invalid e-mail on a contact', (k) => k.createContact({ firstname: 'No', lastname: 'At', email: 'not-an-email' }), 'email'),
  refusedByNetSuite('an e-mail with spaces', (k) => k.createContact({ firstname: 'Spa', lastname: 'Ce', email: 'a b@c.test' }), 'email'),
  {
    name: 'a customer made its own parent: NetSuite refuses the edit at the field; the account stays top-level',
    enter: (k) => {
      const id = k.createCustomer({ companyname: 'Self Parent Ltd' });
      return { id, outcome: refusedSave(() => k.rt.ui.update('customer', id, { parent: String(id) })) };
    },
    check: async (_k, ids) => {
      expect(ids['outcome']).toMatch(/^refused: .*Invalid Field Value.*parent/);
      const a = await account(ids['id']!);
      expect(a?.isActive).toBe(true);
      expect(a?.fields.parent_account_id ?? '').toBe('');
    },
  },
  refusedByNetSuite('a custom checkbox given text', (k) => k.createCustomer({ companyname: 'Checkbox Text Ltd', [FIELD.flag]: 'T' }), FIELD.flag),
  refusedByNetSuite('a custom number given text', (k) => k.createCustomer({ companyname: 'Number Text Ltd', [FIELD.seats]: 'many' }), FIELD.seats),
  {
    name: 'an e-mail NetSuite accepts but that holds markup: sent as typed',
    enter: (k) => {
      const company = k.createCustomer({ companyname: 'Markup Mail Ltd' });
      return { id: k.createContact({ firstname: 'Mark', lastname: 'Up', company: String(company), email: '<b>x</b>@markup.test' }) };
    },
    check: async (_k, ids) => expect((await contact(ids['id']!))?.fields.email).toBe('<b>x</b>@markup.test'),
  },
  {
    name: 'a contact without a company: reported (skipped) with its reason, never sent',
    enter: (k) => ({ id: k.createContact({ firstname: 'Lone', lastname: 'Wolf', email: 'lone@wolf.test' }) }),
    check: async (k, ids) => {
      expect(await contact(ids['id']!)).toBeUndefined();
      const reported = k.outboxFor('contact', ids['id']!).filter((e) => e.status === 'SKIPPED');
      expect(reported).toHaveLength(1);
      expect(reported[0]?.lastError).toMatch(/no company/);
      expect(reported[0]?.hint).toMatch(/Give the contact a company/);
    },
  },
  {
    name: 'circular parents (A under B, then B under A): both land with the parent NetSuite holds',
    enter: (k) => {
      const a = k.createCustomer({ companyname: 'Circle A Ltd' });
      const b = k.createCustomer({ companyname: 'Circle B Ltd', parent: String(a) });
      return { a, b, outcome: refusedSave(() => k.rt.ui.update('customer', a, { parent: String(b) })) };
    },
    check: async (_k, ids) => {
      const a = await account(ids['a']!);
      const b = await account(ids['b']!);
      expect(b?.fields.parent_account_id).toBe(String(ids['a']));
      // The local runtime lets the cycle be saved (whether NetSuite does is on the sandbox
      // checklist); the engine sends what NetSuite holds, without looping over the cycle.
      expect(ids['outcome']).toBe('saved');
      expect(a?.fields.parent_account_id).toBe(String(ids['b']));
    },
  },
  {
    name: 'a three-customer parent cycle made by later edits: every account lands with the parent NetSuite holds',
    enter: (k) => {
      const a = k.createCustomer({ companyname: 'Ring A Ltd' });
      const b = k.createCustomer({ companyname: 'Ring B Ltd', parent: String(a) });
      const c = k.createCustomer({ companyname: 'Ring C Ltd', parent: String(b) });
      return { a, b, c };
    },
    then: (k, ids) => {
      ids['outcome'] = refusedSave(() => k.rt.ui.update('customer', ids['a']!, { parent: String(ids['c']) }));
    },
    check: async (_k, ids) => {
      expect((await account(ids['b']!))?.fields.parent_account_id).toBe(String(ids['a']));
      expect((await account(ids['c']!))?.fields.parent_account_id).toBe(String(ids['b']));
      expect(ids['outcome']).toBe('saved');
      expect((await account(ids['a']!))?.fields.parent_account_id).toBe(String(ids['c']));
    },
  },
  {
    name: 'a far-future date (31 December 9999) in a date field: sent as its epoch milliseconds',
    enter: (k) => ({ id: k.createCustomer({ companyname: 'Far Future Ltd', [FIELD.date]: new Date(Date.UTC(9999, 11, 31)) }) }),
    check: async (_k, ids) => expect((await account(ids['id']!))?.dimensions.events['renewal']).toBe(Date.UTC(9999, 11, 31)),
  },
  {
    name: 'a date before 1970 (20 July 1969) in a date field: sent as its negative epoch milliseconds, the record lands',
    enter: (k) => ({ id: k.createCustomer({ companyname: 'Moon Landing Ltd', [FIELD.date]: new Date(Date.UTC(1969, 6, 20)) }) }),
    check: async (_k, ids) => {
      const a = await account(ids['id']!);
      expect(a?.fields.name).toBe('Moon Landing Ltd');
      expect(a?.dimensions.events['renewal']).toBe(Date.UTC(1969, 6, 20));
    },
  },
  {
    name: 'a checkbox field: sent as 1, cleared as 0',
    enter: (k) => ({ on: k.createCustomer({ companyname: 'Vip Ltd', [FIELD.flag]: true }), off: k.createCustomer({ companyname: 'Not Vip Ltd', [FIELD.flag]: false }) }),
    check: async (_k, ids) => {
      expect((await account(ids['on']!))?.dimensions.values['vip']).toBe(1);
      expect((await account(ids['off']!))?.dimensions.values['vip']).toBe(0);
    },
  },
  {
    name: 'a negative and a huge number in a number field: sent as entered',
    enter: (k) => ({ neg: k.createCustomer({ companyname: 'Negative Seats Ltd', [FIELD.seats]: -42 }), big: k.createCustomer({ companyname: 'Huge Seats Ltd', [FIELD.seats]: 1e15 }) }),
    check: async (_k, ids) => {
      expect((await account(ids['neg']!))?.dimensions.values['seats']).toBe(-42);
      expect((await account(ids['big']!))?.dimensions.values['seats']).toBe(1e15);
    },
  },
  {
    name: 'a javascript: web address: sent as text (Freshsuccess stores it; nothing here renders it as a link)',
    enter: (k) => ({ id: k.createCustomer({ companyname: 'Js Link Ltd', url: 'javascript:alert(document.cookie)' }) }),
    check: async (_k, ids) => {
      const a = await account(ids['id']!);
      expect(a?.isActive).toBe(true);
      expect(a?.fields.website).toBe('javascript:alert(document.cookie)');
    },
  },
  {
    name: 'a phone with letters and markup: sent as typed',
    enter: (k) => ({ id: k.createCustomer({ companyname: 'Vanity Phone Ltd', phone: '+1 <CALL> NOW' }) }),
    check: async (_k, ids) => expect((await account(ids['id']!))?.fields.phone).toBe('+1 <CALL> NOW'),
  },
  {
    name: 'a name of spaces only on a person customer falls back to the person name',
    enter: (k) => ({ id: k.createCustomer({ isperson: true, firstname: 'Ada', lastname: 'Lovelace' }) }),
    check: async (_k, ids) => expect((await account(ids['id']!))?.fields.name).toMatch(/Ada.*Lovelace/),
  },
];

beforeAll(async () => {
  h = await startSyncHarness();
  h.rt.defineEntityField({ scriptId: FIELD.date, label: 'Renewal', fieldType: 'DATE', appliesToCustomer: true, appliesToContact: false });
  h.rt.defineEntityField({ scriptId: FIELD.flag, label: 'VIP', fieldType: 'CHECKBOX', appliesToCustomer: true, appliesToContact: false });
  h.rt.defineEntityField({ scriptId: FIELD.seats, label: 'Seats', fieldType: 'FLOAT', appliesToCustomer: true, appliesToContact: false });
  h.configure({ mappingJson: JSON.stringify({ customer: { custom: [
    { field: FIELD.date, type: 'date', key: 'renewal' },
    { field: FIELD.flag, type: 'boolean', key: 'vip' },
    { field: FIELD.seats, type: 'number', key: 'seats' },
  ] } }) });
  entered = CASES.map((c) => c.enter(h));
  h.runDrainUntilIdle();
  CASES.forEach((c, i) => c.then?.(h, entered[i]!));
  h.runDrainUntilIdle();
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

let entered: Array<Record<string, number | string>> = [];

test.each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
  await CASES[i]!.check(h, entered[i]!);
});

test('nothing lost: every customer and contact is in Freshsuccess or reported, no instance failed, nothing queued', async () => {
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  const accounts = new Set((await h.accounts()).map((a) => a.account_id));
  const contacts = new Set((await h.contacts()).map((c) => c.user_id));
  const reported = new Set(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'SKIPPED').flatMap((e) => e.recordIds.map((r) => `${e.kind}:${r}`)));
  const customers = h.rt.store.rows('customer').map((r) => String(r.id));
  expect(customers.length).toBeGreaterThan(30);
  for (const id of customers) expect({ id, there: accounts.has(id) || reported.has(`customer:${id}`) }).toEqual({ id, there: true });
  for (const id of h.rt.store.rows('contact').map((r) => String(r.id))) expect({ id, there: contacts.has(id) || reported.has(`contact:${id}`) }).toEqual({ id, there: true });
});
