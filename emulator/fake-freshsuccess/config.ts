/** Default configuration of the fake and strict checking of configuration changes. */
import type { ConfigPatch, FakeConfig, OpenBehaviours, Profile, PublicConfig } from './types';

/** A clearly fake key for local runs; never a real tenant's. */
export const DEV_API_KEY = 'dev-fake-freshsuccess-key';

/** The default answer of every [open] switch: the one the fake has always given, or the most common. */
const DEFAULT_ANSWERS: OpenBehaviours = {
  missingItem: 'http404',
  missingDimension: 'succeed',
  emptyStrings: 'clear',
  nullValues: 'reject',
  parentAccount: 'ignore',
  contactMove: 'move',
  contactsOnInactiveAccounts: 'accept',
  failedResultIndex: true,
  typeErrors: 'record',
  overlappingBulk: 'serve',
  wrongRegionStatus: 401,
  omitEmptyFailedResults: false,
};

/**
 * The hardest answer for a client to each [open] point: failures in the envelope rather than a
 * status, empty and unknown parents refused, `null` refused, labels over 400 characters refused,
 * contacts refused on deactivated accounts, no `record` index, no empty `failed_results`, a
 * second bulk request on an endpoint refused with 429. Contact moves and type errors keep their
 * default answers here: each of their other answers is its own test (they are not harder, only
 * different: a refused move is a dead letter whatever the client does).
 */
export const PESSIMISTIC: Partial<FakeConfig> = {
  missingItem: 'statusNotOk',
  missingDimension: 'notFound',
  nullValues: 'reject',
  parentAccount: 'refuseEmpty',
  contactsOnInactiveAccounts: 'reject',
  failedResultIndex: false,
  overlappingBulk: 'refuse',
  wrongRegionStatus: 403,
  omitEmptyFailedResults: true,
  labelMaxLength: 400,
};

const PROFILES: Record<Profile, Partial<FakeConfig>> = { default: {}, pessimistic: PESSIMISTIC };

export function defaultConfig(): FakeConfig {
  return {
    profile: 'default',
    apiKeys: [DEV_API_KEY],
    region: 'us',
    maxBodyBytes: 5 * 1024 * 1024,
    maxPageSize: 1000,
    maxBatchRecords: 0,
    labelMaxLength: 512,
    netsuiteUrl: '',
    ...DEFAULT_ANSWERS,
  };
}

const CHOICES: Partial<Record<keyof FakeConfig, readonly unknown[]>> = {
  profile: ['default', 'pessimistic'],
  region: ['us', 'eu'],
  missingItem: ['http404', 'statusNotOk'],
  missingDimension: ['succeed', 'notFound'],
  emptyStrings: ['clear', 'keep', 'reject'],
  nullValues: ['clear', 'keep', 'reject'],
  parentAccount: ['ignore', 'require', 'refuseEmpty'],
  contactMove: ['move', 'reject', 'duplicate'],
  contactsOnInactiveAccounts: ['accept', 'reject'],
  failedResultIndex: [true, false],
  typeErrors: ['record', 'batch'],
  overlappingBulk: ['serve', 'refuse'],
  wrongRegionStatus: [401, 403],
  omitEmptyFailedResults: [true, false],
};

const POSITIVE_INTEGERS: ReadonlyArray<keyof FakeConfig> = ['maxBodyBytes', 'maxPageSize', 'labelMaxLength'];

/**
 * Applies a patch, throwing on any unknown option or bad value so a test typo cannot pass
 * silently. A `profile` in the patch first resets every [open] switch (and the label limit) to
 * that profile's answers; the patch's other options then override them.
 */
export function applyConfigPatch(base: FakeConfig, patch: unknown): FakeConfig {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new Error('configure expects an object');
  }
  const entries = Object.entries(patch as ConfigPatch);
  const profile = (patch as ConfigPatch).profile;
  if (profile !== undefined) {
    checkOption(base, 'profile', profile);
    const defaults = defaultConfig();
    base = { ...base, ...DEFAULT_ANSWERS, labelMaxLength: defaults.labelMaxLength, ...PROFILES[profile], profile };
  }
  const next: FakeConfig = { ...base, apiKeys: [...base.apiKeys] };
  for (const [key, value] of entries) {
    if (key === 'profile') continue;
    checkOption(base, key, value);
    (next as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return next;
}

function checkOption(base: FakeConfig, key: string, value: unknown): void {
  if (!(key in base)) throw new Error(`unknown fake option: ${key}`);
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
  if (k === 'netsuiteUrl' && !(value === '' || (typeof value === 'string' && /^https?:\/\/[^\s"'<>]+$/.test(value)))) {
    throw new Error('netsuiteUrl must be an http(s) URL, or empty');
  }
  if (k === 'apiKeys') {
    const keys = value as unknown;
    if (!Array.isArray(keys) || keys.length === 0 || keys.some((x) => typeof x !== 'string' || x === '')) {
      throw new Error('apiKeys must be a non-empty array of non-empty strings');
    }
  }
}

export function publicConfig(config: FakeConfig): PublicConfig {
  const { apiKeys, ...rest } = config;
  return { ...rest, apiKeyCount: apiKeys.length };
}

/**
 * Options from `FAKE_FS_CONFIG` (JSON), e.g. `{"profile":"pessimistic"}`. A fake started as a
 * child process inherits them under its caller's own options, so one variable runs a whole test
 * suite against another profile.
 */
export function configFromEnvironment(env: NodeJS.ProcessEnv): ConfigPatch {
  const raw = env.FAKE_FS_CONFIG;
  if (raw === undefined || raw.trim() === '') return {};
  const parsed = JSON.parse(raw) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('FAKE_FS_CONFIG must be a JSON object');
  return parsed as ConfigPatch;
}
