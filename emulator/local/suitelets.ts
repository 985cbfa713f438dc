/**
 * The Suitelet side of the local account: N/ui/serverWidget, N/ui/message, N/url and N/redirect
 * for every script (installed always, so any script may resolve URLs), and on request the HTTP
 * server that serves the project's Suitelets on 127.0.0.1. Credential fields posted to a
 * Suitelet land in the same vault N/https reads, as in NetSuite.
 */
import type { NetSuiteRuntime } from '../runtime/netSuiteRuntime';
import type { SecretVault } from '../runtime/https/secrets';
import { installSuiteletModules } from '../runtime/suitelet/install';
import { selectSourceFrom } from '../runtime/suitelet/selectSource';
import { RECORD_LISTS, RecordPages, type PageLink } from '../runtime/suitelet/recordPages';
import { startSuiteletServer, type SuiteletServer } from '../runtime/suitelet/server';
import { SUITELET_PATH } from '../runtime/url/urlModule';

export interface SuiteletDeploymentUrl {
  scriptId: string;
  deploymentId: string;
  title: string;
  url: string;
}

export interface LocalSuitelets {
  server: SuiteletServer;
  /** Deployed Suitelet deployments with their local URLs. */
  deployments: SuiteletDeploymentUrl[];
  /** The customer and contact lists (record pages link on from there). */
  recordPages: { customers: string; contacts: string };
}

export function installSuiteletSupport(rt: NetSuiteRuntime, vault: SecretVault): void {
  const admin = rt.admin;
  installSuiteletModules(rt, {
    scripts: () => rt.project.scripts,
    credentialVault: vault,
    selectSource: selectSourceFrom(rt.store),
    // The browser is the runtime's current user (the administrator unless a test switches).
    defaultViewer: () => {
      const u = rt.currentUser();
      return { userId: u.id, role: u.roleId, roleInternalId: u.role, email: u.email, name: u.name };
    },
    users: (id) => (id === admin.id ? admin : id === rt.currentUser().id ? rt.currentUser() : undefined),
  });
}

export async function startLocalSuitelets(rt: NetSuiteRuntime, options: { port?: number; freshsuccessView?: string } = {}): Promise<LocalSuitelets> {
  // Customer and contact pages link to the Suitelets and to what Freshsuccess holds.
  const links: PageLink[] = [];
  const recordPages = new RecordPages(rt, { links: () => links, selectSource: selectSourceFrom(rt.store) });
  const server = await startSuiteletServer(rt, { port: options.port ?? 0, recordPages });
  const deployments = rt.project.scripts
    .filter((s) => s.scriptType === 'SUITELET')
    .flatMap((s) =>
      s.deployments
        .filter((d) => d.isDeployed)
        .map((d) => ({
          scriptId: s.scriptId,
          deploymentId: d.scriptId,
          title: d.title ?? s.name,
          // The server accepts script ids as well as the internal numbers url.resolveScript gives.
          url: server.url(`${SUITELET_PATH}?script=${s.scriptId}&deploy=${d.scriptId}`),
        })),
    );
  links.push(...deployments.map((d) => ({ title: d.title, url: d.url })));
  if (options.freshsuccessView) links.push({ title: 'Freshsuccess view', url: options.freshsuccessView });
  return { server, deployments, recordPages: { customers: server.url(RECORD_LISTS.customer), contacts: server.url(RECORD_LISTS.contact) } };
}
