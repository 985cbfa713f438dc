import { finishFullSync, planFullSync } from '../../../src/TypeScript/app/fullSync';
import { stageInput } from '../../../src/TypeScript/app/pushStages';
import { reconcile } from './reconcileRun';
import { sweep } from '../../../src/TypeScript/app/sweep';
import { contact, customer, T0 } from '../fixtures';
import { FakeFinder } from './fakes';
import { runMapReduce } from './mapReduceFramework';
import { World } from './world';
import { newEntry } from '../../../src/TypeScript/domain/outboxEntry';

/** No recipients are set in these settings: the alerts read and mail nothing. */
const NO_ALERTS = {
  queue: { counts: () => { throw new Error('no recipients: the queue is not read for alerts'); } },
  mailer: { send: () => { throw new Error('no recipients: nothing is mailed'); }, pageUrl: () => '/page' },
};

function fullSync(w: World, crash: (key: string) => boolean = () => false) {
  const deps = { config: w.config, state: w.state, outbox: w.outbox, snapshots: w.snapshots, clock: w.clock, log: w.log };
  const previous = () => w.state.read().fullSync;
  const plan = planFullSync(deps);
  const summary = runMapReduce(stageInput(plan.tasks), w.push({ crash }));
  const done = finishFullSync({ runId: plan.runId, startedAt: T0, ...summary, previous }, { state: w.state, trigger: w.trigger, clock: w.clock, log: w.log });
  return { plan, done };
}

describe('full sync', () => {
  test('every in-scope record through the drain path: one POST per type up to 2,500 records, accounts first', () => {
    const w = new World({ scopeStages: 'CUSTOMER' });
    for (let i = 1; i <= 2500; i++) w.snapshots.customers.set(String(i), customer(String(i)));
    w.snapshots.customers.set('9999', customer('9999', { stage: 'LEAD' }));
    for (let i = 1; i <= 1500; i++) w.snapshots.contacts.set(String(10_000 + i), contact(String(10_000 + i), String(i)));
    const { done } = fullSync(w);
    expect(w.fs.accounts.size).toBe(2500);
    expect(w.fs.contacts).toHaveLength(1500);
    expect(w.fs.posts()).toBe(2);
    expect(new URL(w.fs.requests[0]?.url ?? '').pathname).toBe('/api/v2/accounts');
    expect(done.state.status).toBe('done');
    expect(done.stats.sent).toBe(4000);
  });

  test('a crashed batch leaves the run partial; the next run resumes from that batch only', () => {
    const w = new World({ batchMaxRecords: 10 });
    for (let i = 1; i <= 30; i++) w.snapshots.customers.set(String(i), customer(String(i)));
    w.snapshots.contacts.set('100', contact('100', '1'));
    const first = fullSync(w, (key) => key.startsWith('A00002'));
    expect(first.done.state).toMatchObject({ status: 'partial', customerAfter: '10', customersDone: false, contactsDone: true });
    expect(w.fs.accounts.size).toBe(20);
    const requestsBefore = w.fs.requests.length;
    const second = fullSync(w);
    expect(second.plan.customers).toBe(20);
    expect(second.plan.contacts).toBe(0);
    expect(w.fs.accounts.size).toBe(30);
    expect(w.fs.requests.length - requestsBefore).toBe(2);
    expect(second.done.state.status).toBe('done');
  });
});

