/**
 * The scripts' Math: with `randomSeed` the runtime hands script code a Math whose random() is a
 * seeded sequence (a soak replays the same retry jitter); without it, the real Math.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { emptyProject } from '../../../emulator/runtime/project/definitions';

const runtime = (randomSeed?: number) => new NetSuiteRuntime({ sdfRoot: mkdtempSync(join(tmpdir(), 'sdf-')), appId: 'com.freshsync.connector', project: emptyProject(), ...(randomSeed === undefined ? {} : { randomSeed }) });
const draws = (m: Math) => Array.from({ length: 5 }, () => m.random());

test('the same seed gives the same sequence, another seed another one, all in [0, 1)', () => {
  const a = draws(runtime(7).scriptMath);
  expect(draws(runtime(7).scriptMath)).toEqual(a);
  expect(draws(runtime(8).scriptMath)).not.toEqual(a);
  for (const x of a) expect(x >= 0 && x < 1).toBe(true);
});

test('the seeded Math keeps every other member of Math; without a seed it is Math itself', () => {
  const m = runtime(7).scriptMath;
  expect(m.floor(2.7)).toBe(2);
  expect(m.max(1, 3)).toBe(3);
  expect(m.PI).toBe(Math.PI);
  expect(runtime().scriptMath).toBe(Math);
});
