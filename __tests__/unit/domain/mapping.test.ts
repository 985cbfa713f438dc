import { mapContact, mapCustomer } from '../../../src/TypeScript/domain/mapping';
import { accountIdFor, userIdFor } from '../../../src/TypeScript/domain/identity';
import { config, contact, customer, T0 } from '../fixtures';

describe('account mapping', () => {
  test('default mapping of a company customer', () => {
    const parent = { id: '7', entityId: 'CUST-7', customKey: '' };
    const { payload, warnings } = mapCustomer(customer('42', { parent }), config(), T0);
    expect(warnings).toEqual([]);
    expect(payload).toEqual({
      account_id: '42',
      name: 'Company 42',
      join_date: T0 - 86400_000,
      billing_street: '1 Main St',
      billing_city: 'Springfield',
      billing_state: 'IL',
      billing_postal_code: '62701',
      billing_country: 'US',
      phone: '555-0100',
      website: 'https://example.com',
      industry: 'Retail',
      sales_rep_name: 'Sam Rep',
      sales_rep_email: 'sam@example.com',
      parent_account_id: '7',
      stage: 'Customer',
      is_churned: false,
    });
  });

  test('individuals are named "First Last"; inactive customers are churned at their last change', () => {
    const c = customer('5', { isPerson: true, companyName: '', firstName: 'Grace', lastName: 'Hopper', isInactive: true, lastModified: T0 - 5000 });
    const { payload } = mapCustomer(c, config(), T0);
    expect(payload.name).toBe('Grace Hopper');
    expect(payload.is_churned).toBe(true);
    expect(payload.inactive_time).toBe(T0 - 5000);
  });

  test('account_id from entity id or a custom field, always text; the parent follows the same source', () => {
    const keys = { id: '12345.0', entityId: ' ACME ', customKey: 'acct-9' };
    expect(accountIdFor(keys, { kind: 'internalid' })).toBe('12345');
    expect(accountIdFor(keys, { kind: 'entityid' })).toBe('ACME');
    expect(accountIdFor(keys, { kind: 'field', fieldId: 'custentity_fs_id' })).toBe('acct-9');
    const c = customer('1', { keys: { id: '1', entityId: 'A', customKey: '' }, parent: { id: '2', entityId: 'P', customKey: '' } });
    expect(mapCustomer(c, config({ accountIdSource: 'entityid' }), T0).payload).toMatchObject({ account_id: 'A', parent_account_id: 'P' });
  });

  test('custom fields go to typed dimensions; long text is truncated to 400 with a warning; excluded fields are not sent', () => {
    const cfg = config({
      mappingJson: JSON.stringify({
        customer: {
          custom: [
            { field: 'custentity_notes', type: 'text', key: 'notes' },
            { field: 'custentity_seats', type: 'number', key: 'seats' },
            { field: 'custentity_renewal', type: 'date', key: 'renewal' },
            { field: 'custentity_vip', type: 'boolean', key: 'vip' },
            { field: 'custentity_empty', type: 'text' },
          ],
          exclude: ['phone', 'website'],
        },
      }),
    });
    const c = customer('3', { custom: { custentity_notes: 'x'.repeat(450), custentity_seats: '12', custentity_renewal: T0 + 1, custentity_vip: true, custentity_empty: '' } });
    const { payload, warnings } = mapCustomer(c, cfg, T0);
    expect(payload.custom_label_dimensions).toEqual([{ key: 'notes', value: 'x'.repeat(400) }]);
    expect(payload.custom_value_dimensions).toEqual([{ key: 'seats', value: 12 }, { key: 'vip', value: 1 }]);
    expect(payload.custom_event_dimensions).toEqual([{ key: 'renewal', value: T0 + 1 }]);
    expect(warnings).toEqual([{ recordId: '3', field: 'custentity_notes', message: 'custentity_notes truncated from 450 to 400 characters', reason: 'custentity_notes: text longer than 400 characters, sent cut to 400' }]);
    expect(payload).not.toHaveProperty('phone');
    expect(payload).not.toHaveProperty('website');
  });
});

describe('contact mapping', () => {
  test('user_id from internal id or email; is_active always sent', () => {
    const c = contact('77', '42', { email: ' Ada@Example.com ', isInactive: true });
    expect(userIdFor(c, 'internalid')).toBe('77');
    expect(userIdFor(c, 'email')).toBe('ada@example.com');
    expect(mapContact(c, '42', config()).payload).toEqual({
      account_id: '42',
      user_id: '77',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: ' Ada@Example.com ',
      phone: '555-0200',
      title: 'CTO',
      is_active: false,
    });
  });
});
