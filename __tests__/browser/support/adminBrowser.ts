/**
 * A browser suite on the admin page: the admin harness (and what `prepare` adds to its account:
 * custom fields, saved searches, settings) with one Chromium page, started before the suite's
 * tests and closed after them. `started` hands both to the suite's own variables.
 */
import type { Page } from 'playwright-core';
import { AdminClient } from '../../e2e/admin/adminHarness';
import { openBrowserPage, type BrowserPage } from './browserPage';

export interface AdminBrowserOptions {
  sample: { customers: number; contacts: number };
  viewport?: { width: number; height: number };
  prepare?: (a: AdminClient) => unknown;
}

export function useAdminBrowser(options: AdminBrowserOptions, started: (s: { a: AdminClient; page: Page }) => void): void {
  let a: AdminClient | undefined;
  let browser: BrowserPage | undefined;
  beforeAll(async () => {
    a = await AdminClient.start({ sample: options.sample });
    await options.prepare?.(a);
    browser = await openBrowserPage(options.viewport ?? { width: 1280, height: 900 });
    started({ a, page: browser.page });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await a?.stop();
  });
}

/** The page's client script has run: the local runtime marks the form once pageInit returned. */
export function clientScriptReady(page: Page): Promise<void> {
  return page.locator('#main_form[data-client-script-ready="T"]').waitFor();
}
