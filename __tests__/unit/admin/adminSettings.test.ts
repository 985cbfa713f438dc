import { checkSettings, customFieldChoice, customFieldOptions, formFromRaw, joinMapping, rowOfChoice, splitMapping, type SettingsForm } from '../../../src/TypeScript/domain/adminSettings';
import { parseConfig } from '../../../src/TypeScript/domain/config';

const GUID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

function form(over: Partial<SettingsForm> = {}): SettingsForm {
  return { ...formFromRaw(null), credentialGuid: GUID, ...over };
}

describe('checkSettings', () => {
  test('valid settings give the raw values parseConfig reads back to the same config, with no problems', () => {
    const f = form({ region: 'eu', stages: ['CUSTOMER', 'PROSPECT'], subsidiaries: '1, 3', batchMaxRecords: '500', accountIdSource: 'field', accountIdField: 'custentity_fs_id', mappingJson: '{"customer":{"exclude":["phone"]}}' });
    const check = checkSettings(f, '');
    expect(check.problems).toEqual([]);
    const { config, problems } = parseConfig(check.raw);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ region: 'eu', secret: { kind: 'credential', guid: GUID }, accountIdSource: { kind: 'field', fieldId: 'custentity_fs_id' }, batch: { maxRecords: 500 } });
    expect(config.scope).toMatchObject({ stages: ['CUSTOMER', 'PROSPECT'], subsidiaries: ['1', '3'] });
    expect(config.mapping.customer.exclude).toEqual(['phone']);
  });

  test.each<[string, Partial<SettingsForm>, string]>([
    ['region', { region: 'asia' }, 'region'],
    ['account id source', { accountIdSource: 'name' }, 'accountIdSource'],
    ['account id field', { accountIdSource: 'field', accountIdField: 'phone' }, 'accountIdField'],
    ['user id source', { userIdSource: 'phone' }, 'userIdSource'],
    ['stages', { stages: ['CLIENT'] }, 'stages'],
    ['subsidiaries', { subsidiaries: 'one' }, 'subsidiaries'],
    ['saved search', { savedSearch: 'my search' }, 'savedSearch'],
    ['customer delete policy', { deleteCustomer: 'erase' }, 'deleteCustomer'],
    ['contact delete policy', { deleteContact: 'churn' }, 'deleteContact'],
    ['batch records', { batchMaxRecords: '0' }, 'batchMaxRecords'],
    ['batch bytes', { batchMaxBytes: '12.5' }, 'batchMaxBytes'],
    ['plan cap in hex', { customFieldCap: '0x10' }, 'customFieldCap'],
    ['plan cap in exponent form', { customFieldCap: '1e2' }, 'customFieldCap'],
    ['plan cap below range', { customFieldCap: '-1' }, 'customFieldCap'],
    ['plan cap above range', { customFieldCap: '1001' }, 'customFieldCap'],
    ['mapping JSON syntax', { mappingJson: '{' }, 'mappingJson'],
    // A posted JSON's custom fields and retry settings are checked where the page shows them.
    ['mapping field id', { mappingJson: '{"customer":{"custom":[{"field":"phone","type":"text"}]}}' }, 'customFields'],
    ['mapping retry', { mappingJson: '{"retry":{"maxAttempts":99}}' }, 'retryWarnAfter'],
    ['mapping retry of the wrong type', { mappingJson: '{"retry":{"baseDelayMs":"soon"}}' }, 'mappingJson'],
  ])('a bad %s is placed on its own field', (_name, over, field) => {
    const check = checkSettings(form(over), '');
    expect(check.problems.length).toBeGreaterThan(0);
    expect(check.problems.map((p) => p.field)).toEqual(check.problems.map(() => field));
  });

  test('the plan cap: empty is not set; a plain whole number is stored as typed', () => {
    expect(checkSettings(form({ customFieldCap: '  ' }), '').raw.customFieldCap).toBeNull();
    const check = checkSettings(form({ customFieldCap: '0' }), '');
    expect(check.problems).toEqual([]);
    expect(check.raw.customFieldCap).toBe('0');
    expect(formFromRaw({ ...check.raw, customFieldCap: 25 }).customFieldCap).toBe('25');
  });

  test('several problems at once are all reported', () => {
    const check = checkSettings(form({ region: 'x', batchMaxRecords: 'lots', mappingJson: '[' }), '');
    expect(check.problems.map((p) => p.field).sort()).toEqual(['batchMaxRecords', 'mappingJson', 'region']);
  });

  test('a blank credential keeps the stored GUID; without one it asks for the key', () => {
    expect(checkSettings(form({ credentialGuid: '' }), GUID).raw.secretRef).toBe(GUID);
    const missing = checkSettings(form({ credentialGuid: '' }), 'custsecret_old');
    expect(missing.problems).toEqual([{ field: 'credentialGuid', message: expect.stringMatching(/Type the Freshsuccess API key/) }]);
  });

  test('an API Secret id is stored without braces; anything else in that box is refused and hidden', () => {
    expect(checkSettings(form({ keySource: 'secret', secretId: '{custsecret_fs_key}' }), '').raw.secretRef).toBe('custsecret_fs_key');
    const pasted = checkSettings(form({ keySource: 'secret', secretId: 'sk_live_9f8e7d6c5b4a' }), GUID);
    expect(pasted.hideSecretInput).toBe(true);
    expect(pasted.problems).toEqual([{ field: 'secretId', message: expect.stringMatching(/not shown again/) }]);
    expect(pasted.problems[0]?.message).not.toContain('sk_live');
    expect(checkSettings(form({ keySource: 'secret', secretId: ' ' }), '').problems[0]?.field).toBe('secretId');
  });

  test('the account id field is dropped when another source is chosen', () => {
    expect(checkSettings(form({ accountIdSource: 'entityid', accountIdField: 'junk' }), '').raw.accountIdField).toBe('');
  });
});

