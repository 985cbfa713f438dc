/**
 * Freshsuccess Account API v2 client over the HTTP port: bulk upserts, account deactivation and
 * paged reads. It returns classified verdicts; deciding what to do with them is the use cases'.
 */
import { classify, type Verdict } from '../domain/classify';
import type { Region } from '../domain/config';
import type { AccountPayload, ContactPayload } from '../domain/types';
import { escapeLoneSurrogates } from '../domain/sendable';
import { apiUrl } from './endpoints';
import type { HttpPort, HttpRequest } from './httpPort';

export type Endpoint = 'accounts' | 'account_contacts';

export interface Page {
  verdict: Verdict;
  results: Array<Record<string, unknown>>;
  /** A page shorter than the max_page_size Freshsuccess reports is the last one. */
  last: boolean;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

export class FreshsuccessClient {
  constructor(
    private readonly http: HttpPort,
    private readonly region: Region,
    private readonly now: () => number,
  ) {}

  upsertAccounts(records: readonly AccountPayload[]): Verdict {
    return this.post('accounts', records);
  }

  upsertContacts(records: readonly ContactPayload[]): Verdict {
    return this.post('account_contacts', records);
  }

  /** DELETE /accounts/{id} deactivates the account (as Freshsuccess documents it for accounts). */
  deactivateAccount(accountId: string): Verdict {
    return this.onPath('DELETE', ['accounts', accountId]);
  }

  /**
   * GET /accounts/{id}: one account [doc]. Only whether it exists is read (ok, or a "not found"
   * verdict): how the item is wrapped in the answer is [open].
   */
  getAccount(accountId: string): Verdict {
    return this.onPath('GET', ['accounts', accountId]);
  }

  /** DELETE /accounts/{id}/dimension_labels|dimension_values/{key}: removes one dimension value [client]. */
  deleteDimension(accountId: string, dimension: 'labels' | 'values', key: string): Verdict {
    return this.onPath('DELETE', ['accounts', accountId, `dimension_${dimension}`, key]);
  }

  /** One page of a list, 0-based; inactive records included so reconcile sees churned ones. */
  listPage(endpoint: Endpoint, page: number): Page {
    const query: Record<string, string | number | boolean> = { page, include_inactive: true, order_by: endpoint === 'accounts' ? 'account_id' : 'user_id', direction: 'asc' };
    if (endpoint === 'accounts') query['include'] = 'custom_label_dimensions,custom_value_dimensions,custom_event_dimensions';
    else query['include_dimensions'] = true;
    const verdict = this.call({ method: 'GET', url: apiUrl(this.region, endpoint, query), headers: { Accept: 'application/json' } });
    if (verdict.kind !== 'ok') return { verdict, results: [], last: true };
    const body = verdict.body as Record<string, unknown>;
    const results = Array.isArray(body['results']) ? (body['results'] as Array<Record<string, unknown>>) : [];
    const size = typeof body['max_page_size'] === 'number' ? body['max_page_size'] : 1000;
    return { verdict, results, last: results.length < size };
  }

  private post(endpoint: Endpoint, records: ReadonlyArray<object>): Verdict {
    return this.call({ method: 'POST', url: apiUrl(this.region, endpoint), headers: { ...JSON_HEADERS }, body: JSON.stringify({ records }) });
  }

  /**
   * A path segment that cannot be encoded (encodeURIComponent throws URIError on a lone
   * surrogate) is refused as this one request's data error, never thrown: a throw would fail
   * the whole batch and every record in it with it.
   */
  private onPath(method: 'GET' | 'DELETE', segments: string[]): Verdict {
    const encoded: string[] = [];
    for (const segment of segments) {
      try {
        encoded.push(encodeURIComponent(segment));
      } catch {
        return { kind: 'rejected', status: 0, message: `"${escapeLoneSurrogates(segment)}" cannot be put in a Freshsuccess URL: it is not valid Unicode text` };
      }
    }
    return this.call({ method, url: apiUrl(this.region, encoded.join('/')), headers: { Accept: 'application/json' } });
  }

  private call(request: HttpRequest): Verdict {
    return classify(this.http.send(request), this.now());
  }
}
