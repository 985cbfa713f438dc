/**
 * bench/README.md's result section is what bench/readme.ts renders from the committed
 * bench/results/reference.json: a stale README or a hand-edited number fails here.
 */
import { readFileSync } from 'node:fs';
import { END, README, readReference, readScaleRuns, SCALE_END, SCALE_START, START, withResults, withScale } from '../../bench/readme';

const readme = readFileSync(README, 'utf8');
const reference = readReference();

test('the README carries the result section markers once each', () => {
  expect(readme.split(START)).toHaveLength(2);
  expect(readme.split(END)).toHaveLength(2);
});

test("the README's result section is the one rendered from reference.json (run `npm run bench:readme`)", () => {
  expect(readme).toBe(withResults(readme, reference));
});

test('the rendered section lists every comparison of the reference run', () => {
  const section = readme.slice(readme.indexOf(START), readme.indexOf(END));
  expect(reference.comparisons.length).toBeGreaterThanOrEqual(8);
  for (const c of reference.comparisons) expect(section).toContain(`| ${c.workload} | ${c.metric} |`);
  expect(section).toContain(`${reference.sizes.customers.toLocaleString('en-US')} customers`);
});

test('a changed number in reference.json makes the README disagree', () => {
  const changed = structuredClone(reference);
  changed.comparisons[0]!.product += 1;
  expect(withResults(readme, changed)).not.toBe(readme);
});

test("the README's scale section is the one rendered from bench/results/scale-*.json (run `npm run bench:readme`)", () => {
  const runs = readScaleRuns();
  expect(readme.split(SCALE_START)).toHaveLength(2);
  expect(readme).toBe(withScale(readme, runs));
  const section = readme.slice(readme.indexOf(SCALE_START), readme.indexOf(SCALE_END));
  for (const r of runs) expect(section).toContain(`| ${r.sizes.customers.toLocaleString('en-US')} + ${r.sizes.contacts.toLocaleString('en-US')} |`);
});
