/**
 * The two SuiteApps under test, each in its own local account (createLocalAccount: runtime,
 * drivers, fake Freshsuccess) seeded with the same sample data:
 *  - product: the built SuiteApp from src/ (outbox + drain, full-sync Map/Reduce), configured as
 *    an admin would on its settings record;
 *  - naive: the baseline in bench/naive (load + POST in every save, one POST per map invocation).
 * Workloads drive both through the same interface and measure them with the same counters.
 */
import { createLocalAccount, type LocalAccount } from '../emulator/localAccount';
import { buildIfStale } from '../emulator/local/productBuild';
import { seedSampleAccount, type SampleAccountSummary } from '../emulator/seed/sampleAccount';
import { CONFIG, OUTBOX, SCRIPTS, STATE } from '../src/TypeScript/netsuite/schema';
import { SDF_ROOT } from '../tools/project';
import { buildNaiveProject, NAIVE_SCRIPTS } from './naive/build';

export type SubjectName = 'product' | 'naive';

export interface Subject {
  readonly name: SubjectName;
  readonly account: LocalAccount;
  readonly sample: SampleAccountSummary;
  /** User Event scripts: what runs inside a save. */
  readonly saveScripts: readonly string[];
  /** Starts the full sync as an admin would and runs the processor queue to the end. */
  runFullSync(): Promise<void>;
  /** Starts a reconcile and runs the queue to the end (the baseline has none). */
  runReconcile?(): Promise<void>;
  /** Lets queued background work deliver what saves captured (the naive baseline queues none). */
  deliver(): Promise<void>;
  stop(): Promise<void>;
}

export interface SubjectOptions {
  customers: number;
  contacts: number;
  seed?: number;
}

/** Queues an on-demand deployment as "Save & Execute" does (unless an instance is already queued). */
function queueDeployment(account: LocalAccount, scriptId: string, deploymentId: string): void {
  const task = account.drivers.task;
  if (task.queue.unfinished(scriptId, deploymentId)) return;
  const d = task.deployments().find((x) => x.scriptId === scriptId && x.deploymentId === deploymentId);
  if (!d) throw new Error(`no deployment ${deploymentId} of ${scriptId} in the project`);
  task.enqueueScheduled(d);
}

async function start(sdfRoot: string, options: SubjectOptions): Promise<{ account: LocalAccount; sample: SampleAccountSummary }> {
  const account = await createLocalAccount({ sdfRoot });
  try {
    // An explicit `seed: undefined` would override the seeder's default: pass it only when set.
    const sample = seedSampleAccount(account.rt, { customers: options.customers, contacts: options.contacts, ...(options.seed === undefined ? {} : { seed: options.seed }) });
    return { account, sample };
  } catch (e) {
    await account.stop();
    throw e;
  }
}

export async function startProduct(options: SubjectOptions): Promise<Subject> {
  const built = buildIfStale();
  if (built.error) throw new Error(`building the SuiteApp failed:\n${built.error}`);
  const { account, sample } = await start(SDF_ROOT, options);
  const rt = account.rt;
  // The admin's settings: enabled, US data centre, the API secret, contacts synced.
  rt.ui.create(CONFIG.type, {
    name: 'FreshSync settings',
    [CONFIG.enabled]: true,
    [CONFIG.region]: 'us',
    [CONFIG.secretRef]: account.secretId,
    [CONFIG.syncContacts]: true,
  });

  /** Outbox work the drain still has: PENDING past the cursor, and RETRY entries with their due time. */
  const queued = () => {
    const cursor = Number(rt.store.rows(STATE.type)[0]?.values[STATE.drainCursor] ?? 0);
    let pending = 0;
    const retries: number[] = [];
    for (const e of rt.store.rows(OUTBOX.type)) {
      const status = String(e.values[OUTBOX.status] ?? '');
      if (status === 'PENDING' && e.id > cursor) pending += 1;
      if (status === 'RETRY') retries.push(Number(e.values[OUTBOX.notBefore] ?? 0));
    }
    return { pending, retries };
  };

  return {
    name: 'product',
    account,
    sample,
    saveScripts: rt.project.scripts.filter((s) => s.scriptType === 'USEREVENT').map((s) => s.scriptId),
    async runFullSync() {
      queueDeployment(account, SCRIPTS.fullSync.scriptId, SCRIPTS.fullSync.onDemand);
      account.processQueue();
    },
    async runReconcile() {
      queueDeployment(account, SCRIPTS.reconcile.scriptId, SCRIPTS.reconcile.onDemand);
      account.processQueue();
    },
    async deliver() {
      // Saves already submitted the drain; it re-submits itself while entries remain. Nothing
      // fails here (no faults are injected), so retries would mean something is wrong: still,
      // wait them out rather than under-count, and fail loudly if the outbox never empties.
      for (let round = 0; round < 10; round++) {
        account.processQueue();
        const { pending, retries } = queued();
        if (pending === 0 && retries.length === 0) return;
        const due = Math.min(...retries, pending > 0 ? rt.clock.nowMs() : Number.POSITIVE_INFINITY);
        if (due > rt.clock.nowMs()) account.advanceTime(due - rt.clock.nowMs() + 1);
        queueDeployment(account, SCRIPTS.drain.scriptId, SCRIPTS.drain.onDemand);
      }
      throw new Error(`the product's outbox did not drain: ${JSON.stringify(queued())}`);
    },
    stop: () => account.stop(),
  };
}

export async function startNaive(options: SubjectOptions): Promise<Subject> {
  const { account, sample } = await start(buildNaiveProject(), options);
  return {
    name: 'naive',
    account,
    sample,
    saveScripts: [NAIVE_SCRIPTS.ueCustomer, NAIVE_SCRIPTS.ueContact],
    async runFullSync() {
      queueDeployment(account, NAIVE_SCRIPTS.fullSync.scriptId, NAIVE_SCRIPTS.fullSync.deploymentId);
      account.processQueue();
    },
    async deliver() {
      account.processQueue(); // nothing is ever queued: every save posted already
    },
    stop: () => account.stop(),
  };
}
