/**
 * Makes sure the SuiteApp's built files match src/TypeScript before an end-to-end test loads
 * them. `npm test` builds before Jest, so usually nothing happens here; a targeted
 * `npx jest __tests__/e2e/sync` after an edit rebuilds once. Test files may run in parallel
 * workers, so the build runs under a lock directory and the freshness check is repeated inside.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, suiteAppFolder } from '../../../tools/project';

const SOURCES = join(PROJECT_ROOT, 'src', 'TypeScript');
const LOCK = join(PROJECT_ROOT, 'build', '.e2e-sync-build.lock');
const LOCK_STALE_MS = 120_000;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Sources whose built .js is missing or older than the source. */
export function staleSources(): string[] {
  const out = suiteAppFolder();
  const tsconfig = statSync(join(PROJECT_ROOT, 'tsconfig.json')).mtimeMs;
  return tsFiles(SOURCES).filter((src) => {
    const built = join(out, relative(SOURCES, src).replace(/\.ts$/, '.js'));
    if (!existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return builtAt < statSync(src).mtimeMs || builtAt < tsconfig;
  });
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(): void {
  mkdirSync(join(PROJECT_ROOT, 'build'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A crashed run may leave the lock behind: take it over once it is clearly stale.
      if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS || Date.now() > deadline) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      sleepSync(200);
    }
  }
}

/** Builds the product (`tsx tools/build.ts`) unless its output is already fresh. */
export function ensureProductBuilt(): void {
  if (staleSources().length === 0) return;
  acquireLock();
  try {
    if (staleSources().length === 0) return;
    try {
      execFileSync(process.execPath, [require.resolve('tsx/cli'), join(PROJECT_ROOT, 'tools', 'build.ts')], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`building the SuiteApp failed:\n${String(err.stdout ?? '')}${String(err.stderr ?? '')}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
