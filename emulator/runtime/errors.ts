/**
 * SuiteScriptError as scripts see it (N/error): `name` is the NetSuite error code, `type` is
 * 'error.SuiteScriptError', `id` is an error id, `stack` a list of frames. User-created errors
 * (error.create) have type 'error.UserError'.
 */
let nextErrorId = 1;

export class SuiteScriptError extends Error {
  readonly type: string;
  readonly id: string;
  readonly cause?: unknown;
  notifyOff: boolean;

  constructor(name: string, message: string, options: { type?: string; notifyOff?: boolean; cause?: unknown } = {}) {
    super(message);
    // `name` must be an own enumerable property so JSON.stringify(e) shows it, as in NetSuite.
    Object.defineProperty(this, 'name', { value: name, enumerable: true, writable: true });
    this.type = options.type ?? 'error.SuiteScriptError';
    this.id = `emu${String(nextErrorId++).padStart(6, '0')}`;
    this.notifyOff = options.notifyOff ?? false;
    this.cause = options.cause;
  }

  toString(): string {
    return `${this.name}: ${this.message}`;
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, name: this.name, message: this.message, id: this.id, stack: this.stack?.split('\n') ?? [], notifyOff: this.notifyOff };
  }
}

/** The error codes the runtime raises, with NetSuite's wording where it is known. */
export const nsError = {
  missingArgument: (api: string, arg: string) =>
    new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: ${arg}`),
  invalidArgument: (api: string, arg: string, value: unknown) =>
    new SuiteScriptError('SSS_INVALID_ARG', `${api}: Invalid value for argument ${arg}: ${String(value)}`),
  invalidRecordType: (type: unknown) =>
    new SuiteScriptError('INVALID_RCRD_TYPE', `Invalid record type: ${String(type)}`),
  recordMissing: (type: string, id: unknown) =>
    new SuiteScriptError('RCRD_DSNT_EXIST', `That record does not exist. (${type} ${String(id)})`),
  invalidFieldValue: (field: string, value: unknown) =>
    new SuiteScriptError(
      'INVALID_FLD_VALUE',
      `You have entered an Invalid Field Value ${formatValue(value)} for the following field: ${field}`,
    ),
  mandatoryField: (fields: string[]) =>
    new SuiteScriptError('USER_ERROR', `Please enter value(s) for: ${fields.join(', ')}`),
  unknownField: (recordType: string, field: string) =>
    // NetSuite's exact code for an unknown field id on a custom record is not confirmed; the
    // emulator refuses it loudly so a typo in a custrecord id never passes silently.
    new SuiteScriptError('INVALID_FLD', `Field ${field} does not exist on record type ${recordType}`),
  invalidSearchFilter: (detail: string) =>
    new SuiteScriptError('SSS_INVALID_SRCH_FILTER', `An nlobjSearchFilter contains invalid search criteria: ${detail}`),
  invalidSearchColumn: (detail: string) =>
    new SuiteScriptError('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${detail}`),
  invalidSearchOperator: (detail: string) =>
    new SuiteScriptError('SSS_INVALID_SRCH_OPERATOR', `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${detail}`),
  invalidSearchType: (type: unknown) =>
    new SuiteScriptError('SSS_INVALID_SRCH_TYPE', `Invalid search type: ${String(type)}`),
};

function formatValue(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}
