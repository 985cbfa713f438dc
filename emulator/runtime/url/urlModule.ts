/**
 * N/url: resolveScript, resolveRecord, resolveDomain, format. No usage units.
 *
 * resolveScript returns exactly the URL the local Suitelet server answers:
 * `/app/site/hosting/scriptlet.nl?script=<n>&deploy=<n>[&params]` (relative, as NetSuite
 * returns internal URLs). An external URL uses the account's extforms host with `compid` and
 * an `ns-at` token (the format NetSuite uses since 2024.2); the local server accepts that path
 * too when the deployment is available without login. RESTlets resolve to restlet.nl on the
 * account's restlets host; the local runtime does not serve RESTlets.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SuiteScriptError } from '../errors';
import type { ScriptCatalog } from '../suitelet/catalog';
import { CUSTOM_RECORD_PATH, RECORD_PATHS } from './recordPaths';

export const SUITELET_PATH = '/app/site/hosting/scriptlet.nl';
const RESTLET_PATH = '/app/site/hosting/restlet.nl';

/** url.HostType values as in Oracle's stubs. */
export const HostType = Object.freeze({
  APPLICATION: 'APPLICATION',
  CUSTOMER_CENTER: 'CUSTOMERCENTER',
  RESTLET: 'RESTLETS',
  SUITETALK: 'SUITETALK',
  FORM: 'FORMS',
});

const HOST_SUFFIX: Record<string, string> = {
  APPLICATION: 'app.netsuite.com',
  CUSTOMERCENTER: 'app.netsuite.com',
  RESTLETS: 'restlets.api.netsuite.com',
  SUITETALK: 'suitetalk.api.netsuite.com',
  FORMS: 'extforms.netsuite.com',
};

export interface UrlResolverOptions {
  accountId: string;
  catalog: ScriptCatalog;
  /** Numeric id of a custom record type (`rectype`); omitted = assigned once per type. */
  customRecordTypeId?: (scriptId: string) => number | undefined;
}

type Options = Record<string, unknown> | undefined;

