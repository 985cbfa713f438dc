/**
 * N/https against the fake Freshsuccess (run as a child process: the calls block this thread):
 * the real host name is routed to it, the key travels as HTTP Basic built from an API secret by
 * the product's header builder, and the fake sees the request exactly as Freshsuccess would.
 */
import { DEV_API_KEY, FakeFreshsuccessProcess, startFakeFreshsuccessProcess } from '../../../emulator/fake-freshsuccess';
import { installHttps } from '../../../emulator/runtime/https/install';
import { basicAuthorization } from '../../../src/TypeScript/freshsuccess/authorization';
import { asScript, emptyRuntime } from './support/real-runtime';

let fake: FakeFreshsuccessProcess;
beforeAll(async () => {
  fake = await startFakeFreshsuccessProcess();
}, 30_000);
afterAll(async () => {
  await fake.stop();
});

type Https = {
  post(o: object): { code: number; body: string };
  createSecureString(o: { input: string }): Secure;
  Encoding: { UTF_8: string; BASE_64: string };
};
interface Secure {
  appendSecureString(o: { secureString: Secure; keepEncoding?: boolean }): Secure;
  convertEncoding(o: { fromEncoding: string; toEncoding: string }): Secure;
}

test('an upsert reaches the fake over the routed US host with Basic auth from an API secret', async () => {
  const rt = emptyRuntime();
  const h = installHttps(rt, { hostRoutes: { 'api-us.freshsuccess.com': fake.url, 'api-eu.freshsuccess.com': fake.url } });
  h.vault.defineApiSecret('custsecret_fsc_api_key', DEV_API_KEY, {
    allowedScriptIds: ['customscript_fsc_mr_drain'],
    allowedDomains: ['api-us.freshsuccess.com', 'api-eu.freshsuccess.com'],
  });
  const N = rt.modules.get('N/https') as Https;
  const post = (host: string) =>
    asScript(rt, 'customscript_fsc_mr_drain', () => {
      // The product's own header builder, over the runtime's N/https.
      const auth = basicAuthorization(N, { kind: 'secret', id: 'custsecret_fsc_api_key' });
      return N.post({
        url: `https://${host}/api/v2/accounts`,
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ records: [{ account_id: '1042', name: 'Acme', join_date: Date.UTC(2025, 0, 1) }] }),
      });
    });

  const us = post('api-us.freshsuccess.com');
  expect(us.code).toBe(200);
  expect(JSON.parse(us.body).status_is_ok).toBe(true);
  expect((await fake.control.account('1042'))?.fields).toMatchObject({ name: 'Acme' });

  // The fake holds a US tenant: the EU host (same server, other Host header) is refused.
  const eu = post('api-eu.freshsuccess.com');
  expect(eu.code).toBeGreaterThanOrEqual(400);

  expect(JSON.stringify(h.requestLog)).not.toContain(DEV_API_KEY);
}, 30_000);
