/**
 * Reads the settings record and, through its link field, the state record in ONE lookupFields
 * (1 unit): every drain and full sync needs both, and the budgets count every unit. Without the
 * link (not set yet) the state is read on its own.
 */
import { CONFIG, STATE } from './schema';
import { readSingleton, type Singleton } from './singleton';
import { lookupValue } from './values';

export const CONFIG_COLUMNS = Object.values(CONFIG).filter((f) => f !== CONFIG.type);
const STATE_COLUMNS = Object.values(STATE).filter((f) => f !== STATE.type);

export interface Settings {
  config: Singleton | null;
  /** The linked state record's values, when the link is set. */
  state: Singleton | null;
}

export function readSettings(): Settings {
  const joined = STATE_COLUMNS.map((c) => `${CONFIG.stateRecord}.${c}`);
  const config = readSingleton(CONFIG.type, [...CONFIG_COLUMNS, 'lastmodified', ...joined], true);
  if (!config) return { config: null, state: null };
  const stateId = lookupValue(config.values[CONFIG.stateRecord]);
  if (stateId === '') return { config, state: null };
  const values: Record<string, unknown> = {};
  for (const c of STATE_COLUMNS) values[c] = config.values[`${CONFIG.stateRecord}.${c}`];
  // The cursor is always set on a live state record: empty means the link points nowhere.
  if (lookupValue(values[STATE.drainCursor]) === '') return { config, state: null };
  return { config, state: { id: stateId, values } };
}

/** One read per script invocation, shared by the config and state stores. */
export function memoSettings(): () => Settings {
  let cached: Settings | null = null;
  return () => (cached = cached ?? readSettings());
}
