/**
 * With e-mail user ids, a Freshsuccess contacts page is compared with the NetSuite contacts found
 * by e-mail. A placeholder e-mail shared by more contacts than one search read returns (here 4,001
 * of an out-of-scope lead) must not push the in-scope contact with the same e-mail out of the rows
 * read: its copy would be reported extra, the contact missing, and "deactivate extras" would
 * deactivate it in Freshsuccess. (Found by review: the key look-up stopped at 4,000 rows in all.)
 */
import { REMOVE_EXTRAS_PARAM } from '../../../src/TypeScript/netsuite/reconcileJob';
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;
const EMAIL = 'none@example.com';

beforeAll(async () => {
  h = await startSyncHarness({ config: { userIdSource: 'email', scopeStages: 'CUSTOMER' } });
  const lead = h.rt.ui.create('lead', { companyname: 'Out Of Scope Lead', subsidiary: '1' });
  // Contacts that predate the SuiteApp, all with the CRM's placeholder e-mail (lower ids).
  for (let i = 0; i < 4001; i++) h.rt.store.insert('contact', { firstname: 'P', lastname: `L${i}`, company: String(lead), email: EMAIL });
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

test('an in-scope contact sharing a common e-mail is matched, not reported extra and missing', async () => {
  const kept = h.createCustomer({ companyname: 'Kept Ltd', entitystatus: '13' });
  const z = h.createContact({ firstname: 'Zed', lastname: 'Kept', company: String(kept), email: EMAIL });
  h.runDrainUntilIdle();
  const held = (await h.fake.contacts()).filter((c) => c.user_id === EMAIL);
  expect(held.map((c) => [c.account_id, c.isActive])).toEqual([[String(kept), true]]);

  h.rt.deployment(SCRIPTS.reconcile.scriptId, SCRIPTS.reconcile.onDemand).parameterValues[REMOVE_EXTRAS_PARAM] = 'T';
  h.startReconcile();
  h.runDrainUntilIdle();

  const after = (await h.fake.contacts()).filter((c) => c.user_id === EMAIL);
  expect(after.map((c) => [c.account_id, c.isActive])).toEqual([[String(kept), true]]);
  const last = h.state()?.lastReconcile as { contacts: unknown } | null;
  expect(last?.contacts).toEqual({ missing: 0, drifted: 0, extra: 0 });
  expect(z).toBeGreaterThan(0);
}, 120_000);
