/**
 * Hostile keys: customers keyed by their entity id (what a user types as the customer id). A key
 * Freshsuccess cannot use is dead-lettered alone with its reason (and so are its contacts); a key
 * it can use — whatever its script — lands, and its delete deactivates it through a URL-encoded
 * DELETE. All cases share batches; the last test checks nothing was lost or left queued.
 */
import { startSyncHarness, type SyncHarness } from '../e2e/support/syncHarness';
import type { RecordCase } from './catalogue';

let h: SyncHarness;

/** A key Freshsuccess cannot take: the customer and its contact are dead-lettered with the reason. */
function unusableKey(name: string, entityid: string, reason: RegExp): RecordCase {
  return {
    name,
    enter: (k) => {
      const id = k.createCustomer({ companyname: `Unusable ${name}`, entityid });
      const person = k.createContact({ firstname: 'Key', lastname: 'Holder', company: String(id), email: `holder${id}@keys.test` });
      return { id, person };
    },
    check: async (k, ids) => {
      for (const [kind, id] of [['customer', ids['id']!], ['contact', ids['person']!]] as const) {
        const dead = k.outboxFor(kind, id).filter((e) => e.status === 'DEAD');
        expect(dead).toHaveLength(1);
        expect(dead[0]?.recordIds).toEqual([String(id)]);
        expect(dead[0]?.lastError).toMatch(reason);
        expect(dead[0]?.hint).not.toBe('');
      }
      expect(await k.contactOf(ids['person']!)).toBeUndefined();
    },
  };
}

/** A key Freshsuccess can take: it lands under exactly that key, and deleting the customer deactivates it. */
function usableKey(name: string, entityid: string, key: string): RecordCase {
  return {
    name,
    enter: (k) => ({ id: k.createCustomer({ companyname: `Usable ${name}`, entityid }) }),
    then: (k, ids) => k.rt.ui.delete('customer', ids['id']!),
    check: async (k, ids) => {
      const account = await k.accountOf(key);
      expect(account?.fields.name).toBe(`Usable ${name}`);
      expect(account?.isActive).toBe(false);
      expect(k.outboxFor('customer', ids['id']!).filter((e) => e.status === 'DEAD')).toEqual([]);
    },
  };
}

const CASES: RecordCase[] = [
  unusableKey('a slash in the key', 'ACME/EU', /account_id "ACME\/EU" contains \/ \? # or %/),
  unusableKey('a question mark in the key', 'WHO?', /contains \/ \? # or %/),
  unusableKey('a hash in the key', 'NO#1', /contains \/ \? # or %/),
  unusableKey('a percent sign in the key', '100%', /contains \/ \? # or %/),
  unusableKey('a markup key (its closing tag has a slash)', '<b>K</b>', /contains \/ \? # or %/),
  unusableKey('a lone surrogate in the key', 'CUST-\uD83D', /account_id "CUST-\\ud83d" is not valid Unicode text/),
  unusableKey('a 256-character key', 'K'.repeat(256), /account_id is longer than 255 characters/),
  usableKey('a right-to-left key', 'شركة-٧', 'شركة-٧'),
  usableKey('an emoji key', 'ROCKET-🚀', 'ROCKET-🚀'),
  usableKey('a key with spaces, an ampersand and a plus', 'A & B + C', 'A & B + C'),
  usableKey('a key with spaces around it (trimmed)', '  PADDED-7  ', 'PADDED-7'),
  usableKey('a 255-character key', 'L'.repeat(255), 'L'.repeat(255)),
];

let entered: Array<Record<string, number | string>> = [];

beforeAll(async () => {
  h = await startSyncHarness({ config: { accountIdSource: 'entityid' } });
  entered = CASES.map((c) => c.enter(h));
  h.runDrainUntilIdle();
  CASES.forEach((c, i) => c.then?.(h, entered[i]!));
  h.runDrainUntilIdle();
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

test.each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
  await CASES[i]!.check(h, entered[i]!);
});

test('nothing left queued and no instance failed', () => {
  expect(h.queued()).toEqual({ pending: 0, retries: [] });
  expect(h.state()?.lastRun).toMatchObject({ failedBatches: 0 });
});
