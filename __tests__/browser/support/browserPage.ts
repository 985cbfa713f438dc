/**
 * One headless Chromium page for a browser test file: a throw-away profile, the browser found by
 * chromium.ts, and a close() that removes the profile. Without a browser the test fails and says
 * so (findChromium), it never passes quietly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';

export interface BrowserPage {
  page: Page;
  close(): Promise<void>;
}

export async function openBrowserPage(viewport?: { width: number; height: number }): Promise<BrowserPage> {
  const profile = mkdtempSync(join(tmpdir(), 'fsc-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium().path, headless: true, args: CHROMIUM_ARGS, ...(viewport ? { viewport } : {}) });
    const page = await context.newPage();
    return {
      page,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}