describe('formFromRaw', () => {
  test('a new account starts from the defaults, sync ticked', () => {
    expect(formFromRaw(null)).toMatchObject({ enabled: true, region: 'us', keySource: 'credential', credentialGuid: '', syncContacts: true, deleteCustomer: 'deactivate' });
  });

  test('a stored record fills the form; the key source follows the reference', () => {
    const f = formFromRaw({ enabled: 'F', region: 'eu', secretRef: 'custsecret_fs', scopeStages: 'lead, CUSTOMER', batchMaxRecords: '200', syncContacts: false });
    expect(f).toMatchObject({ enabled: false, region: 'eu', keySource: 'secret', secretId: 'custsecret_fs', credentialGuid: '', stages: ['LEAD', 'CUSTOMER'], batchMaxRecords: '200', syncContacts: false });
    expect(formFromRaw({ secretRef: GUID })).toMatchObject({ keySource: 'credential', credentialGuid: GUID, secretId: '' });
  });

  test('what is stored and shown again saves to the same configuration', () => {
    const first = checkSettings(
      form({ region: 'eu', stages: ['LEAD'], subsidiaries: '2', mappingJson: '{"contact":{"exclude":["phone"]},"customer":{"custom":[{"field":"custentity_a","type":"date"}]}}', customFields: [{ record: 'customer', field: 'custentity_tier', type: 'text', key: 'tier' }] }),
      '',
    );
    expect(first.problems).toEqual([]);
    const shown = formFromRaw(first.raw);
    expect(shown.customFields).toEqual([
      { record: 'customer', field: 'custentity_a', type: 'date', key: '' },
      { record: 'customer', field: 'custentity_tier', type: 'text', key: 'tier' },
    ]);
    // The exclusions moved out of the JSON into their own field: nothing is left for the JSON box.
    expect(shown.excludeContact).toEqual(['phone']);
    expect(shown.mappingJson).toBe('');
    const again = checkSettings(shown, String(first.raw.secretRef));
    expect(again.problems).toEqual([]);
    expect(parseConfig(again.raw).config).toEqual(parseConfig(first.raw).config);
  });
});


