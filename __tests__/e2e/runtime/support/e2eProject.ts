/**
 * Builds the end-to-end fixture SuiteApp (__tests__/fixtures/e2e) as the product is built: its
 * SDF files (manifest.xml, Objects/) are copied and its TypeScript entry points compiled with the
 * product's compiler options (tools/compileScripts) into the project's File Cabinet folder.
 * Output goes to build/e2e-fixtures/<hash of the sources>/, so test files share one compile and
 * a changed fixture is rebuilt.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildCached, compileScripts } from '../../../../tools/compileScripts';
import { appId, PROJECT_ROOT } from '../../../../tools/project';

const FIXTURE = join(PROJECT_ROOT, '__tests__', 'fixtures', 'e2e');
const SDF = join(FIXTURE, 'sdf');
const SCRIPTS = join(FIXTURE, 'scripts');

export const E2E = {
  ue: { scriptId: 'customscript_e2e_ue_customer', deploymentId: 'customdeploy_e2e_ue_customer' },
  mr: { scriptId: 'customscript_e2e_mr_push', deploymentId: 'customdeploy_e2e_mr_push' },
} as const;

/** @returns the SDF root of the built fixture project. */
export function buildE2eProject(): string {
  return buildCached('e2e-fixtures', [FIXTURE], (dir) => {
    cpSync(SDF, dir, { recursive: true });
    compileScripts(SCRIPTS, join(dir, 'FileCabinet', 'SuiteApps', appId(dir), 'entry'));
  });
}
