/**
 * The sweep's view of NetSuite: records modified since a time (one paged search per type) and
 * the deleted-record log (permission "Deleted Records", ADMI_DELETEDRECORD).
 */
import * as search from 'N/search';
import type { ChangeFinder } from '../app/ports';
import type { RecordKind } from '../domain/types';
import { afterId, eachRow, sortedById } from './paging';
import { eachPage } from './paging';
import { dateFilter, dateMs } from './values';

const KIND_OF_DELETED: Record<string, RecordKind> = { customer: 'customer', lead: 'customer', prospect: 'customer', contact: 'contact' };

export function netsuiteChangeFinder(): ChangeFinder {
  return {
    modifiedSince(kind, since) {
      const out: Array<{ id: string; lastModified: number }> = [];
      eachRow(
        (after) =>
          search.create({
            type: kind === 'customer' ? search.Type.CUSTOMER : search.Type.CONTACT,
            filters: afterId(['lastmodifieddate', 'onorafter', dateFilter(since)], after),
            columns: [sortedById(), search.createColumn({ name: 'lastmodifieddate' })],
          }),
        (r) => void out.push({ id: String(r.id), lastModified: dateMs(r.getValue({ name: 'lastmodifieddate' })) ?? since }),
      );
      return out;
    },
    deletedSince(since) {
      const out: Array<{ kind: RecordKind; id: string; deletedAt: number }> = [];
      const s = search.create({
        type: search.Type.DELETED_RECORD,
        filters: [['deleteddate', 'onorafter', dateFilter(since)]],
        // The column holding the deleted record's internal id is [open] on a real account.
        columns: ['recordtype', 'recordid', 'deleteddate'].map((name) => search.createColumn({ name })),
      });
      eachPage(s, (rows) => {
        for (const r of rows) {
          const kind = KIND_OF_DELETED[String(r.getValue({ name: 'recordtype' }) ?? '').toLowerCase()];
          const id = String(r.getValue({ name: 'recordid' }) ?? '');
          // A row without an id is passed on (id ''): the sweep reports it rather than dropping it.
          if (kind) out.push({ kind, id, deletedAt: dateMs(r.getValue({ name: 'deleteddate' })) ?? since });
        }
      });
      return out;
    },
  };
}
