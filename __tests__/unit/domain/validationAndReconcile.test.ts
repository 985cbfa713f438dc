import { diffAccounts, diffContacts, removableDimensions } from '../../../src/TypeScript/domain/reconcile';
import { validateAccount, validateContact } from '../../../src/TypeScript/domain/validation';

describe('payload validation', () => {
  test('required fields on insert, types, lengths, dimension shapes', () => {
    expect(validateAccount({ account_id: '1', name: 'A', join_date: 1 }, true)).toEqual([]);
    expect(validateAccount({ account_id: ' ', join_date: 1.5 }, true)).toEqual([
      'account_id is empty',
      'name is empty (a company name, or first and last name, is required)',
      'join_date must be a date in epoch milliseconds',
    ]);
    expect(validateAccount({ account_id: 'a/b', name: 'x'.repeat(5000), join_date: 1 }, true)).toEqual([
      'account_id "a/b" contains / ? # or %, which cannot be used in Freshsuccess URLs',
      'name is longer than 4000 characters',
    ]);
    expect(
      validateAccount({ account_id: '1', custom_label_dimensions: [{ key: 'k', value: 'y'.repeat(401) }, { key: 'k', value: 'z' }], custom_event_dimensions: [{ key: 'd', value: -1.5 }, { key: 'old', value: Date.UTC(1969, 6, 20) }] }, false),
    ).toEqual([
      'custom_label_dimensions "k" is longer than 400 characters',
      'custom_label_dimensions has the key "k" twice',
      'custom_event_dimensions "d" must be a date in epoch milliseconds',
    ]);
    expect(validateContact({ account_id: '1', user_id: '' })).toEqual(['user_id is empty']);
  });

  test('dates before 1970 are valid epoch milliseconds; fractions and unsafe integers are not', () => {
    expect(validateAccount({ account_id: '1', name: 'A', join_date: Date.UTC(1950, 0, 1) }, true)).toEqual([]);
    expect(validateAccount({ account_id: '1', join_date: 2 ** 60 }, false)).toEqual(['join_date must be a date in epoch milliseconds']);
  });
});

describe('reconcile diff', () => {
  test('accounts: missing, drifted (stage read back as current_stage), extra only when active', () => {
    const diff = diffAccounts(
      [
        { recordId: '1', payload: { account_id: '1', name: 'A', stage: 'Customer' } },
        { recordId: '2', payload: { account_id: '2', name: 'B', stage: 'Customer', custom_label_dimensions: [{ key: 'tier', value: 'Gold' }] } },
        { recordId: '3', payload: { account_id: '3', name: 'C' } },
      ],
      [
        { account_id: '1', name: 'A', current_stage: 'Customer' },
        { account_id: '2', name: 'B (old)', current_stage: 'Lead', custom_label_dimensions: [{ key: 'tier', value: 'Silver' }] },
        { account_id: '9', name: 'Z', is_active: true },
        { account_id: '8', name: 'Y', is_churned: true },
      ],
    );
    expect(diff).toEqual({ missing: ['3'], drifted: [{ recordId: '2', fields: ['name', 'stage', 'custom_label_dimensions'], clear: [] }], extra: [{ accountId: '9' }] });
  });

  test('accounts: a parent and mapped text/number values Freshsuccess kept are left behind; other keys and dates are not', () => {
    const mapping = [
      { fieldId: 'custentity_seg', type: 'text' as const, key: 'segment' },
      { fieldId: 'custentity_seats', type: 'number' as const, key: 'seats' },
      { fieldId: 'custentity_renew', type: 'date' as const, key: 'renewal' },
    ];
    const diff = diffAccounts(
      [{ recordId: '1', payload: { account_id: '1', name: 'A' } }],
      [{ account_id: '1', name: 'A', parent_account_id: '7', custom_label_dimensions: [{ key: 'segment', value: 'Ent' }, { key: 'crm_owner', value: 'Dana' }], custom_value_dimensions: [{ key: 'seats', value: 3 }], custom_event_dimensions: [{ key: 'renewal', value: 1 }] }],
      removableDimensions(mapping),
    );
    expect(diff.drifted).toEqual([{ recordId: '1', fields: ['parent_account_id', 'custom_label_dimensions', 'custom_value_dimensions'], clear: ['parent', 'custentity_seg', 'custentity_seats'] }]);
  });

  test('contacts: a copy left active on an old account is an extra', () => {
    const diff = diffContacts(
      [{ recordId: '5', payload: { account_id: 'new', user_id: '5', first_name: 'Ada' } }],
      [
        { account_id: 'old', user_id: '5', first_name: 'Ada', is_active: true },
        { account_id: 'new', user_id: '5', first_name: 'Ada', is_active: true },
        { account_id: 'x', user_id: '6', is_active: false },
      ],
    );
    expect(diff).toEqual({ missing: [], drifted: [], extra: [{ accountId: 'old', userId: '5' }] });
  });
});
