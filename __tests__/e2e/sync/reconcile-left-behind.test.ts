/**
 * Reconcile sees what Freshsuccess kept after NetSuite let go of it without a User Event: a
 * parent removed (the parent customer deleted, or a CSV import with scripts off) and a mapped
 * custom field emptied. Both are put right through the drain: the parent is sent as empty, the
 * dimension removed. Keys the mapping does not name (another system's) are left alone.
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const SEGMENT = 'custentity_segment_text';
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 1, contacts: 0 } });
  h.rt.defineEntityField({ scriptId: SEGMENT, label: 'Segment', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false });
  h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: SEGMENT, type: 'text', key: 'segment' }] } }) });
});

afterAll(async () => {
  await h?.stop();
});

function runReconcile(): Record<string, { missing: number; drifted: number; extra: number }> {
  h.startReconcile();
  h.runDrainUntilIdle();
  const reports = h.logs(SCRIPTS.reconcile.scriptId).filter((l) => l.title === 'Reconcile finished');
  return JSON.parse(reports[reports.length - 1]?.details ?? '{}') as Record<string, { missing: number; drifted: number; extra: number }>;
}

test('a parent and a custom field value cleared without a User Event are cleared in Freshsuccess by reconcile', async () => {
  const parent = h.createCustomer({ companyname: 'Former Holding' });
  const child = h.createCustomer({ companyname: 'Orphaned Subsidiary', parent: String(parent), [SEGMENT]: 'Enterprise' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(child))?.fields.parent_account_id).toBe(String(parent));
  expect((await h.accountOf(child))?.dimensions.labels).toEqual({ segment: 'Enterprise' });
  // Another system's dimension on the same account.
  await h.fake.seed({ accounts: [{ account_id: String(child), custom_label_dimensions: [{ key: 'crm_owner', value: 'Dana' }] }] });

  // Cleared by an import with scripts off: no User Event, nothing queued.
  h.rt.csvImport('customer', [{ internalid: String(child), parent: '', [SEGMENT]: '' }], { runServerScripts: false });
  expect(h.queued().pending).toBe(0);

  const refusesEmptyParent = (await h.fake.config()).parentAccount === 'refuseEmpty';
  const report = runReconcile();
  expect(report.accounts).toMatchObject({ drifted: 1 });
  const account = await h.accountOf(child);
  expect(account?.dimensions.labels).toEqual({ crm_owner: 'Dana' });
  // How an empty parent is taken is [open]: a tenant that refuses it keeps the parent, reported.
  expect(account?.fields.parent_account_id ?? '').toBe(refusesEmptyParent ? String(parent) : '');
  expect(h.outboxFor('customer', child).filter((e) => e.status === 'RETRY' || e.status === 'DEAD')).toEqual([]);

  // Put right: the next reconcile finds nothing left behind (but an empty parent a tenant refused).
  expect(runReconcile().accounts).toMatchObject({ drifted: refusesEmptyParent ? 1 : 0 });
});
