/**
 * Reads a built SuiteScript AMD file the way NetSuite does: the JSDoc header must come first,
 * the module is one `define(...)`, and its entry points are the factory's exports. Parsed with the
 * TypeScript compiler API (no regexes over code), so comments and strings cannot fool it.
 */
import * as ts from 'typescript';

export interface EntryHeader {
  /** The first thing in the file is a `/** ... *\/` comment. */
  headerFirst: boolean;
  /** Tags of the first comment (when it is first), e.g. { NApiVersion: '2.1', NScriptType: 'Suitelet' }. */
  tags: Record<string, string>;
  /** `@NApiVersion` or `@NScriptType` appear in some later comment instead (header not first). */
  tagsElsewhere: boolean;
}

export interface TopLevelCall {
  /** e.g. `log.debug` */
  callee: string;
  module: string;
  line: number;
}

export interface EntryFileAnalysis {
  header: EntryHeader;
  /** Number of `define(` calls anywhere in the file. */
  defineCount: number;
  /** Line of the first `define(` call (1 when none). */
  defineLine: number;
  /** Names the factory exports with a real value (`exports.x = ...` or `return { x }`). */
  exports: string[];
  /** Calls on N/ module parameters executed while the module loads (outside any function). */
  topLevelNCalls: TopLevelCall[];
}

const TAG = /@(N[A-Za-z]+)[ \t]+([^\s*]+)/g;

function readHeader(text: string): EntryHeader {
  const ranges = ts.getLeadingCommentRanges(text, 0) ?? [];
  const first = ranges[0];
  const headerFirst = !!first && first.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.slice(first.pos, first.pos + 3) === '/**' && text.slice(0, first.pos).trim() === '';
  const tags: Record<string, string> = {};
  if (headerFirst && first) {
    for (const m of text.slice(first.pos, first.end).matchAll(TAG)) tags[m[1] as string] = m[2] as string;
  }
  const rest = headerFirst && first ? text.slice(first.end) : text;
  return { headerFirst, tags, tagsElsewhere: /@N(ApiVersion|ScriptType)\b/.test(rest) && !(tags.NApiVersion && tags.NScriptType) };
}

function isFunctionLike(node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isConstructorDeclaration(node) || ts.isClassLike(node);
}

/** Root identifier of `a.b.c` / `a['b']` / `a`. */
function rootName(expr: ts.Expression): string | undefined {
  let e: ts.Expression = expr;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isIdentifier(e) ? e.text : undefined;
}

function calleeText(expr: ts.Expression, sf: ts.SourceFile): string {
  return expr.getText(sf).replace(/\s+/g, '');
}

export function analyzeEntryFile(text: string, fileName = 'entry.js'): EntryFileAnalysis {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2019, true, ts.ScriptKind.JS);
  const lineAt = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const defines: ts.CallExpression[] = [];
  const findDefines = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define') defines.push(node);
    ts.forEachChild(node, findDefines);
  };
  findDefines(sf);

  const result: EntryFileAnalysis = {
    header: readHeader(text),
    defineCount: defines.length,
    defineLine: defines[0] ? lineAt(defines[0].getStart(sf)) : 1,
    exports: [],
    topLevelNCalls: [],
  };
  const define = defines[0];
  if (!define) return result;
  const deps = define.arguments.find(ts.isArrayLiteralExpression);
  const factory = define.arguments.find((a): a is ts.FunctionExpression | ts.ArrowFunction => ts.isFunctionExpression(a) || ts.isArrowFunction(a));
  if (!factory) return result;

  // Parameter name → module id, for N/ modules only.
  const nParams = new Map<string, string>();
  const depIds = deps ? deps.elements.map((e) => (ts.isStringLiteral(e) ? e.text : '')) : [];
  factory.parameters.forEach((p, i) => {
    const id = depIds[i];
    if (ts.isIdentifier(p.name) && id && /^N(\/|$)/.test(id)) nParams.set(p.name.text, id);
  });

  const exported = new Set<string>();
  const visitTop = (node: ts.Node): void => {
    // An immediately invoked function runs at load time: look inside it.
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.expression) {
      const callee = ts.isParenthesizedExpression(node.expression) ? node.expression.expression : node.expression;
      const root = rootName(node.expression);
      if (root && nParams.has(root)) {
        result.topLevelNCalls.push({ callee: calleeText(node.expression, sf), module: nParams.get(root) as string, line: lineAt(node.getStart(sf)) });
      }
      if (ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) {
        node.arguments?.forEach(visitTop);
        ts.forEachChild(callee.body, visitTop);
        return;
      }
    }
    if (isFunctionLike(node)) return;
    // tsc's re-exports: `Object.defineProperty(exports, "afterSubmit", { get: ... })`.
    if (ts.isCallExpression(node) && node.expression.getText(sf) === 'Object.defineProperty') {
      const [target, name] = node.arguments;
      if (target && ts.isIdentifier(target) && target.text === 'exports' && name && ts.isStringLiteral(name) && name.text !== '__esModule') exported.add(name.text);
    }
    // tsc: `exports.afterSubmit = afterSubmit;` (`exports.x = void 0;` only declares the name).
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && ts.isIdentifier(node.left.expression) && node.left.expression.text === 'exports') {
      // `exports.b = exports.a = void 0` declares both; the value is at the end of the chain.
      let value: ts.Expression = node.right;
      while (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) value = value.right;
      if (!ts.isVoidExpression(value)) exported.add(node.left.name.text);
    }
    ts.forEachChild(node, visitTop);
  };
  const body = factory.body;
  if (ts.isBlock(body)) {
    for (const stmt of body.statements) {
      // Hand-written style: `return { afterSubmit: afterSubmit }`.
      if (ts.isReturnStatement(stmt) && stmt.expression && ts.isObjectLiteralExpression(stmt.expression)) {
        for (const prop of stmt.expression.properties) if (prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) exported.add(prop.name.text);
      }
      visitTop(stmt);
    }
  } else {
    visitTop(body);
  }
  result.exports = [...exported].sort();
  return result;
}
