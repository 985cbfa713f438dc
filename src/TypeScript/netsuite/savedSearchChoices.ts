/**
 * The customer saved searches an administrator can pick as the sync's scope: one search of the
 * savedsearch type (10 units). [open] Whether `recordtype` holds the type id or its label is not
 * documented; either is accepted. Null when the account does not answer that search (the page
 * then offers a plain text field, as before).
 */
import * as search from 'N/search';

export interface SavedSearchChoice {
  /** The script id (customsearch...), what the settings store. */
  id: string;
  internalId: string;
  title: string;
}

/** At most this many are offered (one page of results). */
const MAX_CHOICES = 1000;

export function customerSavedSearches(): SavedSearchChoice[] | null {
  try {
    const rows = search
      .create({ type: search.Type.SAVED_SEARCH, columns: ['internalid', 'id', 'title', 'recordtype'] })
      .run()
      .getRange({ start: 0, end: MAX_CHOICES });
    const isCustomer = (r: search.Result) => [String(r.getValue({ name: 'recordtype' })), r.getText({ name: 'recordtype' })].some((v) => String(v ?? '').toLowerCase() === 'customer');
    return rows
      .filter(isCustomer)
      .map((r) => ({ id: String(r.getValue({ name: 'id' })), internalId: String(r.getValue({ name: 'internalid' })), title: String(r.getValue({ name: 'title' }) ?? '') }))
      .sort((a, b) => a.title.localeCompare(b.title));
  } catch {
    return null;
  }
}
