/**
 * Makes sure the SuiteApp's built files match src/TypeScript before an end-to-end test loads
 * them, through tools/build.ts's own build-if-stale: one lock shared with npm start, the
 * benchmark and every Jest worker, and a build that compiles into scratch space and replaces
 * files by rename — it never empties the SuiteApp folder, so a suite running in another worker
 * cannot meet MODULE_DOES_NOT_EXIST. `npm test` builds before Jest, so nothing is stale here and
 * no build runs during the run; a targeted `npx jest __tests__/e2e/sync` after an edit builds once.
 */
import { ensureProductBuilt as buildIfStale, staleSources } from '../../../tools/build';

export { staleSources };

/** Builds the product unless its output is already fresh; tsc errors surface as the error. */
export function ensureProductBuilt(): void {
  try {
    buildIfStale();
  } catch (e) {
    throw new Error(`building the SuiteApp failed:\n${(e as Error).message}`);
  }
}
