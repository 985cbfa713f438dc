/**
 * Wires the Suitelet side of the runtime: registers N/ui/serverWidget, N/ui/message, N/url and
 * N/redirect on a RuntimeServices, and keeps what the HTTP server (server.ts) shares with
 * them: the script catalog, the URL resolver, the credential vault, rendered-form descriptors
 * and the response of the request being served.
 */
import type { RuntimeServices, ScriptUser } from '../services';
import { createMessageModule, createServerWidgetModule } from '../ui/serverWidget';
import type { FormDescriptor } from '../ui/descriptor';
import { UrlResolver } from '../url/urlModule';
import { ScriptCatalog, type ScriptInfo } from './catalog';
import type { CredentialVault } from './credentials';
import type { Viewer } from './access';
import { createRedirectModule } from './redirectModule';
import type { SuiteletResponse } from './response';

export interface SuiteletSupportOptions {
  /** The project's scripts with deployments, e.g. `() => rt.project.scripts`. */
  scripts: () => readonly ScriptInfo[];
  /** Where posted credential fields are stored (N/https's SecretVault fits). */
  credentialVault?: CredentialVault;
  /** Options for a sourced SELECT field ('customer', '-2', 'customlist_x'...), from the record store. */
  selectSource?: (source: string) => { value: string; text: string }[];
  /** Numeric id of a custom record type for record URLs (rectype). */
  customRecordTypeId?: (scriptId: string) => number | undefined;
  /**
   * The simulated logged-in user when a request names none (default: an Administrator, user -5);
   * a function is read per request, e.g. `() => ({ userId: rt.currentUser().id, ... })`.
   */
  defaultViewer?: Partial<Viewer> | (() => Partial<Viewer>);
  /**
   * Users of the account by id (e.g. those made with rt.createUser): a request naming one in
   * `X-Emulator-User` runs as that user, with its role and permissions.
   */
  users?: (id: number) => ScriptUser | undefined;
}

/** Rendered forms by token, bounded; plus the latest per deployment for token-less POSTs. */
class DescriptorStore {
  private readonly byToken = new Map<string, FormDescriptor>();
  private readonly latest = new Map<string, FormDescriptor>();
  constructor(private readonly capacity = 1000) {}

  put(d: FormDescriptor): void {
    this.byToken.set(d.token, d);
    if (this.byToken.size > this.capacity) this.byToken.delete(this.byToken.keys().next().value!);
    this.latest.set(`${d.scriptId}|${d.deploymentId}`, d);
  }

  /** The form a POST answers: its token's, else the deployment's latest (only if the token is absent). */
  find(token: string | undefined, scriptId: string, deploymentId: string): FormDescriptor | undefined {
    const byToken = token ? this.byToken.get(token) : undefined;
    if (byToken && byToken.scriptId === scriptId && byToken.deploymentId === deploymentId) return byToken;
    return this.latest.get(`${scriptId}|${deploymentId}`);
  }
}

export interface SuiteletSupport {
  readonly catalog: ScriptCatalog;
  readonly urls: UrlResolver;
  readonly options: SuiteletSupportOptions;
  readonly descriptors: DescriptorStore;
  /** The response of the Suitelet request being served (SuiteScript runs one at a time). */
  current?: SuiteletResponse;
}

const installed = new WeakMap<RuntimeServices, SuiteletSupport>();

export function installSuiteletModules(rt: RuntimeServices, options: SuiteletSupportOptions): SuiteletSupport {
  if (installed.has(rt)) throw new Error('Suitelet modules are already installed on this runtime');
  const catalog = new ScriptCatalog(options.scripts);
  const urls = new UrlResolver({ accountId: rt.accountId, catalog, customRecordTypeId: options.customRecordTypeId });
  const support: SuiteletSupport = { catalog, urls, options, descriptors: new DescriptorStore() };
  rt.registerModule('N/ui/serverWidget', () => createServerWidgetModule());
  rt.registerModule('N/ui/message', () => createMessageModule());
  rt.registerModule('N/url', () => urls.module());
  rt.registerModule('N/redirect', () => createRedirectModule(urls, () => support.current));
  installed.set(rt, support);
  return support;
}

export function suiteletSupportOf(rt: RuntimeServices): SuiteletSupport {
  const s = installed.get(rt);
  if (!s) throw new Error('installSuiteletModules(rt, {...}) must run before startSuiteletServer(rt)');
  return s;
}
