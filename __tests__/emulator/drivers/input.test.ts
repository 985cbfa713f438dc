/** How getInputData's return value becomes map's key/value pairs. */
import { inputPairs, MAP_REDUCE_INPUT } from '../../../emulator/runtime/map-reduce/input';
import { emptyRuntime } from './support/real-runtime';

const rt = emptyRuntime();

test('arrays key by index, objects by property; non-strings become JSON', () => {
  expect(inputPairs(rt, ['a', { b: 1 }, 3], {})).toEqual([
    { key: '0', value: 'a' },
    { key: '1', value: '{"b":1}' },
    { key: '2', value: '3' },
  ]);
  expect(inputPairs(rt, { x: 'y', n: [1] }, {})).toEqual([
    { key: 'x', value: 'y' },
    { key: 'n', value: '[1]' },
  ]);
  expect(inputPairs(rt, null, {})).toEqual([]);
});

test('a source with the MAP_REDUCE_INPUT hook is read through it', () => {
  const source = {
    [MAP_REDUCE_INPUT]: function* () {
      yield { recordType: 'contact', id: 5, values: { email: 'a@b.c', company: [{ value: '9', text: 'Acme' }] } };
    },
  };
  expect(inputPairs(rt, source, {})).toEqual([
    { key: '5', value: '{"recordType":"contact","id":"5","values":{"email":"a@b.c","company":[{"value":"9","text":"Acme"}]}}' },
  ]);
});

test('query references, other primitives and oversized values are refused clearly', () => {
  expect(() => inputPairs(rt, { type: 'query', id: 'q1' }, {})).toThrow(/query is not modelled/);
  expect(() => inputPairs(rt, 'text', {})).toThrow(/returned a string/);
  expect(() => inputPairs(rt, ['x'.repeat(10 * 1024 * 1024 + 1)], {})).toThrow(expect.objectContaining({ name: 'VALUE_LENGTH_IS_OVER_10_MB' }));
});
