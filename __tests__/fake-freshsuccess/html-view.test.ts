/**
 * The fake's read-only page (/__fake/view): what it holds as tables, filtered by the search box,
 * every value escaped, the request log without the key, and out of reach of Freshsuccess hosts.
 */
import * as http from 'node:http';
import { startFakeFreshsuccessProcess, type FakeFreshsuccessProcess } from '../../emulator/fake-freshsuccess';

const KEY = 'view-test-key-0123456789';
let fake: FakeFreshsuccessProcess;

beforeAll(async () => {
  fake = await startFakeFreshsuccessProcess({ apiKeys: [KEY] });
  const auth = { authorization: `Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`, 'content-type': 'application/json', host: 'api-us.freshsuccess.com' };
  const post = (path: string, records: unknown[]) => fetch(`${fake.url}/api/v2/${path}`, { method: 'POST', headers: auth, body: JSON.stringify({ records }) });
  await post('accounts', [
    { account_id: 'A-1', name: 'Acme <script>alert(1)</script>', join_date: 1, custom_label_dimensions: [{ key: 'tier', value: 'Gold' }] },
    { account_id: 'B-2', name: 'Beta GmbH', join_date: 1, is_churned: true, inactive_time: 2 },
  ]);
  await post('account_contacts', [{ account_id: 'A-1', user_id: 'u-7', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@acme.test' }]);
}, 60_000);

afterAll(async () => {
  await fake?.stop();
});

const view = async (q = '') => (await fetch(`${fake.url}/__fake/view${q ? `?q=${encodeURIComponent(q)}` : ''}`)).text();

test('accounts, contacts and requests as tables, escaped, without the key', async () => {
  const html = await view();
  expect(html).toContain('<caption>Accounts (2)</caption>');
  expect(html).toContain('<caption>Contacts (1)</caption>');
  expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).not.toContain('<script>alert(1)');
  expect(html).toMatch(/<td>B-2<\/td><td>Beta GmbH<\/td><td>no<\/td><td>yes<\/td>/);
  expect(html).toContain('tier=Gold');
  expect(html).toContain('<td>ada@acme.test</td>');
  expect(html).toMatch(/<caption>Requests, newest first \(keys redacted\) \(\d+\)<\/caption>/);
  expect(html).not.toContain(KEY);
  expect(html).not.toContain(Buffer.from(`api:${KEY}`).toString('base64'));
});

test('the search box filters every table', async () => {
  const html = await view('beta');
  expect(html).toContain('<caption>Accounts (1)</caption>');
  expect(html).toContain('Beta GmbH');
  expect(html).not.toContain('Acme &lt;');
  expect(html).toContain('<caption>Contacts (0)</caption>');
  expect(html).toContain('value="beta"');
});

test('not served to a Freshsuccess host', async () => {
  // fetch cannot set Host; node:http can, as the SuiteApp's requests carry it.
  const status = await new Promise<number | undefined>((resolve, reject) => {
    http.get(`${fake.url}/__fake/view`, { headers: { host: 'api-us.freshsuccess.com' } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
  expect(status).toBe(404);
});
