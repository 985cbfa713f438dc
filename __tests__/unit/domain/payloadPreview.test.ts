/**
 * The payload preview's domain part: the payload is the one the drain plans (planBatches) and
 * sends (sendable), and every value cut, replaced or left out is named with why, from what
 * mapping, planning and sendable report themselves.
 */
import { workItem } from '../../../src/TypeScript/domain/coalesce';
import { mapCustomer } from '../../../src/TypeScript/domain/mapping';
import { customFieldCount, previewPayload } from '../../../src/TypeScript/domain/payloadPreview';
import { planBatches } from '../../../src/TypeScript/domain/plan';
import { REPLACED_REASON, sendable } from '../../../src/TypeScript/domain/sendable';
import { config, contact, customer, T0 } from '../fixtures';

const mapping = (m: object) => JSON.stringify(m);
const CUSTOM = {
  customer: {
    custom: [
      { field: 'custentity_notes', type: 'text', key: 'notes' },
      { field: 'custentity_seats', type: 'number', key: 'seats' },
      { field: 'custentity_renewal', type: 'date', key: 'renewal' },
      { field: 'custentity_vip', type: 'boolean', key: 'vip' },
      { field: 'custentity_region', type: 'text', key: 'region' },
    ],
    exclude: ['phone', 'website'],
  },
};

describe('a customer that would be sent', () => {
  const cfg = config({ mappingJson: mapping(CUSTOM) });
  const snapshot = customer('42', {
    url: '',
    custom: { custentity_notes: 'x'.repeat(450), custentity_seats: 'many', custentity_renewal: Date.UTC(2027, 0, 1), custentity_vip: true, custentity_region: null },
  });

  test('the payload is the upsert the drain plans for the record, as sendable hands it to the request', () => {
    const preview = previewPayload({ kind: 'customer', id: '42', config: cfg, now: T0, customer: snapshot });
    const planned = planBatches({ runId: 'r', config: cfg, now: T0, planMax: 0, customers: [{ item: workItem('customer', '42'), snapshot }], contacts: [] });
    const op = planned.batches[0]!.ops[0] as { payload: object };
    expect(preview).toMatchObject({ status: 'sent', endpoint: 'accounts', payload: op.payload });
  });

  test('dimensions, with their type and the field they come from', () => {
    const preview = previewPayload({ kind: 'customer', id: '42', config: cfg, now: T0, customer: snapshot });
    if (preview.status !== 'sent') throw new Error(preview.status);
    expect(preview.dimensions).toEqual([
      { key: 'notes', type: 'text', value: 'x'.repeat(400), field: 'custentity_notes' },
      { key: 'vip', type: 'number', value: 1, field: 'custentity_vip' },
      { key: 'renewal', type: 'date', value: Date.UTC(2027, 0, 1), field: 'custentity_renewal' },
    ]);
  });

  test('each value cut or left out, with why: mapping warnings, empty custom fields, excluded fields', () => {
    const preview = previewPayload({ kind: 'customer', id: '42', config: cfg, now: T0, customer: snapshot });
    if (preview.status !== 'sent') throw new Error(preview.status);
    expect(preview.changes).toEqual([
      { field: 'custentity_notes', text: 'custentity_notes: text longer than 400 characters, sent cut to 400' },
      { field: 'custentity_seats', text: 'custentity_seats: not a number, so this value was not sent' },
      { field: 'custentity_region', text: 'custentity_region: not sent: empty in NetSuite, so the dimension "region" is left out' },
      { field: 'phone', text: 'phone: not sent: it is among the fields never sent (Settings)' },
      // Empty in NetSuite, it would be sent as "" (clearing it in Freshsuccess): excluded, it is not.
      { field: 'website', text: 'website: not sent: it is among the fields never sent (Settings)' },
    ]);
  });

  test('half of an emoji in a text is said: where, and that it is sent as U+FFFD', () => {
    const broken = customer('43', { billing: { ...snapshot.billing, city: 'Ber\uD83Dlin' }, custom: { custentity_notes: 'ok \uDE00' } });
    const preview = previewPayload({ kind: 'customer', id: '43', config: cfg, now: T0, customer: broken });
    if (preview.status !== 'sent') throw new Error(preview.status);
    expect((preview.payload as { billing_city: string }).billing_city).toBe('Ber\uFFFDlin');
    expect(preview.changes.filter((c) => c.text.endsWith(REPLACED_REASON)).map((c) => c.field)).toEqual(['billing_city', 'dimension "notes"']);
  });

  test('a parent without an account_id is left out, and said', () => {
    const keyed = config({ accountIdSource: 'field', accountIdField: 'custentity_fs_id' });
    const child = customer('44', { keys: { id: '44', entityId: 'C44', customKey: 'FS-44' }, parent: { id: '7', entityId: 'C7', customKey: '' } });
    expect(mapCustomer(child, keyed, T0).omitted).toEqual([{ field: 'parent_account_id', reason: 'not sent: the parent customer (internal id 7) has no account_id, its source is empty' }]);
    const preview = previewPayload({ kind: 'customer', id: '44', config: keyed, now: T0, customer: child });
    expect(preview).toMatchObject({ status: 'sent', changes: [{ field: 'parent_account_id' }] });
    expect((preview as { payload: object }).payload).not.toHaveProperty('parent_account_id');
  });
});

