/**
 * A record that cannot be encoded is refused on its own, before any request: a lone surrogate in
 * a key, a value JSON cannot express. Lone surrogates in other text become U+FFFD.
 */
import { pushRecords } from '../../../src/TypeScript/app/pushRecords';
import { escapeLoneSurrogates, isWellFormed, sendable } from '../../../src/TypeScript/domain/sendable';
import type { TransportResult } from '../../../src/TypeScript/domain/classify';
import { FreshsuccessClient } from '../../../src/TypeScript/freshsuccess/client';
import type { HttpPort, HttpRequest } from '../../../src/TypeScript/freshsuccess/httpPort';

const HIGH = '\uD83D';
const LOW = '\uDE00';

test('well-formed text: pairs and plain text pass, either half alone does not', () => {
  expect(isWellFormed(`ok ${HIGH}${LOW} \uFFFD`)).toBe(true);
  expect(isWellFormed(`a${HIGH}`)).toBe(false);
  expect(isWellFormed(`${LOW}a`)).toBe(false);
  expect(isWellFormed(`${LOW}${HIGH}`)).toBe(false);
  expect(escapeLoneSurrogates(`x${HIGH}y${HIGH}${LOW}`)).toBe(`x\\ud83dy${HIGH}${LOW}`);
});

test('keys with a lone surrogate refuse the record; other text (dimension keys and values too) is repaired', () => {
  expect(sendable({ account_id: `K${HIGH}`, name: 'n' })).toEqual({ ok: false, reason: expect.stringMatching(/^account_id "K\\ud83d" is not valid Unicode text/) });
  expect(sendable({ account_id: 'K', user_id: `${LOW}u` })).toMatchObject({ ok: false, reason: expect.stringMatching(/^user_id "\\ude00u"/) });
  expect(sendable({ account_id: 'K', parent_account_id: `P${HIGH}` })).toMatchObject({ ok: false, reason: expect.stringMatching(/^parent_account_id/) });
  const repaired = sendable({ account_id: 'K', name: `A${HIGH}B`, custom_label_dimensions: [{ key: `k${LOW}`, value: `v${HIGH}${LOW}` }] });
  // Each replacement is said, by where it is (the payload preview shows it).
  expect(repaired).toEqual({ ok: true, payload: { account_id: 'K', name: 'A\uFFFDB', custom_label_dimensions: [{ key: 'k\uFFFD', value: `v${HIGH}${LOW}` }] }, replaced: ['name', 'custom_label_dimensions[0].key'] });
});

test('a payload without surrogates is sent as it is; text that only looks like an escape is not altered', () => {
  const plain = { account_id: 'K', name: 'Plain GmbH', custom_label_dimensions: [{ key: 'tier', value: 'Gold' }] };
  expect(sendable(plain)).toEqual({ ok: true, payload: plain, replaced: [] });
  // A backslash-u typed in NetSuite looks like an escaped surrogate in the JSON: checked in full, kept.
  expect(sendable({ account_id: 'K', name: 'C:\\ud800 path' })).toEqual({ ok: true, payload: { account_id: 'K', name: 'C:\\ud800 path' }, replaced: [] });
  // A valid pair is raw in the JSON: checked in full, kept.
  expect(sendable({ account_id: 'K', name: `smile ${HIGH}${LOW}` })).toEqual({ ok: true, payload: { account_id: 'K', name: `smile ${HIGH}${LOW}` }, replaced: [] });
});

test('a value JSON cannot express refuses the record with a reason', () => {
  const cyclic: Record<string, unknown> = { account_id: 'K' };
  cyclic['self'] = cyclic;
  expect(sendable(cyclic)).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot be written as JSON/) });
  expect(sendable({ account_id: 'K', n: BigInt(1) })).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot be written as JSON/) });
});

test('pushRecords: the unserialisable and the badly keyed records are data errors; the others go in one request and land', () => {
  const sent: Array<Array<{ account_id: string }>> = [];
  const budget = { used: 0, max: 10, authMessage: null };
  const outcomes = pushRecords(
    [{ account_id: 'a' }, { account_id: 'b', n: BigInt(2) }, { account_id: `c${HIGH}` }, { account_id: 'd', name: `D${LOW}` }],
    (records) => {
      sent.push(records);
      JSON.stringify(records); // what the client does: it must not throw
      return { kind: 'ok', body: {}, failures: [] };
    },
    budget,
  );
  expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'data', 'data', 'ok']);
  expect(sent).toEqual([[{ account_id: 'a' }, { account_id: 'd', name: 'D\uFFFD' }]]);
  expect(budget.used).toBe(1);
});

test('the client refuses a DELETE whose key cannot be URL-encoded as a verdict, never a throw, and sends nothing', () => {
  const sent: HttpRequest[] = [];
  const port: HttpPort = { send: (r: HttpRequest): TransportResult => (sent.push(r), { kind: 'response', status: 200, headers: {}, body: '{"status_is_ok":true}' }) };
  const client = new FreshsuccessClient(port, 'us', () => 0);
  expect(client.deactivateAccount(`ACME${HIGH}`)).toEqual({ kind: 'rejected', status: 0, message: expect.stringContaining('"ACME\\ud83d" cannot be put in a Freshsuccess URL') });
  expect(client.deleteDimension('ACME', 'labels', `plan${LOW}`)).toMatchObject({ kind: 'rejected', status: 0 });
  expect(sent).toEqual([]);
  expect(client.deleteDimension('ACME 1', 'values', 'seats')).toMatchObject({ kind: 'ok' });
  expect(sent.map((r) => r.url)).toEqual(['https://api-us.freshsuccess.com/api/v2/accounts/ACME%201/dimension_values/seats']);
});
