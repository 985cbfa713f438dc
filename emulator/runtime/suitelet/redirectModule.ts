/**
 * N/redirect: sets where the current Suitelet response redirects (a 302 once onRequest
 * returns). Outside a Suitelet request the call has no page to redirect and is ignored, as
 * NetSuite ignores redirects in contexts without a browser.
 */
import { SuiteScriptError } from '../errors';
import type { UrlResolver } from '../url/urlModule';
import type { SuiteletResponse } from './response';

type Options = Record<string, unknown> | undefined;

function need(options: Options, name: string, api: string): unknown {
  const v = options?.[name];
  if (v === undefined || v === null || v === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.${name}`);
  return v;
}

export function createRedirectModule(urls: UrlResolver, current: () => SuiteletResponse | undefined): Record<string, unknown> {
  const notModelled = (api: string) => () => {
    throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', `redirect.${api} is not modelled by the local runtime (see emulator/runtime/suitelet/README.md)`);
  };
  return Object.freeze({
    toSuitelet(options: Options): void {
      const api = 'redirect.toSuitelet';
      const url = urls.resolveScript({
        scriptId: need(options, 'scriptId', api),
        deploymentId: need(options, 'deploymentId', api),
        returnExternalUrl: options?.isExternal === true,
      });
      current()?.redirectTo(url, options?.parameters);
    },
    toRecord(options: Options): void {
      const api = 'redirect.toRecord';
      const url = urls.resolveRecord({ recordType: need(options, 'type', api), recordId: need(options, 'id', api), isEditMode: options?.isEditMode === true });
      current()?.redirectTo(url, options?.parameters);
    },
    redirect(options: Options): void {
      const url = String(need(options, 'url', 'redirect.redirect'));
      current()?.redirectTo(url, options?.parameters);
    },
    toTaskLink: notModelled('toTaskLink'),
    toSavedSearch: notModelled('toSavedSearch'),
    toSavedSearchResult: notModelled('toSavedSearchResult'),
    toSearch: notModelled('toSearch'),
    toSearchResult: notModelled('toSearchResult'),
    toRecordTransform: notModelled('toRecordTransform'),
  });
}
