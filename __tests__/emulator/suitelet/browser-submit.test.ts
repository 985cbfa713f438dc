/**
 * The served page submitted as a browser would submit it (no JavaScript): what the user sees is
 * what the Suitelet receives, without any hand-made parameters.
 */
import { submitForm } from './support/browser-form';
import { formAction, pathFor, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function roundTrip(input: Parameters<typeof submitForm>[1]) {
  const page = await (await fetch(h.server.url(pathFor('customdeploy_fsc_sl_config')))).text();
  const res = await fetch(h.server.url(formAction(page)), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(submitForm(page, input)).toString(),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { parameters: Record<string, string>; lineCount: number; lines: Record<string, string | null>[] };
}

it('an untouched page submits its defaults, the hidden field and every sublist line', async () => {
  const got = await roundTrip({ submit: 'Save settings' });
  expect(got.parameters).toMatchObject({
    custpage_region: 'eu',
    custpage_name: 'Acme',
    custpage_active: 'T',
    custpage_dims: '',
    custpage_batch: '50',
    custpage_version: '3',
    custpage_apikey: '',
    submitter: 'Save settings',
  });
  // INLINE fields are display only: not submitted.
  expect(got.parameters.custpage_status).toBeUndefined();
  expect(got.lines).toEqual([
    { sync: 'F', id: '101', note: 'first Acme' },
    { sync: 'F', id: '102', note: '' },
    { sync: 'F', id: '103', note: '' },
  ]);
});

it("the user's edits arrive as NetSuite delivers them", async () => {
  const got = await roundTrip({
    set: { custpage_name: 'Initech & Co', custpage_region: 'us', 'custpage_accounts[2][custpage_note]': 'check me', custpage_apikey: 'fs_key_' + 'x'.repeat(30) },
    check: { custpage_active: false, 'custpage_accounts[1][custpage_sync]': true },
    choose: { custpage_dims: ['industry', 'tier'] },
    submit: 'Save settings',
  });
  expect(got.parameters).toMatchObject({ custpage_name: 'Initech & Co', custpage_region: 'us', custpage_active: 'F', custpage_dims: 'industry\u0005tier' });
  expect(got.parameters.custpage_apikey).toMatch(/^[0-9a-f]{32}$/);
  expect(h.vault.reveal(got.parameters.custpage_apikey!)).toBe('fs_key_' + 'x'.repeat(30));
  expect(got.lines).toEqual([
    { sync: 'F', id: '101', note: 'first Acme' },
    { sync: 'T', id: '102', note: '' },
    { sync: 'F', id: '103', note: 'check me' },
  ]);
});
