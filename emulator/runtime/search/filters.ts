/**
 * Search filters: search.createFilter objects, plain {name, operator, values, join} objects and
 * filter expressions (terms combined with 'AND'/'OR', 'NOT' prefixes, nesting), normalised to
 * one tree the evaluator walks. A list of Filter objects is an AND of them.
 */
import { nsError } from '../errors';

export const OPERATORS = Object.freeze({
  AFTER: 'after', ALLOF: 'allof', ANY: 'any', ANYOF: 'anyof', BEFORE: 'before', BETWEEN: 'between', CONTAINS: 'contains',
  DOESNOTCONTAIN: 'doesnotcontain', DOESNOTSTARTWITH: 'doesnotstartwith', EQUALTO: 'equalto', GREATERTHAN: 'greaterthan',
  GREATERTHANOREQUALTO: 'greaterthanorequalto', HASKEYWORDS: 'haskeywords', IS: 'is', ISEMPTY: 'isempty', ISNOT: 'isnot',
  ISNOTEMPTY: 'isnotempty', LESSTHAN: 'lessthan', LESSTHANOREQUALTO: 'lessthanorequalto', NONEOF: 'noneof', NOTAFTER: 'notafter',
  NOTALLOF: 'notallof', NOTBEFORE: 'notbefore', NOTBETWEEN: 'notbetween', NOTEQUALTO: 'notequalto',
  NOTGREATERTHAN: 'notgreaterthan', NOTGREATERTHANOREQUALTO: 'notgreaterthanorequalto', NOTLESSTHAN: 'notlessthan',
  NOTLESSTHANOREQUALTO: 'notlessthanorequalto', NOTON: 'noton', NOTONORAFTER: 'notonorafter', NOTONORBEFORE: 'notonorbefore',
  NOTWITHIN: 'notwithin', ON: 'on', ONORAFTER: 'onorafter', ONORBEFORE: 'onorbefore', STARTSWITH: 'startswith', WITHIN: 'within',
});

const KNOWN = new Set<string>(Object.values(OPERATORS));

/** search.Filter as scripts see it. */
export class SearchFilter {
  readonly name: string;
  readonly join: string | null;
  readonly operator: string;
  readonly summary: string | null;
  readonly formula: string | null;
  values: unknown[];
  constructor(o: { name: string; join?: string | null; operator: string; values?: unknown; summary?: string | null; formula?: string | null }) {
    if (!o || typeof o.name !== 'string' || !o.name) throw nsError.missingArgument('search.createFilter', 'name');
    if (typeof o.operator !== 'string' || !o.operator) throw nsError.missingArgument('search.createFilter', 'operator');
    const op = o.operator.toLowerCase();
    if (!KNOWN.has(op)) throw nsError.invalidSearchOperator(o.operator);
    this.name = o.name.toLowerCase();
    this.join = o.join ? o.join.toLowerCase() : null;
    this.operator = op;
    this.summary = o.summary ?? null;
    this.formula = o.formula ?? null;
    this.values = o.values === undefined || o.values === null ? [] : Array.isArray(o.values) ? [...o.values] : [o.values];
  }
  toJSON() {
    return { name: this.name, join: this.join, operator: this.operator, values: this.values, summary: this.summary, formula: this.formula };
  }
}

export type FilterNode =
  | { kind: 'term'; filter: SearchFilter }
  | { kind: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode };

/** A term written as an array: ['field', 'op', v1, v2...] or ['join.field', 'op', [values]]. */
function isTermArray(a: unknown[]): boolean {
  return typeof a[0] === 'string' && typeof a[1] === 'string' && KNOWN.has(a[1].toLowerCase()) && !isLogical(a[0]);
}

function isLogical(s: unknown): boolean {
  return typeof s === 'string' && ['and', 'or', 'not'].includes(s.toLowerCase());
}

