import { cutBatches, cutGreedy, hierarchyDepths, parentsFirst, utf8Length } from '../../../src/TypeScript/domain/batching';
import { coalesce, workItem, type WorkItem } from '../../../src/TypeScript/domain/coalesce';
import { planBatches } from '../../../src/TypeScript/domain/plan';
import { CLOSE_UNITS, MAP_INVOCATION_UNITS, MAX_REQUESTS_PER_INVOCATION, MAX_RETRY_CLOSES_PER_MAP_BATCH, MAX_SINGLE_REQUESTS_PER_BATCH, REQUEST_UNITS, WRITE_RESERVE_UNITS } from '../../../src/TypeScript/domain/pushBudget';
import { decodeBatchKey, type AccountBatch, type ContactBatch } from '../../../src/TypeScript/domain/workBatch';
import { config, contact, customer, entry, T0 } from '../fixtures';

describe('coalesce', () => {
  test('a hundred edits of one record become one work item covering every entry', () => {
    const entries = Array.from({ length: 100 }, () => entry({ kind: 'customer', recordIds: ['42'] }));
    const items = coalesce(entries);
    expect(items).toHaveLength(1);
    expect(items[0]?.pendingIds).toHaveLength(100);
    expect(items[0]?.deleted).toBe(false);
  });

  test('a delete wins and keeps its tombstone; retry entries spread over their records with their attempt', () => {
    const items = coalesce([
      entry({ kind: 'customer', recordIds: ['1'] }),
      entry({ kind: 'customer', recordIds: ['1'], event: 'delete', tombstones: { '1': { accountId: 'A-1', deletedAt: T0 } } }),
      entry({ kind: 'contact', recordIds: ['5', '6'], status: 'RETRY', attempt: 2 }),
      entry({ kind: 'contact', recordIds: ['5'], previousCompanies: { '5': '9' } }),
    ]);
    const one = items.find((i) => i.recordId === '1');
    expect(one).toMatchObject({ deleted: true, tombstone: { accountId: 'A-1', deletedAt: T0 } });
    const five = items.find((i) => i.recordId === '5');
    expect(five).toMatchObject({ kind: 'contact', attempt: 2, previousAccountIds: ['9'] });
    expect(five?.retryEntryIds).toHaveLength(1);
    expect(five?.pendingIds).toHaveLength(1);
    expect(items.find((i) => i.recordId === '6')?.pendingIds).toEqual([]);
  });
});

