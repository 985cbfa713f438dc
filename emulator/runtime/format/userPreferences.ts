/**
 * The current user's date/time preferences (Home > Set Preferences): N/format, Record.getText
 * on dates and search results render and parse dates with them.
 */
export type DateFormat = 'M/D/YYYY' | 'D/M/YYYY' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'YYYY-MM-DD' | 'D.M.YYYY' | 'DD.MM.YYYY';
export type TimeFormat = 'h:mm a' | 'H:mm';

export interface UserPreferences {
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  /** IANA time zone of the user (NetSuite renders dates in it). */
  timeZone: string;
}

export const DEFAULT_PREFERENCES: UserPreferences = { dateFormat: 'M/D/YYYY', timeFormat: 'h:mm a', timeZone: 'UTC' };
