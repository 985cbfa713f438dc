/**
 * A credential typed into the Suitelet's form travels as a GUID through the script and reaches
 * the Freshsuccess stand-in (a child process, over N/https's real sockets) in clear, and only
 * there; a GUID restricted to other scripts is refused.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { formAction, formToken, pathFor, startHarness, type Harness } from './support/harness';

let h: Harness;
let child: ChildProcess;

function ask<T>(message: object): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

beforeAll(async () => {
  h = await startHarness();
  child = fork(join(__dirname, 'support', 'recording-server.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })));
  h.https.route('api-us.freshsuccess.com', `http://127.0.0.1:${port}`);
});

afterAll(async () => {
  child.kill();
  await h.close();
});

it('posts the key as a GUID and sends it in clear only to the allowed Freshsuccess host', async () => {
  const KEY = 'fs_live_0123456789abcdef0123456789abcdef0123';
  const page = await (await fetch(h.server.url(pathFor('customdeploy_fsc_sl_config')))).text();
  const saved = await fetch(h.server.url(formAction(page)), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['_emu_form', formToken(page)], ['custpage_apikey', KEY], ['custpage_shortkey', 'short']]).toString(),
  });
  const { parameters } = (await saved.json()) as { parameters: Record<string, string> };
  const guid = parameters.custpage_apikey!;
  expect(guid).toMatch(/^[0-9a-f]{32}$/);

  const ping = await fetch(h.server.url(pathFor('customdeploy_fsc_sl_config', { action: 'ping', guid })));
  expect(await ping.text()).toBe('status=200');
  const { received } = await ask<{ received: { url: string; headers: Record<string, string> }[] }>({ get: true });
  expect(received).toHaveLength(1);
  expect(received[0]!.url).toBe('/api/v2/ping');
  expect(received[0]!.headers['x-api-key']).toBe(KEY);
  expect(received[0]!.headers.host).toBe('api-us.freshsuccess.com');
  // 10 units for the https call, metered on the Suitelet's request.
  expect(h.server.requests.at(-1)).toMatchObject({ status: 200, units: 10 });

  // The short key may be used only by the drain Map/Reduce: the Suitelet is refused.
  const refused = await fetch(h.server.url(pathFor('customdeploy_fsc_sl_config', { action: 'ping', guid: parameters.custpage_shortkey! })));
  expect(refused.status).toBe(500);
  expect(await refused.text()).toContain('not available to script customscript_fsc_sl_config');

  const everything = JSON.stringify([h.server.requests, h.rt.logs, h.https.requestLog]);
  expect(everything).not.toContain(KEY);
});
