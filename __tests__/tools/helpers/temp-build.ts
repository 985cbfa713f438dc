/**
 * Builds the SuiteApp from the current sources into a temporary copy of the SDF project (tsc with
 * its own --outDir, same tsconfig as `npm run build`), so tests see exactly what the build
 * produces without racing other tests over src/FileCabinet or depending on a prior build.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, SDF_ROOT, appId } from '../../../tools/project';

export interface TempBuild {
  /** Root of the temporary SDF project (holds manifest.xml). */
  root: string;
  /** The built SuiteApp folder: <root>/FileCabinet/SuiteApps/<appid>. */
  suiteAppFolder: string;
  dispose(): void;
}

function hasTypeScript(dir: string): boolean {
  return readdirSync(dir).some((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? hasTypeScript(full) : name.endsWith('.ts');
  });
}

export function buildToTemp(): TempBuild {
  const root = mkdtempSync(join(tmpdir(), 'fsc-build-'));
  const skip = [join(SDF_ROOT, 'FileCabinet'), join(SDF_ROOT, 'TypeScript')];
  cpSync(SDF_ROOT, root, { recursive: true, filter: (src) => !skip.some((s) => src === s || src.startsWith(s + '/')) });
  const suiteAppFolder = join(root, 'FileCabinet', 'SuiteApps', appId());
  if (hasTypeScript(join(SDF_ROOT, 'TypeScript'))) {
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.json'), '--outDir', suiteAppFolder], { stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const out = (error as { stdout?: string }).stdout ?? '';
      rmSync(root, { recursive: true, force: true });
      throw new Error(`the SuiteApp does not compile:\n${out}`);
    }
  }
  return { root, suiteAppFolder, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Project-relative .js files under `dir` (recursive), sorted. */
export function listJs(dir: string): string[] {
  return listFiles(dir, '.js');
}

/** Paths relative to `dir` of the files under it (recursive) whose names end in `suffix`, sorted. */
export function listFiles(dir: string, suffix: string, base = dir): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(listFiles(full, suffix, base));
    else if (name.endsWith(suffix)) out.push(full.slice(base.length + 1));
  }
  return out;
}
