/**
 * Extras queued as deletions carry tombstones in a field of 1,000,000 characters: a re-keying
 * (admin guide: change the account id source, then reconcile with "deactivate extras") gives
 * tens of thousands of contact extras with e-mail user ids, and every entry must fit. (Found by
 * review: entries of 10,000 tombstones weighed 1.68 M characters.)
 */
import { finishReconcile } from '../../../src/TypeScript/app/reconcile';
import { World } from '../app/world';

test('every queued entry fits the outbox fields it is stored in', () => {
  const w = new World({ userIdSource: 'email' } as never);
  const extra = Array.from({ length: 10_000 }, (_, i) => ({ accountId: `CUST-${100000 + i}`, userId: `firstname.lastname${i}@example-company.com` }));
  const output = [JSON.stringify({ kind: 'contact', drifted: [], extra, read: extra.length })];
  const deps = { config: w.config, snapshots: w.snapshots, client: () => w.client(), outbox: w.outbox, trigger: w.trigger, clock: w.clock, log: w.log, state: w.state };
  finishReconcile({ output, failures: [], planned: true }, deps, { removeExtras: true });
  const deletions = w.outbox.entries.filter((e) => e.event === 'delete');
  // Every extra queued once, in entries whose fields fit (as netsuite/outboxStore.ts stores them).
  expect(deletions.reduce((n, e) => n + e.recordIds.length, 0)).toBe(10_000);
  expect(new Set(deletions.flatMap((e) => e.recordIds)).size).toBe(10_000);
  for (const d of deletions) {
    expect(JSON.stringify({ tombstones: d.tombstones, previousCompanies: {}, previousKeys: {} }).length).toBeLessThanOrEqual(1_000_000);
    expect(JSON.stringify(d.recordIds).length).toBeLessThanOrEqual(1_000_000);
  }
});
