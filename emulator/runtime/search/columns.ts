/** search.Column: name, join, sort, label, summary, formula. */
import { nsError } from '../errors';

export const SORT = Object.freeze({ ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' });
export const SUMMARY = Object.freeze({ AVG: 'AVG', COUNT: 'COUNT', GROUP: 'GROUP', MAX: 'MAX', MIN: 'MIN', SUM: 'SUM' });

export class SearchColumn {
  readonly name: string;
  readonly join: string | null;
  readonly summary: string | null;
  readonly formula: string | null;
  readonly label: string | null;
  readonly function: string | null;
  sort: string;
  constructor(o: { name: string; join?: string | null; summary?: string | null; formula?: string | null; label?: string | null; sort?: string; function?: string | null }) {
    if (!o || typeof o.name !== 'string' || !o.name) throw nsError.missingArgument('search.createColumn', 'name');
    this.name = o.name.toLowerCase();
    this.join = o.join ? o.join.toLowerCase() : null;
    this.summary = o.summary ? o.summary.toUpperCase() : null;
    this.formula = o.formula ?? null;
    this.label = o.label ?? null;
    this.function = o.function ?? null;
    const sort = (o.sort ?? 'NONE').toUpperCase();
    if (!(sort in SORT)) throw nsError.invalidSearchColumn(`sort ${o.sort}`);
    this.sort = sort;
  }
  setWhenOrderedBy(): this {
    return this;
  }
  toJSON() {
    return { name: this.name, join: this.join, summary: this.summary, label: this.label, sort: this.sort, formula: this.formula };
  }
}

/** A column given as a string ('entityid' or 'company.entityid'), an object or a Column. */
export function toColumn(c: unknown): SearchColumn {
  if (c instanceof SearchColumn) return c;
  if (typeof c === 'string') {
    const dot = c.indexOf('.');
    return dot > 0 ? new SearchColumn({ name: c.slice(dot + 1), join: c.slice(0, dot) }) : new SearchColumn({ name: c });
  }
  if (c && typeof c === 'object') return new SearchColumn(c as ConstructorParameters<typeof SearchColumn>[0]);
  throw nsError.invalidSearchColumn(JSON.stringify(c));
}

export function toColumns(columns: unknown): SearchColumn[] {
  if (columns === undefined || columns === null) return [];
  return (Array.isArray(columns) ? columns : [columns]).map(toColumn);
}
