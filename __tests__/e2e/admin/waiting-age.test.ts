/**
 * How long a change has waited counts from when it was first captured, not from its latest failed
 * attempt: while Freshsuccess keeps failing, each retry writes a new entry, and the waiting alert
 * and the admin page's verdict still give the age of the change itself. Read from what the
 * administrator gets: the sweep's mail and the page.
 */
import { ACCOUNTS_PATH, OUTBOX, SCRIPTS } from '../support/syncHarness';
import { AdminClient, text } from './adminHarness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let a: AdminClient;

const utcMinute = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
const sweepMails = (from: number) => a.h.rt.emails.slice(from).filter((m) => m.scriptId === SCRIPTS.sweep.scriptId);
/** The page's first line, the health verdict. */
const verdict = async () => /(Behind by [^:]*:|Healthy[^.]*\.)/.exec(text((await a.get()).html))?.[1];

beforeAll(async () => {
  a = await AdminClient.start();
  const ops = a.h.rt.ui.create('employee', { firstname: 'Olivia', lastname: 'Ops', email: 'olivia.ops@example.com', subsidiary: 1 });
  // Retries at most 15 minutes apart: before the fix no entry ever looked older than that.
  a.h.configure({ alertRecipients: String(ops), alertWaitingHours: 2, retryLongestWait: 15 });
  a.h.advanceTime(20 * MINUTE);
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

test('Freshsuccess failing for hours: the alert and the page give the age of the change, not of its last retry', async () => {
  const from = a.h.rt.emails.length;
  await a.h.fake.injectFaults([{ kind: 'status', status: 503, times: 1000, method: 'POST', path: ACCOUNTS_PATH }]);
  const made = a.h.rt.clock.nowMs();
  const id = a.h.createCustomer({ companyname: 'Down All Afternoon Ltd' });
  a.h.advanceTime(HOUR + 45 * MINUTE);
  expect(sweepMails(from)).toEqual([]);
  a.h.advanceTime(45 * MINUTE);

  // Freshsuccess was tried again and again; the open retry entry was written minutes ago.
  const retries = a.h.outboxFor('customer', id).filter((e) => e.status !== 'PENDING');
  expect(retries.length).toBeGreaterThanOrEqual(8);
  const open = retries.filter((e) => e.status === 'RETRY');
  expect(open).toHaveLength(1);
  expect(a.h.rt.clock.nowMs() - open[0]!.capturedAt).toBeLessThanOrEqual(16 * MINUTE);

  const mails = sweepMails(from);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toMatch(/^FreshSync: changes waiting for 2 h \d+ min$/);
  expect(mails[0]!.body).toContain(`(${utcMinute(made)} UTC); the alert is set at 2 hour(s).`);
  expect(await verdict()).toBe('Behind by 1 change(s), the oldest made 2 h 30 min ago (1 to retry):');

  // An entry written by the previous version (no first capture) counts from its own capture.
  const legacyAt = a.h.rt.clock.nowMs() - HOUR;
  a.h.rt.ui.create(OUTBOX.type, {
    name: `customer ${id} update`, [OUTBOX.kind]: 'customer', [OUTBOX.record]: String(id), [OUTBOX.count]: 1, [OUTBOX.event]: 'update',
    [OUTBOX.capturedAt]: legacyAt, [OUTBOX.source]: `batch of an earlier version`, [OUTBOX.attempt]: 3, [OUTBOX.status]: 'RETRY',
    [OUTBOX.notBefore]: a.h.rt.clock.nowMs() + 6 * HOUR, [OUTBOX.lastError]: 'HTTP 503',
  });
  expect(await verdict()).toBe('Behind by 2 change(s), the oldest made 2 h 30 min ago (2 to retry):');

  // Freshsuccess answers again: the change lands, the alert ends, the older entry's age shows.
  await a.h.fake.clearFaults();
  a.h.advanceTime(20 * MINUTE);
  expect((await a.h.accountOf(id))?.fields['name']).toBe('Down All Afternoon Ltd');
  expect(sweepMails(from).map((m) => m.subject)).toEqual([mails[0]!.subject, 'FreshSync: resolved: changes no longer wait too long']);
  expect(await verdict()).toBe('Behind by 1 change(s), the oldest made 1 h 20 min ago (1 to retry):');
});
