import { pauseHolds } from '../../../src/TypeScript/app/pause';
import { planDrain } from '../../../src/TypeScript/app/planDrain';
import type { PushTask } from '../../../src/TypeScript/app/pushTasks';
import { nudgeDrain } from '../../../src/TypeScript/app/safetyNet';
import { pushBatch } from '../../../src/TypeScript/app/pushBatch';
import type { WorkBatch } from '../../../src/TypeScript/domain/workBatch';
import { contact, customer, T0 } from '../fixtures';
import { World } from './world';
import { newEntry } from '../../../src/TypeScript/domain/outboxEntry';

const edit = (w: World, id: string, kind: 'customer' | 'contact' = 'customer') =>
  w.outbox.append([newEntry({ kind, recordIds: [id], changedFields: ['phone'], capturedAt: w.clock.now(), source: 'USERINTERFACE' })]);

function seed(w: World, customers: string[], contacts: Array<[string, string]> = []) {
  for (const id of customers) w.snapshots.customers.set(id, customer(id));
  for (const [id, company] of contacts) w.snapshots.contacts.set(id, contact(id, company));
}

describe('drain', () => {
  test('a hundred edits of one customer become one push of its current state; the cursor moves past them all', () => {
    const w = new World();
    seed(w, ['42']);
    for (let i = 0; i < 100; i++) edit(w, '42');
    const { finish } = w.drain();
    expect(w.fs.accounts.get('42')).toMatchObject({ name: 'Company 42', writes: 1 });
    expect(w.fs.posts()).toBe(1);
    expect(w.state.state.drainCursor).toBe(100);
    expect(finish).toMatchObject({ remaining: 0, resubmitted: false, stats: { sent: 1, batches: 1 } });
    expect(w.snapshots.searches).toBe(1);
    // Drained entries are not rewritten: no per-entry write.
    expect(w.outbox.with('PENDING')).toHaveLength(100);
  });

  test('1,000 changed customers and 1,000 contacts: one POST each, accounts before contacts, two searches', () => {
    const w = new World();
    const ids = Array.from({ length: 1000 }, (_, i) => String(i + 1));
    seed(w, ids, ids.map((id) => [String(5000 + Number(id)), id]));
    for (const id of ids) edit(w, id);
    for (const id of ids) edit(w, String(5000 + Number(id)), 'contact');
    w.drain();
    expect(w.fs.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /api/v2/accounts', 'POST /api/v2/account_contacts']);
    expect(w.fs.accounts.size).toBe(1000);
    expect(w.fs.contacts).toHaveLength(1000);
    expect(w.snapshots.searches).toBe(2);
    expect(w.outbox.entries.filter((e) => e.status !== 'PENDING')).toEqual([]);
  });

  test('parents land before children in the same batch', () => {
    const w = new World();
    w.snapshots.customers.set('2', customer('2', { parent: { id: '1', entityId: 'CUST-1', customKey: '' } }));
    w.snapshots.customers.set('1', customer('1'));
    edit(w, '2');
    edit(w, '1');
    w.drain();
    const sent = JSON.parse(w.fs.requests[0]?.body ?? '{}').records.map((r: { account_id: string }) => r.account_id);
    expect(sent).toEqual(['1', '2']);
  });

  test('bursts of 5xx, 429 (Retry-After honoured) and timeouts are retried later with nothing lost', () => {
    const w = new World();
    seed(w, ['1', '2']);
    edit(w, '1');
    edit(w, '2');
    w.fs.faults = [{ kind: 'status', status: 503 }];
    w.drain();
    const retry = w.outbox.with('RETRY');
    expect(retry).toEqual([expect.objectContaining({ recordIds: ['1', '2'], attempt: 1, notBefore: T0 + 45_000, lastError: expect.stringContaining('HTTP 503') })]);
    expect(w.state.state.drainCursor).toBe(2);
    // Not due yet: nothing is sent.
    w.drain();
    expect(w.fs.accounts.size).toBe(0);
    w.clock.advance(45_000);
    w.fs.faults = [{ kind: 'status', status: 429, retryAfter: '600' }];
    w.drain();
    expect(w.outbox.with('RETRY')).toEqual([expect.objectContaining({ attempt: 2, notBefore: w.clock.now() + 600_000 })]);
    w.clock.advance(600_000);
    w.fs.faults = [{ kind: 'timeout' }];
    w.drain();
    w.clock.advance(24 * 3600_000);
    w.drain();
    expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '2']);
    expect(w.outbox.with('RETRY')).toEqual([]);
    // Three retries, and the late-write check after the timeout (domain/lateWrites.ts), all done.
    expect(w.outbox.with('DONE').map((e) => e.lastError.split(':')[0])).toEqual(['HTTP 503', 'HTTP 429', 'request timed out', expect.stringMatching(/^Sent again after a request whose outcome is unknown/)]);
  });

  test('a record-level data error is dead-lettered with its message and a hint while the rest of the batch lands', () => {
    const w = new World();
    seed(w, ['1', '2', '3']);
    ['1', '2', '3'].forEach((id) => edit(w, id));
    w.fs.poison.set('2', 'Invalid type for property: join_date (expecting timestamp)');
    w.drain();
    expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '3']);
    expect(w.outbox.with('DEAD')).toEqual([
      expect.objectContaining({ recordIds: ['2'], lastError: 'Invalid type for property: join_date (expecting timestamp)', hint: expect.stringContaining('Date Created') }),
    ]);
  });

  test('an invalid record is dead-lettered locally without being sent', () => {
    const w = new World();
    w.snapshots.customers.set('1', customer('1', { companyName: '', firstName: '', lastName: '', keys: { id: '1', entityId: '', customKey: '' } }));
    edit(w, '1');
    w.drain();
    expect(w.fs.requests).toEqual([]);
    expect(w.outbox.with('DEAD')[0]?.lastError).toMatch(/^Not sent: name is empty/);
    expect(w.state.state.drainCursor).toBe(1);
  });

  test('401 stops pushing and keeps queuing; a config change resumes it with nothing lost', () => {
    const w = new World();
    seed(w, ['1', '2']);
    edit(w, '1');
    w.fs.faults = [{ kind: 'status', status: 401 }];
    w.drain();
    expect(w.state.state.pausedAt).toBe(T0);
    expect(w.state.state.pauseMessage).toBe('HTTP 401: fault 401');
    expect(w.outbox.with('RETRY')[0]).toMatchObject({ recordIds: ['1'], attempt: 0, hint: expect.stringContaining('key') });
    // Still paused: new changes queue, nothing is sent.
    edit(w, '2');
    w.clock.advance(60_000);
    expect(w.drain().plan.status).toBe('paused');
    expect(w.fs.accounts.size).toBe(0);
    // The admin fixes the key: the config record changes after the pause.
    w.config.raw.lastModified = w.clock.now();
    w.clock.advance(1000);
    expect(w.drain().plan.status).toBe('planned');
    expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '2']);
    expect(w.state.state.pausedAt).toBeNull();
  });

  test('413 splits the batch until it fits; a record too large alone is dead-lettered', () => {
    const w = new World();
    seed(w, ['1', '2', '3', '4']);
    w.snapshots.customers.set('5', customer('5', { companyName: 'x'.repeat(3000) }));
    ['1', '2', '3', '4', '5'].forEach((id) => edit(w, id));
    w.fs.maxBodyBytes = 2000;
    w.drain();
    expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '2', '3', '4']);
    expect(w.outbox.with('DEAD')).toEqual([expect.objectContaining({ recordIds: ['5'], lastError: expect.stringContaining('413') })]);
  });

  test('a batch-level rejection is split to isolate the poisonous record', () => {
    const w = new World();
    seed(w, ['1', '2']);
    edit(w, '1');
    edit(w, '2');
    w.fs.faults = [{ kind: 'reject', message: 'Malformed records' }, { kind: 'reject', message: 'Malformed records' }];
    w.drain();
    expect([...w.fs.accounts.keys()]).toEqual(['2']);
    expect(w.outbox.with('DEAD')).toEqual([expect.objectContaining({ recordIds: ['1'], lastError: 'Malformed records' })]);
  });

  test('Account not found: the contact’s company is pushed first, then the contact once more', () => {
    const w = new World();
    seed(w, ['7'], [['70', '7']]);
    edit(w, '70', 'contact');
    w.drain();
    expect(w.fs.accounts.has('7')).toBe(true);
    expect(w.fs.contacts).toEqual([expect.objectContaining({ account_id: '7', user_id: '70', is_active: true })]);
    expect(w.outbox.entries.filter((e) => e.status !== 'PENDING')).toEqual([]);
  });

  test('contacts without a company are reported as skipped with the reason, never dropped silently', () => {
    const w = new World();
    w.snapshots.contacts.set('70', contact('70', null));
    edit(w, '70', 'contact');
    const { plan } = w.drain();
    expect(plan.notes.skipped).toBe(1);
    expect(w.outbox.with('SKIPPED')).toEqual([expect.objectContaining({ kind: 'contact', recordIds: ['70'], lastError: expect.stringContaining('no company') })]);
  });

  test.each(['move', 'duplicate'] as const)('a contact moved to another company follows (Freshsuccess %s mode)', (mode) => {
    const w = new World();
    w.fs.contactMove = mode;
    seed(w, ['7', '8'], [['70', '7']]);
    edit(w, '7');
    edit(w, '8');
    edit(w, '70', 'contact');
    w.drain();
    w.snapshots.contacts.set('70', contact('70', '8'));
    w.outbox.append([newEntry({ kind: 'contact', recordIds: ['70'], changedFields: ['company'], capturedAt: T0, source: 'USERINTERFACE', previousCompanies: { '70': '7' } })]);
    w.drain();
    const active = w.fs.contacts.filter((c) => c['is_active'] === true);
    expect(active).toEqual([expect.objectContaining({ account_id: '8', user_id: '70' })]);
  });

  test('deletes: a customer is deactivated (DELETE), a contact set inactive on its captured account', () => {
    const w = new World();
    seed(w, ['7'], [['70', '7']]);
    edit(w, '7');
    edit(w, '70', 'contact');
    w.drain();
    w.outbox.append([
      newEntry({ kind: 'contact', recordIds: ['70'], event: 'delete', capturedAt: T0, source: 'USERINTERFACE', tombstones: { '70': { accountId: '7', userId: '70' } } }),
      newEntry({ kind: 'customer', recordIds: ['7'], event: 'delete', capturedAt: T0, source: 'USERINTERFACE', tombstones: { '7': { accountId: '7' } } }),
    ]);
    w.drain();
    expect(w.fs.accounts.get('7')?.active).toBe(false);
    expect(w.fs.contacts[0]?.['is_active']).toBe(false);
  });

  test('a batch whose invocation crashed does not hold the cursor: its records wait as one RETRY entry, then land', () => {
    const w = new World({ batchMaxRecords: 2 });
    seed(w, ['1', '2', '3', '4']);
    ['1', '2', '3', '4'].forEach((id) => edit(w, id));
    const { finish } = w.drain({ crash: (key) => key.startsWith('A00002') });
    expect(w.state.state.drainCursor).toBe(4);
    expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '2']);
    const parked = w.outbox.with('RETRY');
    expect(parked).toEqual([expect.objectContaining({ kind: 'customer', recordIds: ['3', '4'], attempt: 1, changedFields: ['phone'] })]);
    expect(parked[0]!.notBefore!).toBeGreaterThan(w.clock.now());
    expect(finish.stats).toMatchObject({ failedBatches: 1, retried: 2 });
    w.clock.advance(parked[0]!.notBefore! - w.clock.now());
    w.drain();
    expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '2', '3', '4']);
    expect(w.outbox.with('RETRY')).toEqual([]);
  });

  test('a batch that fails every run backs off instead of jamming the drain: later changes keep flowing', () => {
    const w = new World();
    seed(w, ['1', '9']);
    edit(w, '1');
    const delays: number[] = [];
    for (let run = 0; run < 3; run++) {
      const retry = w.outbox.with('RETRY')[0];
      if (retry) w.clock.advance(retry.notBefore! - w.clock.now());
      w.drain({ crash: (key) => key.startsWith('A') });
      const parked = w.outbox.with('RETRY');
      expect(parked).toHaveLength(1);
      delays.push(parked[0]!.notBefore! - w.clock.now());
    }
    expect(w.outbox.with('RETRY')).toEqual([expect.objectContaining({ recordIds: ['1'], attempt: 3 })]);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays[2]).toBeGreaterThan(delays[1]!);
    edit(w, '9');
    w.drain();
    expect(w.fs.accounts.has('9')).toBe(true);
    expect(w.fs.accounts.has('1')).toBe(false);
    expect(w.state.state.drainCursor).toBe(Math.max(...w.outbox.with('PENDING').map((e) => e.id)));
  });

  test('DELETEs beyond the invocation\'s request budget are not sent: they wait as a RETRY entry and land next run', () => {
    const w = new World();
    const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
    seed(w, ids);
    w.drain();
    for (const id of ids) {
      w.snapshots.customers.delete(id);
      w.outbox.append([newEntry({ kind: 'customer', recordIds: [id], event: 'delete', capturedAt: w.clock.now(), source: 'USERINTERFACE', tombstones: { [id]: { accountId: id } } })]);
    }
    const plan = planDrain({ config: w.config, state: w.state, outbox: w.outbox, snapshots: w.snapshots, clock: w.clock, log: w.log });
    const task = Object.values(plan.tasks)[0] as PushTask;
    const deps = { client: w.client(), outbox: w.outbox, state: w.state, snapshots: w.snapshots, clock: w.clock, random: w.random, log: w.log, restarted: false, maxRequests: 5 };
    const deletesBefore = w.fs.requests.filter((r) => r.method === 'DELETE').length;
    const r = pushBatch(task.batch as WorkBatch, task.config, deps);
    expect(r).toMatchObject({ requests: 5, sent: 5, retried: 7, dead: 0 });
    expect(w.fs.requests.filter((q) => q.method === 'DELETE').length - deletesBefore).toBe(5);
    const retry = w.outbox.with('RETRY');
    expect(retry).toEqual([expect.objectContaining({ recordIds: ids.slice(5), lastError: expect.stringMatching(/governance .* used up/) })]);
    expect(Object.keys(retry[0]!.tombstones)).toEqual(ids.slice(5));
  });

  test('a map invocation restarted midway re-sends (idempotent upsert) but writes no duplicate entries', () => {
    const w = new World();
    seed(w, ['1', '2']);
    edit(w, '1');
    edit(w, '2');
    w.fs.poison.set('2', 'Invalid type for property: phone');
    const plan = planDrain({ config: w.config, state: w.state, outbox: w.outbox, snapshots: w.snapshots, clock: w.clock, log: w.log });
    const [key, task] = Object.entries(plan.tasks)[0] as [string, PushTask];
    const deps = (restarted: boolean) => ({ client: w.client(), outbox: w.outbox, state: w.state, snapshots: w.snapshots, clock: w.clock, random: w.random, log: w.log, restarted });
    pushBatch(task.batch as WorkBatch, task.config, deps(false));
    // The server restarts the stage: the same key runs again.
    pushBatch(task.batch as WorkBatch, task.config, deps(true));
    expect(w.outbox.with('DEAD')).toHaveLength(1);
    expect(w.fs.accounts.get('1')?.writes).toBe(2);
    expect(w.fs.accounts.size).toBe(1);
    expect(key).toMatch(/^A00001\|n=2\|min=1\|max=2$/);
  });

  test('entries left after a run re-submit the drain; an idle run does not', () => {
    const w = new World();
    seed(w, ['1']);
    expect(w.drain().finish).toMatchObject({ cursor: null, resubmitted: false });
    edit(w, '1');
    w.fs.faults = [];
    const originalCount = w.outbox.countDue.bind(w.outbox);
    // An entry committed during the run (after getInputData read the outbox).
    w.outbox.countDue = (cursor, now) => {
      edit(w, '1');
      w.outbox.countDue = originalCount;
      return originalCount(cursor, now);
    };
    expect(w.drain().finish).toMatchObject({ remaining: 1, resubmitted: true });
  });
});

