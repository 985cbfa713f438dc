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

export async function startLocalSuitelets(rt: NetSuiteRuntime, options: { port?: number } = {}): Promise<LocalSuitelets> {
  const server = await startSuiteletServer(rt, { port: options.port ?? 0 });
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
  return { server, deployments };
}
