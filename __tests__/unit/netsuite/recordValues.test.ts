/**
 * Reading an inline edit's newRecord: only the fields the edit carried count, whichever way
 * NetSuite presents the fields it did not carry (absent from getFields(), or read as '').
 */
import type * as record from 'N/record';
import { readValues } from '../../../src/TypeScript/netsuite/recordValues';

function xeditRecord(values: Record<string, unknown>, listed: string[] | 'throws', absentReadsAs: null | '') {
  return {
    getFields: () => {
      if (listed === 'throws') throw new Error('not available');
      return listed;
    },
    getValue: ({ fieldId }: { fieldId: string }) => (fieldId in values ? values[fieldId] : absentReadsAs),
    getLineCount: () => 0,
  } as unknown as record.Record;
}

const watched = ['phone', 'companyname', 'url'];

test('fields missing from getFields() are not read as emptied, even when they read as empty text', () => {
  const rec = xeditRecord({ phone: '+1 555 0100' }, ['id', 'phone'], '');
  expect(readValues(rec, watched, true)).toEqual({ phone: '+1 555 0100' });
});

test('without getFields(), fields that read null are left for the lookup to complete', () => {
  const rec = xeditRecord({ phone: '+1 555 0100', url: '' }, 'throws', null);
  expect(readValues(rec, watched, true)).toEqual({ phone: '+1 555 0100', url: '' });
});

test('a field the edit emptied counts as emptied', () => {
  const rec = xeditRecord({ url: '' }, ['id', 'url'], null);
  expect(readValues(rec, watched, true)).toEqual({ url: '' });
});

test('a full record is read whole', () => {
  const rec = xeditRecord({ phone: '1', companyname: 'Acme' }, ['phone', 'companyname'], null);
  expect(readValues(rec, watched, false)).toEqual({ phone: '1', companyname: 'Acme', url: null });
});
