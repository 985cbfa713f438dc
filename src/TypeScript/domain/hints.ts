/** A short, actionable hint for the admin, next to Freshsuccess's own message on a dead letter. */

/** First match wins: the specific rules come before the generic ones. */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/refused its company, customer \d+, for the company's data/i, "Nothing is wrong with the contact: the message is about its company's data. Fix the company in NetSuite and save it; once the company lands, retry this dead letter and the contact follows."],
  [/is also the key of/i, 'Two NetSuite records have the same Freshsuccess key, so Freshsuccess would take them as one: give this record its own value in the field the key comes from (see the account and user id source in the settings), or merge the duplicates in NetSuite.'],
  [/\bmov(e|ed|ing)\b.*\bcontacts?\b|\bcontacts?\b.*\bmov(e|ed|ing)\b|belongs to (another )?account|another account/i, 'Freshsuccess refused to move the contact to another account (its old association was set inactive): remove the contact from the old account in Freshsuccess, then save the contact again.'],
  [/unknown endpoint|not supported/i, 'Freshsuccess does not offer this removal, so the value is still there: remove it by hand in Freshsuccess and tell the SuiteApp\'s maintainers.'],
  [/join_date/i, "The customer's Date Created could not be sent as a date: check the record, or the mapping of join_date."],
  [/account not found/i, "The contact's company is not in Freshsuccess: check the company is in sync scope and has no dead letter itself."],
  [/unknown (top-level )?(field|propert|key)|unexpected (field|property)|field(s)? not allowed|read-only propert/i, 'Freshsuccess does not know a field we sent: check the custom fields sent as dimensions (their Freshsuccess keys) and the fields never sent, in the settings.'],
  [/too long|length|characters/i, 'A value is too long for Freshsuccess: shorten it in NetSuite or choose it among the fields never sent, in the settings.'],
  [/invalid type|expecting/i, 'A value has the wrong type for Freshsuccess: check how each custom field is sent (text, number, date or boolean) in the settings.'],
  [/required|missing/i, 'A required value is empty in NetSuite: fill it in and save the record again.'],
  [/too large|413/i, 'This one record is larger than Freshsuccess accepts: reduce its long text fields.'],
  [/no company/i, 'Give the contact a company in NetSuite; it is synced on its next save.'],
  [/account_id|user_id/i, 'The record has no usable Freshsuccess key: check the account/user id source in the settings.'],
];

export function hintFor(message: string): string {
  for (const [pattern, hint] of RULES) if (pattern.test(message)) return hint;
  return 'Fix the record in NetSuite and save it again: the change is queued again automatically.';
}

export const AUTH_HINT = 'Freshsuccess refused the API key: check the key reference and the data centre (US/EU) in the FreshSync settings. Saving the settings resumes pushing; nothing queued is lost.';

/** On a retry entry past warnAfterAttempts: nothing is wrong with the records, and nothing is dropped. */
export const LONG_RETRY_HINT = 'Freshsuccess has been failing or unreachable for hours (server errors, rate limits or timeouts). These records keep being retried automatically, every few hours at most, until it answers; nothing is dropped. Check Freshsuccess\'s status; nothing needs fixing in NetSuite.';

/** Long-retrying because a parent or company has not landed (waiting on another record, not on Freshsuccess). */
export const LONG_WAIT_HINT = 'Still waiting for its parent account (or its company) to reach Freshsuccess; retried automatically until it does. Check that record for a dead letter or an out-of-scope setting.';

/** The hint for a retry entry still failing after warnAfterAttempts, by what it last failed with. */
export function longRetryHint(message: string): string {
  return /parent|account not found/i.test(message) ? LONG_WAIT_HINT : LONG_RETRY_HINT;
}

/** A contact of a churned company on a tenant that takes none: nothing to fix unless the company should be active. */
export const CHURNED_COMPANY_HINT = 'Nothing to do if the company really left: Freshsuccess keeps no contacts on a churned account. When the company is made active again in NetSuite, its contacts are sent with it.';

/** A contact deleted or moved away while its company is churned: its deactivation was refused. */
export const DEACTIVATION_REFUSED_HINT = 'The contact was deleted or moved in NetSuite while its company is inactive; this Freshsuccess tenant refuses changes to contacts of churned accounts. Deactivate the contact in Freshsuccess by hand if it matters: making the company active again does not bring back a contact NetSuite no longer has.';

/** An un-parenting the tenant refused: the only way left is by hand in Freshsuccess. */
export const UNPARENTING_HINT = 'The account is now top-level in NetSuite, but this Freshsuccess tenant does not accept an empty parent: remove the parent account in Freshsuccess by hand. Its other changes were sent.';

/** A value dropped or cut by the mapping: the record was sent without it. */
export const WARNING_HINT = 'The record was sent without this value, or with it cut. Correct the value in NetSuite, or change the field\'s type in the mapping settings if the type is wrong.';
