/**
 * `npm run soak [-- --seed S --ops N]`: the long soak (default 5,000 operations, a seed from the
 * clock when none is given). Prints the one summary line; on a divergence, every difference and
 * the command that replays the same run, and exits non-zero.
 */
import { startSyncHarness } from '../e2e/support/syncHarness';
import { runSoak } from './soak';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

async function main(): Promise<number> {
  const seed = arg('seed', Date.now() % 1_000_000_007);
  const ops = arg('ops', 5000);
  const h = await startSyncHarness({ config: { batchMaxRecords: 25 } });
  try {
    const result = await runSoak(h, { seed, ops });
    const problems = [...result.lost.map((l) => `lost: ${l}`), ...result.duplicated.map((d) => `duplicated: ${d}`), ...result.stale.map((s) => `stale: ${s}`), ...result.nonDataDeadLetters.map((d) => `dead letter not a data error: ${d}`)];
    for (const p of problems) console.log(p);
    if (problems.length > 0) console.log(`replay: npm run soak -- --seed ${seed} --ops ${ops}`);
    console.log(result.line);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await h.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
