/**
 * A waiting change keeps the time it was first captured through every retry and re-queue: the
 * entries written for it carry that time (`firstCapturedAt`) while their own `capturedAt` is the
 * time they were written. What is asserted is what the outbox holds after the product ran.
 */
import { retryDeadLetters } from '../../../src/TypeScript/app/adminRetry';
import { actOnProblems } from '../../../src/TypeScript/app/problemActions';
import { carryOverOf } from '../../../src/TypeScript/domain/carryOver';
import { coalesce } from '../../../src/TypeScript/domain/coalesce';
import { newEntry } from '../../../src/TypeScript/domain/outboxEntry';
import type { OutboxEntry } from '../../../src/TypeScript/domain/types';
import { contact, customer, entry, T0 } from '../fixtures';
import { CountingTrigger } from './fakes';
import { World } from './world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const edit = (w: World, id: string, kind: 'customer' | 'contact' = 'customer') =>
  w.outbox.append([newEntry({ kind, recordIds: [id], changedFields: ['phone'], capturedAt: w.clock.now(), source: 'USERINTERFACE' })]);

/** Moves the clock to the earliest retry due and runs the drain. */
function retryRun(w: World, options: Parameters<World['drain']>[0] = {}): void {
  const due = Math.min(...w.outbox.with('RETRY').map((e) => e.notBefore ?? 0));
  if (due > w.clock.now()) w.clock.advance(due - w.clock.now());
  w.drain(options);
}

describe('coalescing', () => {
  test('a record waits since the earliest first capture of the entries covering it; an entry written before the field counts from its capture', () => {
    const items = coalesce([
      entry({ kind: 'customer', recordIds: ['1'], capturedAt: T0 + 2 * HOUR }),
      entry({ kind: 'customer', recordIds: ['1', '2'], capturedAt: T0 + HOUR, firstCapturedAt: T0, status: 'RETRY', attempt: 3 }),
      // Written by an earlier version: no first capture stored.
      entry({ kind: 'customer', recordIds: ['3'], capturedAt: T0 - 30 * MINUTE, status: 'RETRY', attempt: 1 }),
    ]);
    const first = Object.fromEntries(items.map((i) => [i.recordId, i.firstCapturedAt]));
    expect(first).toEqual({ '1': T0, '2': T0, '3': T0 - 30 * MINUTE });
    // What a batch or a retry entry of these records carries: the earliest of them.
    expect(carryOverOf(items.filter((i) => i.recordId !== '3'))).toMatchObject({ firstCapturedAt: T0 });
    expect(carryOverOf(items)).toMatchObject({ firstCapturedAt: T0 - 30 * MINUTE });
  });
});

describe('the drain', () => {
  test('Freshsuccess failing run after run: each new retry entry is written now but still says when the change was first captured', () => {
    const w = new World();
    w.snapshots.customers.set('1', customer('1'));
    edit(w, '1');
    w.clock.advance(5 * MINUTE);
    edit(w, '1'); // a later edit of the same record: the change still waits since the first
    for (let run = 0; run < 6; run++) {
      w.fs.faults = [{ kind: 'status', status: 503 }];
      if (run === 0) w.drain();
      else retryRun(w);
    }
    const open = w.outbox.with('RETRY');
    expect(open).toHaveLength(1);
    expect(open[0]!.attempt).toBe(6);
    expect(open[0]!.capturedAt).toBeGreaterThan(T0 + 20 * MINUTE);
    expect(open[0]).toMatchObject({ firstCapturedAt: T0 });
    retryRun(w);
    expect(w.fs.accounts.get('1')?.writes).toBe(1);
    expect(w.outbox.with('RETRY')).toEqual([]);
  });

  test('contacts held back for their failing company, and a later contact change deferred to its retry, keep their own first captures', () => {
    const w = new World();
    w.snapshots.customers.set('7', customer('7'));
    w.snapshots.contacts.set('70', contact('70', '7'));
    w.snapshots.contacts.set('71', contact('71', '7'));
    edit(w, '7');
    w.clock.advance(MINUTE);
    edit(w, '70', 'contact');
    w.fs.faults = [{ kind: 'status', status: 503 }];
    w.clock.advance(MINUTE);
    w.drain();
    const held = w.outbox.with('RETRY').find((e) => e.kind === 'contact');
    expect(held).toMatchObject({ recordIds: ['70'], lastError: expect.stringContaining('Waiting for its company'), firstCapturedAt: T0 + MINUTE });
    expect(held!.capturedAt).toBe(T0 + 2 * MINUTE);
    // Before the company's retry is due, a change of another of its contacts is set aside to that retry.
    w.clock.advance(10_000);
    const changedAt = w.clock.now();
    edit(w, '71', 'contact');
    w.drain();
    const deferred = w.outbox.with('RETRY').filter((e) => e.kind === 'contact' && e.recordIds.includes('71'));
    expect(deferred).toEqual([expect.objectContaining({ recordIds: ['71'], firstCapturedAt: changedAt })]);
    // The company fails again: its contacts wait once more, since their first captures.
    w.fs.faults = [{ kind: 'status', status: 503 }];
    retryRun(w);
    const contacts = w.outbox.with('RETRY').filter((e) => e.kind === 'contact');
    expect(contacts).toEqual([expect.objectContaining({ firstCapturedAt: T0 + MINUTE })]);
    expect(contacts[0]!.recordIds.sort()).toEqual(['70', '71']);
    expect(w.outbox.with('RETRY').find((e) => e.kind === 'customer')).toMatchObject({ firstCapturedAt: T0 });
  });

  test('a batch whose invocation crashes run after run is parked with the first capture of what it covered', () => {
    const w = new World();
    w.snapshots.customers.set('1', customer('1'));
    edit(w, '1');
    w.clock.advance(MINUTE);
    w.drain({ crash: (key) => key.startsWith('A') });
    for (let run = 0; run < 3; run++) retryRun(w, { crash: (key) => key.startsWith('A') });
    const parked = w.outbox.with('RETRY');
    expect(parked).toEqual([expect.objectContaining({ recordIds: ['1'], attempt: 4, source: 'drain: failed batch', firstCapturedAt: T0 })]);
    expect(parked[0]!.capturedAt).toBeGreaterThan(T0 + 5 * MINUTE);
  });

  test('a record refused before sending is reported with its first capture, which survives its retry by the admin', () => {
    const w = new World();
    w.snapshots.customers.set('1', customer('1', { companyName: '', firstName: '', lastName: '', keys: { id: '1', entityId: '', customKey: '' } }));
    edit(w, '1');
    w.clock.advance(HOUR);
    w.drain();
    const dead = w.outbox.with('DEAD');
    expect(dead).toEqual([expect.objectContaining({ recordIds: ['1'], capturedAt: T0 + HOUR, firstCapturedAt: T0 })]);
    w.clock.advance(HOUR);
    retryDeadLetters(dead, { outbox: w.outbox, trigger: new CountingTrigger('submitted'), clock: w.clock, canContinue: () => true });
    expect(w.outbox.with('PENDING').at(-1)).toMatchObject({ recordIds: ['1'], capturedAt: T0 + 2 * HOUR, firstCapturedAt: T0 });
  });
});

