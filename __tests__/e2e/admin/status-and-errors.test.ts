/**
 * The admin page's status side end to end: an API Secret as the key source, a network failure in
 * the connection test, a dead letter shown with Freshsuccess's message, its hint and a link to the
 * record, "Retry dead letters" landing it, a pause from a refused key shown and lifted by saving,
 * a running full sync's stage and percentage, and a full sync waiting for a pushing drain.
 */
import { CONFIG, STATE } from '../support/syncHarness';
import { AdminClient, messages, text } from './adminHarness';

const PLAN_FIELD = 'custentity_success_plan';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 30, contacts: 10 } });
  a.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const config = () => a.configRows()[0]!.values as Record<string, unknown>;
const statuses = (html: string) => messages(html).statuses.join(' ');
const alerts = (html: string) => messages(html).alerts.join(' ');

test('an API Secret id is stored as the key reference and works for the connection test', async () => {
  // The plan field picked in the custom fields table, sent as text under the key success_plan.
  const mapping = { 'custpage_custom_fields[0][custpage_cf_choice]': `customer:${PLAN_FIELD}:text`, 'custpage_custom_fields[0][custpage_cf_key]': 'success_plan' };
  const saved = await a.submit({ set: { custpage_key_source: 'secret', custpage_secret_id: a.h.account.secretId, ...mapping }, submit: 'Save settings' });
  expect(statuses(saved.html)).toMatch(/Settings saved/);
  expect(config()[CONFIG.secretRef]).toBe(a.h.account.secretId);
  expect(JSON.parse(String(config()[CONFIG.mappingJson]))).toEqual({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }] } });
  // The form shows the saved choice back.
  expect(saved.html).toMatch(/<option value="secret" selected>/);
  expect(statuses((await a.click('test')).html)).toMatch(/Connection OK/);
});

test('a connection that drops is reported as a network problem, not as a refused key', async () => {
  await a.h.fake.injectFaults([{ kind: 'drop', method: 'GET', path: '/api/v2/accounts' }]);
  const page = await a.click('test');
  expect(alerts(page.html)).toMatch(/Freshsuccess could not be reached.*api-us\.freshsuccess\.com/);
  expect(alerts(page.html)).not.toMatch(/refused/i);
});

test("a dead letter shows Freshsuccess's message, the hint and a link to the customer; retry lands it", async () => {
  await a.h.fake.configure({ labelMaxLength: 300 });
  const bad = a.h.createCustomer({ companyname: 'Verbose <Ventures>', [PLAN_FIELD]: 'Expand to every region. '.repeat(15).slice(0, 350) });
  a.h.runDrainUntilIdle();
  const dead = a.h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead).toHaveLength(1);

  const page = await a.get();
  const t = text(page.html);
  expect(t).toContain(dead[0]!.lastError);
  expect(t).toContain(dead[0]!.hint);
  // One row for the record: its type, and its name (escaped) linked to it.
  expect(page.html).toContain(`<td>Customer <a href="/app/common/entity/custjob.nl?id=${bad}">Verbose &lt;Ventures&gt; (${bad})</a></td>`);
  expect(page.html).toMatch(/<th scope="col">Dead letters<\/th>[\s\S]*?<td>0<\/td><td>0<\/td><td>1<\/td>/);
  expect(page.html).toContain('value="retry"');

  // The tenant now accepts longer labels: queue the dead letter again.
  await a.h.fake.configure({ labelMaxLength: 1000 });
  const retried = await a.click('retry', {}, page);
  expect(statuses(retried.html)).toMatch(/1 dead letter\(s\) with 1 record\(s\) were queued again/);
  a.h.runDrainUntilIdle();
  expect((await a.h.accountOf(bad))?.dimensions.labels).toEqual({ success_plan: expect.stringMatching(/^Expand to every region/) });
  expect(a.h.outbox().find((e) => e.id === dead[0]!.id)?.status).toBe('DONE');
  const after = await a.get();
  expect(after.html).not.toContain('value="retry"');
  expect(text(after.html)).toContain('No dead letters, skipped records or warnings');
});

test('a refused key pauses pushing: the page says so; saving the right key lifts the pause', async () => {
  await a.submit({ set: { custpage_key_source: 'credential', custpage_api_key: 'a-wrong-key-0123456789abcdef' }, submit: 'Save settings' });
  const id = a.h.createCustomer({ companyname: 'Paused Parts' });
  const report = a.h.runDrainUntilIdle();
  expect(report.paused).toBe(true);

  const page = await a.get();
  expect(alerts(page.html)).toMatch(/Pushing is paused/);
  expect(text(page.html)).toMatch(/Pushing is paused since .* because Freshsuccess refused the key/);

  const saved = await a.submit({ set: { custpage_key_source: 'secret', custpage_secret_id: a.h.account.secretId }, submit: 'Save settings' });
  expect(statuses(saved.html)).toMatch(/it resumes with the next drain/);
  expect(a.h.state()?.pausedAt).toBeNull();
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf(id)).toBeDefined();
  expect(text((await a.get()).html)).toContain('Pushing is active');
});

