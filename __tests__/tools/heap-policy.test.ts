/**
 * The heap policy of the processes that hold an account (emulator/heapPolicy.ts) is stated once;
 * the READMEs that explain the benchmark's memory say the same figure. And it takes effect: a
 * process that applies it keeps a churning heap lower than V8's default lets it grow.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAP_GROWING_PERCENT } from '../../emulator/heapPolicy';
import { PROJECT_ROOT } from '../../tools/project';

test.each(['emulator/README.md', 'bench/README.md'])('%s states the heap growth the policy sets', (file) => {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/\s+/g, ' ');
  expect(text).toContain(`${HEAP_GROWING_PERCENT} % between full collections`);
});

test('a process that applies it peaks lower than with V8 default growth', () => {
  // About 150 MB stays live while 1.5 GB of garbage passes through: V8's default lets the heap
  // reach several times what is live before collecting, the policy about 1.5×.
  const churn = (policy: boolean) => {
    const script = `${policy ? `require(${JSON.stringify(join(PROJECT_ROOT, 'emulator/heapPolicy.ts'))}).applyHeapPolicy();` : ''}
      const live = []; for (let i = 0; i < 1_500_000; i++) live.push({ i, s: 'x' + i });
      let sink = 0; for (let r = 0; r < 15; r++) { const junk = []; for (let i = 0; i < 1_000_000; i++) junk.push({ i, s: 'y' + i }); sink += junk.length; }
      process.stdout.write(String(Math.round(process.resourceUsage().maxRSS / 1024)) + ' ' + live.length + sink);`;
    return Number(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split(' ')[0]);
  };
  const withPolicy = churn(true);
  const without = churn(false);
  console.log(`peak RSS with the heap policy ${withPolicy} MB, without ${without} MB`);
  expect(withPolicy).toBeLessThan(without);
}, 120_000);