describe('safety net', () => {
  const nudge = (w: World) => nudgeDrain({ config: w.config, state: w.state, outbox: w.outbox, trigger: w.trigger, clock: w.clock });

  test('submits the drain only when entries are due', () => {
    const w = new World();
    expect(nudge(w)).toEqual({ due: 0, submitted: false });
    edit(w, '1');
    expect(nudge(w)).toEqual({ due: 1, submitted: true });
    expect(w.trigger.submitted).toBe(1);
  });

  test('while sync is switched off it starts nothing; switched on, it drains what queued up', () => {
    const w = new World();
    edit(w, '1');
    w.config.raw.enabled = false;
    expect(nudge(w)).toEqual({ due: 0, submitted: false });
    w.config.raw.enabled = true;
    expect(nudge(w)).toEqual({ due: 1, submitted: true });
  });

  test('while paused it waits for a settings change, then nudges', () => {
    const w = new World();
    edit(w, '1');
    w.state.state.pausedAt = T0;
    expect(nudge(w).submitted).toBe(false);
    w.config.raw.lastModified = T0 + 1000;
    expect(nudge(w).submitted).toBe(true);
  });
});

describe('pause', () => {
  test('holds until the settings change; a change in the pause’s own minute counts (NetSuite shows minutes)', () => {
    const cfg = (lastModified: number | null) => ({ ...new World().config.config, lastModified });
    const pausedAt = T0 + 40_000;
    expect(pauseHolds(null, cfg(null))).toBe(false);
    expect(pauseHolds(pausedAt, cfg(null))).toBe(true);
    expect(pauseHolds(pausedAt, cfg(T0 - 1))).toBe(true);
    expect(pauseHolds(pausedAt, cfg(T0))).toBe(false);
    expect(pauseHolds(pausedAt, cfg(T0 + 120_000))).toBe(false);
  });
});

