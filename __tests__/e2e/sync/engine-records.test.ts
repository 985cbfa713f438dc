/**
 * The engine's records are not open to every role. The settings, outbox and state records use a
 * permission list with no role on it: only administrators may change them, by URL (the UI), CSV
 * or script. A sales clerk's customer and contact saves are still captured, because the capture
 * User Events run as Administrator. Any change of the settings record, whoever makes it, passes
 * the admin page's validation first.
 */
import { CONFIG, OUTBOX, STATE, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;
let clerkUser: ReturnType<SyncHarness['rt']['createUser']>;

beforeAll(async () => {
  h = await startSyncHarness();
  clerkUser = h.rt.createUser({ firstname: 'Sam', lastname: 'Sales', email: 'sam@example.com', role: '1043', roleId: 'customrole_sales_rep', permissions: { LIST_CUSTJOB: 3, LIST_CONTACT: 3, LIST_CUSTRECORDENTRY: 4 } });
});

afterAll(async () => {
  await h?.stop();
});

const clerk = () => ({ user: clerkUser });
const settings = () => JSON.stringify(h.rt.store.rows(CONFIG.type).map((r) => r.values));

test("a sales role's customer and contact saves land in the outbox and reach Freshsuccess", async () => {
  const customer = h.saveAs('USERINTERFACE').create('customer', { companyname: 'Sold By Sam Ltd', subsidiary: '1' }, clerk());
  const contact = h.saveAs('USERINTERFACE').create('contact', { firstname: 'Pat', lastname: 'Buyer', email: 'pat@sold-by-sam.example', company: String(customer) }, clerk());
  expect(h.outboxFor('customer', customer)).toEqual([expect.objectContaining({ status: 'PENDING' })]);
  expect(h.outboxFor('contact', contact)).toEqual([expect.objectContaining({ status: 'PENDING' })]);
  h.runDrainUntilIdle();
  expect((await h.accountOf(customer))?.fields.name).toBe('Sold By Sam Ltd');
  expect(await h.contactOf(contact)).toBeDefined();
});

test.each(['USERINTERFACE', 'CSVIMPORT', 'WEBSERVICES'] as const)('a sales role cannot change the settings, outbox or state records (%s)', (context) => {
  const before = settings();
  const entry = h.saveAs(context);
  const configId = h.rt.store.rows(CONFIG.type)[0]!.id;
  const outboxId = h.rt.store.rows(OUTBOX.type)[0]!.id;
  const stateId = h.rt.store.rows(STATE.type)[0]!.id;
  const outboxBefore = JSON.stringify(h.rt.store.rows(OUTBOX.type));
  const stateBefore = JSON.stringify(h.rt.store.rows(STATE.type));
  // Even with "Custom Record Entries" at Full, a permission list without the role keeps it out.
  expect(() => entry.update(CONFIG.type, configId, { [CONFIG.region]: 'eu', [CONFIG.secretRef]: 'custsecret_attacker' }, clerk())).toThrow(/INSUFFICIENT_PERMISSION|Permission Violation/);
  expect(() => entry.inlineEdit(CONFIG.type, configId, { [CONFIG.enabled]: false }, clerk())).toThrow(/Permission Violation/);
  expect(() => entry.create(CONFIG.type, { name: 'Second settings', [CONFIG.region]: 'eu' }, clerk())).toThrow(/Permission Violation/);
  expect(() => entry.update(OUTBOX.type, outboxId, { [OUTBOX.status]: 'DONE' }, clerk())).toThrow(/Permission Violation/);
  expect(() => entry.delete(OUTBOX.type, outboxId, clerk())).toThrow(/Permission Violation/);
  expect(() => entry.inlineEdit(STATE.type, stateId, { [STATE.pausedAt]: null }, clerk())).toThrow(/Permission Violation/);
  expect(settings()).toBe(before);
  expect(JSON.stringify(h.rt.store.rows(OUTBOX.type))).toBe(outboxBefore);
  expect(JSON.stringify(h.rt.store.rows(STATE.type))).toBe(stateBefore);
});

test("an administrator's direct edit of the settings record with bad values is refused with the page's reasons", () => {
  const before = settings();
  const configId = h.rt.store.rows(CONFIG.type)[0]!.id;
  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{ [CONFIG.region]: 'mars' }, /region: .*Region/],
    [{ [CONFIG.secretRef]: 'fs-live-0123456789abcdef0123456789abcdef-not-a-reference' }, /keySource|credentialGuid/],
    [{ [CONFIG.batchMaxRecords]: 999999 }, /batchMaxRecords: .*1 to 5000/],
    [{ [CONFIG.mappingJson]: '{"customer":' }, /mappingJson: .*not valid JSON/],
    [{ [CONFIG.accountIdSource]: 'field', [CONFIG.accountIdField]: 'phone' }, /accountIdField: .*custentity/],
  ];
  for (const [values, reason] of bad) {
    expect(() => h.rt.ui.update(CONFIG.type, configId, values)).toThrow(reason);
    expect(() => h.saveAs('CSVIMPORT').inlineEdit(CONFIG.type, configId, values)).toThrow(/FreshSync settings not saved/);
  }
  expect(settings()).toBe(before);
  // The refusal names the fields, never the value that may have been a key.
  const refusals = h.rt.logs.filter((l) => l.title === 'FreshSync settings change refused');
  expect(refusals.length).toBeGreaterThanOrEqual(bad.length * 2);
  expect(JSON.stringify(h.rt.logs)).not.toContain('fs-live-0123456789abcdef');
  // A valid direct edit is accepted and used by the next drain.
  h.rt.ui.update(CONFIG.type, configId, { [CONFIG.batchMaxRecords]: 250 });
  expect(h.rt.store.rows(CONFIG.type)[0]!.values[CONFIG.batchMaxRecords]).toBe(250);
});
