/**
 * Options of a sourced SELECT field (addField({type: SELECT, source})), as NetSuite fills them:
 * the active records of the source type, by name. `source` is a record type ('customer',
 * 'customrecord_x', 'customlist_x') or one of the numeric ids SDF uses (customer -2, employee -4,
 * contact -6; docs/netsuite-platform-facts.md §6).
 */
export interface SelectableStore {
  rows(type: string): { id: number; values: Record<string, unknown> }[];
  nameOf(type: string, id: unknown): string;
}

const NUMERIC_SOURCES: Record<string, string> = { '-2': 'customer', '-4': 'employee', '-6': 'contact' };

export function selectSourceFrom(store: SelectableStore): (source: string) => { value: string; text: string }[] {
  return (source) => {
    const type = NUMERIC_SOURCES[source.trim()] ?? source.trim().toLowerCase();
    let rows: { id: number; values: Record<string, unknown> }[];
    try {
      rows = store.rows(type);
    } catch (e) {
      throw new Error(`Select source ${source} is not a record type or list the local runtime knows (${(e as Error).message})`);
    }
    return rows
      .filter((r) => r.values.isinactive !== true && r.values.isinactive !== 'T')
      .map((r) => ({ value: String(r.id), text: store.nameOf(type, r.id) }))
      .sort((a, b) => a.text.localeCompare(b.text));
  };
}
