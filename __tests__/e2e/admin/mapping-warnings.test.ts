/**
 * Values the mapping drops or cuts are not silent: a text longer than a label holds is sent cut,
 * a text in a field mapped as a number is not sent, and the record itself lands. The run's
 * statistics count the records sent with warnings, and the admin page lists them, linked, with
 * the field and what happened.
 */
import { CONFIG } from '../support/syncHarness';
import { AdminClient, text } from './adminHarness';

const NOTES = 'custentity_account_notes';
const TIER = 'custentity_tier_text';
let a: AdminClient;

beforeAll(async () => {
  a = await AdminClient.start({ sample: { customers: 5, contacts: 0 } });
  a.h.rt.defineEntityField({ scriptId: NOTES, label: 'Account notes', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  a.h.rt.defineEntityField({ scriptId: TIER, label: 'Tier', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
  const custom = [
    { field: NOTES, type: 'text', key: 'notes' },
    { field: TIER, type: 'number', key: 'tier' },
  ];
  // The tier, a text field, mapped as a number: the page and the settings User Event now refuse
  // that (its type does not fit), so it is written as settings saved before that check were.
  const id = a.h.configure({});
  a.h.rt.store.update(CONFIG.type, id, { [CONFIG.mappingJson]: JSON.stringify({ customer: { custom } }) });
}, 120_000);

afterAll(async () => {
  await a?.stop();
});

test('a cut and a dropped value: the records land, the run counts them, the page names them', async () => {
  const long = a.h.createCustomer({ companyname: 'Long Notes Ltd', [NOTES]: 'n'.repeat(3_000) });
  const wordy = a.h.createCustomer({ companyname: 'Wordy Tier Ltd', [TIER]: 'gold' });
  const clean = a.h.createCustomer({ companyname: 'Clean Ltd', [NOTES]: 'short', [TIER]: '3' });
  a.h.runDrainUntilIdle();

  // What Freshsuccess holds: every record, the long value cut, the text-as-number left out.
  expect((await a.h.accountOf(long))?.dimensions.labels).toEqual({ notes: 'n'.repeat(400) });
  expect((await a.h.accountOf(wordy))?.fields.name).toBe('Wordy Tier Ltd');
  expect((await a.h.accountOf(wordy))?.dimensions.values).toEqual({});
  expect((await a.h.accountOf(clean))?.dimensions.values).toEqual({ tier: 3 });

  // What NetSuite holds: one WARNED entry per field and reason, and the run's count.
  const warned = a.h.outbox().filter((e) => e.status === 'WARNED');
  expect(warned.map((e) => [e.recordIds, e.lastError]).sort()).toEqual(
    [
      [[String(long)], `Sent with a warning: ${NOTES}: text longer than 400 characters, sent cut to 400`],
      [[String(wordy)], `Sent with a warning: ${TIER}: not a number, so this value was not sent`],
    ].sort(),
  );
  expect(a.h.state()?.lastRun).toMatchObject({ kind: 'drain', warnings: 2, sent: 3 });

  // What the admin sees.
  const page = await a.get();
  const t = text(page.html);
  expect(t).toMatch(/2 warning\(s\)/);
  expect(t).toContain('Sent with a warning');
  expect(t).toContain(`${TIER}: not a number, so this value was not sent`);
  expect(page.html).toMatch(new RegExp(`<td>Customer <a href="/app/common/entity/custjob.nl\\?id=${long}">[^<]+ \\(${long}\\)</a></td>`));
  expect(page.html).toContain(`<td>Customer <a href="/app/common/entity/custjob.nl?id=${wordy}">Wordy Tier Ltd (${wordy})</a></td>`);
  expect(page.html).toMatch(/<th scope="col">Sent with warnings<\/th>[\s\S]*?<td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>2<\/td>/);
});