describe('records that would not be sent say why, from the drain\'s own notes', () => {
  test('out of scope by stage', () => {
    const cfg = config({ scopeStages: 'CUSTOMER' });
    expect(previewPayload({ kind: 'customer', id: '1', config: cfg, now: T0, customer: customer('1', { stage: 'LEAD' }) })).toEqual({ status: 'out_of_scope', reason: 'out of scope (stage or subsidiary)' });
  });

  test('not found by the scoped search', () => {
    expect(previewPayload({ kind: 'customer', id: '1', config: config(), now: T0, customer: null })).toEqual({ status: 'out_of_scope', reason: 'not found in scope' });
  });

  test('a contact whose company the saved search leaves out', () => {
    const cfg = config({ scopeSavedSearch: 'customsearch_keys' });
    expect(previewPayload({ kind: 'contact', id: '5', config: cfg, now: T0, contact: contact('5', '9'), companiesInScope: new Set() })).toEqual({ status: 'out_of_scope', reason: 'company out of scope' });
  });

  test('a dead letter: the validation problem and the hint', () => {
    const preview = previewPayload({ kind: 'customer', id: '2', config: config(), now: T0, customer: customer('2', { companyName: 'n'.repeat(4001) }) });
    expect(preview).toMatchObject({ status: 'refused', outcome: 'dead', reason: 'Not sent: name is longer than 4000 characters' });
    expect((preview as { hint: string }).hint).toMatch(/too long/);
  });

  test('a duplicate key held by a record outside the preview, as the drain checks it', () => {
    const cfg = config({ accountIdSource: 'entityid' });
    const preview = previewPayload({ kind: 'customer', id: '9', config: cfg, now: T0, customer: customer('9', { keys: { id: '9', entityId: 'ACME', customKey: '' } }), otherKeyHolders: { customer: new Map([['ACME', ['3']]]), contact: new Map() } });
    expect(preview).toMatchObject({ status: 'refused', outcome: 'dead', reason: 'Not sent: its account_id "ACME" is also the key of customer 3, which keeps it' });
  });

  test('a contact without a company is skipped', () => {
    expect(previewPayload({ kind: 'contact', id: '6', config: config(), now: T0, contact: contact('6', null) })).toMatchObject({ status: 'refused', outcome: 'skipped' });
  });

  test('a key holding half of an emoji: refused as sendable refuses it before the request', () => {
    const cfg = config({ accountIdSource: 'entityid' });
    const preview = previewPayload({ kind: 'customer', id: '8', config: cfg, now: T0, customer: customer('8', { keys: { id: '8', entityId: 'AC\uD800ME', customKey: '' } }) });
    expect(preview).toMatchObject({ status: 'refused', outcome: 'dead' });
    expect((preview as { reason: string }).reason).toBe((sendable({ account_id: 'AC\uD800ME' }) as { reason: string }).reason);
  });
});

describe('mapped custom fields against the plan cap', () => {
  const two = mapping({ customer: { custom: [{ field: 'custentity_a', type: 'text' }, { field: 'custentity_b', type: 'text' }] }, contact: { custom: [{ field: 'custentity_c', type: 'text' }] } });

  test('counted per record type; over the cap by how many; no cap set', () => {
    expect(customFieldCount(config({ mappingJson: two, customFieldCap: '2' }))).toEqual({ customer: 2, contact: 1, total: 3, cap: 2, over: 1 });
    expect(customFieldCount(config({ mappingJson: two, customFieldCap: 3 }))).toEqual({ customer: 2, contact: 1, total: 3, cap: 3, over: 0 });
    expect(customFieldCount(config({ mappingJson: two }))).toMatchObject({ cap: null, over: 0 });
  });

  test('contacts not synced: their custom fields are not counted (they are never sent)', () => {
    expect(customFieldCount(config({ mappingJson: two, customFieldCap: '2', syncContacts: false }))).toEqual({ customer: 2, contact: 0, total: 2, cap: 2, over: 0 });
  });
});
