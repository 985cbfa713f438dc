/** The browser lookup's order: CHROMIUM_PATH, then a system browser on PATH that runs, then the npm one. */
import { findChromium, type ChromiumLookup } from './support/chromium';

/** `broken` lists files that exist but fail `--version`. */
function lookup(files: string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform = 'linux', broken: string[] = []): ChromiumLookup & { unpacked: number } {
  const l = {
    env,
    platform,
    exists: (p: string) => files.includes(p),
    runs: (p: string) => files.includes(p) && !broken.includes(p),
    unpacked: 0,
    unpackNpmChromium: () => {
      l.unpacked += 1;
      return '/tmp-of-test/chromium';
    },
  };
  return l;
}

test('CHROMIUM_PATH wins over a system browser', () => {
  const l = lookup(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' });
  expect(findChromium(l)).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  expect(l.unpacked).toBe(0);
});

test('a CHROMIUM_PATH that does not exist is an error, not a silent fallback', () => {
  expect(() => findChromium(lookup(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' }))).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chrome/);
});

test('a system Chromium or Chrome on PATH is preferred to unpacking the npm one', () => {
  const chromium = lookup(['/usr/local/bin/chromium', '/usr/bin/google-chrome'], { PATH: '/usr/bin:/usr/local/bin' });
  expect(findChromium(chromium)).toEqual({ path: '/usr/local/bin/chromium', source: 'system' });
  const chrome = lookup(['/usr/bin/google-chrome'], { PATH: '/usr/bin:/usr/local/bin' });
  expect(findChromium(chrome)).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
  expect(chromium.unpacked + chrome.unpacked).toBe(0);
});

test('with no system browser on Linux the npm-delivered Chromium is unpacked', () => {
  const l = lookup([], { PATH: '/usr/bin:/bin' });
  expect(findChromium(l)).toEqual({ path: '/tmp-of-test/chromium', source: '@sparticuz/chromium' });
  expect(l.unpacked).toBe(1);
});

test('elsewhere than Linux, with no browser, the error says what to install', () => {
  expect(() => findChromium(lookup([], { PATH: '/usr/bin' }, 'win32'))).toThrow(/Install Chrome or set CHROMIUM_PATH/);
  expect(findChromium(lookup(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { PATH: '/usr/bin' }, 'darwin')).source).toBe('system');
});

test('a system browser that does not run is passed over for the next one, then for the npm one', () => {
  const wrapper = '/usr/bin/chromium-browser';
  const next = lookup([wrapper, '/usr/bin/google-chrome'], { PATH: '/usr/bin' }, 'linux', [wrapper]);
  expect(findChromium(next)).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
  const none = lookup([wrapper], { PATH: '/usr/bin' }, 'linux', [wrapper]);
  expect(findChromium(none)).toEqual({ path: '/tmp-of-test/chromium', source: '@sparticuz/chromium' });
  expect(none.unpacked).toBe(1);
});

test('a CHROMIUM_PATH that does not run is an error naming the probe', () => {
  expect(() => findChromium(lookup(['/opt/chrome'], { CHROMIUM_PATH: '/opt/chrome', PATH: '/usr/bin' }, 'linux', ['/opt/chrome']))).toThrow(/\/opt\/chrome --version` failed/);
});
