/**
 * The alert settings on the admin page: recipients picked from the account's employees (checked
 * against the account: active, with an email), thresholds as plain whole numbers, each refused at
 * its field with nothing saved; the status tab shows who is told and the incidents open now.
 */
import { CONFIG } from '../support/syncHarness';
import { AdminClient, fieldErrors, messages, PAGE_COSTS } from './adminHarness';

let a: AdminClient;
let ops: number;
let gone: number;
let noMail: number;

/** The visible text of the page's alerts section. */
const alertsText = (html: string) => (/<div id="custpage_alerts">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 2, contacts: 0 } });
  a.h.configure({});
  const employee = (firstname: string, values: Record<string, unknown>) => a.h.rt.ui.create('employee', { firstname, lastname: 'Tester', subsidiary: 1, ...values });
  ops = employee('Olivia', { email: 'olivia@example.com' });
  gone = employee('Gina', { email: 'gina@example.com', isinactive: true });
  noMail = employee('Nemo', {});
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

const stored = () => JSON.stringify(a.configRows()[0]?.values);

test('no recipients yet: the status tab says nobody is mailed', async () => {
  expect(alertsText((await a.get()).html)).toBe('Alerts No alert recipients are chosen: nobody is mailed when pushing pauses or records pile up. Choose them under Settings &gt; Alerts. No open incident.');
});

test('thresholds must be plain whole numbers in range; recipients active employees with an email; nothing saved otherwise', async () => {
  const before = stored();
  const page = await a.submit({ set: { custpage_alert_dead: '0x10', custpage_alert_wait: '721' }, submit: 'Save settings' });
  const errors = fieldErrors(page.html);
  expect(errors.find((m) => m.startsWith('Alert at dead letters'))).toMatch(/must be a whole number from 1 to 1000000 \(got 0x10\)/);
  expect(errors.find((m) => m.startsWith('Alert when a change waits (hours)'))).toMatch(/from 1 to 720 \(got 721\)/);
  expect(stored()).toBe(before);

  const people = await a.submit({ set: { custpage_alert_dead: '5', custpage_alert_wait: '4' }, choose: { custpage_alert_to: [String(ops), String(gone), String(noMail)] }, submit: 'Save settings' }, page);
  expect(fieldErrors(people.html).find((m) => m.startsWith('Alert recipients'))).toBe(`Alert recipients: Alerts could not be sent: employee ${gone} is inactive; employee ${noMail} has no email address. Choose active employees with an email address.`);
  expect(stored()).toBe(before);

  const saved = await a.submit({ choose: { custpage_alert_to: [String(ops)] }, submit: 'Save settings' }, people);
  expect(messages(saved.html).statuses.join(' ')).toMatch(/Settings saved/);
  expect(a.configRows()[0]?.values).toMatchObject({ [CONFIG.alertRecipients]: String(ops), [CONFIG.alertDeadLetters]: 5, [CONFIG.alertWaitingHours]: 4 });
  // Saving with recipients checks them: one employee search more than a save without (30).
  expect(a.lastPostUnits).toBe(40);
  // The page shows them chosen (NetSuite fills the list with the account's employees).
  expect(saved.html).toMatch(new RegExp(`<select[^>]*name="custpage_alert_to"[^>]*multiple[^>]*>[\\s\\S]*?<option value="${ops}" selected>`));
});

test('a settings record changed outside the page is checked the same way (the settings User Event)', () => {
  expect(() => a.h.rt.ui.update(CONFIG.type, a.h.configId!, { [CONFIG.alertRecipients]: `${ops},${gone}` })).toThrow(/employee \d+ is inactive/);
  expect(() => a.h.rt.ui.update(CONFIG.type, a.h.configId!, { [CONFIG.alertRecipients]: Array.from({ length: 11 }, (_, i) => String(i + 1)).join(',') })).toThrow(/At most 10 alert recipients/);
});

test('the status tab shows who is told and the incidents open now, at no extra cost to a page view', async () => {
  await a.h.fake.configure({ apiKeys: ['fs-e2e-some-other-key-00112233'] });
  a.h.advanceTime(20 * 60_000);
  a.h.createCustomer({ companyname: 'Alerted Inc' });
  a.h.runDrainUntilIdle();
  a.h.advanceTime(15 * 60_000);
  const page = await a.get();
  const text = alertsText(page.html);
  expect(text).toMatch(/^Alerts Alerts go to the 1 employee\(s\) chosen under Settings &gt; Alerts when: pushing paused; 5 or more dead letters; a change waiting 4 hour\(s\) or more\./);
  expect(text).toMatch(/Pushing paused Freshsuccess refused the key \d{4}-\d\d-\d\d \d\d:\d\d UTC \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  expect(a.h.rt.emails.filter((m) => m.to.includes('olivia@example.com'))).toHaveLength(1);
  // Settings and state come in the page's one lookup: a view costs what it costs without alerts (docs/admin-guide.md §5).
  expect(a.lastUnits()).toBe(PAGE_COSTS.view);
});
