/**
 * Builds the SuiteApp: compiles src/TypeScript with tsc (AMD, SuiteScript 2.1) into a scratch
 * folder, then brings the SuiteApp's File Cabinet folder in line with it: changed files are
 * replaced by rename (a reader never sees half a file), and files whose source is gone are
 * removed — a deleted source must not leave a deployable script behind. Builds take a lock, so a
 * build started while tests load the output (npm start, the benchmark, an e2e run) cannot empty
 * the folder under them.
 *
 * `tsx tools/build.ts` always builds; `--if-stale` builds only when a source is newer than its
 * output (what npm start, the benchmark and the e2e harness need).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runTsc } from './compileScripts';
import { PROJECT_ROOT, SDF_ROOT, suiteAppFolder } from './project';

const SOURCES = join(SDF_ROOT, 'TypeScript');
const SCRATCH = join(PROJECT_ROOT, 'build');
const LOCK = join(SCRATCH, '.product-build.lock');
const LOCK_STALE_MS = 120_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `body` holding the build lock (a directory: mkdir is atomic); a stale lock is taken over. */
function withBuildLock<T>(body: () => T): T {
  mkdirSync(SCRATCH, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released between the two calls
      }
      if (age > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else sleepSync(100);
    }
  }
  try {
    return body();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return filesUnder(p, keep);
    return keep(d.name) ? [p] : [];
  });
}

const isSource = (name: string) => name.endsWith('.ts') && !name.endsWith('.d.ts');

/** Every TypeScript source of the SuiteApp. */
export function productSources(): string[] {
  return filesUnder(SOURCES, isSource);
}

/** Sources whose built .js is missing or older than the source or tsconfig.json. */
export function staleSources(): string[] {
  const out = suiteAppFolder();
  const tsconfig = statSync(join(PROJECT_ROOT, 'tsconfig.json')).mtimeMs;
  return productSources().filter((src) => {
    const built = join(out, relative(SOURCES, src).replace(/\.ts$/, '.js'));
    if (!existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return builtAt < statSync(src).mtimeMs || builtAt < tsconfig;
  });
}

/** Compiles into scratch space, then syncs the File Cabinet folder file by file. */
function compileAndSync(): void {
  const out = suiteAppFolder();
  const staging = join(SCRATCH, `product-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    // On failure the folder is left as it was: a failed compile must not half-replace a working build.
    runTsc(['-p', join(PROJECT_ROOT, 'tsconfig.json'), '--outDir', staging], 'tsc failed; the SuiteApp folder was not changed');
    const built = new Set<string>();
    for (const file of filesUnder(staging, () => true)) {
      const rel = relative(staging, file);
      built.add(rel);
      const target = join(out, rel);
      const text = readFileSync(file);
      // Rewrite every file so its time stamp is newer than its source (the staleness check).
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, target);
    }
    for (const file of filesUnder(out, (name) => name !== '.gitkeep')) {
      if (!built.has(relative(out, file))) rmSync(file, { force: true });
    }
    removeEmptyFolders(out);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function removeEmptyFolders(dir: string): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const p = join(dir, d.name);
    removeEmptyFolders(p);
    if (readdirSync(p).length === 0) rmSync(p, { recursive: true, force: true });
  }
}

/** Always builds. */
function buildProduct(): void {
  withBuildLock(compileAndSync);
}

/** Builds only when some source is newer than its output; returns whether it built. */
export function ensureProductBuilt(): boolean {
  if (staleSources().length === 0) return false;
  return withBuildLock(() => {
    // Another process may have built while this one waited for the lock.
    if (staleSources().length === 0) return false;
    compileAndSync();
    return true;
  });
}

if (require.main === module) {
  try {
    if (process.argv.includes('--if-stale')) {
      console.log(ensureProductBuilt() ? 'Built the SuiteApp.' : 'SuiteApp build is up to date.');
    } else {
      buildProduct();
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
