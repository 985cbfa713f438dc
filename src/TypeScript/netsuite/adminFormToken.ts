/**
 * The admin page's form tokens, kept server-side in a PRIVATE N/cache (only this Suitelet can
 * read it) for as long as they are valid. A token is random (N/crypto/random, no governance),
 * bound to the user and the form, and used once: a check removes it. N/cache may drop an entry
 * early; that token is then refused as unknown and the page simply asks to submit again.
 * Units: 1 to issue (put), 2 to check (get, remove).
 */
import * as cache from 'N/cache';
import * as random from 'N/crypto/random';
import * as runtime from 'N/runtime';
import { checkFormToken, checkRequestShape, FORM_TOKEN_FIELD, FORM_TOKEN_TTL_MS, isWellFormedToken, issueFormToken, parseIssued, tokenFromUuid, type FormTokenCheck } from '../domain/formToken';
import { parseJson } from './values';

/** Parameters that change something when posted: never accepted from the URL. */
const STATE_PARAMS: readonly string[] = [FORM_TOKEN_FIELD, 'custpage_action'];

function store(): cache.Cache {
  return cache.getCache({ name: 'fsc_admin_forms', scope: cache.Scope.PRIVATE });
}

const key = (token: string) => `form_${token}`;

/** Kept an hour past expiry so a late submit is told "expired" rather than "unknown". */
const KEEP_S = Math.ceil(FORM_TOKEN_TTL_MS / 1000) + 3600;

/** A new token for the page about to be rendered (1 unit). */
export function issueAdminFormToken(form: string, now: number): string {
  const token = tokenFromUuid(random.generateUUID());
  const issued = issueFormToken(runtime.getCurrentUser().id, form, now);
  store().put({ key: key(token), value: JSON.stringify(issued), ttl: KEEP_S });
  return token;
}

/**
 * Whether this POST may change anything: the URL and Origin first (free), then the token, which
 * is spent whatever the answer so it can never be replayed.
 */
export function checkAdminPost(request: { url: string; headers: Record<string, string>; parameters: Record<string, unknown> }, form: string, now: number): FormTokenCheck {
  const origin = request.headers.origin ?? request.headers.Origin;
  const shape = checkRequestShape({ url: request.url, origin }, STATE_PARAMS);
  if (!shape.ok) return shape;
  const raw = request.parameters[FORM_TOKEN_FIELD];
  const presented = typeof raw === 'string' ? raw : undefined;
  if (!isWellFormedToken(presented)) return checkFormToken(presented, null, { userId: runtime.getCurrentUser().id, form, now });
  const tokens = store();
  const issued = parseIssued(parseJson<unknown>(tokens.get({ key: key(presented) }), null));
  if (issued !== null) tokens.remove({ key: key(presented) });
  return checkFormToken(presented, issued, { userId: runtime.getCurrentUser().id, form, now });
}
