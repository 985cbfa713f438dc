/**
 * Builds the end-to-end fixture SuiteApp (__tests__/fixtures/e2e) as the product is built: its
 * SDF files (manifest.xml, Objects/) are copied and its TypeScript entry points compiled by tsc
 * with the product's tsconfig.json options (AMD, ES2019, header kept) into the project's File
 * Cabinet folder. Output goes to build/e2e-fixtures/<hash of the sources>/, so test files share
 * one compile and a changed fixture is rebuilt.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appId, PROJECT_ROOT } from '../../../../tools/project';

const FIXTURE = join(PROJECT_ROOT, '__tests__', 'fixtures', 'e2e');
const SDF = join(FIXTURE, 'sdf');
const SCRIPTS = join(FIXTURE, 'scripts');

export const E2E = {
  ue: { scriptId: 'customscript_e2e_ue_customer', deploymentId: 'customdeploy_e2e_ue_customer' },
  mr: { scriptId: 'customscript_e2e_mr_push', deploymentId: 'customdeploy_e2e_mr_push' },
} as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** @returns the SDF root of the built fixture project. */
export function buildE2eProject(): string {
  const sources = files(FIXTURE).sort();
  const hash = createHash('sha256');
  for (const f of sources) hash.update(relative(FIXTURE, f)).update(readFileSync(f));
  const root = join(PROJECT_ROOT, 'build', 'e2e-fixtures', hash.digest('hex').slice(0, 16));
  if (existsSync(join(root, 'manifest.xml'))) return root;

  const tmp = `${root}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  cpSync(SDF, tmp, { recursive: true });
  const outDir = join(tmp, 'FileCabinet', 'SuiteApps', appId(tmp), 'entry');
  mkdirSync(outDir, { recursive: true });
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
    throw new Error(`tsc failed on the e2e fixtures:\n${out}`);
  }
  rmSync(tsconfig);
  try {
    renameSync(tmp, root);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another worker built it first
  }
  return root;
}
