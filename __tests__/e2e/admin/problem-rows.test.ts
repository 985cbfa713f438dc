/**
 * Acting on the status page's problem rows one record at a time, or on a selection: a retried
 * record is queued alone and lands while the other records of its dead letter stay listed; a
 * dismissed record leaves the table and is not sent; a pick that names no current problem (sent
 * twice, or forged) changes nothing and says so.
 */
import { AdminClient, messages, text } from './adminHarness';

const PLAN_FIELD = 'custentity_success_plan';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 3, contacts: 0 } });
  a.h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  // The plan field picked in the custom fields table, sent as text under the key success_plan.
  const mapping = { 'custpage_custom_fields[0][custpage_cf_choice]': `customer:${PLAN_FIELD}:text`, 'custpage_custom_fields[0][custpage_cf_key]': 'success_plan' };
  await a.submit({ set: { custpage_api_key: a.h.freshsuccessKey, ...mapping }, submit: 'Save settings' });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const statuses = (html: string) => messages(html).statuses.join(' ');
const rowOf = (html: string, id: number) => new RegExp(`<tr>(?:(?!</tr>).)*custjob\\.nl\\?id=${id}"(?:(?!</tr>).)*</tr>`).exec(html)?.[0] ?? '';
const buttonValue = (row: string, label: string) => new RegExp(`value="([^"]+)" aria-label="${label} [^"]*">${label}</button>`).exec(row)?.[1] ?? '';

test('one dead letter of three records: retry one, dismiss one, the third stays listed', async () => {
  await a.h.fake.configure({ labelMaxLength: 300 });
  const long = 'Expand to every region. '.repeat(15).slice(0, 350);
  const ids = ['Alpha', 'Beta', 'Gamma'].map((n) => a.h.createCustomer({ companyname: `${n} Verbose Ltd`, [PLAN_FIELD]: long }));
  a.h.runDrainUntilIdle();
  const dead = a.h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead.flatMap((e) => e.recordIds).sort()).toEqual(ids.map(String).sort());

  let page = await a.get();
  for (const id of ids) expect(rowOf(page.html, id)).toMatch(/Dead letter/);
  // One report of three records: the figures count records, as the table's rows and the last run do.
  expect(dead).toHaveLength(1);
  expect(text(page.html)).toMatch(/Needs attention: 3 record\(s\) Freshsuccess refused/);
  expect(text(page.html)).toMatch(/Dead letters: 3 &middot; /);
  expect(text(page.html)).toMatch(/Last run: drain at [^:]+:\d\d UTC: 0 record\(s\) sent in 1 batch\(es\), 3 dead letter\(s\)/);
  const [alpha, beta, gamma] = ids as [number, number, number];

  // Retry Alpha alone, once the tenant takes longer labels.
  await a.h.fake.configure({ labelMaxLength: 1000 });
  page = await a.click(buttonValue(rowOf(page.html, alpha), 'Retry'), {}, page);
  expect(statuses(page.html)).toMatch(/1 record\(s\) queued again/);
  // Governance (docs/admin-guide.md §5): 14, plus 2 to close the report, 6 for its remaining records, 6 to queue the retry, 20 to start the drain.
  expect(a.lastPostUnits).toBe(48);
  a.h.runDrainUntilIdle();
  expect((await a.h.accountOf(alpha))?.dimensions.labels).toEqual({ success_plan: long });
  expect(await a.h.accountOf(beta)).toBeUndefined();
  expect(await a.h.accountOf(gamma)).toBeUndefined();

  page = await a.get();
  expect(rowOf(page.html, alpha)).toBe('');
  expect(rowOf(page.html, beta)).toMatch(/Dead letter/);
  expect(rowOf(page.html, gamma)).toMatch(/Dead letter/);

  // Dismiss Beta: gone from the table, never sent.
  const dismiss = buttonValue(rowOf(page.html, beta), 'Dismiss');
  page = await a.click(dismiss, {}, page);
  expect(statuses(page.html)).toMatch(/1 record\(s\) dismissed/);
  expect(a.lastPostUnits).toBe(22);
  a.h.runDrainUntilIdle();
  expect(await a.h.accountOf(beta)).toBeUndefined();
  expect(rowOf(page.html, beta)).toBe('');
  expect(rowOf(page.html, gamma)).toMatch(/Dead letter/);

  // The same dismiss posted again (a second tab, a forged value) finds nothing to do.
  page = await a.click(dismiss, {}, await a.get().then((p) => ({ ...p, html: p.html.replace('</form>', `<button type="submit" name="custpage_action" value="${dismiss}">again</button></form>`) })));
  expect(messages(page.html).statuses.join(' ') + messages(page.html).alerts.join(' ')).toMatch(/0 record\(s\) dismissed.*no longer listed as a problem/);
  expect(rowOf(page.html, gamma)).toMatch(/Dead letter/);
  // Nothing of Gamma's was touched: its one report stays, with its message.
  expect(a.h.outbox().filter((e) => e.status === 'DEAD' && e.recordIds.includes(String(gamma)))).toEqual([expect.objectContaining({ lastError: dead[0]!.lastError })]);
});

test('a selection: the ticked records are retried together; nothing ticked says so', async () => {
  await a.h.fake.configure({ labelMaxLength: 300 });
  const long = 'Grow the account in every quarter. '.repeat(12).slice(0, 320);
  const ids = ['Delta', 'Epsilon'].map((n) => a.h.createCustomer({ companyname: `${n} Wordy Ltd`, [PLAN_FIELD]: long }));
  a.h.runDrainUntilIdle();
  let page = await a.get();
  const none = await a.click('retry_selected', {}, page);
  expect(text(none.html)).toMatch(/Nothing selected/);

  await a.h.fake.configure({ labelMaxLength: 1000 });
  page = await a.get();
  const check = Object.fromEntries(ids.map((id) => [`custpage_pick_customer_${id}`, true]));
  page = await a.click('retry_selected', { check }, page);
  expect(statuses(page.html)).toMatch(/2 record\(s\) queued again/);
  a.h.runDrainUntilIdle();
  for (const id of ids) expect((await a.h.accountOf(id))?.dimensions.labels).toEqual({ success_plan: long });
  page = await a.get();
  for (const id of ids) expect(rowOf(page.html, id)).toBe('');
});
