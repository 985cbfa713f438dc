import { decideCapture, type SaveFacts } from '../../../src/TypeScript/domain/changeDetection';
import { watchedFields } from '../../../src/TypeScript/domain/fieldCatalog';
import { config } from '../fixtures';

const cfg = config({ scopeStages: 'CUSTOMER' });
const watched = watchedFields('customer', cfg);
const base = { companyname: 'Acme', phone: '1', stage: 'CUSTOMER', subsidiary: '1', isinactive: false, comments: 'a' };

function facts(over: Partial<SaveFacts>): SaveFacts {
  return { kind: 'customer', type: 'edit', oldValues: base, newValues: base, watched, scope: cfg.scope, ...over };
}

describe('decideCapture', () => {
  test('an edit of an unmapped field is not captured; a mapped one is, with the fields that changed', () => {
    expect(decideCapture(facts({ newValues: { ...base, comments: 'b' } }))).toEqual({ capture: false, reason: 'no synced field changed' });
    expect(decideCapture(facts({ newValues: { ...base, phone: '2' } }))).toEqual({ capture: true, event: 'update', changedFields: ['phone'] });
  });

  test('T/F, booleans, null and empty strings compare as the same value', () => {
    expect(decideCapture(facts({ oldValues: { ...base, isinactive: 'F', phone: null }, newValues: { ...base, isinactive: false, phone: '' } })).capture).toBe(false);
  });

  test('inactivation and reactivation are named', () => {
    expect(decideCapture(facts({ newValues: { ...base, isinactive: 'T' } }))).toMatchObject({ capture: true, event: 'inactivate' });
    expect(decideCapture(facts({ oldValues: { ...base, isinactive: true } }))).toMatchObject({ capture: true, event: 'reactivate' });
  });

  test('delete is always captured; create is captured when in scope', () => {
    expect(decideCapture(facts({ type: 'delete', newValues: null }))).toEqual({ capture: true, event: 'delete', changedFields: [] });
    expect(decideCapture(facts({ type: 'create', oldValues: null }))).toMatchObject({ capture: true, event: 'create' });
    expect(decideCapture(facts({ type: 'create', oldValues: null, newValues: { ...base, stage: 'LEAD' } }))).toEqual({ capture: false, reason: 'out of scope' });
  });

  test('a created record lists only the fields it has a value in: empty ones have nothing to clear or unset', () => {
    const created = decideCapture(facts({ type: 'create', oldValues: null, newValues: { ...base, phone: '', parent: null } }));
    expect(created).toMatchObject({ capture: true, event: 'create' });
    const fields = (created as { changedFields: string[] }).changedFields;
    expect(fields).toEqual(expect.arrayContaining(['companyname', 'stage', 'subsidiary']));
    expect(fields).not.toContain('phone');
    expect(fields).not.toContain('parent');
  });

  test('a record leaving scope is captured (the drain decides), one never in scope is not', () => {
    expect(decideCapture(facts({ newValues: { ...base, stage: 'LEAD' } }))).toMatchObject({ capture: true, changedFields: ['stage'] });
    const lead = { ...base, stage: 'LEAD' };
    expect(decideCapture(facts({ oldValues: lead, newValues: { ...lead, phone: '9' } })).capture).toBe(false);
  });

  test('contacts are not captured when contact sync is off', () => {
    const off = config({ syncContacts: 'F' });
    expect(decideCapture({ kind: 'contact', type: 'delete', oldValues: {}, newValues: null, watched: [], scope: off.scope })).toEqual({ capture: false, reason: 'contacts are not synced' });
  });

  test('watched fields follow the config: key source fields, custom fields, excludes', () => {
    const c = config({ accountIdSource: 'entityid', mappingJson: JSON.stringify({ customer: { custom: [{ field: 'custentity_tier', type: 'text' }], exclude: ['phone'] } }) });
    const w = watchedFields('customer', c);
    expect(w).toEqual(expect.arrayContaining(['entityid', 'custentity_tier', 'companyname', 'isinactive']));
    expect(w).not.toContain('phone');
    expect(watchedFields('contact', config({ userIdSource: 'email' }))).toEqual(expect.arrayContaining(['company', 'email']));
  });
});