describe('custom field rows', () => {
  test("rows become the mapping's custom lists; the rest of the JSON is kept", () => {
    const json = joinMapping('{"customer":{"exclude":["phone"]},"retry":{"maxAttempts":5}}', [
      { record: 'customer', field: 'custentity_tier', type: 'text', key: 'tier' },
      { record: 'contact', field: 'custentity_role', type: 'text', key: '' },
    ]);
    expect(JSON.parse(json)).toEqual({ customer: { exclude: ['phone'], custom: [{ field: 'custentity_tier', type: 'text', key: 'tier' }] }, contact: { custom: [{ field: 'custentity_role', type: 'text' }] }, retry: { maxAttempts: 5 } });
    const { config, problems } = parseConfig({ secretRef: GUID, mappingJson: json });
    expect(problems).toEqual([]);
    expect(config.mapping.contact.custom).toEqual([{ fieldId: 'custentity_role', type: 'text', key: 'custentity_role' }]);
  });

  test('JSON that does not parse is left as typed, with no rows taken out of it', () => {
    expect(splitMapping('{"customer":')).toMatchObject({ rows: [], exclude: { customer: null, contact: null }, rest: '{"customer":' });
    expect(joinMapping('{"customer":', [{ record: 'customer', field: 'custentity_x', type: 'text', key: '' }])).toBe('{"customer":');
  });

  test('each bad row is reported by its number on the table, and nothing of it is stored', () => {
    const check = checkSettings(
      form({
        customFields: [
          { record: 'customer', field: 'custentity_ok', type: 'text', key: '' },
          { record: 'customer', field: 'phone', type: 'text', key: '' },
          { record: 'contact', field: 'custentity_y', type: 'colour', key: '' },
          { record: 'customer', field: 'custentity_z', type: 'number', key: 'bad/key' },
        ],
      }),
      '',
    );
    expect(check.problems).toEqual([
      { field: 'customFields', message: 'Custom field row 2: the field must be a custom field id (custentity...), got "phone"' },
      { field: 'customFields', message: 'Custom field row 3: the type must be text, number, date or boolean' },
      { field: 'customFields', message: 'Custom field row 4: the Freshsuccess key may have letters, digits, spaces and _ . - only' },
    ]);
  });
});

