/**
 * The one composition root of the local NetSuite account: the e2e tests, the benchmark and
 * `npm start` all build their world here, so they exercise the same wiring.
 *
 *   const account = await createLocalAccount();            // the project's src/
 *   account.rt.ui.create('customer', {...});               // User Events fire
 *   account.processQueue();                                // submitted Map/Reduce tasks run
 *   await account.fake.accounts();                         // what Freshsuccess received
 *   await account.stop();
 *
 * The fake Freshsuccess runs as a child process: N/https is synchronous (the calling thread
 * blocks while a worker does the request), so a server on this thread could never answer.
 * https://api-us.freshsuccess.com and api-eu are routed to it with their Host header kept.
 * The Freshsuccess key is an API secret (Setup > Company > API Secrets in NetSuite), generated
 * per run unless given, restricted to the SuiteApp's scripts and the Freshsuccess hosts; it is
 * never printed or logged, and the handle does not expose it.
 */
import { randomBytes } from 'node:crypto';
import { FakeFreshsuccessControl, startFakeFreshsuccessProcess, type FakeProcessOptions } from './fake-freshsuccess';
import { NetSuiteRuntime, type NetSuiteRuntimeOptions } from './runtime/netSuiteRuntime';
import type { UsageLedger } from './runtime/governance';
import type { HttpRequestLogEntry } from './runtime/https/requestLog';
import type { HttpsOptions } from './runtime/https/install';
import type { ProcessOptions } from './runtime/task/queue';
import type { TaskOptions } from './runtime/task/install';
import { installDrivers, type Drivers } from './runtime/task/drivers';
import { installSuiteletSupport, startLocalSuitelets, type LocalSuitelets } from './local/suitelets';

/** The Freshsuccess API hosts (docs/freshsuccess-api-contract.md §1); both route to the one fake tenant. */
export const FRESHSUCCESS_HOSTS = ['api-us.freshsuccess.com', 'api-eu.freshsuccess.com'] as const;
/** Id of the API secret holding the Freshsuccess key, as an admin would create it. */
const DEFAULT_SECRET_ID = 'custsecret_fsc_api_key';

export interface LocalAccountOptions {
  /** SDF project root (manifest.xml, Objects/, built FileCabinet/); default the repo's src/. */
  sdfRoot?: string;
  /** Anything else NetSuiteRuntime takes (clock, features, [open] switches, project...). */
  runtime?: Omit<NetSuiteRuntimeOptions, 'sdfRoot'>;
  /** The fake tenant's region: its key is refused on the other host (default 'us'). */
  region?: 'us' | 'eu';
  /** Fake Freshsuccess configuration ([open] switches, page size, body limit...). */
  fake?: Omit<FakeProcessOptions, 'apiKeys' | 'region'>;
  /** The Freshsuccess key; default a random one per run. Tests pass one to check it never leaks. */
  apiKey?: string;
  secretId?: string;
  /** Scripts allowed to use the secret; default every script of the project. */
  secretScriptIds?: string[];
  /** N/https limits (NetSuite's 5 s / 45 s by default). */
  https?: Pick<HttpsOptions, 'connectTimeoutMs' | 'totalTimeoutMs' | 'connectTimeoutErrorName'>;
  /** N/task and Map/Reduce driver options. */
  task?: Pick<TaskOptions, 'processors' | 'schedulingRoles' | 'invocationMs' | 'persistedLimitBytes'>;
  /** Serve the project's Suitelets on 127.0.0.1 (port 0 = any free port). */
  suitelets?: boolean | { port?: number };
  /**
   * Routes the Freshsuccess hosts through a server in front of the fake (a test proxy that holds
   * answers): given the fake's URL, returns the URL to route to. The caller stops that server.
   */
  freshsuccessVia?: (fakeUrl: string) => Promise<string>;
}

