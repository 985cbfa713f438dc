/**
 * N/https over real loopback sockets. The server runs in a child process (support/http-server.cjs)
 * because a synchronous call blocks this thread: a server on this event loop would deadlock.
 */
import { installHttps, HttpsHandle, NETSUITE_CONNECT_TIMEOUT_MS, NETSUITE_TOTAL_TIMEOUT_MS } from '../../../emulator/runtime/https/install';
import { REDACTED } from '../../../emulator/runtime/https/requestLog';
import { startChildServer, ChildServer } from './support/child-server';
import type { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { asScript, emptyRuntime } from './support/real-runtime';

const HOST = 'api-us.freshsuccess.com';
const KEY = 'fs-live-key-9c1e77d0b2';

let server: ChildServer;
let rt: NetSuiteRuntime;
let https: HttpsHandle;
interface Response {
  code: number;
  headers: Record<string, string>;
  body: string;
}
interface Secure {
  appendString(o: object): Secure;
  appendSecureString(o: object): Secure;
  convertEncoding(o: object): Secure;
  replaceString(o: object): Secure;
}
type Call = (o: Record<string, unknown>) => Response;
let N: {
  get: Call; post: Call; put: Call; delete: Call; request: Call;
  createSecureString(o: { input: string }): Secure;
  Encoding: Record<string, string>;
};

beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  rt = emptyRuntime();
  // Short limits keep the timeout tests quick; the total one leaves an answering server room on a
  // loaded machine (a loopback connect completes in the kernel, so 0.3 s is ample for it).
  https = installHttps(rt, { hostRoutes: { [HOST]: server.origin }, connectTimeoutMs: 300, totalTimeoutMs: 1_500 });
  N = rt.modules.get('N/https') as typeof N;
  https.vault.defineApiSecret('custsecret_fsc_api_key', KEY, {
    allowedScriptIds: ['customscript_fsc_mr_drain'],
    allowedDomains: [HOST],
  });
});

const asDrain = <T>(body: () => T): T => asScript(rt, 'customscript_fsc_mr_drain', () => body());
const errorOf = (fn: () => unknown): { name: string; message: string; type: string } => {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string; type: string };
  }
  throw new Error('expected an error');
};

test('a routed https call reaches the local server with the real Host header and returns a ClientResponse', () => {
  const res = asDrain(() =>
    N.post({
      url: `https://${HOST}/api/v2/accounts?x=1`,
      body: JSON.stringify({ a: 1 }),
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
    }),
  );
  expect(res.code).toBe(200);
  expect(res.headers['X-Echo']).toBe('yes');
  const echoed = JSON.parse(res.body);
  expect(echoed).toMatchObject({ method: 'POST', path: '/api/v2/accounts?x=1', body: '{"a":1}' });
  expect(echoed.headers.Host).toBe(HOST);
  expect(echoed.headers['X-Trace']).toBe('abc');
});

test('non-2xx statuses are responses, not errors; each call costs 10 units', () => {
  const codes = asDrain(() => {
    const a = N.get({ url: `https://${HOST}/status/429` });
    const b = N.delete({ url: `https://${HOST}/status/503` });
    const c = N.put({ url: `https://${HOST}/echo`, body: 'x' });
    const d = N.request({ method: 'PATCH', url: `https://${HOST}/echo`, body: 'y' });
    return [a.code, a.headers['Retry-After'], b.code, c.code, JSON.parse(d.body).method];
  });
  expect(codes).toEqual([429, '7', 503, 200, 'PATCH']);
  expect(rt.ledger.total({ scriptId: 'customscript_fsc_mr_drain' }).byApi).toEqual({
    'N/https.get': 10,
    'N/https.delete': 10,
    'N/https.put': 10,
    'N/https.request': 10,
  });
});

test('URL and argument errors use NetSuite names', () => {
  asDrain(() => {
    expect(errorOf(() => N.get({ url: `http://${HOST}/echo` }))).toMatchObject({ name: 'SSS_INVALID_URL', type: 'error.SuiteScriptError' });
    expect(errorOf(() => N.get({ url: 'not a url' })).name).toBe('SSS_INVALID_URL');
    expect(errorOf(() => N.get({ url: 'https://' })).name).toBe('SSS_INVALID_URL');
    expect(errorOf(() => N.get({})).name).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorOf(() => N.post({ url: `https://${HOST}/echo` })).name).toBe('SSS_MISSING_REQD_ARGUMENT');
  });
});

test('an unrouted host fails like an unreachable host and sends nothing', () => {
  const e = asDrain(() => errorOf(() => N.get({ url: 'https://example.com/' })));
  expect(e.name).toBe('SSS_UNKNOWN_HOST');
  expect(https.requestLog.at(-1)).toMatchObject({ url: 'https://example.com/', status: null, outcome: 'SSS_UNKNOWN_HOST' });
  // Units are debited before the call, so a failed call costs them too.
  expect(rt.ledger.total({ scriptId: 'customscript_fsc_mr_drain' }).byApi).toEqual({ 'N/https.get': 10 });
});

