/**
 * Compiles the Suitelet fixtures (../fixtures) with the product's compiler options
 * (tools/compileScripts) into a SuiteApp folder's entry/ folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScripts } from '../../../../tools/compileScripts';

/** Compiles every fixture into `<appFolder>/entry/`; returns the built sl_fixture_config.js. */
export function compileFixtures(appFolder: string): string {
  const entry = join(appFolder, 'entry');
  compileScripts(join(__dirname, '..', 'fixtures'), entry);
  return readFileSync(join(entry, 'sl_fixture_config.js'), 'utf8');
}