describe('exclusions and retry settings as plain fields', () => {
  test("an older record's JSON exclusions and retry settings fill the fields, in the page's units; saving writes the fields and an empty JSON", () => {
    const old = { secretRef: GUID, mappingJson: '{"customer":{"exclude":["phone","website"],"custom":[{"field":"custentity_tier","type":"text"}]},"contact":{"exclude":["title"]},"retry":{"maxAttempts":5,"baseDelayMs":120000,"maxDelayMs":7200000}}' };
    const shown = formFromRaw(old);
    expect(shown).toMatchObject({ excludeCustomer: ['phone', 'website'], excludeContact: ['title'], retryWarnAfter: '5', retryFirstWait: '120', retryLongestWait: '120', mappingJson: '' });
    const saved = checkSettings(shown, GUID);
    expect(saved.problems).toEqual([]);
    expect(saved.raw).toMatchObject({ excludeCustomer: 'phone, website', excludeContact: 'title', retryWarnAfter: '5', retryFirstWait: '120', retryLongestWait: '120' });
    expect(JSON.parse(String(saved.raw.mappingJson))).toEqual({ customer: { custom: [{ field: 'custentity_tier', type: 'text' }] } });
    // The engine reads the old record and the saved one the same way.
    expect(parseConfig(saved.raw).config).toEqual(parseConfig(old).config);
  });

  test('a wait that is no whole number of seconds or minutes stays in the JSON (shown as such), never rounded', () => {
    const split = splitMapping('{"retry":{"baseDelayMs":1500,"maxDelayMs":3600000}}');
    expect(split.retry).toEqual({ retryWarnAfter: '', retryFirstWait: '', retryLongestWait: '60' });
    expect(JSON.parse(split.rest)).toEqual({ retry: { baseDelayMs: 1500 } });
  });

  test('a plain field that is set wins over the JSON; an empty one keeps the JSON value', () => {
    const raw = { secretRef: GUID, retryWarnAfter: '3', excludeContact: 'email', mappingJson: '{"contact":{"exclude":["title"]},"retry":{"warnAfterAttempts":9,"baseDelayMs":5000}}' };
    const { config, problems } = parseConfig(raw);
    expect(problems).toEqual([]);
    expect(config.retry).toEqual({ warnAfterAttempts: 3, baseDelayMs: 5000, maxDelayMs: 6 * 3600_000 });
    expect(config.mapping.contact.exclude).toEqual(['email']);
    expect(formFromRaw(raw)).toMatchObject({ retryWarnAfter: '3', retryFirstWait: '5', excludeContact: ['email'] });
  });

  test.each<[string, Partial<SettingsForm>, string, RegExp]>([
    ['a required customer field', { excludeCustomer: ['phone', 'name'] }, 'excludeCustomer', /name cannot be excluded: Freshsuccess needs it to create an account/],
    ['join_date', { excludeCustomer: ['join_date'] }, 'excludeCustomer', /join_date cannot be excluded/],
    ['a contact key', { excludeContact: ['user_id', 'account_id'] }, 'excludeContact', /account_id, user_id cannot be excluded: .*a contact/],
    ['a field FreshSync does not send', { excludeContact: ['fax'] }, 'excludeContact', /fax is not among the fields FreshSync sends for a contact \(first_name, last_name, email, phone, title\)/],
    ['a hexadecimal attempt count', { retryWarnAfter: '0x10' }, 'retryWarnAfter', /whole number from 1 to 30 \(got 0x10\)/],
    ['an exponent', { retryFirstWait: '1e3' }, 'retryFirstWait', /whole number from 1 to 3600/],
    ['too long a wait', { retryLongestWait: '10081' }, 'retryLongestWait', /from 1 to 10080/],
    ['a longest wait shorter than the first', { retryFirstWait: '3600', retryLongestWait: '30' }, 'retryLongestWait', /cannot be shorter than the first wait \(3600 seconds\)/],
  ])('%s is refused at its field', (_name, over, field, message) => {
    const check = checkSettings(form(over), '');
    expect(check.problems).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});

describe('the custom fields select', () => {
  const fields = [
    { id: 'custentity_tier', label: 'Tier', type: 'Free-Form Text', customer: true, contact: false },
    { id: 'custentity_score', label: 'Score', type: 'FLOAT', customer: true, contact: true },
    { id: 'custentity_vip', label: 'VIP', type: 'Check Box', customer: false, contact: true },
    { id: 'custentity_pin', label: 'PIN', type: 'PASSWORD', customer: true, contact: false },
  ];

  test('offers each field per record it applies to, with only the dimension types its type fits', () => {
    expect(customFieldOptions(fields, []).map((o) => o.value)).toEqual([
      'customer:custentity_tier:text',
      'customer:custentity_score:number',
      'customer:custentity_score:text',
      'contact:custentity_score:number',
      'contact:custentity_score:text',
      'contact:custentity_vip:boolean',
    ]);
    expect(customFieldOptions(fields, [])[1]?.text).toBe('Customer: Score (custentity_score), FLOAT, sent as number');
  });

  test('a stored row that is none of them stays offered, named as such', () => {
    const options = customFieldOptions(fields, [{ record: 'customer', field: 'custentity_tier', type: 'number', key: '' }]);
    expect(options.at(-1)).toEqual({ value: 'customer:custentity_tier:number', text: 'Customer: custentity_tier sent as number: not a customer field of this account that fits' });
  });

  test('a choice is record, field and type in one value, and reads back', () => {
    const row = { record: 'contact', field: 'custentity_vip', type: 'boolean' };
    expect(rowOfChoice(customFieldChoice(row))).toEqual(row);
    expect(rowOfChoice('junk')).toEqual({ record: 'junk', field: '', type: '' });
  });
});
