/**
 * Where the browser tests find Chromium: CHROMIUM_PATH when set, else a Chromium or Chrome
 * installed on the machine, else the one `npm ci` delivers (@sparticuz/chromium, Linux only).
 * A system browser is preferred because it needs no unpacking and matches the machine's
 * libraries; the npm one keeps `npm ci && npm test` enough on a machine with Node only.
 * A browser found on the machine is trusted only once `<path> --version` runs: a name on PATH
 * can be a wrapper that cannot start here (Ubuntu's chromium-browser asks for snap).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Flags for a headless run inside a container or CI: no sandbox, GPU or background traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const MAC_APPS = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Whether `<path> --version` runs and answers (the browser can start on this machine). */
  runs: (path: string) => boolean;
  /** Unpacks the npm-delivered Chromium and returns its path. */
  unpackNpmChromium: () => string;
}

/** The first system browser on PATH (or in /Applications on macOS) that runs, if any. */
function systemChromium(lookup: Pick<ChromiumLookup, 'env' | 'platform' | 'exists' | 'runs'>): string | undefined {
  const dirs = (lookup.env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = SYSTEM_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
  if (lookup.platform === 'darwin') candidates.push(...MAC_APPS);
  return candidates.find((c) => lookup.exists(c) && lookup.runs(c));
}

export function findChromium(lookup: ChromiumLookup = realLookup()): { path: string; source: ChromiumSource } {
  const explicit = lookup.env.CHROMIUM_PATH;
  if (explicit) {
    if (!lookup.exists(explicit)) throw new Error(`CHROMIUM_PATH is set to ${explicit}, which does not exist.`);
    if (!lookup.runs(explicit)) throw new Error(`CHROMIUM_PATH is set to ${explicit}, which does not run (\`${explicit} --version\` failed).`);
    return { path: explicit, source: 'CHROMIUM_PATH' };
  }
  const system = systemChromium(lookup);
  if (system) return { path: system, source: 'system' };
  if (lookup.platform !== 'linux') {
    throw new Error('The browser tests need Chromium or Chrome: none that runs was found on PATH, and the npm-delivered one (@sparticuz/chromium) runs on Linux only. Install Chrome or set CHROMIUM_PATH.');
  }
  return { path: lookup.unpackNpmChromium(), source: '@sparticuz/chromium' };
}

function realLookup(): ChromiumLookup {
  return { env: process.env, platform: process.platform, exists: existsSync, runs: answersVersion, unpackNpmChromium };
}

function answersVersion(path: string): boolean {
  try {
    // A bound on the probe, not a measurement: a browser that hangs on --version is one to skip.
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * @sparticuz/chromium is an ES module, which Jest's CommonJS loader cannot import, so a plain
 * Node process asks it for the path (it unpacks the binary into the temp folder on first use).
 */
function unpackNpmChromium(): string {
  const script = "import('@sparticuz/chromium').then(async (m) => process.stdout.write(await m.default.executablePath()))";
  const path = execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8', timeout: 120_000 }).trim();
  if (!path || !existsSync(path)) throw new Error(`@sparticuz/chromium did not unpack a browser (got "${path}"): run npm ci.`);
  return path;
}
