/**
 * `npm start` runs the built SuiteApp, so it builds first when the output is missing or older
 * than its sources. tools/build.ts holds the lock that keeps concurrent builds (npm start beside
 * a test run) from breaking each other.
 */
import { ensureProductBuilt, productSources } from '../../tools/build';

export interface BuildOutcome {
  ran: boolean;
  sources: number;
  /** tsc's complaint when the build failed; start goes on with whatever output exists. */
  error?: string;
}

export function buildIfStale(): BuildOutcome {
  const sources = productSources().length;
  try {
    return { ran: ensureProductBuilt(), sources };
  } catch (e) {
    return { ran: true, sources, error: (e as Error).message.split('\n').slice(0, 15).join('\n') };
  }
}
