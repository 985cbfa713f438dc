/**
 * A picture of the settings' mapping section as the administrator sees it: the fields never sent
 * and retry settings, and the custom fields table below them (one clip from the top of the one to
 * the bottom of the other). Used by the browser test and by `npm run screenshots`.
 */
import type { Page } from 'playwright-core';

const TOP = '#custpage_grp_sending';
const BOTTOM = '#custpage_custom_fields';

export async function screenshotMapping(page: Page, path: string): Promise<void> {
  const [top, bottom] = await Promise.all([TOP, BOTTOM].map((sel) => page.locator(sel).evaluate((el) => {
    const r = (el as unknown as { getBoundingClientRect(): { x: number; y: number; width: number; height: number } }).getBoundingClientRect();
    const w = globalThis as unknown as { scrollX: number; scrollY: number };
    return { x: r.x + w.scrollX, y: r.y + w.scrollY, width: r.width, height: r.height };
  })));
  const y = Math.min(top!.y, bottom!.y) - 8;
  const x = Math.min(top!.x, bottom!.x) - 8;
  const clip = { x: Math.max(0, x), y: Math.max(0, y), width: Math.max(top!.x + top!.width, bottom!.x + bottom!.width) - x + 16, height: Math.max(top!.y + top!.height, bottom!.y + bottom!.height) - y + 16 };
  await page.screenshot({ path, clip, fullPage: true });
}