test('a running full sync shows its stage and percentage (one 10-unit getter per running job)', async () => {
  const started = await a.click('fullsync');
  expect(statuses(started.html)).toMatch(/Full sync started/);
  a.h.processQueue({ maxSteps: 1 });
  const before = a.lastUnits();
  const running = await a.get();
  expect(text(running.html)).toMatch(/Running Full sync: running part 1 since [^;]+; this part: stage (GET_INPUT|MAP|SHUFFLE|REDUCE|SUMMARIZE), \d+ % done\./);
  expect(a.lastUnits()).toBeLessThanOrEqual(before + 10);
  a.h.processQueue();
  expect(text((await a.get()).html)).toMatch(/Full sync: finished/);
  expect((await a.h.accounts()).length).toBeGreaterThanOrEqual(30);
});

test('reconcile from the page: it says what it found; deactivating extras asks first, with how many, and Cancel starts nothing', async () => {
  await a.h.fake.seed({ accounts: [{ account_id: 'crm-7781', name: 'From Another System', join_date: Date.UTC(2025, 0, 1) }] });
  // Asked before any reconcile counted them: the number is unknown, and the page says how to see it.
  const early = await a.click('reconcile', { check: { custpage_remove_extras: true } });
  expect(messages(early.html).alerts.join(' ')).toMatch(/Deactivate records only Freshsuccess has\? No reconcile has counted them yet/);
  const cancelled = await a.click('cancel', {}, early);
  expect(text(cancelled.html)).toMatch(/Nothing started/);
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf('crm-7781')).toMatchObject({ isActive: true });

  const plain = await a.click('reconcile');
  expect(statuses(plain.html)).toMatch(/Reconcile started/);
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf('crm-7781')).toMatchObject({ isActive: true });
  // "Finished" says what it found and did.
  expect(text((await a.get()).html)).toMatch(/Reconcile: finished \(submitted [^)]+\)\. Last reconcile \([^)]+\) found accounts: \d+ missing in Freshsuccess, \d+ different, 1 only in Freshsuccess; contacts: [^;]+; \d+ record\(s\) queued for the drain\. Records only in Freshsuccess were left as they are\./);

  // Ticking the box asks first, with the count the last reconcile found; only "Yes" starts it.
  const ticked = await a.click('reconcile', { check: { custpage_remove_extras: true } });
  expect(ticked.redirectedTo).toBeNull();
  expect(messages(ticked.html).alerts.join(' ')).toMatch(/The last reconcile \([^)]+\) found 1 account\(s\) and 0 contact\(s\) in Freshsuccess that NetSuite does not have/);
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf('crm-7781')).toMatchObject({ isActive: true });
  const confirmed = await a.click('reconcile_extras', {}, ticked);
  expect(statuses(confirmed.html)).toMatch(/Reconcile started/);
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf('crm-7781')).toMatchObject({ isActive: false });
  expect(text((await a.get()).html)).toMatch(/Records only in Freshsuccess were queued for deactivation\./);
});

test('a full sync waiting for a pushing drain says so, and starts by itself once the drain is done', async () => {
  // A drain holds the push lease (as while it pushes): the full sync's getInputData stands back.
  const now = a.h.rt.clock.nowMs();
  const row = a.h.rt.store.rows(STATE.type)[0]!;
  a.h.rt.store.update(STATE.type, row.id, { [STATE.pushLease]: JSON.stringify({ holder: 'drain', since: now, until: now + 10 * 60_000 }) });
  expect(statuses((await a.click('fullsync')).html)).toMatch(/Full sync started/);
  a.h.processQueue();
  expect(a.h.state()?.fullSyncRequestedAt).not.toBeNull();
  expect(text((await a.get()).html)).toContain('Full sync requested: waiting for the current drain to finish; it starts automatically');

  // The lease's time is up: the safety net (every 15 minutes) starts the waiting full sync.
  a.h.advanceTime(15 * 60_000);
  a.h.processQueue();
  expect(a.h.state()).toMatchObject({ fullSyncRequestedAt: null, pushLease: null });
  expect(text((await a.get()).html)).not.toContain('Full sync requested');
});
