/**
 * http.ServerRequest as a Suitelet receives it: method, parameters, body, headers, url,
 * clientIpAddress, and the submitted sublists through getLineCount/getSublistValue.
 */
import type { IncomingMessage } from 'node:http';
import { SuiteScriptError } from '../errors';
import type { SubmittedSublist } from './submission';

export interface ServerRequestParts {
  method: string;
  parameters: Record<string, string>;
  body: string;
  headers: Record<string, string>;
  url: string;
  clientIpAddress: string;
  sublists: ReadonlyMap<string, SubmittedSublist>;
}

/** Header map with the names as sent and in lowercase, so either spelling reads. */
export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const value = req.rawHeaders[i + 1]!;
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
    out[name.toLowerCase()] = out[name];
  }
  return out;
}

export function buildServerRequest(parts: ServerRequestParts): Record<string, unknown> {
  const { sublists } = parts;
  return Object.freeze({
    method: parts.method,
    parameters: parts.parameters,
    body: parts.body,
    headers: parts.headers,
    url: parts.url,
    clientIpAddress: parts.clientIpAddress,
    files: {},
    getLineCount(options: { group?: string } | undefined): number {
      const group = options?.group;
      if (!group) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'ServerRequest.getLineCount: Missing a required argument: options.group');
      // [open] NetSuite's value for a sublist that was not submitted; -1 as for a missing sublist elsewhere.
      return sublists.get(group)?.lines.length ?? -1;
    },
    getSublistValue(options: { group?: string; name?: string; line?: number } | undefined): string | null {
      const api = 'ServerRequest.getSublistValue';
      for (const k of ['group', 'name', 'line'] as const) {
        if (options?.[k] === undefined || options[k] === null) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.${k}`);
      }
      const s = sublists.get(options!.group!);
      const line = Number(options!.line);
      if (!s || !Number.isInteger(line) || line < 0 || line >= s.lines.length) {
        throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `${api}: no line ${String(options!.line)} in submitted sublist ${options!.group}`);
      }
      return s.lines[line]![options!.name!] ?? null;
    },
  });
}
