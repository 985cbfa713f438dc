/**
 * The customer saved searches an administrator can pick as the sync's scope: a paged search of
 * the savedsearch type sorted by title (5, plus 5 per 1,000 saved searches of any type, at most
 * MAX_PAGES). [open] Whether `recordtype` holds the type id or its label is not documented, so
 * the filter is applied here and accepts either. Null when the account does not answer that
 * search (logged; the page then offers a plain text field).
 */
import * as search from 'N/search';
import { logger } from './platform';

export interface SavedSearchChoice {
  /** The script id (customsearch...), what the settings store. */
  id: string;
  internalId: string;
  title: string;
}

/** Pages of 1,000 saved searches read at most (an account with more offers the first 10,000 by title). */
const MAX_PAGES = 10;

export function customerSavedSearches(): SavedSearchChoice[] | null {
  try {
    const paged = search
      .create({ type: search.Type.SAVED_SEARCH, columns: [search.createColumn({ name: 'title', sort: search.Sort.ASC }), 'internalid', 'id', 'recordtype'] })
      .runPaged({ pageSize: 1000 });
    const isCustomer = (r: search.Result) => [String(r.getValue({ name: 'recordtype' })), r.getText({ name: 'recordtype' })].some((v) => String(v ?? '').toLowerCase() === 'customer');
    const choices: SavedSearchChoice[] = [];
    for (const range of paged.pageRanges.slice(0, MAX_PAGES)) {
      for (const r of paged.fetch({ index: range.index }).data) {
        if (isCustomer(r)) choices.push({ id: String(r.getValue({ name: 'id' })), internalId: String(r.getValue({ name: 'internalid' })), title: String(r.getValue({ name: 'title' }) ?? '') });
      }
    }
    return choices;
  } catch (e) {
    logger.error('FreshSync could not list the saved searches for the scope picker', String((e as { message?: unknown }).message ?? e));
    return null;
  }
}
