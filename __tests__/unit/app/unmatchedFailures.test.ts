/**
 * failed_results whose key matches nothing we sent (a server that normalises keys, say): the
 * failure is logged and the request's other records are not counted as landed; they are sent
 * again (upserts are idempotent) instead of silently disappearing.
 */
import type { TransportResult } from '../../../src/TypeScript/domain/classify';
import { pushBatch } from '../../../src/TypeScript/app/pushBatch';
import { pushRecords } from '../../../src/TypeScript/app/pushRecords';
import { planDrain } from '../../../src/TypeScript/app/planDrain';
import type { PushTask } from '../../../src/TypeScript/app/pushTasks';
import type { WorkBatch } from '../../../src/TypeScript/domain/workBatch';
import { FreshsuccessClient } from '../../../src/TypeScript/freshsuccess/client';
import type { HttpPort, HttpRequest } from '../../../src/TypeScript/freshsuccess/httpPort';
import { customer } from '../fixtures';
import { World } from './world';
import { newEntry } from '../../../src/TypeScript/domain/outboxEntry';

/** Answers like the inner fake, but names failed records by a normalised key and without their index. */
class NormalisingKeys implements HttpPort {
  constructor(private readonly inner: HttpPort) {}
  send(request: HttpRequest): TransportResult {
    const r = this.inner.send(request);
    if (r.kind !== 'response') return r;
    const body = JSON.parse(r.body) as { failed_results?: Array<Record<string, unknown>> };
    if (!body.failed_results) return r;
    body.failed_results = body.failed_results.map(({ record: _index, ...f }) => ({ ...f, account_id: `ACCT-${String(f['account_id'])}` }));
    return { ...r, body: JSON.stringify(body) };
  }
}

test('pushRecords: an unmatched failure makes the otherwise-ok records transient; a matched one stays a data error', () => {
  const budget = { used: 0, max: 10, authMessage: null, unmatched: [] };
  const outcomes = pushRecords(
    [{ account_id: 'a' }, { account_id: 'b' }, { account_id: 'c' }],
    () => ({ kind: 'ok', body: {}, failures: [{ message: 'Invalid type for property: phone', accountId: 'b' }, { message: 'Name too long', accountId: 'C ' }] }),
    budget,
  );
  expect(outcomes[0]).toMatchObject({ kind: 'transient', message: expect.stringMatching(/1 failure\(s\) naming no record sent \(Name too long\)/) });
  expect(outcomes[1]).toEqual({ kind: 'data', message: 'Invalid type for property: phone' });
  expect(outcomes[2]).toMatchObject({ kind: 'transient' });
  expect(budget.unmatched).toEqual([{ message: 'Name too long', accountId: 'C ' }]);
  // Without unmatched failures nothing changes: ok is ok.
  expect(pushRecords([{ account_id: 'a' }], () => ({ kind: 'ok', body: {}, failures: [] }), { used: 0, max: 10, authMessage: null })).toEqual([{ kind: 'ok' }]);
});

test('a batch answered with a failure under a normalised key: logged, nothing counted as sent or dead, all re-sent and landed later', () => {
  const w = new World();
  for (const id of ['1', '2', '3']) {
    w.snapshots.customers.set(id, customer(id));
    w.outbox.append([newEntry({ kind: 'customer', recordIds: [id], changedFields: ['phone'], capturedAt: w.clock.now(), source: 'USERINTERFACE' })]);
  }
  w.fs.poison.set('2', 'Record rejected: name too long');
  const plan = planDrain({ config: w.config, state: w.state, outbox: w.outbox, snapshots: w.snapshots, clock: w.clock, log: w.log });
  const task = Object.values(plan.tasks)[0] as PushTask;
  const client = new FreshsuccessClient(new NormalisingKeys(w.fs), w.config.config.region, () => w.clock.now());
  const result = pushBatch(task.batch as WorkBatch, task.config, { client, outbox: w.outbox, state: w.state, snapshots: w.snapshots, clock: w.clock, random: w.random, log: w.log, restarted: false });

  expect(result).toMatchObject({ sent: 0, dead: 0, retried: 3 });
  expect(w.outbox.with('RETRY')).toEqual([expect.objectContaining({ recordIds: ['1', '2', '3'], lastError: expect.stringMatching(/naming no record sent/) })]);
  const logged = w.log.lines.filter((l) => l.startsWith('ERROR'));
  expect(logged).toEqual([expect.stringMatching(/naming no record of batch A00001.*ACCT-2.*name too long/)]);

  // Freshsuccess fixed (the record accepted): the retry sends them all, and they land.
  w.fs.poison.clear();
  w.clock.advance(24 * 3600_000);
  w.drain();
  expect([...w.fs.accounts.keys()].sort()).toEqual(['1', '2', '3']);
  expect(w.outbox.with('RETRY')).toEqual([]);
});
