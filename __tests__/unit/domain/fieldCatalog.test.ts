import { customFieldFitProblem, dimensionTypesFor, excludableFields } from '../../../src/TypeScript/domain/fieldCatalog';

test('the fields an administrator may leave out are what FreshSync sends, without the keys and required fields', () => {
  expect(excludableFields('customer')).toEqual(['billing_street', 'billing_city', 'billing_state', 'billing_postal_code', 'billing_country', 'phone', 'website', 'industry', 'sales_rep_name', 'sales_rep_email', 'parent_account_id', 'stage', 'is_churned', 'inactive_time']);
  expect(excludableFields('contact')).toEqual(['first_name', 'last_name', 'email', 'phone', 'title']);
});

test.each<[string, string[]]>([
  ['TEXT', ['text']],
  ['Free-Form Text', ['text']],
  ['SELECT', ['text']],
  ['INTEGER', ['number', 'text']],
  ['Decimal Number', ['number', 'text']],
  ['DATE', ['date', 'text']],
  ['Date/Time', ['date', 'text']],
  ['CHECKBOX', ['boolean']],
  ['Check Box', ['boolean']],
  ['PASSWORD', []],
  ['Something new', ['text', 'number', 'date', 'boolean']],
])('a %s field can be sent as %j', (type, fits) => {
  expect(dimensionTypesFor(type)).toEqual(fits);
});

test('a mapped field must apply to its record and be sent as a type that fits; a field not listed is left to the search', () => {
  const fields = [{ id: 'custentity_score', label: 'Score', type: 'FLOAT', customer: true, contact: false }];
  expect(customFieldFitProblem('customer', 'CUSTENTITY_SCORE', 'number', fields)).toBeNull();
  expect(customFieldFitProblem('customer', 'custentity_score', 'date', fields)).toBe('custentity_score is a field of type FLOAT: send it as number or text, not date');
  expect(customFieldFitProblem('contact', 'custentity_score', 'number', fields)).toMatch(/^custentity_score is not a field of contacts in this account/);
  expect(customFieldFitProblem('customer', 'custentity_other', 'date', fields)).toBeNull();
});
