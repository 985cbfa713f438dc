/**
 * N/crypto/random (SuiteScript 2.1, since 2023.1): cryptographically strong random bytes,
 * integers and v4 UUIDs, from Node's CSPRNG. The Help Center lists no governance for these
 * methods ("Governance: None"), so nothing is debited.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { nsError } from '../errors';

export function createCryptoRandomModule() {
  return Object.freeze({
    generateBytes(options: { size: number }): Uint8Array {
      const size = options?.size;
      if (size === undefined || size === null) throw nsError.missingArgument('random.generateBytes', 'size');
      if (!Number.isInteger(size) || size < 1) throw nsError.invalidArgument('random.generateBytes', 'size', size);
      return new Uint8Array(randomBytes(size));
    },
    generateInt(options: { max: number; min?: number }): number {
      const max = options?.max;
      if (max === undefined || max === null) throw nsError.missingArgument('random.generateInt', 'max');
      const min = options.min ?? 0;
      if (!Number.isSafeInteger(max) || !Number.isSafeInteger(min) || min >= max) throw nsError.invalidArgument('random.generateInt', 'max', max);
      return randomInt(min, max);
    },
    generateUUID(): string {
      return randomUUID();
    },
  });
}
