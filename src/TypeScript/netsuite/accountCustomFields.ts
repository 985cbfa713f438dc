/**
 * The account's custom entity fields that apply to customers or contacts, for the page's pick list
 * of custom fields and the save's type check: one paged search of the entity custom field record
 * (Records Browser and SDF: `entitycustomfield`; SOAP: EntityCustomField with scriptId, label,
 * fieldType, appliesToCustomer, appliesToContact), 5 units plus 5 per 1,000 fields, sorted by
 * label. [open] Whether N/search accepts this type and these column ids is not documented, nor
 * whether `fieldtype` gives the SDF id or the UI label (domain/fieldCatalog.ts accepts both): when
 * the search is refused, the result is null (logged) and the page offers typed field ids instead,
 * as before, while the save's search against the account still checks every field.
 */
import * as search from 'N/search';
import type { AccountCustomField } from '../domain/fieldCatalog';
import { isChecked } from '../domain/checkbox';
import { logger } from './platform';

const ENTITY_CUSTOM_FIELD = 'entitycustomfield';
/** Pages of 1,000 fields read at most (an account with more offers the first 5,000 by label). */
const MAX_PAGES = 5;

export function accountCustomFields(): AccountCustomField[] | null {
  try {
    const paged = search
      .create({ type: ENTITY_CUSTOM_FIELD, columns: [search.createColumn({ name: 'label', sort: search.Sort.ASC }), 'scriptid', 'fieldtype', 'appliestocustomer', 'appliestocontact'] })
      .runPaged({ pageSize: 1000 });
    const fields: AccountCustomField[] = [];
    for (const range of paged.pageRanges.slice(0, MAX_PAGES)) {
      for (const r of paged.fetch({ index: range.index }).data) {
        const id = String(r.getValue({ name: 'scriptid' }) ?? '').toLowerCase();
        const customer = isChecked(r.getValue({ name: 'appliestocustomer' }));
        const contact = isChecked(r.getValue({ name: 'appliestocontact' }));
        if (!id.startsWith('custentity') || (!customer && !contact)) continue;
        const type = r.getText({ name: 'fieldtype' }) || String(r.getValue({ name: 'fieldtype' }) ?? '');
        fields.push({ id, label: String(r.getValue({ name: 'label' }) ?? ''), type, customer, contact });
      }
    }
    return fields;
  } catch (e) {
    logger.error('FreshSync could not list the custom entity fields for the mapping', String((e as { message?: unknown }).message ?? e));
    return null;
  }
}
