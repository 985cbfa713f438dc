/**
 * N/format: format and parse DATE, DATETIME and DATETIMETZ with the user's date/time
 * preferences (default M/D/YYYY, h:mm a), plus the simple number types. Costs nothing.
 */
import { nsError } from '../errors';
import { formatDate, parseDate } from '../format/dates';
import type { UserPreferences } from '../format/userPreferences';
import { isDate } from '../values';

const FORMAT_TYPES = Object.freeze({
  DATE: 'date', DATETIME: 'datetime', DATETIMETZ: 'datetimetz', TIMEOFDAY: 'timeofday', INTEGER: 'integer', FLOAT: 'float',
  CURRENCY: 'currency', PERCENT: 'percent', TEXT: 'text', CHECKBOX: 'checkbox', EMAIL: 'email', PHONE: 'phone', URL: 'url',
});

const dateKind = (type: string) => (type === 'date' ? 'DATE' : type === 'datetimetz' ? 'DATETIMETZ' : 'DATETIME') as 'DATE' | 'DATETIME' | 'DATETIMETZ';

export function createFormatModule(preferences: () => UserPreferences) {
  return Object.freeze({
    Type: FORMAT_TYPES,
    Timezone: new Proxy({} as Record<string, string>, { get: (_t, p) => (typeof p === 'string' ? p : undefined) }),
    format(options: { value: unknown; type: string; timezone?: string }) {
      if (!options?.type) throw nsError.missingArgument('format.format', 'type');
      const type = String(options.type).toLowerCase();
      const v = options.value;
      if (type === 'date' || type === 'datetime' || type === 'datetimetz') {
        if (!isDate(v)) throw nsError.invalidArgument('format.format', 'value', v);
        const prefs = options.timezone ? { ...preferences(), timeZone: options.timezone } : preferences();
        return formatDate(v, dateKind(type), prefs);
      }
      if (type === 'currency') return Number(v).toFixed(2);
      if (type === 'percent') return `${Number(v).toFixed(1)}%`;
      if (type === 'checkbox') return v === true || v === 'T' ? 'T' : 'F';
      return v === null || v === undefined ? '' : String(v);
    },
    parse(options: { value: unknown; type: string; timezone?: string }) {
      if (!options?.type) throw nsError.missingArgument('format.parse', 'type');
      const type = String(options.type).toLowerCase();
      const v = options.value;
      if (type === 'date' || type === 'datetime' || type === 'datetimetz') {
        if (isDate(v)) return v;
        const prefs = options.timezone ? { ...preferences(), timeZone: options.timezone } : preferences();
        const d = parseDate(String(v ?? ''), type === 'date' ? 'DATETIME' : dateKind(type), prefs);
        // NetSuite returns the input unchanged when it cannot parse it.
        return d ?? v;
      }
      if (type === 'integer') return Number.parseInt(String(v), 10);
      if (type === 'float' || type === 'currency') return Number.parseFloat(String(v).replace(/,/g, ''));
      if (type === 'percent') return Number.parseFloat(String(v));
      if (type === 'checkbox') return v === 'T' || v === true;
      return v;
    },
  });
}
