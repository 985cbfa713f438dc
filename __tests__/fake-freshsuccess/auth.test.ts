import { account, basic, send, TEST_KEY } from './http';
import { useFakeFreshsuccess } from './support/useFake';

const fake = useFakeFreshsuccess({ region: 'us' });

const US = 'api-us.freshsuccess.com';
const EU = 'api-eu.freshsuccess.com';
const push = { method: 'POST', path: '/api/v2/accounts', body: { records: [account('A1')] } };

describe('authentication', () => {
  it('accepts HTTP Basic with user "api" and the key', async () => {
    const r = await send(fake.url, { ...push, host: US, headers: basic(TEST_KEY) });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status_is_ok: true, failed_results: [] });
    expect((await fake.control.accounts()).map((a) => a.account_id)).toEqual(['A1']);
  });

  it('accepts ?api_key=KEY', async () => {
    const r = await send(fake.url, { ...push, path: `/api/v2/accounts?api_key=${TEST_KEY}`, host: US });
    expect(r.status).toBe(200);
    expect(await fake.control.accounts()).toHaveLength(1);
  });

  it.each([
    ['no credentials', {}],
    ['a wrong Basic key', basic('not-the-key')],
    ['a Basic user other than "api"', basic(TEST_KEY, 'admin')],
    ['a Bearer token', { authorization: `Bearer ${TEST_KEY}` }],
  ])('answers 401 JSON for %s and writes nothing', async (_name, headers) => {
    const r = await send(fake.url, { ...push, host: US, headers });
    expect(r.status).toBe(401);
    expect(r.json.status_is_ok).toBe(false);
    expect(r.json.message).toMatch(/Unauthorized/);
    expect(await fake.control.accounts()).toEqual([]);
  });

  it('answers 401 for a wrong query key', async () => {
    const r = await send(fake.url, { ...push, path: '/api/v2/accounts?api_key=nope', host: US });
    expect(r.status).toBe(401);
    expect(await fake.control.accounts()).toEqual([]);
  });

  it("answers 401 on the other region's host: a tenant lives in one data centre", async () => {
    const r = await send(fake.url, { ...push, host: EU, headers: basic(TEST_KEY) });
    expect(r.status).toBe(401);
    expect(await fake.control.accounts()).toEqual([]);
    const [logged] = await fake.control.requests();
    expect(logged).toMatchObject({ region: 'eu', auth: 'basic', authFailure: 'wrong-region', status: 401 });
  });

  it('serves an EU tenant on the EU host only, with a configurable wrong-region status', async () => {
    await fake.control.configure({ region: 'eu', wrongRegionStatus: 403 });
    expect((await send(fake.url, { ...push, host: EU, headers: basic(TEST_KEY) })).status).toBe(200);
    expect((await send(fake.url, { ...push, host: US, headers: basic(TEST_KEY) })).status).toBe(403);
  });

  it('accepts every configured key (key rotation)', async () => {
    await fake.control.configure({ apiKeys: ['old-key', 'new-key'] });
    expect((await send(fake.url, { ...push, host: US, headers: basic('old-key') })).status).toBe(200);
    expect((await send(fake.url, { ...push, host: US, headers: basic('new-key') })).status).toBe(200);
    expect((await send(fake.url, { ...push, host: US, headers: basic(TEST_KEY) })).status).toBe(401);
  });

  it('reset restores the start-up configuration', async () => {
    await fake.control.configure({ region: 'eu', maxPageSize: 3 });
    await fake.control.reset();
    expect(await fake.control.config()).toMatchObject({ region: 'us', maxPageSize: 1000, apiKeyCount: 1 });
  });

  it('keeps the control API off Freshsuccess host names', async () => {
    const r = await send(fake.url, { path: '/__fake/state', host: US });
    expect(r.status).toBe(404);
    expect(r.json.status_is_ok).toBe(false);
  });

  it('rejects unknown configuration options', async () => {
    await expect(fake.control.configure({ maxPageSise: 5 } as never)).rejects.toThrow(/unknown fake option: maxPageSise/);
    await expect(fake.control.configure({ contactMove: 'merge' } as never)).rejects.toThrow(/contactMove must be one of/);
  });
});

describe('request log redaction', () => {
  it('never stores the key: not from the query, not from Basic, not a wrong key, not in a body', async () => {
    await send(fake.url, { ...push, path: `/api/v2/accounts?api_key=${TEST_KEY}&page=0`, host: US });
    await send(fake.url, { ...push, host: US, headers: basic(TEST_KEY) });
    await send(fake.url, { path: '/api/v2/accounts?api_key=some-other-tenants-key', host: US });
    await send(fake.url, { path: '/api/v2/accounts?apikey=misspelt-param-key', host: US });
    await send(fake.url, {
      ...push,
      host: US,
      headers: basic(TEST_KEY),
      body: { records: [account('A2', { description: `leaked ${TEST_KEY}` })] },
    });

    const log = await fake.control.requests();
    expect(log).toHaveLength(5);
    const text = JSON.stringify(log);
    for (const secret of [TEST_KEY, Buffer.from(`api:${TEST_KEY}`).toString('base64'), 'some-other-tenants-key', 'misspelt-param-key']) {
      expect(text).not.toContain(secret);
    }
    expect(log.map((e) => e.auth)).toEqual(['query', 'basic', 'query', 'none', 'basic']);
    expect(log[0]?.url).toBe('/api/v2/accounts?api_key=[REDACTED]&page=0');
    expect(log[2]?.authFailure).toBe('wrong-key');
    expect(JSON.stringify(log[4]?.body)).toContain('leaked [REDACTED]');
  });

  it('does not return keys from the control API', async () => {
    const state = await fake.control.state();
    expect(JSON.stringify(state)).not.toContain(TEST_KEY);
    expect(state.config.apiKeyCount).toBe(1);
  });
});