describe('contacts wait for their company', () => {
  test('a company failing in the same run holds its contacts back; both land later, the account written once', () => {
    const w = new World();
    seed(w, ['7'], [['70', '7'], ['71', '7']]);
    edit(w, '7');
    edit(w, '70', 'contact');
    edit(w, '71', 'contact');
    w.fs.faults = [{ kind: 'status', status: 503 }];
    w.drain();
    // The contacts were not sent (no Account-not-found round trip) and wait for the company's retry.
    expect(w.fs.requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v2/accounts']);
    const [company, contacts] = [w.outbox.with('RETRY').find((e) => e.kind === 'customer'), w.outbox.with('RETRY').find((e) => e.kind === 'contact')];
    expect(contacts).toMatchObject({ recordIds: ['70', '71'], notBefore: company?.notBefore, lastError: expect.stringContaining('Waiting for its company') });
    w.clock.advance(3600_000);
    w.drain();
    expect(w.fs.accounts.get('7')?.writes).toBe(1);
    expect(w.fs.contacts.map((c) => c['user_id']).sort()).toEqual(['70', '71']);
  });

  test('a contact change due while its company’s retry is not is deferred to that retry', () => {
    const w = new World();
    seed(w, ['7'], [['70', '7']]);
    edit(w, '7');
    w.fs.faults = [{ kind: 'status', status: 503 }];
    w.drain();
    const companyRetry = w.outbox.with('RETRY')[0];
    edit(w, '70', 'contact');
    w.drain();
    expect(w.fs.requests).toHaveLength(1);
    expect(w.outbox.with('RETRY').find((e) => e.kind === 'contact')).toMatchObject({ recordIds: ['70'], notBefore: companyRetry?.notBefore });
    w.clock.advance(3600_000);
    w.drain();
    expect(w.fs.accounts.get('7')?.writes).toBe(1);
    expect(w.fs.contacts).toEqual([expect.objectContaining({ user_id: '70', account_id: '7' })]);
    expect(w.outbox.with('RETRY')).toEqual([]);
  });
});

describe('scope', () => {
  test('a company entering scope brings its existing contacts along', () => {
    const w = new World({ scopeStages: 'CUSTOMER' });
    w.snapshots.customers.set('7', customer('7', { stage: 'LEAD' }));
    w.snapshots.contacts.set('70', contact('70', '7', { companyStage: 'LEAD' }));
    edit(w, '7');
    edit(w, '70', 'contact');
    w.drain();
    expect(w.fs.requests).toEqual([]);
    // The lead is won: only the company is saved.
    w.snapshots.customers.set('7', customer('7', { stage: 'CUSTOMER' }));
    w.snapshots.contacts.set('70', contact('70', '7', { companyStage: 'CUSTOMER' }));
    w.outbox.append([newEntry({ kind: 'customer', recordIds: ['7'], changedFields: ['stage'], capturedAt: T0, source: 'USERINTERFACE' })]);
    w.drain();
    expect(w.fs.accounts.has('7')).toBe(true);
    expect(w.fs.contacts).toEqual([expect.objectContaining({ user_id: '70', account_id: '7', is_active: true })]);
  });
});

describe('re-keyed records', () => {
  test('a customer whose entity id (its account_id) changes: new account pushed, old one retired, contacts follow', () => {
    const w = new World({ accountIdSource: 'entityid' });
    const keys = (entityId: string) => ({ id: '7', entityId, customKey: '' });
    w.snapshots.customers.set('7', customer('7', { keys: keys('OLD') }));
    w.snapshots.contacts.set('70', contact('70', '7', { company: keys('OLD') }));
    edit(w, '7');
    edit(w, '70', 'contact');
    w.drain();
    const before = { entityid: 'OLD', companyname: 'Company 7', stage: 'CUSTOMER', subsidiary: '1', isinactive: 'F' };
    w.snapshots.customers.set('7', customer('7', { keys: keys('NEW') }));
    w.snapshots.contacts.set('70', contact('70', '7', { company: keys('NEW') }));
    const r = w.capture({ kind: 'customer', id: '7', type: 'edit', oldValues: before, newValues: { ...before, entityid: 'NEW' } });
    expect(r).toMatchObject({ captured: true, changedFields: ['entityid'] });
    expect(w.outbox.entries[w.outbox.entries.length - 1]?.previousKeys).toEqual({ '7': 'OLD' });
    w.drain();
    expect(w.fs.accounts.get('OLD')?.active).toBe(false);
    expect(w.fs.accounts.get('NEW')?.active).toBe(true);
    expect(w.fs.contacts.filter((c) => c['is_active'] === true).map((c) => c['account_id'])).toEqual(['NEW']);
  });

  test('a contact whose email (its user_id) changes: the old user_id is deactivated', () => {
    const w = new World({ userIdSource: 'email' });
    seed(w, ['7'], [['70', '7']]);
    w.snapshots.contacts.set('70', contact('70', '7', { email: 'old@x.test' }));
    edit(w, '7');
    edit(w, '70', 'contact');
    w.drain();
    w.snapshots.contacts.set('70', contact('70', '7', { email: 'new@x.test' }));
    const old = { company: '7', email: 'old@x.test', isinactive: 'F' };
    w.capture({ kind: 'contact', id: '70', type: 'edit', oldValues: old, newValues: { ...old, email: 'new@x.test' } });
    w.drain();
    expect(w.fs.contacts.map((c) => [c['user_id'], c['is_active']])).toEqual([['old@x.test', false], ['new@x.test', true]]);
  });
});
