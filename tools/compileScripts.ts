/**
 * Compiles SuiteScript sources other than the product (test fixtures, the benchmark's naive
 * baseline) the way the product is built: tsc with tsconfig.json's compiler options (AMD, ES2019,
 * the JSDoc header kept, type-checked against @hitc/netsuite-types). Results are cached under
 * build/ (gitignored) by a hash of the inputs and tsconfig.json, so parallel test workers and
 * repeated runs share one compile and an edited source is rebuilt.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './project';

const TSCONFIG = join(PROJECT_ROOT, 'tsconfig.json');

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((f) => filesUnder(join(path, f)));
}

/** Runs tsc with `args`; a failure throws with tsc's own report after `failure`. */
export function runTsc(args: string[], failure: string): void {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), ...args], { stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    const text = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.trim() || err.message;
    throw new Error(`${failure}:\n${text}`);
  }
}

/**
 * Builds build/<kind>/<hash>/ once: `build` fills a private scratch folder that is then renamed
 * into place, so a reader never sees half a build and concurrent builders of the same inputs
 * settle on one. The hash covers every file under `inputs` (files or folders) and tsconfig.json.
 * @returns the built folder.
 */
export function buildCached(kind: string, inputs: string[], build: (dir: string) => void): string {
  const hash = createHash('sha256');
  for (const f of [...inputs.flatMap(filesUnder), TSCONFIG].sort()) hash.update(relative(PROJECT_ROOT, f)).update('\0').update(readFileSync(f));
  const root = join(PROJECT_ROOT, 'build', kind, hash.digest('hex').slice(0, 16));
  if (existsSync(root)) return root;

  const tmp = `${root}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    build(tmp);
    renameSync(tmp, root);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(root)) throw e; // a real failure, not another worker finishing first
  }
  return root;
}

/**
 * Compiles every .ts under `sourceDir` into `outDir`, keeping the folder layout
 * (`sourceDir/a/b.ts` becomes `outDir/a/b.js`).
 */
export function compileScripts(sourceDir: string, outDir: string): void {
  const compiled = buildCached('compiled-scripts', [sourceDir], (dir) => {
    // tsconfig.json has line comments; strip them to read it as JSON.
    const base = JSON.parse(readFileSync(TSCONFIG, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: Record<string, unknown> };
    const tsconfig = join(dir, 'tsconfig.json');
    const js = join(dir, 'js');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          ...base.compilerOptions,
          rootDir: sourceDir,
          outDir: js,
          paths: {
            N: [join(PROJECT_ROOT, 'node_modules/@hitc/netsuite-types/N')],
            'N/*': [join(PROJECT_ROOT, 'node_modules/@hitc/netsuite-types/N/*')],
          },
        },
        include: [join(sourceDir, '**/*.ts')],
      }),
    );
    runTsc(['-p', tsconfig], `tsc failed on ${relative(PROJECT_ROOT, sourceDir)}`);
    rmSync(tsconfig);
  });
  mkdirSync(outDir, { recursive: true });
  cpSync(join(compiled, 'js'), outDir, { recursive: true });
}
