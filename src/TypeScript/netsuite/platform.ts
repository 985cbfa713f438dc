/** Clock, log, randomness and governance as the use cases see them. */
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import type { Clock, Logger, RandomSource } from '../app/ports';

export const clock: Clock = { now: () => Date.now() };

/** The key never reaches here: use cases log messages and counts only. */
export const logger: Logger = {
  audit: (title, details) => log.audit({ title, details }),
  error: (title, details) => log.error({ title, details }),
};

export const random: RandomSource = () => Math.random();

/** NFT-style predicate: keep a reserve so a loop stops before SSS_USAGE_LIMIT_EXCEEDED. */
export function governanceRemains(reserve: number): () => boolean {
  return () => runtime.getCurrentScript().getRemainingUsage() > reserve;
}
