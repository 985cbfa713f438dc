/**
 * Compiles the drivers' fixture scripts (../fixtures) with the product's compiler options
 * (tools/compileScripts) into a File Cabinet folder.
 */
import { join } from 'node:path';
import { compileScripts } from '../../../../tools/compileScripts';

export const APP_FOLDER = '/SuiteApps/com.freshsync.connector';

/** @returns the <scriptfile> path of fixture `name`, e.g. '/SuiteApps/com.freshsync.connector/fixtures/mr_fixture.js'. */
export const fixtureScript = (name: string) => `${APP_FOLDER}/fixtures/${name}.js`;

/** Compiles every fixture into `fileCabinet`, at the paths fixtureScript gives. */
export function compileFixtures(fileCabinet: string): void {
  compileScripts(join(__dirname, '..', 'fixtures'), join(fileCabinet, APP_FOLDER, 'fixtures'));
}
