import { newEntry } from '../../../src/TypeScript/domain/outboxEntry';

test('a new entry is a PENDING first attempt, due now, and keeps what the caller sets', () => {
  expect(newEntry({ kind: 'customer', recordIds: ['7'], capturedAt: 1000, source: 'SWEEP' })).toEqual({
    kind: 'customer', recordIds: ['7'], event: 'update', changedFields: [], capturedAt: 1000, source: 'SWEEP',
    attempt: 0, notBefore: null, status: 'PENDING', lastError: '', hint: '', tombstones: {}, previousCompanies: {},
  });
  expect(newEntry({ kind: 'contact', recordIds: ['8'], capturedAt: 1, source: 'x', status: 'RETRY', attempt: 3, event: 'delete' })).toMatchObject({ status: 'RETRY', attempt: 3, event: 'delete' });
});

test('entries never share their tombstone or previous-company maps (callers fill them in)', () => {
  const a = newEntry({ kind: 'contact', recordIds: ['1'], capturedAt: 1, source: 'x' });
  const b = newEntry({ kind: 'contact', recordIds: ['2'], capturedAt: 1, source: 'x' });
  a.previousCompanies['1'] = 'ACME';
  a.tombstones['1'] = { accountId: 'ACME', deletedAt: 1 };
  expect(b.previousCompanies).toEqual({});
  expect(b.tombstones).toEqual({});
});
