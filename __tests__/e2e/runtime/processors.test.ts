/**
 * The live local account's processors (emulator/local/processors.ts), as `npm start` runs them:
 * a save's drain and an administrator's full sync start on their own, with no call to the
 * queue from the test, and each finished task prints one line with what it did.
 */
import { startProcessorLoop, type ProcessorLoop } from '../../../emulator/local/processors';
import { describePushRun } from '../../../emulator/local/suiteApp';
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;
let loop: ProcessorLoop;
const lines: string[] = [];

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 20, contacts: 10 } });
  loop = startProcessorLoop(h.account, { intervalMs: 5, print: (l) => lines.push(l), describe: (t) => describePushRun(h.account, t.scriptId) });
});

afterAll(async () => {
  loop?.stop();
  await h?.stop();
});

test('a UI save: the drain it submits runs on a free processor and its line says what it pushed', async () => {
  const id = h.sample!.customers[0]!;
  h.rt.ui.update('customer', id, { phone: '+1 212 555 0199' });
  await loop.idle();
  expect((await h.accountOf(id))?.fields.phone).toBe('+1 212 555 0199');
  expect(lines.join('\n')).toMatch(new RegExp(`${SCRIPTS.drain.scriptId} \\(\\S+\\) COMPLETE: [1-9]\\d* HTTPS request\\(s\\), \\d+ units; records pushed 1,`));
});

test('a full sync submitted by the administrator runs to the end on its own', async () => {
  h.startFullSync();
  await loop.idle();
  expect(await h.accounts()).toHaveLength(h.sample!.counts.customers);
  expect(lines.some((l) => l.includes(`${SCRIPTS.fullSync.scriptId} (${SCRIPTS.fullSync.onDemand}) COMPLETE`))).toBe(true);
});