describe('batching', () => {
  test('caps by count and by bytes, keeping order', () => {
    const items = [1, 2, 3, 4, 5].map((n) => ({ item: n, bytes: 100 }));
    expect(cutBatches(items, { maxRecords: 2, maxBytes: 10_000 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(cutBatches(items, { maxRecords: 100, maxBytes: 14 + 100 + 1 + 100 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(cutBatches([{ item: 'huge', bytes: 1e6 }, { item: 'x', bytes: 1 }], { maxRecords: 100, maxBytes: 1000 })).toEqual([['huge'], ['x']]);
  });

  test('even batches: as few requests as the greedy cut, sizes balanced, caps kept', () => {
    const n = (count: number, bytes = 10) => Array.from({ length: count }, (_, i) => ({ item: i, bytes }));
    const sizes = (b: unknown[][]) => b.map((x) => x.length);
    // 2,600 at a cap of 2,500: two requests either way, 1,300 each rather than 2,500 + 100.
    expect(sizes(cutBatches(n(2600), { maxRecords: 2500, maxBytes: 1e9 }))).toEqual([1300, 1300]);
    expect(sizes(cutBatches(n(5001), { maxRecords: 2500, maxBytes: 1e9 }))).toEqual([1667, 1667, 1667]);
    // The byte cap decides: 3 requests of ~equal bytes, none over the cap.
    const byBytes = cutBatches(n(250, 100), { maxRecords: 5000, maxBytes: 10_000 });
    expect(sizes(byBytes)).toEqual([84, 84, 82]);
    // Uneven record sizes: never more requests than the greedy cut, never over either cap.
    const mixed = Array.from({ length: 997 }, (_, i) => ({ item: i, bytes: i % 7 === 0 ? 900 : 40 + (i % 13) }));
    for (const limits of [{ maxRecords: 300, maxBytes: 1e9 }, { maxRecords: 5000, maxBytes: 20_000 }, { maxRecords: 120, maxBytes: 9_000 }]) {
      const greedy = cutGreedy(mixed, limits);
      const even = cutBatches(mixed, limits);
      expect(even.length).toBeLessThanOrEqual(greedy.length);
      expect(even.flat()).toEqual(mixed.map((m) => m.item));
      for (const b of even) {
        expect(b.length).toBeLessThanOrEqual(limits.maxRecords);
        expect(14 + b.reduce((s, i) => s + (mixed[i as number]?.bytes ?? 0) + 1, -1)).toBeLessThanOrEqual(limits.maxBytes);
      }
    }
  });

  test('UTF-8 length counts multi-byte characters', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    // ASCII only, or ASCII up to a late multi-byte character: counted from where the ASCII ends.
    expect(utf8Length('plain ascii')).toBe(11);
    expect(utf8Length('')).toBe(0);
    expect(utf8Length(`${'x'.repeat(1000)}é`)).toBe(1002);
    expect(utf8Length(`${'x'.repeat(10)}😀x`)).toBe(15);
  });

  test('parents before children, across several levels, cycles cut', () => {
    const accounts = [
      { account_id: 'grandchild', parent_account_id: 'child' },
      { account_id: 'child', parent_account_id: 'root' },
      { account_id: 'root' },
      { account_id: 'orphan', parent_account_id: 'elsewhere' },
    ];
    expect(parentsFirst(accounts, (a) => a).map((a) => a.account_id)).toEqual(['root', 'orphan', 'child', 'grandchild']);
    const cycle = hierarchyDepths([{ account_id: 'a', parent_account_id: 'b' }, { account_id: 'b', parent_account_id: 'a' }]);
    expect(cycle.get('a')).toBe(1);
  });
});

describe('planBatches', () => {
  const item = (kind: 'customer' | 'contact', recordId: string, over: Partial<WorkItem> = {}) => workItem(kind, recordId, { pendingIds: [Number(recordId)], ...over });

  test('accounts and contacts get separate batches with keys that carry count, lowest entry and plan cursor', () => {
    const plan = planBatches({
      runId: 'r1', config: config({ batchMaxRecords: 2 }), now: T0, planMax: 99,
      customers: ['10', '11', '12'].map((id) => ({ item: item('customer', id), snapshot: customer(id) })),
      contacts: [{ item: item('contact', '20'), snapshot: contact('20', '10') }],
    });
    expect(plan.notes).toEqual([]);
    expect(plan.batches.map((b) => [b.kind, b.ops.length])).toEqual([['accounts', 2], ['accounts', 1], ['contacts', 1]]);
    expect(plan.batches.map((b) => decodeBatchKey(b.key))).toEqual([
      { letter: 'A', seq: 1, records: 2, minPending: 10, planMax: 99 },
      { letter: 'A', seq: 2, records: 1, minPending: 12, planMax: 99 },
      { letter: 'C', seq: 3, records: 1, minPending: 20, planMax: 99 },
    ]);
  });

  test('records that are not pushed are noted with a reason: no company (reported), invalid (dead), out of scope (counted)', () => {
    const plan = planBatches({
      runId: 'r1', config: config({ scopeStages: 'CUSTOMER' }), now: T0, planMax: 5,
      customers: [
        { item: item('customer', '1'), snapshot: customer('1', { stage: 'LEAD' }) },
        { item: item('customer', '2'), snapshot: customer('2', { dateCreated: null }) },
        { item: item('customer', '3'), snapshot: null },
      ],
      contacts: [{ item: item('contact', '4'), snapshot: contact('4', null) }],
    });
    expect(plan.batches).toEqual([]);
    expect(plan.notes.map((n) => [n.recordId, n.outcome, n.reason])).toEqual([
      ['1', 'ignored', 'out of scope (stage or subsidiary)'],
      ['2', 'dead', 'Not sent: join_date is missing (date created could not be read)'],
      ['3', 'ignored', 'not found in scope'],
      ['4', 'skipped', 'Contact has no company: Freshsuccess contacts belong to an account'],
    ]);
    expect(plan.notes[1]?.hint).toMatch(/Date Created/);
  });

  test('delete policies: deactivate → DELETE op, churn → is_churned upsert from the tombstone, ignore → nothing', () => {
    const deleted = (id: string) => item('customer', id, { deleted: true, tombstone: { accountId: `A${id}`, name: 'Gone Inc', joinDate: 1, deletedAt: T0 } });
    const run = (policy: string) => planBatches({ runId: 'r', config: config({ deleteCustomer: policy }), now: T0 + 1, planMax: 1, customers: [{ item: deleted('8'), snapshot: null }], contacts: [] });
    expect((run('deactivate').batches[0] as AccountBatch).ops).toEqual([{ op: 'deactivate', recordId: '8', accountId: 'A8' }]);
    expect((run('churn').batches[0] as AccountBatch).ops).toEqual([
      { op: 'upsert', recordId: '8', payload: { account_id: 'A8', is_churned: true, inactive_time: T0, name: 'Gone Inc', join_date: 1 } },
    ]);
    expect(run('ignore').batches).toEqual([]);
  });

  test('many deletes are spread over batches whose DELETEs fit one map invocation (150 → 5 × 30)', () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(i + 1));
    const plan = planBatches({
      runId: 'r', config: config({ deleteCustomer: 'deactivate' }), now: T0, planMax: 150, contacts: [],
      customers: ids.map((id) => ({ item: item('customer', id, { deleted: true, tombstone: { accountId: id } }), snapshot: null })),
    });
    const deletes = plan.batches.map((b) => (b as AccountBatch).ops.filter((op) => op.op !== 'upsert').length);
    expect(deletes).toEqual([30, 30, 30, 30, 30]);
    // 30 DELETEs are 300 units: with the batch's POST and its splits the invocation stays under 1,000.
    expect(MAX_SINGLE_REQUESTS_PER_BATCH * REQUEST_UNITS + (MAX_REQUESTS_PER_INVOCATION - MAX_SINGLE_REQUESTS_PER_BATCH) * REQUEST_UNITS).toBeLessThan(MAP_INVOCATION_UNITS);
    expect(plan.batches.flatMap((b) => b.ops.map((op) => op.recordId))).toEqual(ids);
  });

  test('after an outage with one RETRY entry per record, no batch closes more entries than its invocation can pay for (520 → 6 even batches)', () => {
    // 520 customers, each due in its own RETRY entry: one 2,500-record batch would close 520 entries (1,040 units) in one map invocation.
    const retries = Array.from({ length: 520 }, (_, i) => entry({ kind: 'customer', recordIds: [String(i + 1)], status: 'RETRY', attempt: 1 }));
    const items = coalesce(retries);
    const plan = planBatches({ runId: 'r', config: config(), now: T0, planMax: 0, contacts: [], customers: items.map((item) => ({ item, snapshot: customer(item.recordId) })) });
    const closes = plan.batches.map((b) => new Set(b.retryEntryIds).size);
    expect(closes).toEqual([87, 87, 87, 87, 87, 85]);
    expect(Math.max(...closes) * CLOSE_UNITS).toBeLessThanOrEqual(WRITE_RESERVE_UNITS / 2);
    expect(MAX_REQUESTS_PER_INVOCATION * REQUEST_UNITS + MAX_RETRY_CLOSES_PER_MAP_BATCH * CLOSE_UNITS).toBeLessThan(MAP_INVOCATION_UNITS);
    // Every record and every entry once, in order.
    expect(plan.batches.flatMap((b) => b.ops.map((op) => op.recordId))).toEqual(items.map((i) => i.recordId));
    expect(plan.batches.flatMap((b) => b.retryEntryIds).sort((a, b) => a - b)).toEqual(retries.map((e) => e.id));
    // One RETRY entry covering many records costs one close: those stay one batch.
    const wide = coalesce([entry({ kind: 'customer', recordIds: Array.from({ length: 520 }, (_, i) => String(i + 1)), status: 'RETRY', attempt: 1 })]);
    expect(planBatches({ runId: 'r', config: config(), now: T0, planMax: 0, contacts: [], customers: wide.map((item) => ({ item, snapshot: customer(item.recordId) })) }).batches).toHaveLength(1);
  });

  test('contact batches (pushed in reduce, 5,000 units) close up to 1,000 retry entries', () => {
    const retries = Array.from({ length: 520 }, (_, i) => entry({ kind: 'contact', recordIds: [String(i + 1)], status: 'RETRY', attempt: 1 }));
    const items = coalesce(retries);
    const plan = planBatches({ runId: 'r', config: config(), now: T0, planMax: 0, customers: [], contacts: items.map((item) => ({ item, snapshot: contact(item.recordId, '7') })) });
    expect(plan.batches.map((b) => b.retryEntryIds.length)).toEqual([520]);
  });

  test('emptied dimensions count as requests too; upserts alone are capped only by records and bytes', () => {
    const field = 'custentity_tier';
    const cfg = config({ mappingJson: JSON.stringify({ customer: { custom: [{ field, type: 'text', key: 'tier' }] } }) });
    const ids = Array.from({ length: 70 }, (_, i) => String(i + 1));
    const plan = planBatches({
      runId: 'r', config: cfg, now: T0, planMax: 70, contacts: [],
      customers: ids.map((id) => ({ item: item('customer', id, { changedFields: [field] }), snapshot: customer(id, { custom: { [field]: '' } }) })),
    });
    expect(plan.batches.map((b) => (b as AccountBatch).ops.filter((op) => op.op === 'clearDimension').length)).toEqual([24, 24, 22]);
    expect(plan.batches[0]?.changedFields).toEqual([field]);
    const upserts = planBatches({ runId: 'r', config: config(), now: T0, planMax: 70, contacts: [], customers: ids.map((id) => ({ item: item('customer', id), snapshot: customer(id) })) });
    expect(upserts.batches).toHaveLength(1);
  });

  test('a moved contact first deactivates its old association, then posts the new one', () => {
    const plan = planBatches({
      runId: 'r', config: config(), now: T0, planMax: 1, customers: [],
      contacts: [{ item: item('contact', '30', { previousAccountIds: ['10'] }), snapshot: contact('30', '11') }],
    });
    const ops = (plan.batches[0] as ContactBatch).ops;
    expect(ops.map((o) => [o.role, o.payload.account_id, o.payload.is_active])).toEqual([['detach', '10', false], ['current', '11', true]]);
    expect(plan.batches[0]?.previousCompanies).toEqual({ '30': '10' });
  });

  test('a deleted contact is deactivated on the account captured in its tombstone', () => {
    const plan = planBatches({
      runId: 'r', config: config(), now: T0, planMax: 1, customers: [],
      contacts: [{ item: item('contact', '31', { deleted: true, tombstone: { accountId: '10', userId: '31' } }), snapshot: null }],
    });
    expect((plan.batches[0] as ContactBatch).ops[0]?.payload).toEqual({ account_id: '10', user_id: '31', is_active: false });
  });
});

describe('planBatches: changes that must remove something in Freshsuccess', () => {
  const item = (over: Partial<WorkItem> = {}) => workItem('customer', '1', { pendingIds: [1], ...over });

  test('a parent cleared on this change is sent empty; a full sync without a parent leaves it out', () => {
    const changed = planBatches({ runId: 'r', config: config(), now: T0, planMax: 1, customers: [{ item: item({ changedFields: ['parent'] }), snapshot: customer('1') }], contacts: [] });
    expect((changed.batches[0] as AccountBatch).ops[0]).toMatchObject({ payload: { parent_account_id: '' } });
    const full = planBatches({ runId: 'r', config: config(), now: T0, planMax: 1, customers: [{ item: item(), snapshot: customer('1') }], contacts: [] });
    expect((full.batches[0] as AccountBatch).ops[0]).not.toHaveProperty('payload.parent_account_id');
  });

  test('an emptied text or number custom field becomes a dimension removal after the upsert', () => {
    const cfg = config({ mappingJson: JSON.stringify({ customer: { custom: [{ field: 'custentity_seg', type: 'text', key: 'segment' }, { field: 'custentity_seats', type: 'number', key: 'seats' }] } }) });
    const plan = planBatches({ runId: 'r', config: cfg, now: T0, planMax: 1, customers: [{ item: item({ changedFields: ['custentity_seg', 'custentity_seats'] }), snapshot: customer('1', { custom: { custentity_seg: '', custentity_seats: 4 } }) }], contacts: [] });
    expect((plan.batches[0] as AccountBatch).ops.map((o) => o.op === 'clearDimension' ? [o.op, o.dimension, o.key] : [o.op])).toEqual([['upsert'], ['clearDimension', 'labels', 'segment']]);
  });

  test('a contact moved twice between drains detaches only from the company Freshsuccess holds', () => {
    const items = coalesce([
      entry({ kind: 'contact', recordIds: ['5'], previousCompanies: { '5': 'A' } }),
      entry({ kind: 'contact', recordIds: ['5'], previousCompanies: { '5': 'B' } }),
    ]);
    expect(items[0]?.previousAccountIds).toEqual(['A']);
  });
});
