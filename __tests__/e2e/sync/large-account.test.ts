/**
 * Accounts past ResultSet.each's 4,000-row cap. Asking each() for a 4,001st row throws
 * SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED, so every read must stop at the cap and continue after the
 * last internal id. A full sync of 4,500 contacts and a drain of 4,500 queued changes would
 * otherwise deliver nothing.
 */
import { startSyncHarness, type SyncHarness } from '../support/syncHarness';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sample: { customers: 600, contacts: 4500 } });
});

afterAll(async () => {
  await h?.stop();
});

test('a full sync reads more than 4,000 contacts and lands every one that has a company', async () => {
  h.runFullSync();
  const sample = h.sample!.counts;
  expect(sample.contacts).toBeGreaterThan(4000);
  expect(await h.accounts()).toHaveLength(sample.customers);
  expect(await h.contacts()).toHaveLength(await h.expectedSampleContacts());
});

test('a drain reads more than 4,000 queued changes and pushes each record once', async () => {
  const contacts = h.rt.store.rows('contact').filter((c) => c.values.company);
  expect(contacts.length).toBeGreaterThan(4000);
  const taken = await h.takesContact();
  for (const c of contacts) h.saveAs('CSVIMPORT').update('contact', Number(c.id), { title: `Title ${c.id}` });
  const mark = await h.requestMark();
  h.runDrainUntilIdle();
  const titles = new Map((await h.contacts()).map((c) => [c.user_id, c.fields.title]));
  for (const c of contacts) expect(titles.get(String(c.id))).toBe(taken(c) ? `Title ${c.id}` : undefined);
  const posts = await h.postsSince(mark);
  // 4,000+ contacts in batches of at most the configured size: a handful of POSTs, not thousands.
  expect(posts['/api/v2/account_contacts'] ?? 0).toBeLessThanOrEqual(10);
  // 4,500 saves and a drain in the local runtime: a guard against a hang, not a speed check
  // (a 2-core machine running other suites alongside needs about a minute).
}, 180_000);