describe('the admin queues records again', () => {
  const deadLetter = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
    ...newEntry({ kind: 'customer', recordIds: ['10', '11'], capturedAt: T0 + 3 * HOUR, firstCapturedAt: T0, source: 'batch A00001', status: 'DEAD', attempt: 2, lastError: 'too long' }),
    id: 5,
    ...over,
  });

  test('Retry dead letters: the change counts from its first capture; a dead letter from before the field from its capture', () => {
    const w = new World();
    const legacy = deadLetter({ id: 6, recordIds: ['12'], firstCapturedAt: undefined, capturedAt: T0 + HOUR });
    w.outbox.entries.push(deadLetter(), legacy);
    w.clock.advance(5 * HOUR);
    retryDeadLetters([deadLetter(), legacy], { outbox: w.outbox, trigger: new CountingTrigger('submitted'), clock: w.clock, canContinue: () => true });
    const queued = w.outbox.with('PENDING');
    expect(queued).toEqual([
      expect.objectContaining({ recordIds: ['10', '11'], capturedAt: T0 + 5 * HOUR, firstCapturedAt: T0 }),
      expect.objectContaining({ recordIds: ['12'], capturedAt: T0 + 5 * HOUR, firstCapturedAt: T0 + HOUR }),
    ]);
  });

  test('a problem row\'s Retry, and the rest of its entry kept reported, keep the first capture', () => {
    const w = new World();
    w.outbox.entries.push(deadLetter());
    w.clock.advance(5 * HOUR);
    actOnProblems('retry', [{ kind: 'customer', recordId: '10', entryIds: [5] }], [deadLetter()], { outbox: w.outbox, trigger: new CountingTrigger('submitted'), clock: w.clock, canContinue: () => true, user: 'admin' });
    expect(w.outbox.with('PENDING')).toEqual([expect.objectContaining({ recordIds: ['10'], capturedAt: T0 + 5 * HOUR, firstCapturedAt: T0 })]);
    expect(w.outbox.entries.filter((e) => e.id !== 5 && e.status === 'DEAD')).toEqual([expect.objectContaining({ recordIds: ['11'], capturedAt: T0 + 3 * HOUR, firstCapturedAt: T0 })]);
  });
});

describe('a batch mixes an old change with a new one', () => {
  test('Freshsuccess back after hours: the old change lands, a record edited minutes ago that fails alone still waits since its own capture', () => {
    const w = new World();
    w.snapshots.customers.set('1', customer('1'));
    w.snapshots.customers.set('9', customer('9'));
    // A sub-customer whose parent Freshsuccess does not have yet: retried (transient), not dead-lettered.
    w.snapshots.customers.set('2', customer('2', { parent: { id: '9', entityId: 'CUST-9', customKey: '' } }));
    edit(w, '1');
    for (let run = 0; run < 8; run++) {
      w.fs.faults = [{ kind: 'status', status: 503 }];
      if (run === 0) w.drain();
      else retryRun(w);
    }
    expect(w.outbox.with('RETRY')).toEqual([expect.objectContaining({ recordIds: ['1'], firstCapturedAt: T0 })]);
    // Freshsuccess answers again. Just before the retry is due, customer 2 is edited.
    const due = w.outbox.with('RETRY')[0]!.notBefore!;
    w.clock.advance(due - w.clock.now() - MINUTE);
    const editedAt = w.clock.now();
    expect(editedAt - T0).toBeGreaterThan(HOUR);
    edit(w, '2');
    w.fs.poison.set('2', 'Parent account not found');
    w.clock.advance(MINUTE);
    w.drain();
    expect(w.fs.accounts.get('1')?.writes).toBe(1);
    // Only customer 2 still waits: the queue's oldest is its edit, not customer 1's delivered change.
    const open = w.outbox.with('RETRY');
    expect(open).toEqual([expect.objectContaining({ recordIds: ['2'] })]);
    expect(open[0]!.firstCapturedAt).toBe(editedAt);
  });
});
