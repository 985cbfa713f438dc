/**
 * Thin layer over @xmldom/xmldom: parse with line numbers, treat every parser complaint (even a
 * "warning" such as an unquoted attribute) as malformed XML, and read SDF's simple
 * `<field>value</field>` children.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element, Document } from '@xmldom/xmldom';

export type XmlElement = Element;

export type XmlParseResult = { ok: true; doc: Document; root: Element } | { ok: false; line: number; message: string };

export function parseXml(source: string): XmlParseResult {
  let firstComplaint: { line: number; message: string } | undefined;
  try {
    const doc = new DOMParser({
      locator: true,
      onError: (_level, message, context: { locator?: { lineNumber?: number } }) => {
        firstComplaint ??= { line: context?.locator?.lineNumber ?? 1, message };
        throw new Error(message);
      },
    }).parseFromString(source, 'text/xml');
    const root = doc.documentElement;
    if (!root) return { ok: false, line: 1, message: 'no root element' };
    return { ok: true, doc, root };
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number } }).locator;
    const line = Math.max(1, firstComplaint?.line ?? locator?.lineNumber ?? 1);
    const message = firstComplaint?.message ?? (error as Error).message;
    return { ok: false, line, message: message.replace(/^\[xmldom [a-zA-Z]+\]\s*/, '').replace(/\s+/g, ' ') };
  }
}

export function lineOf(node: { lineNumber?: number } | null | undefined): number {
  return Math.max(1, node?.lineNumber ?? 1);
}

export function childElements(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || (n as Element).tagName === name)) out.push(n as Element);
  }
  return out;
}

export function firstChild(parent: Element, name: string): Element | undefined {
  return childElements(parent, name)[0];
}

/** Trimmed text content of an element (SDF values never depend on surrounding whitespace). */
export function textOf(el: Element): string {
  return (el.textContent ?? '').trim();
}

/** Every element below `root` (document order), for checks that look at all fields alike. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    out.push(el);
    for (const c of childElements(el)) walk(c);
  };
  walk(root);
  return out;
}

/** A leaf element: no element children, so its text is a field value. */
export function isLeaf(el: Element): boolean {
  return childElements(el).length === 0;
}
