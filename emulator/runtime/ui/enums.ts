/**
 * N/ui/serverWidget and N/ui/message enums with NetSuite's string values (as in Oracle's
 * SuiteCloud unit-testing stubs; names as in @hitc/netsuite-types). Inputs are matched
 * case-insensitively, because scripts also pass the literal strings ('text', 'select').
 */
import { SuiteScriptError } from '../errors';

const keys = <T extends string>(...names: T[]): { [K in T]: K } =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { [K in T]: K };

export const FieldType = keys(
  'CHECKBOX', 'CURRENCY', 'DATE', 'DATETIME', 'DATETIMETZ', 'EMAIL', 'FILE', 'FLOAT', 'HELP', 'IMAGE',
  'INLINEHTML', 'INTEGER', 'LABEL', 'LONGTEXT', 'MULTISELECT', 'PASSWORD', 'PERCENT', 'PHONE', 'RADIO',
  'RICHTEXT', 'SELECT', 'TEXTAREA', 'TEXT', 'TIMEOFDAY', 'URL',
);
export type FieldTypeValue = keyof typeof FieldType;

export const FieldDisplayType = keys('NORMAL', 'HIDDEN', 'READONLY', 'DISABLED', 'ENTRY', 'INLINE', 'NODISPLAY');
export type FieldDisplayTypeValue = keyof typeof FieldDisplayType;

export const FieldLayoutType = keys('NORMAL', 'OUTSIDE', 'OUTSIDEBELOW', 'OUTSIDEABOVE', 'STARTROW', 'MIDROW', 'ENDROW');
export type FieldLayoutTypeValue = keyof typeof FieldLayoutType;

export const FieldBreakType = keys('NONE', 'STARTCOL', 'STARTROW');
export type FieldBreakTypeValue = keyof typeof FieldBreakType;

export const SublistType = keys('EDITOR', 'INLINEEDITOR', 'LIST', 'STATICLIST');
export type SublistTypeValue = keyof typeof SublistType;

export const SublistDisplayType = keys('NORMAL', 'HIDDEN');
export const FormPageLinkType = keys('BREADCRUMB', 'CROSSLINK');
export const LayoutJustification = keys('CENTER', 'LEFT', 'RIGHT');

/**
 * message.Type. NetSuite's values are lowercase strings; Oracle's stubs use 0..3, so both are
 * accepted by `messageType()`.
 */
export const MessageType = Object.freeze({
  CONFIRMATION: 'confirmation',
  INFORMATION: 'information',
  WARNING: 'warning',
  ERROR: 'error',
} as const);
export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

/** Field types the renderer does not model (uploads need multipart, radios need groups). */
export const UNMODELLED_FIELD_TYPES: ReadonlySet<string> = new Set(['FILE', 'IMAGE', 'RADIO']);

export function enumValue<T extends Record<string, string>>(
  values: T,
  input: unknown,
  api: string,
  arg: string,
): T[keyof T] {
  const key = typeof input === 'string' ? input.toUpperCase() : undefined;
  if (key !== undefined && key in values) return values[key as keyof T];
  throw new SuiteScriptError(
    'SSS_INVALID_TYPE_ARG', // [open] NetSuite's exact code for a bad enum value is not documented.
    `${api}: ${arg} must be one of ${Object.keys(values).join(', ')}; got ${JSON.stringify(input)}`,
  );
}

export function messageType(input: unknown, api: string): MessageTypeValue {
  const byIndex: MessageTypeValue[] = ['confirmation', 'information', 'warning', 'error'];
  if (typeof input === 'number' && byIndex[input]) return byIndex[input];
  const s = typeof input === 'string' ? input.toLowerCase() : '';
  if ((byIndex as string[]).includes(s)) return s as MessageTypeValue;
  throw new SuiteScriptError(
    'SSS_INVALID_TYPE_ARG',
    `${api}: type must be a message.Type (CONFIRMATION, INFORMATION, WARNING, ERROR); got ${JSON.stringify(input)}`,
  );
}
