/**
 * Custom entity fields → Freshsuccess dimension arrays, by field type: text → labels, numbers →
 * values, dates → events (epoch ms). Empty values are left out rather than sent as null, because
 * whether null clears a dimension is [open]; omitting is safe either way (the old value stays).
 */
import { isChecked } from './checkbox';
import type { CustomFieldMapping } from './config';
import type { CustomFieldValue, Dimension, MappingWarning, Omission } from './types';

/** One production client truncates at 400 because 500 was rejected; the real limit is [open]. */
export const TEXT_DIMENSION_MAX = 400;

export interface DimensionArrays {
  custom_label_dimensions?: Dimension<string>[];
  custom_value_dimensions?: Dimension<number>[];
  custom_event_dimensions?: Dimension<number>[];
}

export function mapDimensions(
  recordId: string,
  values: Record<string, CustomFieldValue>,
  mappings: readonly CustomFieldMapping[],
  warnings: MappingWarning[],
  omitted: Omission[],
): DimensionArrays {
  const labels: Dimension<string>[] = [];
  const numbers: Dimension<number>[] = [];
  const events: Dimension<number>[] = [];
  for (const m of mappings) {
    const value = values[m.fieldId];
    if (value === null || value === undefined || value === '') {
      omitted.push({ field: m.fieldId, reason: `not sent: empty in NetSuite, so the dimension "${m.key}" is left out` });
      continue;
    }
    switch (m.type) {
      case 'text': {
        let text = String(value);
        if (text.length > TEXT_DIMENSION_MAX) {
          warnings.push({ recordId, field: m.fieldId, message: `${m.fieldId} truncated from ${text.length} to ${TEXT_DIMENSION_MAX} characters`, reason: `${m.fieldId}: text longer than ${TEXT_DIMENSION_MAX} characters, sent cut to ${TEXT_DIMENSION_MAX}` });
          text = text.slice(0, TEXT_DIMENSION_MAX);
        }
        labels.push({ key: m.key, value: text });
        break;
      }
      case 'number': {
        const n = typeof value === 'number' ? value : Number(value);
        if (Number.isFinite(n)) numbers.push({ key: m.key, value: n });
        else warnings.push({ recordId, field: m.fieldId, message: `${m.fieldId} is not a number ("${String(value)}"); not sent`, reason: `${m.fieldId}: not a number, so this value was not sent` });
        break;
      }
      case 'boolean':
        // Freshsuccess has no boolean dimension: 1/0 keeps it filterable as a number.
        numbers.push({ key: m.key, value: isChecked(value) ? 1 : 0 });
        break;
      case 'date': {
        const ms = typeof value === 'number' ? value : Date.parse(String(value));
        if (Number.isFinite(ms)) events.push({ key: m.key, value: Math.trunc(ms) });
        else warnings.push({ recordId, field: m.fieldId, message: `${m.fieldId} is not a date ("${String(value)}"); not sent`, reason: `${m.fieldId}: not a date, so this value was not sent` });
        break;
      }
    }
  }
  const out: DimensionArrays = {};
  if (labels.length > 0) out.custom_label_dimensions = labels;
  if (numbers.length > 0) out.custom_value_dimensions = numbers;
  if (events.length > 0) out.custom_event_dimensions = events;
  return out;
}
