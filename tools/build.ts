/**
 * Builds the SuiteApp: removes stale output from the File Cabinet folder, then compiles
 * src/TypeScript with tsc (AMD, SuiteScript 2.1). Stale files matter: a deleted source must not
 * leave a deployable script behind.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, suiteAppFolder } from './project';

const out = suiteAppFolder();
for (const entry of readdirSync(out)) {
  if (entry !== '.gitkeep') rmSync(join(out, entry), { recursive: true, force: true });
}
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.json')], {
  stdio: 'inherit',
});
