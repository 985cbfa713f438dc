/**
 * `npm start` runs the built SuiteApp, so it builds first when the output is missing or older
 * than its sources (each src/TypeScript/x.ts must have a newer FileCabinet/.../x.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, SDF_ROOT, suiteAppFolder } from '../../tools/project';

const SOURCES = join(SDF_ROOT, 'TypeScript');
/**
 * tools/build.ts empties the output folder first, so two builds at once (npm start beside the
 * sync e2e tests) would break each other: both take this lock directory, the one
 * __tests__/e2e/support/productBuild.ts uses.
 */
const LOCK = join(PROJECT_ROOT, 'build', '.e2e-sync-build.lock');
const LOCK_STALE_MS = 120_000;

function withBuildLock<T>(body: () => T): T {
  mkdirSync(join(PROJECT_ROOT, 'build'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A crashed build may leave the lock behind: take it over once it is clearly stale.
      if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS || Date.now() > deadline) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return body();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/** Sources whose built file is missing or older; empty when the build is current. */
export function staleSources(): string[] {
  const out = suiteAppFolder();
  const config = statSync(join(PROJECT_ROOT, 'tsconfig.json')).mtimeMs;
  return tsFiles(SOURCES).filter((src) => {
    const built = join(out, relative(SOURCES, src).replace(/\.ts$/, '.js'));
    if (!existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return builtAt < statSync(src).mtimeMs || builtAt < config;
  });
}

export interface BuildOutcome {
  ran: boolean;
  sources: number;
  /** tsc's complaint when the build failed; start goes on with whatever output exists. */
  error?: string;
}

export function buildIfStale(): BuildOutcome {
  const sources = tsFiles(SOURCES).length;
  if (staleSources().length === 0) return { ran: false, sources };
  return withBuildLock(() => {
    if (staleSources().length === 0) return { ran: false, sources }; // built by whoever held the lock
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'build.ts')], { cwd: PROJECT_ROOT, stdio: 'pipe' });
      return { ran: true, sources };
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      const text = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.trim() || err.message;
      return { ran: true, sources, error: text.split('\n').slice(0, 15).join('\n') };
    }
  });
}