function missing(api: string, arg: string): SuiteScriptError {
  return new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.${arg}`);
}

/** `a=1&b=x%20y`; objects other than plain values are refused rather than printed as [object Object]. */
export function encodeParams(params: unknown, api: string): string {
  if (params === undefined || params === null) return '';
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `${api}: params must be an object of name/value pairs`);
  }
  return Object.entries(params as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (v !== null && typeof v === 'object') {
        throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `${api}: parameter ${k} must be a string, number or boolean`);
      }
      return `${encodeURIComponent(k)}=${encodeURIComponent(v === null ? '' : String(v))}`;
    })
    .join('&');
}

export function appendQuery(base: string, query: string): string {
  if (!query) return base;
  return base + (base.includes('?') ? '&' : '?') + query;
}

export class UrlResolver {
  private readonly secret = randomBytes(32);
  private readonly rectypes = new Map<string, number>();

  constructor(private readonly options: UrlResolverOptions) {}

  /** `<account>` as it appears in NetSuite host names: lowercase, '_' → '-' (1234567_SB1 → 1234567-sb1). */
  accountHost(accountId = this.options.accountId): string {
    return accountId.toLowerCase().replace(/_/g, '-');
  }

  /** The `ns-at` token of an external Suitelet URL; stable for the life of the runtime. */
  externalToken(scriptNumber: number, deploymentNumber: number): string {
    return createHmac('sha256', this.secret).update(`${scriptNumber}:${deploymentNumber}`).digest('base64url').slice(0, 40);
  }

  resolveScript(options: Options): string {
    const api = 'url.resolveScript';
    if (options?.scriptId === undefined || options.scriptId === null || options.scriptId === '') throw missing(api, 'scriptId');
    if (options.deploymentId === undefined || options.deploymentId === null || options.deploymentId === '') throw missing(api, 'deploymentId');
    const found = this.options.catalog.resolve(options.scriptId as string | number, options.deploymentId as string | number);
    if (!found || (found.script.scriptType !== 'SUITELET' && found.script.scriptType !== 'RESTLET')) {
      throw new SuiteScriptError(
        'SSS_INVALID_SCRIPTLET_ID', // [open] NetSuite's exact code here is unconfirmed.
        `${api}: no Suitelet or RESTlet deployment ${String(options.deploymentId)} of script ${String(options.scriptId)}`,
      );
    }
    const restlet = found.script.scriptType === 'RESTLET';
    let url = `${restlet ? RESTLET_PATH : SUITELET_PATH}?script=${found.scriptNumber}&deploy=${found.deploymentNumber}`;
    const external = options.returnExternalUrl === true;
    if (external && !restlet) {
      url = `https://${this.accountHost()}.${HOST_SUFFIX.FORMS}${url}&compid=${encodeURIComponent(this.options.accountId)}&ns-at=${this.externalToken(found.scriptNumber, found.deploymentNumber)}`;
    } else if (external) {
      url = `https://${this.accountHost()}.${HOST_SUFFIX.RESTLETS}${url}`;
    }
    return appendQuery(url, encodeParams(options.params, api));
  }

  resolveRecord(options: Options): string {
    const api = 'url.resolveRecord';
    const type = options?.recordType;
    if (type === undefined || type === null || type === '') throw missing(api, 'recordType');
    const t = String(type).toLowerCase();
    let url: string;
    if (t.startsWith('customrecord')) {
      url = `${CUSTOM_RECORD_PATH}?rectype=${this.rectypeOf(t)}`;
    } else {
      const path = RECORD_PATHS[t];
      if (!path) throw new SuiteScriptError('INVALID_RCRD_TYPE', `${api}: the local runtime knows no page for record type ${String(type)}`);
      url = path;
    }
    const id = options?.recordId;
    if (id !== undefined && id !== null && id !== '') url = appendQuery(url, `id=${encodeURIComponent(String(id))}`);
    if (options?.isEditMode === true) url = appendQuery(url, 'e=T');
    return appendQuery(url, encodeParams(options?.params, api));
  }

  resolveDomain(options: Options): string {
    const api = 'url.resolveDomain';
    const hostType = options?.hostType;
    if (hostType === undefined || hostType === null || hostType === '') throw missing(api, 'hostType');
    const key = String(hostType).toUpperCase();
    const suffix = HOST_SUFFIX[key] ?? HOST_SUFFIX[(HostType as Record<string, string>)[key] ?? ''];
    if (!suffix) throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', `${api}: hostType must be a url.HostType; got ${JSON.stringify(hostType)}`);
    const account = options?.accountId ? String(options.accountId) : this.options.accountId;
    return `${this.accountHost(account)}.${suffix}`;
  }

  format(options: Options): string {
    const api = 'url.format';
    if (options?.domain === undefined || options.domain === null || options.domain === '') throw missing(api, 'domain');
    return appendQuery(String(options.domain), encodeParams(options.params, api));
  }

  private rectypeOf(scriptId: string): number {
    const given = this.options.customRecordTypeId?.(scriptId);
    if (given !== undefined) return given;
    let n = this.rectypes.get(scriptId);
    if (n === undefined) {
      n = 100 + this.rectypes.size; // arbitrary but stable; real accounts number types in creation order too
      this.rectypes.set(scriptId, n);
    }
    return n;
  }

  /** The N/url module object scripts receive. */
  module(): Record<string, unknown> {
    return Object.freeze({
      resolveScript: (o: Options) => this.resolveScript(o),
      resolveRecord: (o: Options) => this.resolveRecord(o),
      resolveDomain: (o: Options) => this.resolveDomain(o),
      format: (o: Options) => this.format(o),
      resolveTaskLink: () => {
        throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', 'url.resolveTaskLink is not modelled by the local runtime (see emulator/runtime/suitelet/README.md)');
      },
      HostType,
    });
  }
}
