/**
 * A record Freshsuccess refuses for its data is dead-lettered with Freshsuccess's own message and
 * a hint for the admin, while the rest of its batch lands. The case: a custom text field mapped to
 * a label dimension. The product keeps labels to 400 characters (the real limit is [open]); here
 * the tenant's limit is 300, so a 350-character value passes our checks and is refused record by
 * record (failed_results), as a stricter real tenant would.
 */
import { ACCOUNTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';

const PLAN_FIELD = 'custentity_success_plan';
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
  await h.fake.configure({ labelMaxLength: 300 });
  h.rt.defineEntityField({ scriptId: PLAN_FIELD, label: 'Success plan', fieldType: 'TEXTAREA', appliesToCustomer: true, appliesToContact: false });
  h.configure({ mappingJson: JSON.stringify({ customer: { custom: [{ field: PLAN_FIELD, type: 'text', key: 'success_plan' }] } }) });
});

afterAll(async () => {
  await h?.stop();
});

interface BatchAnswer {
  status_is_ok: boolean;
  failed_results?: Array<{ message: string; account_id?: string }>;
}

test('one refused record is dead-lettered with Freshsuccess\'s message; the rest of its batch lands', async () => {
  const good = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((n) => h.createCustomer({ companyname: `${n} Holdings`, [PLAN_FIELD]: `Onboard ${n} in Q1` }));
  const bad = h.createCustomer({ companyname: 'Verbose Ventures', [PLAN_FIELD]: 'Expand to every region. '.repeat(15).slice(0, 350) });
  const mark = await h.requestMark();

  h.runDrainUntilIdle();

  // One POST carried all five; Freshsuccess refused one record of it.
  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === ACCOUNTS_PATH);
  expect(posts).toHaveLength(1);
  expect((posts[0]?.body as { records: unknown[] }).records).toHaveLength(5);
  const answer = posts[0]?.response as BatchAnswer;
  expect(answer.status_is_ok).toBe(true);
  expect(answer.failed_results).toHaveLength(1);
  const refusal = answer.failed_results![0]!;
  expect(refusal.account_id).toBe(String(bad));

  for (const [i, id] of good.entries()) {
    expect((await h.accountOf(id))?.dimensions.labels).toEqual({ success_plan: `Onboard ${['Alpha', 'Bravo', 'Charlie', 'Delta'][i]} in Q1` });
  }
  expect(await h.accountOf(bad)).toBeUndefined();

  const dead = h.outbox().filter((e) => e.status === 'DEAD');
  expect(dead).toEqual([expect.objectContaining({ kind: 'customer', recordIds: [String(bad)], lastError: refusal.message })]);
  expect(dead[0]?.hint).not.toBe('');
  expect(h.outbox().filter((e) => e.status === 'RETRY')).toEqual([]);
});

test('fixing the record in NetSuite sends it; the dead letter stays as history', async () => {
  const bad = h.outbox().find((e) => e.status === 'DEAD')!.recordIds[0]!;
  h.rt.ui.update('customer', bad, { [PLAN_FIELD]: 'Expand to every region.' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(bad))?.dimensions.labels).toEqual({ success_plan: 'Expand to every region.' });
  expect(h.outbox().filter((e) => e.status === 'DEAD')).toHaveLength(1);
});
