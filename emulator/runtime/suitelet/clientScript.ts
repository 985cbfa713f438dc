/**
 * Client scripts on Suitelet pages: a form's `clientScriptModulePath` is resolved (absolute in
 * the File Cabinet, or relative to the Suitelet's script file) and checked when the page is
 * written, as NetSuite does: a missing file or a file that is not a 2.1 ClientScript fails the
 * request. The browser then loads it with RequireJS (ui/browser/boot.js) from the routes below:
 * File Cabinet JavaScript under /__runtime/cabinet/, and RequireJS, the boot code and the
 * browser's N/currentRecord under /__runtime/client/. No other N/ module exists in the browser:
 * a client script that asks for one shows an error on the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { SuiteScriptError } from '../errors';
import { checkEntryHeader, readHeader } from '../loader/scriptHeader';

export const CABINET_ROUTE = '/__runtime/cabinet/';
export const CLIENT_ROUTE = '/__runtime/client/';

const ASSETS: Record<string, () => string> = {
  'require.js': () => readFileSync(createRequire(__filename).resolve('requirejs/require.js'), 'utf8'),
  'boot.js': () => readFileSync(join(__dirname, '../ui/browser/boot.js'), 'utf8'),
  'N/currentRecord.js': () => readFileSync(join(__dirname, '../ui/browser/currentRecord.js'), 'utf8'),
};

/** What the page needs to load its client script. */
export interface ClientScriptRef {
  /** RequireJS module id: the File Cabinet path without the leading '/' and '.js'. */
  module: string;
  baseUrl: string;
  nUrl: string;
  /** Where RequireJS and the boot code are served. */
  assets: string;
}

/** The File Cabinet path a form's clientScriptModulePath names, from the Suitelet's script file. */
function resolveClientScriptPath(modulePath: string, scriptFile: string): string {
  const withJs = modulePath.endsWith('.js') ? modulePath : `${modulePath}.js`;
  const from = scriptFile.startsWith('/') ? scriptFile : `/${scriptFile}`;
  return withJs.startsWith('/') ? posix.normalize(withJs) : posix.normalize(posix.join(posix.dirname(from), withJs));
}

/** Checks the file as NetSuite does when the page is written; returns where the browser loads it. */
export function clientScriptRef(modulePath: string, scriptFile: string, readCabinetFile: (path: string) => string): ClientScriptRef {
  const path = resolveClientScriptPath(modulePath, scriptFile);
  let source: string;
  try {
    source = readCabinetFile(path);
  } catch {
    throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Form.clientScriptModulePath: the file ${path} does not exist in the File Cabinet`);
  }
  const header = readHeader(source);
  if (header?.scriptType?.toLowerCase() !== 'clientscript') {
    throw new SuiteScriptError('INVALID_SCRIPT_TYPE', `Form.clientScriptModulePath: ${path} is not a client script (its @NScriptType is ${header?.scriptType ?? 'missing'})`);
  }
  checkEntryHeader(path, source, 'ClientScript');
  return { module: path.slice(1, -3), baseUrl: CABINET_ROUTE.slice(0, -1), nUrl: `${CLIENT_ROUTE}N`, assets: CLIENT_ROUTE };
}

/** A GET under the two routes: the body to send, or null for "no such file". */
export function clientAsset(pathname: string, readCabinetFile: (path: string) => string): string | null {
  if (pathname.startsWith(CLIENT_ROUTE)) return ASSETS[pathname.slice(CLIENT_ROUTE.length)]?.() ?? null;
  if (!pathname.startsWith(CABINET_ROUTE) || !pathname.endsWith('.js')) return null;
  try {
    // The loader refuses paths that leave the File Cabinet.
    return readCabinetFile(`/${decodeURIComponent(pathname.slice(CABINET_ROUTE.length))}`);
  } catch {
    return null;
  }
}