describe('sweep', () => {
  test('catches changes User Events did not see (and deletions), skips those already captured, counts them', () => {
    const w = new World();
    w.state.state.sweepWatermark = T0 - 15 * 60_000;
    w.outbox.append([newEntry({ kind: 'customer', recordIds: ['1'], capturedAt: T0 - 60_000, source: 'USERINTERFACE' })]);
    const finder = new FakeFinder();
    finder.modified.customer = [{ id: '1', lastModified: T0 - 61_000 }, { id: '2', lastModified: T0 - 120_000 }, { id: '3', lastModified: T0 - 40 * 60_000 }];
    finder.modified.contact = [{ id: '70', lastModified: T0 - 5000 }];
    finder.deleted = [{ kind: 'customer', id: '5', deletedAt: T0 - 1000 }];
    const report = sweep({ config: w.config, state: w.state, outbox: w.outbox, finder, trigger: w.trigger, clock: w.clock, log: w.log, canContinue: () => true, alerts: NO_ALERTS });
    expect(report).toMatchObject({ status: 'swept', since: T0 - 25 * 60_000, caught: { customer: 1, contact: 1, deletions: 1 }, alreadyCaptured: 1 });
    const swept = w.outbox.entries.filter((e) => e.source === 'SWEEP');
    expect(swept.map((e) => [e.kind, e.event, e.recordIds, e.tombstones])).toEqual([
      ['customer', 'update', ['2'], {}],
      ['contact', 'update', ['70'], {}],
      ['customer', 'delete', ['5'], { '5': { accountId: '5', deletedAt: T0 - 1000 } }],
    ]);
    expect(w.state.state.sweepWatermark).toBe(T0);
    expect(w.trigger.submitted).toBe(1);
  });

  test('a CSV import with scripts off reaches Freshsuccess through sweep + drain', () => {
    const w = new World();
    w.snapshots.customers.set('2', customer('2'));
    const finder = new FakeFinder();
    finder.modified.customer = [{ id: '2', lastModified: T0 - 1000 }];
    sweep({ config: w.config, state: w.state, outbox: w.outbox, finder, trigger: w.trigger, clock: w.clock, log: w.log, canContinue: () => true, alerts: NO_ALERTS });
    w.drain();
    expect(w.fs.accounts.get('2')).toMatchObject({ name: 'Company 2' });
  });

  test('purges drained entries past retention while governance remains', () => {
    const w = new World();
    const old = T0 - 40 * 86400_000;
    for (let i = 0; i < 5; i++) w.outbox.append([newEntry({ kind: 'customer', recordIds: [String(i)], capturedAt: old, source: 'UI' })]);
    w.state.state.drainCursor = 4;
    let budget = 3;
    const report = sweep({ config: w.config, state: w.state, outbox: w.outbox, finder: new FakeFinder(), trigger: w.trigger, clock: w.clock, log: w.log, canContinue: () => budget-- > 0, alerts: NO_ALERTS });
    expect(report.purged).toBe(3);
    expect(w.outbox.entries.map((e) => e.id)).toEqual([4, 5]);
    // Later the same day: no purge; the next day: purged again.
    w.clock.advance(15 * 60_000);
    budget = 10;
    const sweepAgain = () => sweep({ config: w.config, state: w.state, outbox: w.outbox, finder: new FakeFinder(), trigger: w.trigger, clock: w.clock, log: w.log, canContinue: () => budget-- > 0, alerts: NO_ALERTS });
    expect(sweepAgain().purged).toBe(0);
    w.clock.advance(86400_000);
    expect(sweepAgain().purged).toBe(1);
    // Entry 5 is above the drain cursor: not drained yet, never purged.
    expect(w.outbox.entries.map((e) => e.id)).toEqual([5]);
  });
});

