/**
 * `npm run bench` (builds the SuiteApp, then runs this): the product against the naive baseline
 * on a seeded account, printed as a table and written as JSON.
 *
 *   npm run bench                                   # 2,000 customers + 5,000 contacts
 *   npm run bench -- --customers 300 --contacts 700 --changed 500 --edits 100 --out b.local.json
 *   npm run bench -- --only product --customers 100000 --contacts 1000000
 *   npm run bench -- --write-readme                 # a new reference run, rendered into bench/README.md
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { applyHeapPolicy } from '../emulator/heapPolicy';
import { PROJECT_ROOT } from '../tools/project';
import { runBenchmark, type BenchOptions, type BenchResult } from './benchmark';
import { REFERENCE, writeReadme } from './readme';
import { formatReport } from './report';

const DEFAULT_OUT = join(PROJECT_ROOT, 'bench', 'results', 'latest.local.json');
export const DEFAULTS: Omit<BenchOptions, 'progress'> = { customers: 2000, contacts: 5000, changed: 1000, edits: 100 };

const FLAGS = ['customers', 'contacts', 'changed', 'edits', 'seed'] as const;

export interface RunArgs {
  options: Omit<BenchOptions, 'progress'>;
  out: string;
  quiet: boolean;
  /** Store the run as bench/results/reference.json and render it into bench/README.md. */
  writeReadme: boolean;
}

export function parseArgs(argv: string[]): RunArgs {
  const options: Omit<BenchOptions, 'progress'> = { ...DEFAULTS };
  let out = DEFAULT_OUT;
  let quiet = false;
  let readme = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quiet') {
      quiet = true;
      continue;
    }
    if (arg === '--write-readme') {
      readme = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) : [undefined, undefined];
    const value = inline ?? argv[++i];
    if (flag === 'only' && (value === 'product' || value === 'naive')) {
      options.only = value;
    } else if (flag === 'out' && value) {
      out = resolve(value);
    } else if ((FLAGS as readonly string[]).includes(flag ?? '') && value !== undefined && /^\d+$/.test(value)) {
      options[flag as (typeof FLAGS)[number]] = Number(value);
    } else {
      throw new Error(`unknown or malformed argument "${arg}"; use --customers N --contacts N --changed N --edits N --seed N --only product|naive --out FILE --quiet --write-readme`);
    }
  }
  if (readme && out !== DEFAULT_OUT && out !== REFERENCE) throw new Error('--write-readme writes bench/results/reference.json: leave out --out');
  return { options, out: readme ? REFERENCE : out, quiet, writeReadme: readme };
}

function writeResult(result: BenchResult, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

export async function main(argv: string[]): Promise<BenchResult> {
  const { options, out, quiet, writeReadme: readme } = parseArgs(argv);
  const say = quiet ? () => undefined : (line: string) => console.log(line);
  const result = await runBenchmark({ ...options, progress: (line) => say(`… ${line}`) });
  writeResult(result, out);
  if (readme) writeReadme(result);
  say(`\n${formatReport(result)}\n\nwritten to ${out}${readme ? ' and rendered into bench/README.md' : ''}`);
  return result;
}

if (require.main === module) {
  applyHeapPolicy();
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
