import { describeConnection, testConnection } from '../../../src/TypeScript/app/adminConnection';
import type { TransportResult } from '../../../src/TypeScript/domain/classify';
import type { Region, SecretReference } from '../../../src/TypeScript/domain/config';
import { FreshsuccessClient } from '../../../src/TypeScript/freshsuccess/client';
import type { HttpRequest } from '../../../src/TypeScript/freshsuccess/httpPort';

const SECRET: SecretReference = { kind: 'secret', id: 'custsecret_fs' };
const json = (status: number, body: unknown): TransportResult => ({ kind: 'response', status, headers: {}, body: JSON.stringify(body) });

/** A Freshsuccess stand-in per host: answers by region, records what was asked. */
function world(answer: Partial<Record<Region, TransportResult>>) {
  const asked: HttpRequest[] = [];
  const clientFor = (region: Region) =>
    new FreshsuccessClient({ send: (r) => (asked.push(r), answer[region] ?? json(500, { message: 'no answer set' })) }, region, () => 0);
  return { asked, clientFor };
}

test('OK: one GET of the first accounts page in the chosen region', () => {
  const w = world({ eu: json(200, { status_is_ok: true, results: [{ account_id: '1' }, { account_id: '2' }], current_page: 0, max_page_size: 1000 }) });
  const outcome = testConnection({ region: 'eu', secret: SECRET }, w.clientFor);
  expect(outcome).toEqual({ kind: 'ok', region: 'eu', accountsOnFirstPage: 2 });
  expect(w.asked).toHaveLength(1);
  expect(w.asked[0]).toMatchObject({ method: 'GET' });
  expect(w.asked[0]?.url).toMatch(/^https:\/\/api-eu\.freshsuccess\.com\/api\/v2\/accounts\?page=0/);
  expect(describeConnection(outcome)).toMatchObject({ ok: true, title: 'Connection OK' });
});

test('401 in both regions: the key is refused', () => {
  const w = world({ us: json(401, { message: 'Unauthorized' }), eu: json(401, { message: 'Unauthorized' }) });
  const outcome = testConnection({ region: 'us', secret: SECRET }, w.clientFor);
  expect(outcome).toEqual({ kind: 'refused', region: 'us', status: 401, message: 'Unauthorized' });
  expect(describeConnection(outcome).title).toBe('Key refused (HTTP 401)');
});

test('refused here but accepted in the other data centre: wrong region', () => {
  const w = world({ us: json(403, { message: 'Forbidden' }), eu: json(200, { status_is_ok: true, results: [] }) });
  const outcome = testConnection({ region: 'us', secret: SECRET }, w.clientFor);
  expect(outcome).toEqual({ kind: 'wrong_region', region: 'us', worksIn: 'eu' });
  expect(describeConnection(outcome).message).toMatch(/choose EU/);
});

test('a dropped connection or timeout is a network problem; a 500 is a Freshsuccess problem', () => {
  const drop = world({ us: { kind: 'network', reason: 'connection', message: 'SSS_CONNECTION_CLOSED' } });
  expect(testConnection({ region: 'us', secret: SECRET }, drop.clientFor)).toMatchObject({ kind: 'network' });
  const slow = world({ us: { kind: 'network', reason: 'timeout', message: 'SSS_REQUEST_TIME_EXCEEDED' } });
  expect(describeConnection(testConnection({ region: 'us', secret: SECRET }, slow.clientFor)).title).toBe('Freshsuccess could not be reached');
  const down = world({ us: json(503, { message: 'Service unavailable' }) });
  const outcome = testConnection({ region: 'us', secret: SECRET }, down.clientFor);
  expect(outcome).toMatchObject({ kind: 'error' });
  expect(describeConnection(outcome).ok).toBe(false);
});

test('no key reference: nothing is sent', () => {
  const w = world({});
  expect(testConnection({ region: 'us', secret: null }, w.clientFor)).toEqual({ kind: 'no_key' });
  expect(w.asked).toHaveLength(0);
});
