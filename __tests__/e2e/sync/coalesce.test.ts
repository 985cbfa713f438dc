/**
 * A hundred edits of one customer before the drain gets a processor become ONE push of its
 * current state: one POST carrying the record once, one write in Freshsuccess.
 */
import { ACCOUNTS_PATH, startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness();
});

afterAll(async () => {
  await h?.stop();
});

test('a hundred edits of one customer are pushed once, with the last values', async () => {
  const id = h.createCustomer({ companyname: 'Busy Bee Ltd', phone: '+44 20 0000 0000' });
  h.runDrainUntilIdle();
  expect((await h.accountOf(id))?.writeCount).toBe(1);
  const mark = await h.requestMark();
  const entriesBefore = h.outbox().length;

  for (let i = 1; i <= 100; i++) {
    // Alternate how the edits arrive: full edits, inline edits and web services.
    const phone = `+44 20 0000 ${String(i).padStart(4, '0')}`;
    if (i % 3 === 0) h.rt.ui.inlineEdit('customer', id, { phone });
    else if (i % 3 === 1) h.rt.ui.update('customer', id, { phone });
    else h.rt.webServices.update('customer', id, { phone, url: `https://busybee.example/${i}` });
  }
  // Every edit was captured (the drain waits in the processor queue meanwhile); the 99 submits
  // refused with MAP_REDUCE_ALREADY_RUNNING are normal, not errors.
  expect(h.outbox().length - entriesBefore).toBe(100);
  expect(h.rt.logs.filter((l) => l.level === 'ERROR')).toEqual([]);
  expect(await h.requestsSince(mark)).toEqual([]);

  h.runDrainUntilIdle();

  const posts = (await h.requestsSince(mark)).filter((r) => r.method === 'POST');
  expect(posts.map((r) => r.path)).toEqual([ACCOUNTS_PATH]);
  const sent = (posts[0]?.body as { records: Array<{ account_id: string }> }).records.filter((r) => r.account_id === String(id));
  expect(sent).toHaveLength(1);
  const stored = await h.accountOf(id);
  expect(stored?.writeCount).toBe(2);
  expect(stored?.fields).toMatchObject({ phone: '+44 20 0000 0100', website: 'https://busybee.example/98' });
});
