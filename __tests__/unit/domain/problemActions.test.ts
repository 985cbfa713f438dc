import { parseRowAction, pickField, picksFrom, pickValue, rowActionValue, MAX_PICKS } from '../../../src/TypeScript/domain/problemActions';

describe('problem row actions', () => {
  const pick = { kind: 'contact' as const, recordId: '42', entryIds: [7, 9] };

  test('a row button and a checkbox carry the record and the entries reporting it, and read back the same', () => {
    expect(rowActionValue('retry', pick)).toBe('retry:contact:42:7.9');
    expect(parseRowAction('dismiss:contact:42:7.9')).toEqual({ action: 'dismiss', pick });
    expect(picksFrom({ [pickField(pick)]: pickValue(pick), custpage_action: 'retry_selected' })).toEqual([pick]);
  });

  test.each([
    'retry:vendor:1:2', 'retry:customer:1:', 'retry:customer:x:2', 'retry:customer:1:2;3', 'delete:customer:1:2', 'retry:customer:1:2.3<', 'retry', '',
  ])('not an action: %j', (value) => {
    expect(parseRowAction(value)).toBeNull();
  });

  test('a checkbox whose name and value disagree, or a value that is no pick, is ignored; at most one page of picks', () => {
    expect(picksFrom({ [pickField({ kind: 'customer', recordId: '1' })]: 'customer:2:3', custpage_pick_x: 'junk' })).toEqual([]);
    const many = Object.fromEntries(Array.from({ length: MAX_PICKS + 5 }, (_, i) => [pickField({ kind: 'customer', recordId: String(i) }), `customer:${i}:1`]));
    expect(picksFrom(many)).toHaveLength(MAX_PICKS);
  });
});
