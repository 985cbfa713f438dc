/**
 * Alerts end to end in the local account: the scheduled sweep mails the employees chosen in the
 * settings when pushing pauses, when dead letters reach a threshold and when a change has waited
 * too long; one message per incident, a reminder at most once a day, one when it ends; nothing
 * without recipients; never the key. What the administrator receives is read from the mail the
 * runtime's N/email captured; the sweep's added cost is measured.
 */
import { SCRIPTS, startSyncHarness, reportBudget, type SyncHarness } from '../support/syncHarness';
import type { SentEmail } from '../../../emulator/runtime/modules/emailModule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ROTATED_KEY = 'fs-e2e-alerts-rotated-0d9c8b7a6f5e4d3c';
const PAGE = /FreshSync settings page: https:\/\/\S+\.app\.netsuite\.com\/app\/site\/hosting\/scriptlet\.nl\?script=\d+&deploy=\d+\n/;
const NEWER_KEY = 'fs-e2e-alerts-newer-1a2b3c4d5e6f7081';

let h: SyncHarness;
let ops: number;
let lead: number;

/** Mail the sweep sent since `from` (an index into rt.emails). */
const alertsSince = (from: number): SentEmail[] => h.rt.emails.slice(from).filter((m) => m.scriptId === SCRIPTS.sweep.scriptId);

/** Moves the clock in sweep-sized steps (each scheduled sweep and drain due on the way runs). */
function wait(ms: number): void {
  h.advanceTime(ms);
}

beforeAll(async () => {
  h = await startSyncHarness();
  ops = h.rt.ui.create('employee', { firstname: 'Olivia', lastname: 'Ops', email: 'olivia.ops@example.com', subsidiary: 1 });
  lead = h.rt.ui.create('employee', { firstname: 'Lars', lastname: 'Lead', email: 'lars.lead@example.com', subsidiary: 1 });
  h.advanceTime(20 * MINUTE);
});

afterAll(async () => {
  await h?.stop();
});

test('no recipients: a pause mails nobody and the sweep reads nothing more for alerts', async () => {
  h.configure({ alertRecipients: '', alertDeadLetters: '', alertWaitingHours: '' });
  await h.fake.configure({ apiKeys: [ROTATED_KEY] });
  const from = h.rt.emails.length;
  h.createCustomer({ companyname: 'Quiet Pause GmbH' });
  h.runDrainUntilIdle();
  expect(h.state()?.pausedAt).not.toBeNull();
  wait(2 * HOUR);
  expect(h.rt.emails.slice(from)).toEqual([]);
  // Back to a working key for the next tests.
  h.setApiSecret(ROTATED_KEY);
  h.configure({});
  h.runDrainUntilIdle();
  expect(h.state()?.pausedAt).toBeNull();
});

