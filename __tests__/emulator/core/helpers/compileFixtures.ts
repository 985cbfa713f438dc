/**
 * Compiles __tests__/fixtures/scripts with the product's compiler settings (tsc, AMD,
 * SuiteScript 2.1) into build/emulator-fixtures/<hash>/, laid out as an SDF project
 * (manifest.xml, FileCabinet/SuiteApps/<appid>/fixtures/...). Cached by source hash, so every
 * test file shares one compile.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appId, PROJECT_ROOT, SDF_ROOT } from '../../../../tools/project';

const FIXTURES = join(PROJECT_ROOT, '__tests__', 'fixtures', 'scripts');
export const APP_ID = appId();
/** Where fixture X compiles to, as a <scriptfile> path. */
export const fixtureFile = (name: string) => `/SuiteApps/${APP_ID}/fixtures/${name}.js`;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : f.endsWith('.ts') ? [p] : [];
  });
}

export function compileFixtures(): string {
  const files = sources(FIXTURES).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(relative(FIXTURES, f)).update(readFileSync(f));
  const root = join(PROJECT_ROOT, 'build', 'emulator-fixtures', hash.digest('hex').slice(0, 16));
  if (existsSync(join(root, 'manifest.xml'))) return root;

  const tmp = `${root}.tmp-${process.pid}-${Date.now()}`;
  const outDir = join(tmp, 'FileCabinet', 'SuiteApps', APP_ID, 'fixtures');
  mkdirSync(outDir, { recursive: true });
  const tsconfig = join(tmp, 'tsconfig.json');
  const base = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: Record<string, unknown> };
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        ...base.compilerOptions,
        rootDir: FIXTURES,
        outDir,
        paths: {
          N: [join(PROJECT_ROOT, 'node_modules/@hitc/netsuite-types/N')],
          'N/*': [join(PROJECT_ROOT, 'node_modules/@hitc/netsuite-types/N/*')],
        },
      },
      include: [join(FIXTURES, '**/*.ts')],
    }),
  );
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { stdio: 'pipe' });
  rmSync(tsconfig);
  copyFileSync(join(SDF_ROOT, 'manifest.xml'), join(tmp, 'manifest.xml'));
  try {
    renameSync(tmp, root);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another worker got there first
  }
  return root;
}