export interface LocalAccount {
  readonly rt: NetSuiteRuntime;
  /** Control client of the fake Freshsuccess (accounts, contacts, requests, faults...). */
  readonly fake: FakeFreshsuccessControl;
  /** Where the fake listens (its control API is under /__fake/). */
  readonly fakeUrl: string;
  /** The fake's child process (ended by stop()). */
  readonly fakePid: number;
  readonly drivers: Drivers;
  /** Present when suitelets were asked for. */
  readonly suitelets?: LocalSuitelets;
  /** URL of the first deployed Suitelet, if any. */
  readonly suiteletUrl?: string;
  readonly secretId: string;
  /** Usage units per script, stage and invocation. */
  readonly usage: UsageLedger;
  /** Outbound HTTPS calls (secrets redacted, bodies as sizes). */
  readonly httpLog: HttpRequestLogEntry[];
  /** Runs what is queued for the SuiteCloud processors; returns the stage steps taken. */
  processQueue(options?: ProcessOptions): number;
  /** Moves the simulated clock, running scheduled deployments that come due. */
  advanceTime(ms: number): void;
  stop(): Promise<void>;
}

export async function createLocalAccount(options: LocalAccountOptions = {}): Promise<LocalAccount> {
  const rt = new NetSuiteRuntime({ ...options.runtime, sdfRoot: options.sdfRoot });
  const apiKey = options.apiKey ?? randomBytes(24).toString('base64url');
  const region = options.region ?? 'us';
  const fakeProcess = await startFakeFreshsuccessProcess({ ...options.fake, apiKeys: [apiKey], region });

  let suitelets: LocalSuitelets | undefined;
  try {
    const route = options.freshsuccessVia ? await options.freshsuccessVia(fakeProcess.url) : fakeProcess.url;
    const hostRoutes = Object.fromEntries(FRESHSUCCESS_HOSTS.map((h) => [h, route]));
    const drivers = installOnce(rt, () =>
      installDrivers(rt, {
        ...options.task,
        scripts: () => rt.project.scripts,
        // getInputData may return {type: 'search', id}: NetSuite loads and runs it, uncharged.
        loadSearch: (id) => (rt.modules.get('N/search') as { load(o: { id: unknown }): unknown }).load({ id }),
        https: { ...options.https, hostRoutes },
      }),
    );
    const secretId = options.secretId ?? DEFAULT_SECRET_ID;
    drivers.https.vault.defineApiSecret(secretId, apiKey, {
      allowedScriptIds: options.secretScriptIds ?? rt.project.scripts.map((s) => s.scriptId),
      allowedDomains: [...FRESHSUCCESS_HOSTS],
    });
    installSuiteletSupport(rt, drivers.https.vault);

    if (options.suitelets) {
      const port = typeof options.suitelets === 'object' ? options.suitelets.port : undefined;
      suitelets = await startLocalSuitelets(rt, { port, freshsuccessView: `${fakeProcess.url}/__fake/view` });
      // Freshsuccess's view links each account and contact back to its NetSuite record list.
      await fakeProcess.control.configure({ netsuiteUrl: suitelets.server.origin });
    }

    let stopped = false;
    return {
      rt,
      fake: fakeProcess.control,
      fakeUrl: fakeProcess.url,
      fakePid: fakeProcess.pid,
      drivers,
      suitelets,
      suiteletUrl: suitelets?.deployments[0]?.url,
      secretId,
      usage: rt.ledger,
      httpLog: drivers.https.requestLog,
      processQueue: (o) => drivers.task.processQueue(o),
      advanceTime: (ms) => {
        drivers.scheduler.advance(ms);
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await suitelets?.server.close();
        await fakeProcess.stop();
      },
    };
  } catch (e) {
    await suitelets?.server.close().catch(() => undefined);
    await fakeProcess.stop();
    throw e;
  }
}

/**
 * N/https, N/task and N/url are registered here; if a later NetSuiteRuntime wires them itself,
 * installing again would give scripts a second, disconnected vault and queue. Refuse instead.
 */
function installOnce(rt: NetSuiteRuntime, install: () => Drivers): Drivers {
  const already = ['N/https', 'N/task', 'N/url'].filter((m) => rt.modules.has(m));
  if (already.length) {
    throw new Error(`createLocalAccount: ${already.join(' and ')} already registered on the runtime; the composition root must own them`);
  }
  return install();
}
