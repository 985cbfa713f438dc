import { retryDeadLetters } from '../../../src/TypeScript/app/adminRetry';
import type { DrainTrigger, OutboxStore } from '../../../src/TypeScript/app/ports';
import type { NewOutboxEntry, OutboxEntry } from '../../../src/TypeScript/domain/types';
import { newEntry } from '../../../src/TypeScript/domain/outboxEntry';

/** An in-memory outbox: entries by id, as the record would hold them. */
function memoryOutbox(initial: OutboxEntry[]) {
  const rows = new Map(initial.map((e) => [e.id, { ...e }]));
  let next = Math.max(0, ...initial.map((e) => e.id)) + 1;
  const store: Pick<OutboxStore, 'append' | 'close'> = {
    append(entries: readonly NewOutboxEntry[]) {
      for (const e of entries) rows.set(next, { ...e, id: next++ });
    },
    close(ids: readonly number[]) {
      for (const id of ids) rows.get(id)!.status = 'DONE';
    },
  };
  return { rows, store: store as OutboxStore };
}

function dead(id: number, over: Partial<NewOutboxEntry> = {}): OutboxEntry {
  return { ...newEntry({ kind: 'customer', recordIds: [String(id * 10)], capturedAt: 1, source: 'batch x', attempt: 3, status: 'DEAD', lastError: 'too long', hint: 'shorten', previousKeys: {}, ...over }), id };
}

const trigger = (): DrainTrigger & { calls: number } => {
  const t = { calls: 0, submit: () => (t.calls++, 'submitted' as const), nudge: () => t.submit(), resubmit: () => t.submit() };
  return t;
};

test('each dead letter becomes DONE and its records a new PENDING entry, keeping tombstones; the drain is nudged once', () => {
  const deletion = dead(2, { kind: 'contact', recordIds: ['5', '6'], tombstones: { '5': { userId: '5', accountId: '1' } }, previousCompanies: { '6': '9' } });
  const box = memoryOutbox([dead(1), deletion]);
  const t = trigger();
  const report = retryDeadLetters([dead(1), deletion], { outbox: box.store, trigger: t, clock: { now: () => 1000 }, canContinue: () => true });
  expect(report).toEqual({ requeued: 2, records: 3, left: 0, drain: 'submitted' });
  expect(t.calls).toBe(1);
  expect(box.rows.get(1)?.status).toBe('DONE');
  expect(box.rows.get(2)?.status).toBe('DONE');
  const fresh = [...box.rows.values()].filter((e) => e.id > 2);
  expect(fresh).toEqual([
    expect.objectContaining({ kind: 'customer', recordIds: ['10'], status: 'PENDING', attempt: 0, capturedAt: 1000, lastError: '' }),
    expect.objectContaining({ kind: 'contact', recordIds: ['5', '6'], status: 'PENDING', tombstones: { '5': { userId: '5', accountId: '1' } }, previousCompanies: { '6': '9' } }),
  ]);
});

test('stops when governance runs low and says how many are left; nothing to do submits nothing', () => {
  const box = memoryOutbox([dead(1), dead(2), dead(3)]);
  let budget = 1;
  const report = retryDeadLetters([dead(1), dead(2), dead(3)], { outbox: box.store, trigger: trigger(), clock: { now: () => 0 }, canContinue: () => budget-- > 0 });
  expect(report).toMatchObject({ requeued: 1, left: 2 });
  expect([...box.rows.values()].filter((e) => e.status === 'DEAD')).toHaveLength(2);

  const t = trigger();
  expect(retryDeadLetters([], { outbox: box.store, trigger: t, clock: { now: () => 0 }, canContinue: () => true })).toEqual({ requeued: 0, records: 0, left: 0, drain: 'not_needed' });
  expect(t.calls).toBe(0);
});

test('a retried dead letter keeps the fields whose change it carried: an emptied custom field is still cleared', () => {
  const emptied = dead(3, { changedFields: ['custentity_plan'] });
  const box = memoryOutbox([emptied]);
  retryDeadLetters([emptied], { outbox: box.store, trigger: trigger(), clock: { now: () => 1000 }, canContinue: () => true });
  const fresh = [...box.rows.values()].filter((e) => e.id > 3);
  expect(fresh).toEqual([expect.objectContaining({ status: 'PENDING', recordIds: ['30'], changedFields: ['custentity_plan'] })]);
});
