/**
 * The control API under /__fake/ (not part of Freshsuccess). The server only routes here for
 * requests whose Host is not a Freshsuccess host, so SuiteApp code — whose requests carry
 * api-us|api-eu.freshsuccess.com — can never reach it.
 */
import { publicConfig } from './config';
import type { FakeFreshsuccess } from './fake';
import { isObject } from './validate';

export interface ControlResponse {
  status: number;
  body: unknown;
}

const ok = (body: unknown): ControlResponse => ({ status: 200, body });

function idsOf(body: unknown): string[] {
  const ids = isObject(body) ? body.ids : undefined;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('a lookup expects {"ids": ["..."]}');
  return ids;
}

export function handleControl(fake: FakeFreshsuccess, method: string, route: string, query: URLSearchParams, body: unknown): ControlResponse {
  try {
    switch (`${method} ${route}`) {
      case 'GET state':
        return ok(fake.snapshot());
      // Serialised straight into the response: no copy of every record on the way.
      case 'GET accounts':
        return ok(fake.store.allAccounts());
      case 'GET contacts':
        return ok(fake.store.allContacts());
      // Some records by key: a large tenant's few records without transferring all of them.
      case 'POST accounts/lookup':
        return ok(fake.store.accountsByIds(idsOf(body)));
      case 'POST contacts/lookup':
        return ok(fake.store.contactsByUserIds(idsOf(body)));
      case 'GET summary':
        return ok(fake.store.summary());
      case 'GET requests':
        return ok(fake.requestsJson(Number(query.get('since') ?? '0') || 0, query.get('bodies') !== 'false'));
      case 'GET config':
        return ok(publicConfig(fake.config));
      case 'POST reset':
        fake.reset();
        return ok({ reset: true });
      case 'POST configure':
        return ok(publicConfig(fake.configure(body)));
      case 'GET faults':
        return ok(fake.faults.pending());
      case 'POST faults':
        fake.injectFaults(isObject(body) ? body.faults : body);
        return ok(fake.faults.pending());
      case 'DELETE faults':
        fake.faults.clear();
        return ok([]);
      case 'POST seed': {
        if (!isObject(body)) throw new Error('seed expects {"accounts": [...], "contacts": [...]}');
        const { accounts, contacts } = body;
        if ((accounts !== undefined && !Array.isArray(accounts)) || (contacts !== undefined && !Array.isArray(contacts))) {
          throw new Error('seed expects arrays');
        }
        return ok(fake.seed({ accounts, contacts }));
      }
      default:
        return { status: 404, body: { error: `no control route ${method} /__fake/${route}` } };
    }
  } catch (e) {
    return { status: 400, body: { error: (e as Error).message } };
  }
}
