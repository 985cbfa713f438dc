/**
 * The live local account in a browser, as `npm start` runs it: the admin page's harness, the
 * processors loop running whatever is submitted (no test-side queue call), and one Chromium page.
 */
import type { Page } from 'playwright-core';
import { startProcessorLoop, type ProcessorLoop } from '../../../emulator/local/processors';
import { AdminClient } from '../../e2e/admin/adminHarness';
import { openBrowserPage, type BrowserPage } from './browserPage';

export interface LiveAdmin {
  a: AdminClient;
  loop: ProcessorLoop;
  page: Page;
  stop(): Promise<void>;
}

/** `prepare` runs before the loop starts (settings, a first full sync). */
export async function startLiveAdmin(sample: { customers: number; contacts: number }, prepare: (a: AdminClient) => unknown): Promise<LiveAdmin> {
  const a = await AdminClient.start({ sample });
  let loop: ProcessorLoop | undefined;
  let browser: BrowserPage | undefined;
  const stop = async () => {
    loop?.stop();
    await browser?.close();
    await a.stop();
  };
  try {
    await prepare(a);
    loop = startProcessorLoop(a.h.account, { intervalMs: 20, print: () => undefined });
    browser = await openBrowserPage({ width: 1100, height: 900 });
    return { a, loop, page: browser.page, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
