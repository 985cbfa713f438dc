import { checkSettings, formFromRaw, joinMapping, splitMapping, type SettingsForm } from '../../../src/TypeScript/domain/adminSettings';
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
    ['mapping field id', { mappingJson: '{"customer":{"custom":[{"field":"phone","type":"text"}]}}' }, 'mappingJson'],
    ['mapping retry', { mappingJson: '{"retry":{"maxAttempts":99}}' }, 'mappingJson'],
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
    expect(JSON.parse(shown.mappingJson)).toEqual({ contact: { exclude: ['phone'] } });
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
    expect(splitMapping('{"customer":')).toEqual({ rows: [], rest: '{"customer":' });
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