describe('reconcile', () => {
  test('queues missing and drifted records; reports extras; removes them only when asked', () => {
    const w = new World();
    for (const id of ['1', '2', '3']) w.snapshots.customers.set(id, customer(id));
    w.fs.accounts.set('1', { ...{ account_id: '1', name: 'Company 1', stage: 'Customer' }, writes: 1, active: true });
    w.fs.accounts.set('2', { ...{ account_id: '2', name: 'Old name', stage: 'Customer' }, writes: 1, active: true });
    w.fs.accounts.set('9', { ...{ account_id: '9', name: 'Elsewhere' }, writes: 1, active: true });
    const deps = { config: w.config, snapshots: w.snapshots, client: () => w.client(), outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log, state: w.state };
    const report = reconcile(deps);
    expect(report).toMatchObject({ status: 'done', accounts: { missing: 1, drifted: 1, extra: 1 }, queued: 2 });
    // Kept for the admin page, which also reads from it how many extras a removal would deactivate.
    expect(w.state.read().lastReconcile).toEqual({ at: w.clock.now(), status: 'done', message: '', accounts: { missing: 1, drifted: 1, extra: 1 }, contacts: expect.anything(), queued: 2, removedExtras: false });
    expect(w.outbox.entries[0]?.recordIds).toEqual(['3', '2']);
    w.drain();
    expect(w.fs.accounts.get('2')?.['name']).toBe('Company 2');
    expect(w.fs.accounts.get('3')?.['name']).toBe('Company 3');
    reconcile(deps, { removeExtras: true });
    w.drain();
    expect(w.fs.accounts.get('9')?.active).toBe(false);
  });

  test('settings with problems are reported by their messages, nothing read or queued', () => {
    const w = new World({ region: 'apac', batchMaxRecords: '0' });
    const report = reconcile({ config: w.config, snapshots: w.snapshots, client: () => w.client(), outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log, state: w.state });
    expect(report).toMatchObject({ status: 'misconfigured', message: 'Region must be one of us, eu (got "apac"); Batch size (records) must be a whole number from 1 to 5000 (got 0)' });
    expect(w.fs.requests).toHaveLength(0);
    expect(w.outbox.entries).toEqual([]);
  });

  test('sync switched off: the differences are reported, nothing is queued or submitted', () => {
    const w = new World({ enabled: false });
    for (const id of ['1', '2']) w.snapshots.customers.set(id, customer(id));
    w.fs.accounts.set('1', { ...{ account_id: '1', name: 'Old name', stage: 'Customer' }, writes: 1, active: true });
    const report = reconcile({ config: w.config, snapshots: w.snapshots, client: () => w.client(), outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log, state: w.state });
    expect(report).toMatchObject({ status: 'disabled', accounts: { missing: 1, drifted: 1, extra: 0 }, queued: 0 });
    expect(w.outbox.entries).toEqual([]);
    expect(w.trigger.submitted).toBe(0);
  });

  test('a contact whose company a saved-search scope leaves out is not queued as missing', () => {
    const w = new World({ scopeSavedSearch: 'customsearch_fsc_scope' });
    // The saved search (applied by the customer search, as NetSuite does) returns customer 1 only.
    const byIds = w.snapshots.customersByIds.bind(w.snapshots);
    w.snapshots.customersByIds = (ids: readonly string[]) => byIds(ids).filter((c) => c.keys.id === '1');
    w.snapshots.savedScope = new Set(['1']);
    for (const id of ['1', '2']) w.snapshots.customers.set(id, customer(id));
    w.snapshots.contacts.set('11', contact('11', '1'));
    w.snapshots.contacts.set('12', contact('12', '2'));
    w.snapshots.contacts.set('13', contact('13', '1', { companyStage: 'LEAD' }));
    const deps = { config: w.config, snapshots: w.snapshots, client: () => w.client(), outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log, state: w.state };
    const report = reconcile(deps);
    expect(report).toMatchObject({ status: 'done', accounts: { missing: 1 }, contacts: { missing: 2 }, queued: 3 });
    expect(w.outbox.entries.find((e) => e.kind === 'contact')?.recordIds).toEqual(['11', '13']);
    // Stage scope still applies to contacts through their company's joined stage.
    const staged = new World({ scopeStages: 'CUSTOMER' });
    staged.snapshots.customers.set('1', customer('1'));
    staged.snapshots.contacts.set('13', contact('13', '1', { companyStage: 'LEAD' }));
    expect(reconcile({ ...deps, config: staged.config, snapshots: staged.snapshots, outbox: staged.outbox, client: () => staged.client() })).toMatchObject({ contacts: { missing: 0 } });
  });

  test('a refused key is reported, nothing queued', () => {
    const w = new World();
    w.fs.faults = [{ kind: 'status', status: 401 }];
    const report = reconcile({ config: w.config, snapshots: w.snapshots, client: () => w.client(), outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log, state: w.state });
    expect(report).toMatchObject({ status: 'failed', message: expect.stringContaining('auth') });
    expect(w.outbox.entries).toEqual([]);
  });
});
