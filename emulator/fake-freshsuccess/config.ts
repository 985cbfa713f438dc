/** Default configuration of the fake and strict checking of configuration changes. */
import type { ConfigPatch, FakeConfig, PublicConfig } from './types';

/** A clearly fake key for local runs; never a real tenant's. */
export const DEV_API_KEY = 'dev-fake-freshsuccess-key';

export function defaultConfig(): FakeConfig {
  return {
    apiKeys: [DEV_API_KEY],
    region: 'us',
    maxBodyBytes: 5 * 1024 * 1024,
    maxPageSize: 1000,
    maxBatchRecords: 0,
    labelMaxLength: 512,
    contactMove: 'move',
    nullValues: 'reject',
    parentAccount: 'ignore',
    wrongRegionStatus: 401,
    omitEmptyFailedResults: false,
  };
}

const CHOICES: Partial<Record<keyof FakeConfig, readonly unknown[]>> = {
  region: ['us', 'eu'],
  contactMove: ['move', 'reject', 'duplicate'],
  nullValues: ['reject', 'clear'],
  parentAccount: ['ignore', 'require'],
  wrongRegionStatus: [401, 403],
  omitEmptyFailedResults: [true, false],
};

const POSITIVE_INTEGERS: ReadonlyArray<keyof FakeConfig> = ['maxBodyBytes', 'maxPageSize', 'labelMaxLength'];

/** Applies a patch, throwing on any unknown option or bad value so a test typo cannot pass silently. */
export function applyConfigPatch(base: FakeConfig, patch: unknown): FakeConfig {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new Error('configure expects an object');
  }
  const next: FakeConfig = { ...base, apiKeys: [...base.apiKeys] };
  const known = new Set(Object.keys(base));
  for (const [key, value] of Object.entries(patch as ConfigPatch)) {
    if (!known.has(key)) throw new Error(`unknown fake option: ${key}`);
    const k = key as keyof FakeConfig;
    const choices = CHOICES[k];
    if (choices && !choices.includes(value)) {
      throw new Error(`${key} must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    }
    if (POSITIVE_INTEGERS.includes(k) && !(Number.isInteger(value) && (value as number) > 0)) {
      throw new Error(`${key} must be a positive integer`);
    }
    if (k === 'maxBatchRecords' && !(Number.isInteger(value) && (value as number) >= 0)) {
      throw new Error('maxBatchRecords must be an integer >= 0 (0 = no limit)');
    }
    if (k === 'apiKeys') {
      const keys = value as unknown;
      if (!Array.isArray(keys) || keys.length === 0 || keys.some((x) => typeof x !== 'string' || x === '')) {
        throw new Error('apiKeys must be a non-empty array of non-empty strings');
      }
    }
    (next as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return next;
}

export function publicConfig(config: FakeConfig): PublicConfig {
  const { apiKeys, ...rest } = config;
  return { ...rest, apiKeyCount: apiKeys.length };
}