test('a response slower than the total timeout throws SSS_REQUEST_TIME_EXCEEDED naming that limit, and the call gives up', async () => {
  // /hold answers only when released: the total limit (1.5 s here) passes every time, on any load.
  const e = asDrain(() => errorOf(() => N.get({ url: `https://${HOST}/hold` })));
  expect(e.name).toBe('SSS_REQUEST_TIME_EXCEEDED');
  expect(e.message).toMatch(/exceeded the 1\.5 second time limit/);
  expect(await server.nextHeld()).toBe('/hold');
  await server.clientGone('/hold');
  await server.release();
  expect(https.requestLog.at(-1)).toMatchObject({ url: `https://${HOST}/hold`, status: null, outcome: 'SSS_REQUEST_TIME_EXCEEDED' });
});

test('a dropped connection throws SSS_CONNECTION_CLOSED, before and during the response', () => {
  asDrain(() => {
    expect(errorOf(() => N.get({ url: `https://${HOST}/drop` })).name).toBe('SSS_CONNECTION_CLOSED');
    expect(errorOf(() => N.get({ url: `https://${HOST}/drop-mid` })).name).toBe('SSS_CONNECTION_CLOSED');
  });
});

test('a refused port fails without waiting for a timeout', async () => {
  const closed = await startChildServer();
  await closed.stop(); // its port is now closed
  https.route('api-eu.freshsuccess.com', closed.origin);
  const e = asDrain(() => errorOf(() => N.get({ url: 'https://api-eu.freshsuccess.com/x' })));
  expect(e.name).toBe('SSS_CONNECTION_CLOSED');
  expect(e.message).toMatch(/refused/);
});

test('a server that never accepts hits the connect timeout', async () => {
  const stuck = await startChildServer();
  try {
    await stuck.freeze();
    const fillers = await stuck.fillAcceptQueue();
    https.route('api-eu.freshsuccess.com', stuck.origin);
    const e = asDrain(() => errorOf(() => N.get({ url: 'https://api-eu.freshsuccess.com/echo' })));
    expect(e.name).toBe('SSS_REQUEST_TIME_EXCEEDED');
    // The 0.3 s connect limit ended it, not the 1.5 s total one.
    expect(e.message).toMatch(/^Could not connect to .* within 0\.3 seconds \(no connection after 300 ms\)/);
    fillers.forEach((s) => s.destroy());
  } finally {
    await stuck.stop();
  }
});

test('by default the limits are NetSuite’s 5 s to connect and 45 s in all', () => {
  const rt2 = emptyRuntime();
  const defaults = installHttps(rt2, { hostRoutes: { [HOST]: server.origin } });
  expect(defaults.limits).toEqual({ connectTimeoutMs: 5000, totalTimeoutMs: 45000 });
  expect([NETSUITE_CONNECT_TIMEOUT_MS, NETSUITE_TOTAL_TIMEOUT_MS]).toEqual([5000, 45000]);
  const N2 = rt2.modules.get('N/https') as typeof N;
  const res = asScript(rt2, 'customscript_x', () => N2.get({ url: `https://${HOST}/echo` }));
  expect(res.code).toBe(200);
  expect(https.limits).toEqual({ connectTimeoutMs: 300, totalTimeoutMs: 1_500 }); // this file's install
});

