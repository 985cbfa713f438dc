/**
 * The admin page over real HTTP: the built SuiteApp in the local account with its Suitelets
 * served (createLocalAccount({ suitelets: true }) through the sync harness), pages fetched and
 * submitted as a browser would (every successful control of the served form, the clicked button).
 */
import { submitForm, type UserInput } from '../../emulator/suitelet/support/browser-form';
import { CONFIG, startSyncHarness, type SyncHarness } from '../support/syncHarness';

/**
 * The admin page's costs in units, as docs/admin-guide.md §5 states them (admin-page.test.ts
 * checks both the measurement and the guide's text): every test that asserts one uses these.
 */
export const PAGE_COSTS = { view: 55, save: 30, test: 69, start: 26 } as const;

export interface Page {
  status: number;
  html: string;
  /** Where a POST redirected to (the page again, with its message token). */
  redirectedTo: string | null;
}

export class AdminClient {
  readonly pages: string[] = [];
  /** Usage units of the last POST itself (not of the page it redirected to). */
  lastPostUnits = NaN;

  constructor(readonly h: SyncHarness, readonly url: string) {}

  static async start(options: Parameters<typeof startSyncHarness>[0] = {}): Promise<AdminClient> {
    const h = await startSyncHarness({ configure: false, ...options, account: { ...(options.account ?? {}), suitelets: true } });
    const url = h.account.suitelets?.deployments.find((d) => d.scriptId === 'customscript_fsc_sl_admin')?.url;
    if (!url) throw new Error('the admin Suitelet is not served: is customscript_fsc_sl_admin deployed and built?');
    return new AdminClient(h, url);
  }

  async get(url = this.url): Promise<Page> {
    const res = await fetch(url, { redirect: 'manual' });
    const html = await res.text();
    this.pages.push(html);
    return { status: res.status, html, redirectedTo: null };
  }

  /**
   * Fills in the current page as a user would and submits it; follows the redirect like a browser.
   * `add`: fields the page does not show, added to the post (as a browser's developer tools could).
   */
  async submit(input: UserInput & { add?: Record<string, string> }, from?: Page): Promise<Page> {
    const page = from ?? (await this.get());
    const body = new URLSearchParams([...submitForm(page.html, input), ...Object.entries(input.add ?? {})]).toString();
    const res = await fetch(this.url, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const html = await res.text();
    this.pages.push(html);
    this.lastPostUnits = this.lastUnits();
    if (res.status === 302) {
      const location = new URL(res.headers.get('location') ?? '', this.url).toString();
      const next = await this.get(location);
      return { ...next, redirectedTo: location };
    }
    return { status: res.status, html, redirectedTo: null };
  }

  /** Clicks one of the page's action buttons (Test connection, Start full sync...). */
  click(action: string, input: UserInput = {}, from?: Page): Promise<Page> {
    return this.submit({ ...input, submit: action }, from);
  }

  configRows() {
    return this.h.rt.store.rows(CONFIG.type);
  }

  /** Units the Suitelet spent on its last request. */
  lastUnits(): number {
    return this.h.account.suitelets?.server.requests.at(-1)?.units ?? NaN;
  }

  /** Units the page spent per API during `run` (from the runtime's usage ledger). */
  async unitsByApi(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const before = { ...this.h.usage('customscript_fsc_sl_admin').byApi };
    await run();
    const after = this.h.usage('customscript_fsc_sl_admin').byApi;
    const out: Record<string, number> = {};
    for (const [api, units] of Object.entries(after)) if (units !== (before[api] ?? 0)) out[api] = units - (before[api] ?? 0);
    return out;
  }

  stop(): Promise<void> {
    return this.h.stop();
  }
}

/** Page messages: alerts (errors, warnings) and status regions, as text. */
export function messages(html: string): { alerts: string[]; statuses: string[] } {
  const strip = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  const pick = (role: string) => [...html.matchAll(new RegExp(`<div[^>]*role="${role}"[^>]*>([\\s\\S]*?)</div>`, 'g'))].map((m) => strip(m[1] ?? ''));
  return { alerts: pick('alert'), statuses: pick('status') };
}

/** Problems shown at their fields after a refused save, as text: "Label: message". */
export function fieldErrors(html: string): string[] {
  return [...html.matchAll(/<p id="custpage_err_[a-z_]+" class="fsc-field-error">([\s\S]*?)<\/p>/g)].map((m) => text(m[1] ?? '').trim());
}

export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
