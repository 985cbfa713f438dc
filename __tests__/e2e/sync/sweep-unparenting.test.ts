/**
 * A customer's parent cleared where no User Event sees it (a CSV import with scripts off, or its
 * parent deleted): the sweep cannot tell which fields changed, so the customers it catches are
 * sent with an empty parent_account_id. Freshsuccess then drops the old parent. A tenant that
 * refuses an empty parent gets the record once more without it; as the record may never have had
 * a parent, that refusal is not reported (a reconcile finds a parent left behind).
 */
import { SCRIPTS, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const MINUTE = 60_000;

async function scenario(parentAccount: 'ignore' | 'refuseEmpty') {
  const h: SyncHarness = await startSyncHarness();
  try {
    await h.fake.configure({ parentAccount });
    const parent = h.createCustomer({ companyname: 'Holding Group AB' });
    const child = h.createCustomer({ companyname: 'Holding Retail AB', parent: String(parent) });
    const alone = h.createCustomer({ companyname: 'Standalone Oy', phone: '+358 9 100 000' });
    h.runDrainUntilIdle();
    expect((await h.accountOf(child))?.fields.parent_account_id).toBe(String(parent));
    h.advanceTime(15 * MINUTE);

    const imported = h.rt.csvImport('customer', [
      { internalid: String(child), parent: '' },
      { internalid: String(alone), phone: '+358 9 100 999' },
    ], { runServerScripts: false });
    expect(imported.errors).toEqual([]);
    h.advanceTime(15 * MINUTE);
    expect(h.logs(SCRIPTS.sweep.scriptId).filter((l) => l.title === 'FreshSync sweep').at(-1)?.details).toContain('"customer":2');
    h.runDrainUntilIdle();
    return { h, child, alone, parent };
  } catch (e) {
    await h.stop();
    throw e;
  }
}

test('a tenant that takes an empty parent: the parent cleared by an import with scripts off is dropped in Freshsuccess', async () => {
  const { h, child, alone } = await scenario('ignore');
  try {
    expect((await h.accountOf(child))?.fields.parent_account_id ?? '').toBe('');
    expect((await h.accountOf(alone))?.fields.phone).toBe('+358 9 100 999');
    expect(h.outbox().filter((e) => e.status === 'SKIPPED' || e.status === 'DEAD')).toEqual([]);
  } finally {
    await h.stop();
  }
});

test('a tenant that refuses an empty parent: both records\' other changes land, and no record is reported for it', async () => {
  const { h, alone, parent, child } = await scenario('refuseEmpty');
  try {
    expect((await h.accountOf(alone))?.fields.phone).toBe('+358 9 100 999');
    // The engine cannot remove it on this tenant; a reconcile lists the parent left behind.
    expect((await h.accountOf(child))?.fields.parent_account_id).toBe(String(parent));
    expect(h.outbox().filter((e) => e.status === 'SKIPPED' || e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
  } finally {
    await h.stop();
  }
});
