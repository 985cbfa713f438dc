import type { TransportResult } from '../../../src/TypeScript/domain/classify';
import { FreshsuccessClient } from '../../../src/TypeScript/freshsuccess/client';
import { matchFailures } from '../../../src/TypeScript/freshsuccess/failures';
import type { HttpPort, HttpRequest } from '../../../src/TypeScript/freshsuccess/httpPort';
import { T0 } from '../fixtures';

/** A plain fake port: answers from a queue, remembers what was sent. */
class ScriptedPort implements HttpPort {
  sent: HttpRequest[] = [];
  constructor(private answers: TransportResult[]) {}
  send(request: HttpRequest): TransportResult {
    this.sent.push(request);
    const next = this.answers.shift();
    if (!next) throw new Error('no scripted answer left');
    return next;
  }
}

const json = (body: unknown, status = 200): TransportResult => ({ kind: 'response', status, headers: {}, body: JSON.stringify(body) });

describe('FreshsuccessClient', () => {
  test('upserts post {records} as JSON to the region host, with no auth of its own', () => {
    const port = new ScriptedPort([json({ status_is_ok: true, failed_results: [] })]);
    const client = new FreshsuccessClient(port, 'eu', () => T0);
    const verdict = client.upsertAccounts([{ account_id: '1', name: 'A', join_date: 1 }]);
    expect(verdict).toMatchObject({ kind: 'ok', failures: [] });
    expect(port.sent).toEqual([
      {
        method: 'POST',
        url: 'https://api-eu.freshsuccess.com/api/v2/accounts',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{"records":[{"account_id":"1","name":"A","join_date":1}]}',
      },
    ]);
    expect(JSON.stringify(port.sent)).not.toMatch(/authorization|api_key/i);
  });

  test('contacts go to /account_contacts; deactivation is DELETE /accounts/{id} with the id URL-encoded', () => {
    const port = new ScriptedPort([json({ status_is_ok: true }), json({ status_is_ok: true })]);
    const client = new FreshsuccessClient(port, 'us', () => T0);
    client.upsertContacts([{ account_id: '1', user_id: '2' }]);
    client.deactivateAccount('ACME & Co');
    expect(port.sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://api-us.freshsuccess.com/api/v2/account_contacts',
      'DELETE https://api-us.freshsuccess.com/api/v2/accounts/ACME%20%26%20Co',
    ]);
  });

  test('one account is read with GET /accounts/{id}, the id URL-encoded; one that cannot be encoded is refused unsent', () => {
    const port = new ScriptedPort([json({ status_is_ok: false, message: 'Account not found' })]);
    const client = new FreshsuccessClient(port, 'us', () => T0);
    expect(client.getAccount('A/1')).toMatchObject({ kind: 'rejected', message: 'Account not found' });
    expect(client.getAccount('x\uD83D')).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/not valid Unicode text/) });
    expect(port.sent.map((r) => `${r.method} ${r.url}`)).toEqual(['GET https://api-us.freshsuccess.com/api/v2/accounts/A%2F1']);
  });

  test('paged lists: 0-based pages, inactive included, last page is the short one', () => {
    const full = Array.from({ length: 2 }, (_, i) => ({ account_id: String(i) }));
    const port = new ScriptedPort([json({ status_is_ok: true, results: full, current_page: 0, max_page_size: 2 }), json({ status_is_ok: true, results: [{ account_id: '9' }], current_page: 1, max_page_size: 2 })]);
    const client = new FreshsuccessClient(port, 'us', () => T0);
    const first = client.listPage('accounts', 0);
    const second = client.listPage('accounts', 1);
    expect([first.last, second.last]).toEqual([false, true]);
    expect(second.results).toEqual([{ account_id: '9' }]);
    expect(port.sent[1]?.url).toBe(
      'https://api-us.freshsuccess.com/api/v2/accounts?page=1&include_inactive=true&order_by=account_id&direction=asc&include=custom_label_dimensions%2Ccustom_value_dimensions%2Ccustom_event_dimensions',
    );
  });

  test('a failed page read is reported as the last page with its verdict', () => {
    const port = new ScriptedPort([json({ message: 'nope' }, 401)]);
    const page = new FreshsuccessClient(port, 'us', () => T0).listPage('account_contacts', 0);
    expect(page).toEqual({ verdict: { kind: 'auth', status: 401, message: 'nope', by: 'freshsuccess' }, results: [], last: true });
  });
});

describe('matchFailures', () => {
  test('by key first (account_id + user_id), by record index only as a fallback', () => {
    const sent = [{ account_id: 'A', user_id: '1' }, { account_id: 'A', user_id: '2' }, { account_id: 'B', user_id: '3' }];
    const { byIndex, unmatched } = matchFailures(sent, [
      { message: 'bad 2', accountId: 'A', userId: '2', index: 0 },
      { message: 'by index', index: 2 },
      { message: 'who?', accountId: 'Z' },
    ]);
    expect([...byIndex.entries()]).toEqual([[1, 'bad 2'], [2, 'by index']]);
    expect(unmatched).toEqual([{ message: 'who?', accountId: 'Z' }]);
  });
});
