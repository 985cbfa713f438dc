/**
 * Builds the naive baseline SuiteApp the way the product is built: its SDF files (manifest.xml,
 * Objects/) are copied and its TypeScript compiled with the product's compiler options
 * (tools/compileScripts) into its File Cabinet folder. Output goes to
 * build/bench-naive/<hash of the sources>/, so repeated runs share one compile and an edited
 * baseline is rebuilt.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildCached, compileScripts } from '../../tools/compileScripts';
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

/** @returns the SDF root of the built baseline (manifest.xml, Objects/, FileCabinet/). */
export function buildNaiveProject(): string {
  return buildCached('bench-naive', [SDF, SCRIPTS], (dir) => {
    cpSync(SDF, dir, { recursive: true });
    compileScripts(SCRIPTS, join(dir, 'FileCabinet', 'SuiteApps', appId(dir), 'entry'));
  });
}
