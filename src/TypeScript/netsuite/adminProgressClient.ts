/**
 * In the browser: while the "What runs now" box says something runs (data-running="T"), ask the
 * Suitelet for the box again every few seconds (a GET that changes nothing) and swap it in; stop
 * once nothing runs. A failed or unexpected answer (a network error, a login page after the
 * session ended) leaves the box as it was and tries again later, a few times. The page works the
 * same without it: its Refresh link, or reloading, shows the same box.
 *
 * Only the page's window is used (no N/ module: N/https in a client script is not needed for a
 * same-origin GET, and the local runtime offers none in the browser).
 */
import { PROGRESS_BOX_ID } from '../app/progressBox';

interface BoxElement {
  getAttribute(name: string): string | null;
  outerHTML: string;
}

interface BrowserWindow {
  document: { getElementById(id: string): BoxElement | null };
  setTimeout(run: () => void, ms: number): unknown;
  fetch(url: string, init: { credentials: string; headers: Record<string, string> }): Promise<{ ok: boolean; text(): Promise<string> }>;
}

/** Failed refreshes in a row before the box stops asking (the Refresh link still works). */
const MAX_FAILURES = 5;

function box(win: BrowserWindow): BoxElement | null {
  return win.document.getElementById(PROGRESS_BOX_ID);
}

function schedule(win: BrowserWindow, failures: number): void {
  const b = box(win);
  if (!b || b.getAttribute('data-running') !== 'T') return;
  const url = b.getAttribute('data-refresh-url');
  const ms = Number(b.getAttribute('data-refresh-ms')) || 5000;
  if (!url) return;
  win.setTimeout(() => refresh(win, url, failures), ms * (failures + 1));
}

function refresh(win: BrowserWindow, url: string, failures: number): void {
  const retry = () => {
    if (failures + 1 < MAX_FAILURES) schedule(win, failures + 1);
  };
  win
    .fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error('refused'))))
    .then((html) => {
      const current = box(win);
      // Only the box itself is swapped in: anything else (a login page) is not this page's.
      if (!current || html.indexOf(`<div id="${PROGRESS_BOX_ID}"`) !== 0) return retry();
      current.outerHTML = html;
      schedule(win, 0);
    })
    .catch(retry);
}

/** pageInit: start following the box when something runs. */
export function followProgress(win: BrowserWindow = globalThis as unknown as BrowserWindow): void {
  schedule(win, 0);
}