test('a refused key: exactly one mail, none within 24 hours, one reminder after, one when it is fixed; never the key', async () => {
  h.configure({ alertRecipients: `${ops},${lead}` });
  wait(20 * MINUTE);
  const from = h.rt.emails.length;
  await h.fake.configure({ apiKeys: [NEWER_KEY] });
  h.createCustomer({ companyname: 'Pause Alert SARL' });
  h.runDrainUntilIdle();
  const pausedAt = h.state()!.pausedAt!;
  expect(pausedAt).not.toBeNull();

  wait(15 * MINUTE); // the next scheduled sweep
  const first = alertsSince(from);
  expect(first).toHaveLength(1);
  const mail = first[0]!;
  expect(mail.author).toBe(ops);
  expect(mail.to).toEqual(['olivia.ops@example.com', 'lars.lead@example.com']);
  expect(mail.subject).toBe('FreshSync: pushing to Freshsuccess is paused: Freshsuccess refused the key');
  expect(mail.body).toContain(`Since ${new Date(pausedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  expect(mail.body).toContain('The message was: HTTP 401: Unauthorized: missing or invalid API key. Changes are still queued');
  expect(mail.body).toContain('Fix the key or the data centre and save the settings');
  expect(mail.body).toMatch(PAGE);

  // The rest of the day: the sweep runs every quarter hour and sends nothing more.
  const mailedAt = mail.sentAt.getTime();
  wait(mailedAt + 24 * HOUR - h.rt.clock.nowMs() - MINUTE);
  expect(alertsSince(from)).toHaveLength(1);
  wait(15 * MINUTE);
  const reminded = alertsSince(from);
  expect(reminded).toHaveLength(2);
  expect(reminded[1]!.subject).toBe('FreshSync: still: pushing to Freshsuccess is paused: Freshsuccess refused the key');
  wait(2 * HOUR);
  expect(alertsSince(from)).toHaveLength(2);

  // Fixed: the admin stores the new key and saves; the next sweep says it is over.
  h.setApiSecret(NEWER_KEY);
  h.configure({});
  wait(15 * MINUTE);
  const all = alertsSince(from);
  expect(all).toHaveLength(3);
  expect(all[2]!.subject).toBe('FreshSync: resolved: pushing is no longer paused');
  expect(all[2]!.body).toContain('It lasted from');
  wait(HOUR);
  expect(alertsSince(from)).toHaveLength(3);
  for (const m of all) {
    for (const key of [h.freshsuccessKey, ROTATED_KEY, NEWER_KEY]) expect(`${m.subject}\n${m.body}`).not.toContain(key);
  }
  expect(h.state()).toMatchObject({ pausedAt: null });
});

test('a change waiting longer than the setting (the drain cannot run): one mail, and one when the queue moves again', async () => {
  h.configure({ alertWaitingHours: 2 });
  h.runDrainUntilIdle();
  wait(15 * MINUTE);
  const from = h.rt.emails.length;
  // Someone took the drain's deployments out of service: saves still queue, nothing drains them.
  const drain = h.rt.project.scripts.find((s) => s.scriptId === SCRIPTS.drain.scriptId)!;
  for (const d of drain.deployments) d.isDeployed = false;
  const made = h.rt.clock.nowMs();
  h.createCustomer({ companyname: 'Slow Lane Ltd' });
  wait(HOUR + 45 * MINUTE);
  expect(alertsSince(from)).toEqual([]);
  wait(30 * MINUTE);
  const mails = alertsSince(from);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toMatch(/^FreshSync: changes waiting for 2 h \d+ min$/);
  expect(mails[0]!.body).toContain(`(${new Date(made).toISOString().replace('T', ' ').slice(0, 16)} UTC); the alert is set at 2 hour(s).`);
  for (const d of drain.deployments) d.isDeployed = true;
  h.runDrainUntilIdle();
  wait(15 * MINUTE);
  expect(alertsSince(from).map((m) => m.subject)).toEqual([mails[0]!.subject, 'FreshSync: resolved: changes no longer wait too long']);
  h.configure({ alertWaitingHours: '' });
});

test('dead letters reaching the threshold (counted in records, as the page counts them): one mail', async () => {
  await h.fake.configure({ apiKeys: [NEWER_KEY], labelMaxLength: 300 });
  const PLAN = 'custentity_alert_plan';
  h.rt.defineEntityField({ scriptId: PLAN, label: 'Plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  h.configure({ alertDeadLetters: 2, mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN, type: 'text', key: 'plan' }] } }) });
  wait(15 * MINUTE);
  const from = h.rt.emails.length;
  const long = 'Expand everywhere. '.repeat(20).slice(0, 350);
  h.createCustomer({ companyname: 'Refused One', [PLAN]: long });
  h.runDrainUntilIdle();
  wait(15 * MINUTE);
  expect(alertsSince(from)).toEqual([]);
  h.createCustomer({ companyname: 'Refused Two', [PLAN]: long });
  h.createCustomer({ companyname: 'Refused Three', [PLAN]: long });
  h.runDrainUntilIdle();
  wait(15 * MINUTE);
  wait(HOUR);
  const mails = alertsSince(from);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe('FreshSync: 3 record(s) refused by Freshsuccess');
  expect(mails[0]!.body).toContain('the alert is set at 2');
  expect(h.outbox().filter((e) => e.status === 'DEAD').flatMap((e) => e.recordIds)).toHaveLength(3);
});

test('the sweep\'s added cost: 0 without recipients, 10 with a threshold, 20 per mail', async () => {
  const sweepUnits = (): number => {
    const before = h.usageSnapshot();
    wait(15 * MINUTE);
    return h.usageSince(before)[SCRIPTS.sweep.scriptId]?.['all']?.units ?? 0;
  };
  h.configure({ alertRecipients: '', alertDeadLetters: '', alertWaitingHours: '' });
  wait(15 * MINUTE);
  const without = sweepUnits();
  h.configure({ alertRecipients: String(ops), alertDeadLetters: 100, alertWaitingHours: 24 });
  wait(15 * MINUTE);
  const watching = sweepUnits();
  h.configure({ alertDeadLetters: 1 });
  const mailing = sweepUnits();
  expect(alertsSince(0).at(-1)?.subject).toBe('FreshSync: 3 record(s) refused by Freshsuccess');
  reportBudget('sweep with alerts', { without, watching, mailing });
  // docs/architecture.md and docs/admin-guide.md state these: an idle sweep 38, alerts +10 and +20.
  expect(without).toBe(38);
  expect(watching - without).toBe(10);
  expect(mailing - watching).toBe(20);
});

test('a sandbox refreshed from this account mails nobody: its copied settings hold pushing back', () => {
  // Saved from the settings page in this account, which stamps the account on them.
  h.configure({ alertRecipients: String(ops), alertWaitingHours: 1, savedInAccount: h.rt.accountId });
  h.runDrainUntilIdle();
  wait(15 * MINUTE);
  const from = h.rt.emails.length;
  h.rt.refreshAsSandbox(`${h.rt.accountId}_SB1`);
  h.createCustomer({ companyname: 'Sandbox Only Ltd' });
  wait(3 * HOUR);
  expect(h.outbox().some((e) => e.status === 'PENDING' && e.id > (h.state()?.drainCursor ?? 0))).toBe(true);
  expect(h.rt.emails.slice(from)).toEqual([]);
});
