/**
 * NetSuite errors that mean the settings point at something this account does not have: a
 * custom field id (mapping, account_id custom field) that is no column, a saved search that does
 * not exist. Every run would fail the same way until the settings change, so such a failure
 * pauses pushing (lifted by the next save of the settings, as a refused key is) and the status
 * page says which setting to check. Other errors are not the settings' fault and stay errors.
 */

/** Marks a pause for settings, not for a refused key, in the state's pause message. */
export const SETTINGS_PAUSE_PREFIX = 'Settings: ';

const SETTINGS_ERRORS: Record<string, string> = {
  SSS_INVALID_SRCH_COL: 'a custom field id in the field mapping or the account_id custom field is not a field of this account',
  SSS_INVALID_SRCH_COLUMN_JOIN: 'a custom field id in the field mapping or the account_id custom field is not a field of this account',
  SSS_INVALID_SRCH_FILTER: 'the saved search scope or a custom field id does not fit this account',
  SSS_INVALID_SRCH_FILTER_JOIN: 'the saved search scope or a custom field id does not fit this account',
  INVALID_SEARCH: 'the saved search scope does not exist in this account',
};

/** The pause message for a run that failed on the settings, or null when the error is another kind. */
export function settingsFailure(errorName: string, message: string): string | null {
  const what = SETTINGS_ERRORS[errorName];
  if (!what) return null;
  return `${SETTINGS_PAUSE_PREFIX}NetSuite refused the search because ${what} (${errorName}: ${message.slice(0, 300)}). Fix it in the settings and save: pushing resumes.`;
}
