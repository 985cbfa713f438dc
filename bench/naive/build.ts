/**
 * Builds the naive baseline SuiteApp the way the product is built: its SDF files (manifest.xml,
 * Objects/) are copied and its TypeScript compiled by tsc with the product's tsconfig.json
 * options (AMD, ES2019, the JSDoc header kept) into its File Cabinet folder. Output goes to
 * build/bench-naive/<hash of the sources>/, so repeated runs share one compile and an edited
 * baseline is rebuilt.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appId, PROJECT_ROOT } from '../../tools/project';

const NAIVE = join(PROJECT_ROOT, 'bench', 'naive');
const SDF = join(NAIVE, 'sdf');
const SCRIPTS = join(NAIVE, 'scripts');

/** Script and deployment ids of the baseline (bench/naive/sdf/Objects). */
export const NAIVE_SCRIPTS = {
  ueCustomer: 'customscript_naive_ue_customer',
  ueContact: 'customscript_naive_ue_contact',
  fullSync: { scriptId: 'customscript_naive_mr_fullsync', deploymentId: 'customdeploy_naive_mr_fullsync' },
} as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** @returns the SDF root of the built baseline (manifest.xml, Objects/, FileCabinet/). */
export function buildNaiveProject(): string {
  const sources = [...files(SDF), ...files(SCRIPTS)].sort();
  const hash = createHash('sha256');
  // The product's compiler options are part of the input: a changed tsconfig rebuilds.
  for (const f of [...sources, join(PROJECT_ROOT, 'tsconfig.json')]) hash.update(relative(PROJECT_ROOT, f)).update(readFileSync(f));
  const root = join(PROJECT_ROOT, 'build', 'bench-naive', hash.digest('hex').slice(0, 16));
  if (existsSync(join(root, 'manifest.xml'))) return root;

  const tmp = `${root}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  cpSync(SDF, tmp, { recursive: true });
  const outDir = join(tmp, 'FileCabinet', 'SuiteApps', appId(tmp), 'entry');
  mkdirSync(outDir, { recursive: true });
  // tsconfig.json has line comments; strip them to read it as JSON.
  const base = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: Record<string, unknown> };
  const tsconfig = join(tmp, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        ...base.compilerOptions,
        rootDir: SCRIPTS,
        outDir,
        paths: {
          N: [join(PROJECT_ROOT, 'node_modules/@hitc/netsuite-types/N')],
          'N/*': [join(PROJECT_ROOT, 'node_modules/@hitc/netsuite-types/N/*')],
        },
      },
      include: [join(SCRIPTS, '**/*.ts')],
    }),
  );
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { stdio: 'pipe' });
  } catch (e) {
    const out = (e as { stdout?: Buffer }).stdout?.toString() ?? '';
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tsc failed on the naive baseline:\n${out}`);
  }
  rmSync(tsconfig);
  try {
    renameSync(tmp, root);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // a parallel run built the same sources first
  }
  return root;
}
