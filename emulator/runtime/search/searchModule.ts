/**
 * N/search for scripts: create (0 units), load/save (5/5), lookupFields (1), delete, and the
 * Filter/Column factories and enums.
 */
import { nsError, SuiteScriptError } from '../errors';
import { COST } from '../modules/costs';
import { RECORD_TYPES } from '../modules/recordModule';
import { sourceFor } from './catalog';
import { SearchColumn, SORT, SUMMARY, toColumn } from './columns';
import { runSearch } from './engine';
import { OPERATORS, SearchFilter } from './filters';
import { SearchObject, type SearchDeps } from './searchObject';

/**
 * search.Type: every record type N/record knows, and the search-only ones: the deleted-record log,
 * saved searches, roles and script deployments.
 */
const SEARCH_TYPES = Object.freeze({ ...RECORD_TYPES, DELETED_RECORD: 'deletedrecord', SAVED_SEARCH: 'savedsearch', ROLE: 'role', SCRIPT_DEPLOYMENT: 'scriptdeployment' });

export function createSearchModule(deps: SearchDeps) {
  const debit = (api: string, units: number) => deps.executions.require(`N/search.${api}`).meter.debit(`N/search.${api}`, units);

  return Object.freeze({
    Type: SEARCH_TYPES,
    Operator: OPERATORS,
    Sort: SORT,
    Summary: SUMMARY,
    create(options: { type: string; filters?: unknown; columns?: unknown; title?: string; id?: string; isPublic?: boolean }) {
      if (!options || !options.type) throw nsError.missingArgument('search.create', 'type');
      const ctx = deps.engine();
      sourceFor(ctx.store, options.type, ctx.saved, ctx.project); // unknown type fails now, as in NetSuite
      return new SearchObject(deps, { type: options.type, filters: options.filters, columns: options.columns, id: options.id ?? null, title: options.title, isPublic: options.isPublic });
    },
    load(options: { id: string | number; type?: string }) {
      if (!options || options.id === undefined || options.id === null || options.id === '') throw nsError.missingArgument('search.load', 'id');
      debit('load', COST.searchLoad);
      const saved = deps.saved.find(options.id);
      if (!saved) throw new SuiteScriptError('INVALID_SEARCH', `That search or mass update does not exist: ${String(options.id)}`);
      return new SearchObject(deps, { type: saved.type, filters: saved.filters, columns: saved.columns, id: saved.id, searchId: saved.internalId, title: saved.title, isPublic: saved.isPublic });
    },
    delete(options: { id: string | number }) {
      if (!options?.id) throw nsError.missingArgument('search.delete', 'id');
      if (!deps.saved.remove(options.id)) throw new SuiteScriptError('INVALID_SEARCH', `That search or mass update does not exist: ${String(options.id)}`);
    },
    createFilter(options: ConstructorParameters<typeof SearchFilter>[0]) {
      return new SearchFilter(options);
    },
    createColumn(options: ConstructorParameters<typeof SearchColumn>[0]) {
      return new SearchColumn(options);
    },
    /**
     * Field values of one record: text as strings, checkboxes as booleans, selects as
     * [{ value, text }] arrays; 'join.field' reads through a join. {} when there is no record.
     */
    lookupFields(options: { type: string; id: string | number; columns: string | string[] }) {
      if (!options?.type) throw nsError.missingArgument('search.lookupFields', 'type');
      if (options.id === undefined || options.id === null || options.id === '') throw nsError.missingArgument('search.lookupFields', 'id');
      if (!options.columns || (Array.isArray(options.columns) && options.columns.length === 0)) throw nsError.missingArgument('search.lookupFields', 'columns');
      debit('lookupFields', COST.lookupFields);
      const names = Array.isArray(options.columns) ? options.columns : [options.columns];
      const columns = names.map(toColumn);
      const idFilter = new SearchFilter({ name: 'internalid', operator: 'anyof', values: [String(options.id)] });
      const engine = deps.engine();
      const rows = runSearch({ type: options.type, tree: { kind: 'term', filter: idFilter }, columns }, engine);
      const row = rows[0];
      const out: Record<string, unknown> = {};
      if (!row) return out;
      names.forEach((key, i) => {
        const cell = row.cells[i]!;
        const kind = cell.kind;
        if (kind === 'select') out[key] = cell.value === '' ? [] : [{ value: cell.value, text: cell.text }];
        else if (kind === 'multiselect') {
          const ids = String(cell.value).split(',').filter(Boolean);
          const texts = cell.text.split(',');
          out[key] = ids.map((value, j) => ({ value, text: texts[j] ?? '' }));
        } else out[key] = cell.value;
      });
      return out;
    },
  });
}

