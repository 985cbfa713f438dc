/**
 * `npm run soak [-- --seed S --ops N --profile default|pessimistic]`: the long soak (default
 * 5,000 operations, a seed from the clock when none is given, the fake's default profile). Prints
 * the one summary line; on a divergence, every difference, then the smallest number of operations
 * of the same seed that still diverges (a shorter replay), and exits non-zero.
 */
import { startSyncHarness } from '../e2e/support/syncHarness';
import { runSoak, SOAK_CLIENT_TIMEOUT_MS, type SoakResult } from './soak';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function profileArg(): 'default' | 'pessimistic' {
  const i = process.argv.indexOf('--profile');
  const v = i >= 0 ? process.argv[i + 1] : 'default';
  if (v !== 'default' && v !== 'pessimistic') throw new Error(`--profile takes default or pessimistic, not ${String(v)}`);
  return v;
}

/** One soak in a fresh local account. */
async function soak(seed: number, ops: number): Promise<SoakResult> {
  // The scripts' Math.random (retry jitter) seeded too, so the same seed replays the same run.
  const h = await startSyncHarness({ config: { batchMaxRecords: 25 }, account: { https: { totalTimeoutMs: SOAK_CLIENT_TIMEOUT_MS }, runtime: { randomSeed: seed } } });
  try {
    return await runSoak(h, { seed, ops });
  } finally {
    await h.stop();
  }
}

const diverges = (r: SoakResult) => r.lost.length + r.duplicated.length + r.stale.length + r.nonDataDeadLetters.length > 0;

/** The same seed's operations are a prefix of a longer run's: bisect for the fewest that still diverge. */
async function shrink(seed: number, ops: number): Promise<number> {
  let good = 0;
  let bad = ops;
  while (bad - good > Math.max(1, Math.floor(ops / 200))) {
    const mid = Math.floor((good + bad) / 2);
    const r = await soak(seed, mid);
    console.log(`  shrinking: ${mid} operations ${diverges(r) ? 'still diverge' : 'agree'}`);
    if (diverges(r)) bad = mid;
    else good = mid;
  }
  return bad;
}

async function main(): Promise<number> {
  const seed = arg('seed', Date.now() % 1_000_000_007);
  const ops = arg('ops', 5000);
  const profile = profileArg();
  // The fakes the harness starts read their profile from here (as `npm run test:pessimistic`).
  if (profile === 'pessimistic') process.env.FAKE_FS_CONFIG = JSON.stringify({ profile: 'pessimistic' });
  const result = await soak(seed, ops);
  const problems = [...result.lost.map((l) => `lost: ${l}`), ...result.duplicated.map((d) => `duplicated: ${d}`), ...result.stale.map((s) => `stale: ${s}`), ...result.nonDataDeadLetters.map((d) => `dead letter not a data error: ${d}`)];
  for (const p of problems) console.log(p);
  const profileFlag = profile === 'default' ? '' : ` --profile ${profile}`;
  if (problems.length > 0) {
    console.log(`replay: npm run soak -- --seed ${seed} --ops ${ops}${profileFlag}`);
    if (!process.argv.includes('--no-shrink')) {
      const fewest = await shrink(seed, ops);
      console.log(`shortest replay found: npm run soak -- --seed ${seed} --ops ${fewest}${profileFlag}`);
    }
  }
  console.log(`profile ${profile}; of the faults: ${result.kinds.lateWrites} late writes, ${result.kinds.tooLarge} answers 413, ${result.kinds.batchRejections} batch-level rejections, ${result.kinds.restarts} drain runs with a map invocation restarted, ${result.kinds.exhausted} with one out of governance`);
  console.log(result.line);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
