/**
 * The engine under each answer of the API's open points that decide whether a removal is done
 * (emulator/fake-freshsuccess/README.md lists the switches): a missing item answered with HTTP
 * 404 or with `status_is_ok:false` "Account not found", and a dimension removal of a key
 * Freshsuccess does not hold answered as success or as not found. Deleting what Freshsuccess never
 * had is done; a removal whose path Freshsuccess does not know is an error, never "already gone".
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  // The sample account defines the custom entity fields.
  h = await startSyncHarness({
    sample: { customers: 1, contacts: 0 },
    config: { mappingJson: JSON.stringify({ customer: { custom: [{ field: 'custentity_industry', type: 'text', key: 'segment' }] } }) },
  });
});

afterAll(async () => {
  await h?.stop();
});

/** Data that predates the SuiteApp (an import with scripts off): Freshsuccess never had it. */
function quietly(type: 'customer' | 'contact', values: Record<string, unknown>): number {
  return h.saveAs('CSVIMPORT', { runServerScripts: false }).create(type, type === 'customer' ? { subsidiary: '1', ...values } : values);
}

const unsettled = () => h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY');

describe.each(['http404', 'statusNotOk'] as const)('missing items answered %s', (missingItem) => {
  beforeEach(async () => {
    await h.fake.configure({ missingItem, contactsOnInactiveAccounts: 'accept' });
  });

  test('deleting a customer Freshsuccess never had is done, not a dead letter', async () => {
    const id = quietly('customer', { companyname: `Never Synced ${missingItem}` });
    const mark = await h.requestMark();
    h.rt.ui.delete('customer', id);
    h.runDrainUntilIdle();
    const deletes = (await h.requestsSince(mark)).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.response)).toEqual([expect.objectContaining({ status_is_ok: false, message: expect.stringMatching(/^Account not found/) })]);
    expect(unsettled()).toEqual([]);
  });

  test('deleting a contact whose company never synced is done, not a dead letter', async () => {
    const company = quietly('customer', { companyname: `Never Synced Co ${missingItem}` });
    const contact = quietly('contact', { firstname: 'Nora', lastname: 'Never', company: String(company), email: `nora.${missingItem}@never.test` });
    h.rt.ui.delete('contact', contact);
    h.runDrainUntilIdle();
    expect(await h.contactOf(contact)).toBeUndefined();
    expect(unsettled()).toEqual([]);
  });

  test('an emptied custom field whose value Freshsuccess no longer holds: done under either removal answer', async () => {
    for (const missingDimension of ['succeed', 'notFound'] as const) {
      await h.fake.configure({ missingDimension });
      const id = h.createCustomer({ companyname: `Segment Gone ${missingItem} ${missingDimension}`, custentity_industry: 'Retail' });
      h.runDrainUntilIdle();
      expect((await h.accountOf(id))?.dimensions.labels).toEqual({ segment: 'Retail' });
      // Someone removed the value in Freshsuccess meanwhile.
      const removed = await fetch(`${h.account.fakeUrl}/api/v2/accounts/${id}/dimension_labels/segment`, {
        method: 'DELETE',
        headers: { authorization: `Basic ${Buffer.from(`api:${h.freshsuccessKey}`).toString('base64')}` },
      });
      expect(((await removed.json()) as { status_is_ok: boolean }).status_is_ok).toBe(true);
      h.rt.ui.update('customer', id, { custentity_industry: '' });
      h.runDrainUntilIdle();
      expect(unsettled()).toEqual([]);
    }
  });
});

test('a dimension removal whose path Freshsuccess does not know is an error: dead-lettered, the value stays visible', async () => {
  const id = h.createCustomer({ companyname: 'Unknown Removal Ltd', custentity_industry: 'Energy' });
  h.runDrainUntilIdle();
  await h.fake.injectFaults([{ kind: 'status', status: 404, message: 'Unknown endpoint', method: 'DELETE', path: '/api/v2/accounts/*' }]);
  h.rt.ui.update('customer', id, { custentity_industry: '' });
  h.runDrainUntilIdle();
  const dead = h.outboxFor('customer', id).filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ lastError: 'Unknown endpoint' })]);
  expect(dead[0]?.hint).toMatch(/remove it by hand/);
  expect((await h.accountOf(id))?.dimensions.labels).toEqual({ segment: 'Energy' });
});