function termFilter(a: unknown[]): SearchFilter {
  const [rawName, operator, ...rest] = a as [string, string, ...unknown[]];
  let name = rawName;
  let join: string | null = null;
  const dot = rawName.indexOf('.');
  if (dot > 0 && !rawName.toLowerCase().startsWith('formula')) {
    join = rawName.slice(0, dot);
    name = rawName.slice(dot + 1);
  }
  const values = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as unknown[]) : rest;
  return new SearchFilter({ name, join, operator, values });
}

function toFilter(x: unknown): SearchFilter {
  if (x instanceof SearchFilter) return x;
  if (x && typeof x === 'object' && !Array.isArray(x)) return new SearchFilter(x as ConstructorParameters<typeof SearchFilter>[0]);
  throw nsError.invalidSearchFilter(JSON.stringify(x));
}

/** Parses a filter expression (arrays with 'AND'/'OR'/'NOT'). */
function parseExpression(expr: unknown[]): FilterNode {
  if (isTermArray(expr)) return { kind: 'term', filter: termFilter(expr) };
  const items: FilterNode[] = [];
  const ops: string[] = [];
  let negateNext = false;
  let expectOperand = true;
  for (const item of expr) {
    if (isLogical(item)) {
      const op = (item as string).toLowerCase();
      if (op === 'not') {
        if (!expectOperand) throw nsError.invalidSearchFilter(`'NOT' after an operand in ${JSON.stringify(expr)}`);
        negateNext = !negateNext;
        continue;
      }
      if (expectOperand) throw nsError.invalidSearchFilter(`'${item as string}' without a left operand in ${JSON.stringify(expr)}`);
      ops.push(op);
      expectOperand = true;
      continue;
    }
    let node: FilterNode;
    if (Array.isArray(item)) node = parseExpression(item);
    else node = { kind: 'term', filter: toFilter(item) };
    if (negateNext) node = { kind: 'not', child: node };
    negateNext = false;
    // Two operands in a row: NetSuite reads the pair as AND (filters given as a list).
    if (!expectOperand) ops.push('and');
    items.push(node);
    expectOperand = false;
  }
  if (items.length === 0) return { kind: 'and', children: [] };
  if (expectOperand) throw nsError.invalidSearchFilter(`expression ends with an operator: ${JSON.stringify(expr)}`);
  // AND binds tighter than OR.
  const orGroups: FilterNode[][] = [[items[0]!]];
  ops.forEach((op, i) => {
    if (op === 'or') orGroups.push([items[i + 1]!]);
    else orGroups[orGroups.length - 1]!.push(items[i + 1]!);
  });
  const ands = orGroups.map((g) => (g.length === 1 ? g[0]! : { kind: 'and' as const, children: g }));
  return ands.length === 1 ? ands[0]! : { kind: 'or', children: ands };
}

/** Normalises what scripts pass as `filters`. */
export function parseFilters(filters: unknown): { tree: FilterNode; list: SearchFilter[] | null; expression: unknown[] | null } {
  if (filters === undefined || filters === null) return { tree: { kind: 'and', children: [] }, list: [], expression: null };
  if (filters instanceof SearchFilter) return { tree: { kind: 'term', filter: filters }, list: [filters], expression: null };
  if (!Array.isArray(filters)) throw nsError.invalidSearchFilter(JSON.stringify(filters));
  const allObjects = filters.every((f) => f instanceof SearchFilter || (f && typeof f === 'object' && !Array.isArray(f)));
  if (allObjects) {
    const list = filters.map(toFilter);
    return { tree: { kind: 'and', children: list.map((filter) => ({ kind: 'term' as const, filter })) }, list, expression: null };
  }
  return { tree: parseExpression(filters), list: null, expression: filters };
}

export function termsOf(node: FilterNode): SearchFilter[] {
  if (node.kind === 'term') return [node.filter];
  if (node.kind === 'not') return termsOf(node.child);
  return node.children.flatMap(termsOf);
}
