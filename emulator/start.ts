/**
 * `npm start`: the SuiteApp on a local NetSuite account against a fake Freshsuccess.
 * Builds the SuiteApp if its output is missing or stale, seeds a realistic sample account,
 * starts everything through createLocalAccount, runs what the SuiteApp has (config, initial full
 * sync, a few UI edits drained to Freshsuccess), serves its Suitelets on 127.0.0.1 and prints a
 * report. Then it keeps running, moving the simulated clock with the real one so scheduled
 * deployments run, until Ctrl-C. `--once` (or START_ONCE=1) exits after the report.
 */
import { applyHeapPolicy } from './heapPolicy';
import { createLocalAccount, type LocalAccount } from './localAccount';
import { buildIfStale } from './local/productBuild';
import { startReport, type StartFacts } from './local/report';
import { startProcessorLoop } from './local/processors';
import { configureSuiteApp, describePushRun, findSuiteAppPieces, makeSampleEdits, runFullSync } from './local/suiteApp';
import { seedSampleAccount } from './seed/sampleAccount';

const REGION = 'us';
const TICK_MS = 30_000;

function parseArgs(argv: string[]): { once: boolean } {
  const known = new Set(['--once']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(' ')} (use --once to exit after the report)`);
  return { once: argv.includes('--once') || process.env.START_ONCE === '1' };
}

async function runSuiteApp(account: LocalAccount, facts: StartFacts): Promise<void> {
  const p = facts.pieces;
  if (!p.configType) return;
  const configId = configureSuiteApp(account, REGION);
  facts.steps.push(`config record ${configId} saved in the UI (region ${REGION}, key from API secret ${account.secretId})`);
  if (p.fullSync) {
    const taskId = runFullSync(account, p.fullSync);
    const job = account.drivers.task.queue.find(taskId)?.job;
    facts.steps.push(`initial full sync ${taskId}: ${job?.status ?? 'unknown'}`);
  }
  if (p.userEvents.length === 0 && !p.drain) return;
  const edits = makeSampleEdits(account, facts.seeded);
  facts.edits = edits;
  // User Events may queue the drain; a scheduled drain runs as the clock moves on.
  account.processQueue();
  account.advanceTime(20 * 60_000);
  facts.steps.push('UI edits, then the queue and 20 simulated minutes of scheduled deployments');

  const accounts = await account.fake.accounts();
  const names = new Set(accounts.map((a) => String(a.fields.name ?? '')));
  const phones = new Set(accounts.map((a) => String(a.fields.phone ?? '')));
  const seen = edits.renamed.filter((r) => names.has(r.name)).length + edits.created.filter((c) => names.has(c.name)).length + edits.phoneChanged.filter((p) => phones.has(p.phone)).length;
  facts.editsVisible = { seen, of: edits.renamed.length + edits.created.length + edits.phoneChanged.length };
}

async function main(): Promise<number> {
  const { once } = parseArgs(process.argv.slice(2));
  const build = buildIfStale();
  const account = await createLocalAccount({ region: REGION, suitelets: true });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await account.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const seeded = seedSampleAccount(account.rt);
    const facts: StartFacts = { build, seeded, pieces: findSuiteAppPieces(account), steps: [] };
    await runSuiteApp(account, facts);
    console.log(await startReport(account, facts));
  } catch (e) {
    console.error(`npm start failed: ${(e as Error).stack ?? String(e)}`);
    await stop(1);
    return 1;
  }
  if (once) {
    await stop(0);
    return 0;
  }

  console.log(
    [
      '',
      'Running. Submitted tasks start as soon as one of the account\'s 2 processors is free; the',
      'simulated clock follows the real one, so scheduled deployments run too. Each finished task',
      'prints one line. Ctrl-C to stop. Things to try:',
      `  - Edit a customer: open ${account.suitelets?.recordPages.customers ?? '(no record pages)'}, pick one, Edit,`,
      '    change its phone and Save. The save queues the change, the drain sends it within seconds:',
      '    reload the page and its Freshsuccess subtab says "Sent"; the Freshsuccess view shows the phone.',
      `  - On the admin page (${account.suiteletUrl ?? 'no Suitelet deployed'}): Start full sync, and watch its line appear here.`,
      '  - Break the key: "Key kept as: Typed on this page", type any wrong key, save, then Drain now.',
      '    Freshsuccess refuses it, pushing pauses and the status says why; choose the API Secret',
      '    again and save to resume: nothing queued is lost.',
    ].join('\n'),
  );
  startProcessorLoop(account, { describe: (t) => describePushRun(account, t.scriptId) });
  setInterval(() => {
    const before = account.httpLog.length;
    account.advanceTime(TICK_MS);
    const sent = account.httpLog.length - before;
    if (sent) console.log(`[${account.rt.clock.now().toISOString()}] scheduled runs sent ${sent} HTTPS request(s)`);
  }, TICK_MS);
  return new Promise<number>(() => undefined);
}

applyHeapPolicy();
main().catch((e: unknown) => {
  console.error(`npm start failed: ${(e as Error).message}`);
  process.exit(1);
});