describe('secrets', () => {
  test('an API secret in a header reaches the server in clear but never the log, errors or JSON', () => {
    const { res, secure } = asDrain(() => {
      const key = N.createSecureString({ input: '{custsecret_fsc_api_key}' });
      const basic = N.createSecureString({ input: 'api:' })
        .appendSecureString({ secureString: key, keepEncoding: true })
        .convertEncoding({ fromEncoding: N.Encoding.UTF_8, toEncoding: N.Encoding.BASE_64 });
      const auth = N.createSecureString({ input: 'Basic ' }).appendSecureString({ secureString: basic, keepEncoding: true });
      return { res: N.get({ url: `https://${HOST}/echo`, headers: { Authorization: auth, 'X-Raw': key } }), secure: auth };
    });
    const echoed = JSON.parse(res.body);
    expect(echoed.headers.Authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
    expect(echoed.headers['X-Raw']).toBe(KEY);

    const entry = https.requestLog.at(-1)!;
    expect(entry.headers).toEqual({ Authorization: REDACTED, 'X-Raw': REDACTED });
    expect(entry).toMatchObject({ method: 'GET', url: `https://${HOST}/echo`, status: 200, outcome: 'ok' });
    const everything = JSON.stringify({ log: https.requestLog, secure, str: String(secure), logs: rt.logs });
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(Buffer.from(`api:${KEY}`).toString('base64'));
  });

  test('a key a script holds in clear (it should not) is still kept out of the request log', () => {
    asDrain(() => N.get({ url: `https://${HOST}/echo?api_key=${KEY}`, headers: { 'X-Api-Key': KEY } }));
    const entry = https.requestLog.at(-1)!;
    expect(entry.headers['X-Api-Key']).toBe(REDACTED);
    expect(entry.url).toBe(`https://${HOST}/echo?api_key=${REDACTED}`);
  });

  test('replaceString and HEX conversion act on the secret value', () => {
    const res = asDrain(() => {
      const s = N.createSecureString({ input: 'k={custsecret_fsc_api_key}' })
        .replaceString({ pattern: 'live', replacement: 'LIVE' })
        .appendString({ input: ';' })
        .convertEncoding({ fromEncoding: N.Encoding.UTF_8, toEncoding: N.Encoding.HEX });
      return N.get({ url: `https://${HOST}/echo`, headers: { 'X-Key': s } });
    });
    const hex = JSON.parse(res.body).headers['X-Key'];
    expect(Buffer.from(hex, 'hex').toString('utf8')).toBe(`k=${KEY.replace('live', 'LIVE')};`);
  });

  test('a script the secret is not restricted to cannot use it', () => {
    const e = asScript(rt, 'customscript_other', () => errorOf(() => N.createSecureString({ input: '{custsecret_fsc_api_key}' })));
    expect(e.message).toMatch(/not available to script customscript_other/);
    expect(e.message).not.toContain(KEY);
  });

  test('a domain the secret is not restricted to refuses the request before anything is sent', () => {
    https.route('evil.example.com', server.origin);
    const e = asDrain(() => {
      const key = N.createSecureString({ input: '{custsecret_fsc_api_key}' });
      return errorOf(() => N.get({ url: 'https://evil.example.com/echo', headers: { Authorization: key } }));
    });
    expect(e.message).toMatch(/may not be sent to evil\.example\.com/);
    expect(https.requestLog.at(-1)).toMatchObject({ status: null, outcome: e.name });
  });

  test('an unknown secret id fails at createSecureString', () => {
    const e = asDrain(() => errorOf(() => N.createSecureString({ input: '{custsecret_missing}' })));
    expect(e.message).toMatch(/custsecret_missing/);
  });

  test('a credential GUID is substituted into the body only when listed in credentials', () => {
    const guid = https.vault.storeCredential(KEY, { allowedScriptIds: ['customscript_fsc_mr_drain'], allowedDomains: [HOST] });
    const [withCred, without] = asDrain(() => [
      N.post({ url: `https://${HOST}/echo`, body: `api_key={${guid}}`, credentials: [guid] }),
      N.post({ url: `https://${HOST}/echo`, body: `api_key={${guid}}` }),
    ]);
    expect(JSON.parse(withCred.body).body).toBe(`api_key=${KEY}`);
    expect(JSON.parse(without.body).body).toBe(`api_key={${guid}}`);
    expect(JSON.stringify(https.requestLog)).not.toContain(KEY);
  });

  test('a credential GUID works as a SecureString header and honours its script restriction', () => {
    const guid = https.vault.storeCredential(KEY, { allowedScriptIds: ['customscript_fsc_mr_drain'], allowedDomains: [HOST] });
    const res = asDrain(() => N.get({ url: `https://${HOST}/echo`, headers: { 'X-Key': N.createSecureString({ input: `{${guid}}` }) } }));
    expect(JSON.parse(res.body).headers['X-Key']).toBe(KEY);
    const e = asScript(rt, 'customscript_other', () => errorOf(() => N.createSecureString({ input: `{${guid}}` })));
    expect(e.message).toMatch(/not available/);
  });

  test('a credential entered with restrictToCurrentUser works only in that user’s scripts', () => {
    const guid = https.vault.storeCredential(KEY, { allowedScriptIds: ['customscript_fsc_mr_drain'], allowedDomains: [HOST], restrictToUserId: rt.admin.id });
    const mine = asDrain(() => N.get({ url: `https://${HOST}/echo`, headers: { 'X-Key': N.createSecureString({ input: `{${guid}}` }) } }));
    expect(JSON.parse(mine.body).headers['X-Key']).toBe(KEY);
    const other = { id: rt.admin.id + 1000, role: 'administrator', roleId: '3', email: 'o@example.com', name: 'Other' };
    const e = asScript(rt, 'customscript_fsc_mr_drain', () => errorOf(() => N.createSecureString({ input: `{${guid}}` })), other);
    expect(e.message).toMatch(/restricted to the user who entered it/);
  });
});
