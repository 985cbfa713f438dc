/**
 * `npm start` runs the built SuiteApp, so it builds first when the output is missing or older
 * than its sources (each src/TypeScript/x.ts must have a newer FileCabinet/.../x.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, SDF_ROOT, suiteAppFolder } from '../../tools/project';

const SOURCES = join(SDF_ROOT, 'TypeScript');

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
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'build.ts')], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    return { ran: true, sources };
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    const text = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.trim() || err.message;
    return { ran: true, sources, error: text.split('\n').slice(0, 15).join('\n') };
  }
}
