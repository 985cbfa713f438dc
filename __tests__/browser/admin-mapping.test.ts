/**
 * The mapping without JSON in a real browser: the administrator picks a custom field from the
 * account's fields (only the dimension types its type fits are offered), chooses fields never sent
 * from a multi-select that does not offer the required ones, types retry settings into number
 * fields, saves, and the settings record holds them; Freshsuccess then receives the dimension and
 * not the excluded field. `npm run screenshots` takes the same section for the admin guide
 * (docs/img/admin-mapping.png, __tests__/browser/screenshots.ts).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AdminClient } from '../e2e/admin/adminHarness';
import { ACCOUNTS_PATH, CONFIG } from '../e2e/support/syncHarness';
import { clientScriptReady, useAdminBrowser } from './support/adminBrowser';
import { screenshotMapping } from './support/mappingSection';

let a: AdminClient;
let page: Page;
useAdminBrowser({
  sample: { customers: 3, contacts: 3 },
  viewport: { width: 1280, height: 800 },
  prepare: (x) => x.h.rt.defineEntityField({ scriptId: 'custentity_fsc_renewal', label: 'Renewal date', fieldType: 'DATE', appliesToCustomer: true, appliesToContact: false }),
}, (s) => ({ a, page } = s));

const selected = (label: string) => page.getByLabel(label).evaluate((el) => Array.from((el as unknown as { selectedOptions: ArrayLike<{ value: string }> }).selectedOptions, (o) => o.value));

test('a custom field picked from the select, fields never sent and retry settings are saved without JSON and applied to what is sent', async () => {
  await page.goto(a.url);
  await clientScriptReady(page);
  await page.getByLabel('Freshsuccess API key').fill(a.h.freshsuccessKey);
  // A date field is offered as a date or as text, never as a number or a boolean.
  const choice = page.getByLabel('Field (record, NetSuite type, sent as), line 1');
  const offered = await choice.locator('option').allInnerTexts();
  expect(offered.filter((t) => t.includes('custentity_fsc_renewal'))).toEqual(['Customer: Renewal date (custentity_fsc_renewal), Date, sent as date', 'Customer: Renewal date (custentity_fsc_renewal), Date, sent as text']);
  await choice.selectOption({ label: 'Customer: Renewal date (custentity_fsc_renewal), Date, sent as date' });
  await page.getByLabel('Freshsuccess key, line 1').fill('renewal');
  // The required fields are not offered as fields never sent.
  const excluded = page.getByLabel('Customer fields never sent');
  const names = await excluded.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
  expect(names).toContain('phone');
  for (const required of ['account_id', 'name', 'join_date']) expect(names).not.toContain(required);
  await excluded.selectOption(['phone', 'website']);
  await page.getByLabel('Contact fields never sent').selectOption(['title']);
  await page.getByLabel('Flag as long-retrying after (attempts)').fill('5');
  await page.getByLabel('First wait before a retry (seconds)').fill('120');
  await Promise.all([page.waitForURL(/fsc_notice=/), page.getByRole('button', { name: 'Save settings' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' }).count()).resolves.toBe(1);

  const saved = a.configRows()[0]!.values as Record<string, unknown>;
  expect([saved[CONFIG.excludeCustomer], saved[CONFIG.excludeContact], saved[CONFIG.retryWarnAfter], saved[CONFIG.retryFirstWait], saved[CONFIG.retryLongestWait] ?? '']).toEqual(['phone, website', 'title', 5, 120, '']);
  expect(JSON.parse(String(saved[CONFIG.mappingJson]))).toEqual({ customer: { custom: [{ field: 'custentity_fsc_renewal', type: 'date', key: 'renewal' }] } });
  // Shown back as saved.
  await expect(selected('Customer fields never sent')).resolves.toEqual(['phone', 'website']);
  expect(await page.getByLabel('Field (record, NetSuite type, sent as), line 1').inputValue()).toBe('customer:custentity_fsc_renewal:date');
  expect(await page.getByLabel('First wait before a retry (seconds)').inputValue()).toBe('120');
  await expect(page.getByLabel(/Mapping overrides/).count()).resolves.toBe(0);

  const mark = await a.h.requestMark();
  const id = a.h.createCustomer({ companyname: 'Renewing Ltd', phone: '555-0142', custentity_fsc_renewal: new Date(Date.UTC(2027, 2, 1)) });
  a.h.runDrainUntilIdle();
  const sent = (await a.h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH).flatMap((r) => (r.body as { records: Array<Record<string, unknown>> }).records).find((r) => r['account_id'] === String(id));
  expect(sent).toBeDefined();
  expect(sent).not.toHaveProperty('phone');
  expect(sent!['custom_event_dimensions']).toEqual([{ key: 'renewal', value: expect.any(Number) }]);

  await screenshotMapping(page, join(tmpdir(), 'fsc-admin-mapping.png'));
}, 90_000);
