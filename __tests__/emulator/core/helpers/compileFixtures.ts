/**
 * Compiles __tests__/fixtures/scripts with the product's compiler options (tools/compileScripts)
 * into build/emulator-fixtures/<hash>/, laid out as an SDF project (manifest.xml,
 * FileCabinet/SuiteApps/<appid>/fixtures/...). Cached by source hash, so every test file shares
 * one compile.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCached, compileScripts } from '../../../../tools/compileScripts';
import { appId, PROJECT_ROOT, SDF_ROOT } from '../../../../tools/project';

const FIXTURES = join(PROJECT_ROOT, '__tests__', 'fixtures', 'scripts');
const MANIFEST = join(SDF_ROOT, 'manifest.xml');
export const APP_ID = appId();
/** Where fixture X compiles to, as a <scriptfile> path. */
export const fixtureFile = (name: string) => `/SuiteApps/${APP_ID}/fixtures/${name}.js`;

export function compileFixtures(): string {
  return buildCached('emulator-fixtures', [FIXTURES, MANIFEST], (dir) => {
    compileScripts(FIXTURES, join(dir, 'FileCabinet', 'SuiteApps', APP_ID, 'fixtures'));
    copyFileSync(MANIFEST, join(dir, 'manifest.xml'));
  });
}
