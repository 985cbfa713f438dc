import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_RANGE, DEFAULT_BATCH, parseConfig } from '../../../src/TypeScript/domain/config';

describe('parseConfig', () => {
  test('defaults: internal ids as keys, deactivate on delete, 2,500 records / 1 MB batches', () => {
    const { config, problems } = parseConfig({ enabled: 'T', secretRef: '{custsecret_fsc_key}' });
    expect(problems).toEqual([]);
    expect(config.enabled).toBe(true);
    expect(config.secret).toEqual({ kind: 'secret', id: 'custsecret_fsc_key' });
    expect(config.accountIdSource).toEqual({ kind: 'internalid' });
    expect(config.userIdSource).toBe('internalid');
    expect(config.deletePolicy).toEqual({ customer: 'deactivate', contact: 'deactivate' });
    expect(config.batch).toEqual({ maxRecords: 2500, maxBytes: 1_000_000 });
    expect(config.scope).toEqual({ stages: [], subsidiaries: [], savedSearchId: null, syncContacts: true });
  });

  test('a credential GUID is accepted as the key reference; something that looks like a pasted key is refused', () => {
    expect(parseConfig({ secretRef: 'A1B2C3D4E5F60718293A4B5C6D7E8F90' }).config.secret).toEqual({ kind: 'credential', guid: 'A1B2C3D4E5F60718293A4B5C6D7E8F90' });
    const pasted = parseConfig({ secretRef: 'sk-live 123/abc' });
    expect(pasted.config.secret).toBeNull();
    expect(pasted.problems).toEqual([{ field: 'secretRef', message: expect.stringMatching(/never paste the key/) }]);
  });

  test('bad values become readable problems and fall back to safe defaults', () => {
    const { config, problems } = parseConfig({
      secretRef: 'custsecret_x',
      region: 'apac',
      accountIdSource: 'field',
      accountIdField: 'phone',
      scopeStages: 'customer, vendor',
      deleteContact: 'churn',
      batchMaxRecords: '0',
      mappingJson: '{"customer":{"custom":[{"field":"custentity_tier","type":"colour"}]}}',
    });
    expect(config.region).toBe('us');
    expect(config.accountIdSource).toEqual({ kind: 'internalid' });
    expect(config.scope.stages).toEqual(['CUSTOMER']);
    expect(config.deletePolicy.contact).toBe('deactivate');
    expect(config.batch.maxRecords).toBe(2500);
    expect(problems.map((p) => p.message).sort()).toEqual([
      'Region must be one of us, eu (got "apac")',
      'Account id source "field" needs a customer custom field id (custentity...)',
      'Unknown customer stage(s) in scope: VENDOR (use LEAD, PROSPECT, CUSTOMER)',
      'Mapping overrides: customer.custom[0].type must be text, number, date or boolean',
      'Contact delete policy must be one of deactivate, ignore (got "churn")',
      'Batch size (records) must be a whole number from 1 to 5000 (got 0)',
    ].sort());
    // Each problem names the raw setting it is about (the admin page places it on that field).
    expect(problems.find((p) => p.message.startsWith('Account id source'))?.field).toBe('accountIdField');
    expect(problems.map((p) => p.field).sort()).toEqual(['accountIdField', 'batchMaxRecords', 'deleteContact', 'mappingJson', 'region', 'scopeStages']);
  });

  test('mapping overrides: custom fields with keys, excludes and retry settings', () => {
    const { config, problems } = parseConfig({
      secretRef: 'custsecret_x',
      mappingJson: JSON.stringify({
        customer: { custom: [{ field: 'custentity_tier', type: 'text', key: 'tier' }, { field: 'custentity_seats', type: 'number' }], exclude: ['phone'] },
        retry: { warnAfterAttempts: 3 },
      }),
    });
    expect(problems).toEqual([]);
    expect(config.mapping.customer.custom).toEqual([
      { fieldId: 'custentity_tier', type: 'text', key: 'tier' },
      { fieldId: 'custentity_seats', type: 'number', key: 'custentity_seats' },
    ]);
    expect(config.mapping.customer.exclude).toEqual(['phone']);
    expect(config.retry.warnAfterAttempts).toBe(3);
    // The older name is read as the same setting (it no longer gives up; it only flags).
    expect(parseConfig({ secretRef: 'custsecret_x', mappingJson: '{"retry":{"maxAttempts":4}}' }).config.retry.warnAfterAttempts).toBe(4);
    expect(parseConfig({ secretRef: 'custsecret_x', mappingJson: '{"retry":{"warnAfterAttempts":0}}' }).problems).toEqual([{ field: 'mappingJson', message: expect.stringMatching(/retry.warnAfterAttempts must be a whole number from 1 to 30/) }]);
    expect(parseConfig({ secretRef: 'custsecret_x', mappingJson: '{nope' }).problems[0]).toEqual({ field: 'mappingJson', message: expect.stringMatching(/not valid JSON/) });
  });
});

test("the settings record's batch help states the engine's defaults and range", () => {
  const xml = readFileSync(join(__dirname, '../../../src/Objects/customrecord_fsc_config.xml'), 'utf8');
  const help = (field: string) => new RegExp(`scriptid="${field}"[\\s\\S]*?<help>([^<]*)</help>`).exec(xml)?.[1] ?? '';
  expect(help('custrecord_fsc_cfg_batch_records')).toContain(`${BATCH_RANGE.maxRecords.min} to ${BATCH_RANGE.maxRecords.max} (default ${DEFAULT_BATCH.maxRecords})`);
  expect(help('custrecord_fsc_cfg_batch_bytes')).toContain(`(default ${DEFAULT_BATCH.maxBytes})`);
});
