/**
 * Typed client of the fake's control API (/__fake/...), used by tests, the benchmark and
 * `npm start` whether the fake runs in-process or as a child process.
 */
import type { ConfigPatch, FailedResult, FakeState, FakeSummary, Fault, PublicConfig, RequestLogEntry, StoredAccount, StoredContact } from './types';

export class FakeFreshsuccessControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__fake/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json()) as unknown;
    if (!response.ok) {
      const message = (data as { error?: string } | null)?.error ?? `HTTP ${response.status}`;
      throw new Error(`fake Freshsuccess control ${method} ${route}: ${message}`);
    }
    return data as T;
  }

  state(): Promise<FakeState> {
    return this.call('GET', 'state');
  }

  /** Every account, or only those with these ids (a large tenant's few without transferring all). */
  accounts(ids?: readonly string[]): Promise<StoredAccount[]> {
    return ids === undefined ? this.call('GET', 'accounts') : this.call('POST', 'accounts/lookup', { ids });
  }

  async account(accountId: string): Promise<StoredAccount | undefined> {
    return (await this.accounts([accountId]))[0];
  }

  /** Every contact, or only those with these user_ids. */
  contacts(userIds?: readonly string[]): Promise<StoredContact[]> {
    return userIds === undefined ? this.call('GET', 'contacts') : this.call('POST', 'contacts/lookup', { ids: userIds });
  }

  /** Ends every pending `delay` fault now: a request held before its write is applied only then (a late write). */
  async releaseDelays(): Promise<void> {
    await this.call('POST', 'delays/release');
  }

  /** Counts of accounts and contacts and their accepted writes, without transferring them. */
  summary(): Promise<FakeSummary> {
    return this.call('GET', 'summary');
  }

  /** API requests seen, oldest first; `sinceSeq` returns only later ones. */
  /** `bodies: false` leaves the bodies out (a bulk POST still names its records in `recordKeys`). */
  requests(sinceSeq = 0, options: { bodies?: boolean } = {}): Promise<RequestLogEntry[]> {
    return this.call('GET', `requests?since=${sinceSeq}${options.bodies === false ? '&bodies=false' : ''}`);
  }

  config(): Promise<PublicConfig> {
    return this.call('GET', 'config');
  }

  /** Clears data, faults and the log, and restores the start-up configuration. */
  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  configure(patch: ConfigPatch): Promise<PublicConfig> {
    return this.call('POST', 'configure', patch);
  }

  injectFaults(faults: Fault[]): Promise<Fault[]> {
    return this.call('POST', 'faults', faults);
  }

  pendingFaults(): Promise<Fault[]> {
    return this.call('GET', 'faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  /** Writes data directly (validated like the API, no auth, no faults, not logged). */
  seed(data: { accounts?: unknown[]; contacts?: unknown[] }): Promise<{ accounts: FailedResult[]; contacts: FailedResult[] }> {
    return this.call('POST', 'seed', data);
  }
}
