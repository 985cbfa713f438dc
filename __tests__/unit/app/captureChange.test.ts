import { customer, T0 } from '../fixtures';
import { World } from './world';

const acme = { companyname: 'Acme', phone: '1', stage: 'CUSTOMER', subsidiary: '1', isinactive: 'F', entityid: 'ACME', datecreated: T0 - 1000, isperson: 'F' };

describe('captureChange', () => {
  test('an edit of a synced field appends one entry and nudges the drain; an unsynced edit appends nothing', () => {
    const w = new World();
    expect(w.capture({ kind: 'customer', id: '42', type: 'edit', oldValues: acme, newValues: { ...acme, comments: 'x' } })).toEqual({ captured: false, reason: 'no synced field changed' });
    expect(w.outbox.entries).toEqual([]);
    const r = w.capture({ kind: 'customer', id: '42', type: 'edit', oldValues: acme, newValues: { ...acme, phone: '2' }, executionContext: 'CSVIMPORT' });
    expect(r).toEqual({ captured: true, event: 'update', changedFields: ['phone'], trigger: 'submitted' });
    expect(w.outbox.entries).toEqual([expect.objectContaining({ kind: 'customer', recordIds: ['42'], status: 'PENDING', source: 'CSVIMPORT', changedFields: ['phone'], capturedAt: T0 })]);
    expect(w.trigger.submitted).toBe(1);
  });

  test('a drain that is already running is harmless: the entry is queued all the same', () => {
    const w = new World();
    w.trigger.answer = 'already_running';
    expect(w.capture({ kind: 'customer', id: '1', type: 'create', newValues: acme })).toMatchObject({ captured: true, event: 'create', trigger: 'already_running' });
    expect(w.outbox.entries).toHaveLength(1);
  });

  test('while a drain is marked queued, captures skip the submit; the drain clears the mark, and the next capture submits again', () => {
    const w = new World();
    expect(w.capture({ kind: 'customer', id: '1', type: 'create', newValues: acme })).toMatchObject({ trigger: 'submitted' });
    expect(w.state.state.drainQueuedAt).not.toBeFalsy();
    expect(w.capture({ kind: 'customer', id: '1', type: 'edit', oldValues: acme, newValues: { ...acme, phone: '2' } })).toMatchObject({ captured: true, trigger: 'already_queued' });
    expect(w.outbox.entries).toHaveLength(2);
    expect(w.trigger.submitted).toBe(1);
    w.drain();
    expect(w.state.state.drainQueuedAt).toBeNull();
    expect(w.capture({ kind: 'customer', id: '1', type: 'edit', oldValues: { ...acme, phone: '2' }, newValues: { ...acme, phone: '3' } })).toMatchObject({ trigger: 'submitted' });
    expect(w.trigger.submitted).toBe(2);
  });

  test('a refused submit sets no mark: the next capture tries again', () => {
    const w = new World();
    w.trigger.answer = 'already_running';
    w.capture({ kind: 'customer', id: '1', type: 'create', newValues: acme });
    expect(w.capture({ kind: 'customer', id: '1', type: 'edit', oldValues: acme, newValues: { ...acme, phone: '2' } })).toMatchObject({ trigger: 'already_running' });
    expect(w.trigger.submitted).toBe(2);
  });

  test('an inline edit is completed with one lookup of the current values (scope fields it did not carry)', () => {
    const w = new World({ scopeStages: 'CUSTOMER' });
    w.current.set('customer:42', { ...acme, phone: '9' });
    const r = w.capture({ kind: 'customer', id: '42', type: 'xedit', oldValues: acme, newValues: { phone: '9' } });
    expect(r).toMatchObject({ captured: true, changedFields: ['phone'] });
    expect(w.lookups).toBe(1);
  });

  test('a customer delete captures a tombstone with its account_id, name and join date', () => {
    const w = new World({ accountIdSource: 'entityid', deleteCustomer: 'churn' });
    w.capture({ kind: 'customer', id: '42', type: 'delete', oldValues: acme });
    expect(w.outbox.entries[0]).toMatchObject({ event: 'delete', tombstones: { '42': { accountId: 'ACME', name: 'Acme', joinDate: T0 - 1000, deletedAt: T0 } } });
  });

  test("a contact delete captures its user_id and its company's account_id (looked up when not the internal id)", () => {
    const w = new World({ accountIdSource: 'entityid' });
    w.snapshots.customers.set('7', customer('7', { keys: { id: '7', entityId: 'SEVEN', customKey: '' } }));
    w.capture({ kind: 'contact', id: '70', type: 'delete', oldValues: { company: '7', email: 'a@b.c', isinactive: 'F' } });
    expect(w.outbox.entries[0]?.tombstones).toEqual({ '70': { userId: '70', accountId: 'SEVEN', deletedAt: T0 } });
  });

  test('a contact moved to another company remembers the old account', () => {
    const w = new World();
    const old = { company: '7', firstname: 'Ada', isinactive: 'F' };
    w.capture({ kind: 'contact', id: '70', type: 'edit', oldValues: old, newValues: { ...old, company: '8' } });
    expect(w.outbox.entries[0]).toMatchObject({ changedFields: ['company'], previousCompanies: { '70': '7' } });
  });

  test('while sync is disabled a change is queued but no drain is started', () => {
    const w = new World({ enabled: false });
    expect(w.capture({ kind: 'customer', id: '1', type: 'create', newValues: acme })).toMatchObject({ captured: true, trigger: 'sync_disabled' });
    expect(w.outbox.entries).toHaveLength(1);
    expect(w.trigger.submitted).toBe(0);
  });

  test('nothing is captured while not configured, and views are ignored', () => {
    const w = new World();
    w.config.present = false;
    expect(w.capture({ kind: 'customer', id: '1', type: 'create', newValues: acme })).toEqual({ captured: false, reason: 'not configured' });
    expect(w.capture({ kind: 'customer', id: '1', type: null })).toEqual({ captured: false, reason: 'event type not synced' });
    expect(w.outbox.entries).toEqual([]);
    expect(w.trigger.submitted).toBe(0);
  });

  test('a delete under the ignore policy queues nothing', () => {
    const w = new World({ deleteCustomer: 'ignore' });
    expect(w.capture({ kind: 'customer', id: '42', type: 'delete', oldValues: acme })).toEqual({ captured: false, reason: 'delete policy is ignore' });
    expect(w.outbox.entries).toEqual([]);
    expect(w.trigger.submitted).toBe(0);
  });
});
