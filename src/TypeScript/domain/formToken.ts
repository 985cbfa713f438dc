/**
 * Forged-request protection for the admin page. Every page the Suitelet renders carries a fresh
 * random token in a hidden field; the server keeps who it was issued to, for which form, and
 * until when. A POST acts only when it brings back a token this user was given for this form,
 * not yet used and not expired. A forged POST from another site cannot read the page, so it
 * cannot know a token. Pure: the caller supplies the random text, the clock and the store.
 */

/** Field that carries the token in the page's form. */
export const FORM_TOKEN_FIELD = 'custpage_form_token';

/** How long a rendered page can still act: long enough to read the page and type settings. */
export const FORM_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

/** What the server keeps for one issued token. */
export interface IssuedFormToken {
  userId: number;
  form: string;
  expiresAt: number;
}

/** Why a state-changing request was refused. */
export type FormTokenRefusal =
  | 'missing' // no token: not posted from the page's form
  | 'unknown' // never issued, already used, or dropped by the server
  | 'other_user' // issued to someone else
  | 'other_form' // issued for another form
  | 'expired'
  | 'in_query' // an action or token in the URL instead of the form
  | 'foreign_origin'; // the browser says the form was on another site

export type FormTokenCheck = { ok: true } | { ok: false; reason: FormTokenRefusal };

/** Tokens are 32 lower-case hex characters (a random v4 UUID without its dashes). */
const WELL_FORMED = /^[0-9a-f]{32}$/;

/** The token text from a random UUID (N/crypto/random). */
export function tokenFromUuid(uuid: string): string {
  const token = uuid.replace(/-/g, '').toLowerCase();
  if (!WELL_FORMED.test(token)) throw new Error('a form token needs 32 hex characters of randomness');
  return token;
}

export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === 'string' && WELL_FORMED.test(token);
}

export function issueFormToken(userId: number, form: string, now: number): IssuedFormToken {
  return { userId, form, expiresAt: now + FORM_TOKEN_TTL_MS };
}

/** Reads back what the store holds; anything else counts as no token. */
export function parseIssued(value: unknown): IssuedFormToken | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.userId !== 'number' || typeof v.form !== 'string' || typeof v.expiresAt !== 'number') return null;
  return { userId: v.userId, form: v.form, expiresAt: v.expiresAt };
}

/** The presented token against what the server issued for it (null: nothing known). */
export function checkFormToken(presented: string | undefined, issued: IssuedFormToken | null, expected: { userId: number; form: string; now: number }): FormTokenCheck {
  if (presented === undefined || presented === '') return { ok: false, reason: 'missing' };
  if (!isWellFormedToken(presented) || issued === null) return { ok: false, reason: 'unknown' };
  if (issued.userId !== expected.userId) return { ok: false, reason: 'other_user' };
  if (issued.form !== expected.form) return { ok: false, reason: 'other_form' };
  if (expected.now >= issued.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true };
}

/**
 * Checks that do not need the store: an action or token in the URL's query string (a link or an
 * image could carry it), and an Origin header naming another site. The Origin check only ever
 * refuses: a request without the header, or a page URL without a host, passes to the token check.
 */
export function checkRequestShape(request: { url: string; origin: string | undefined }, stateParams: readonly string[]): FormTokenCheck {
  const query = queryOf(request.url);
  if (stateParams.some((name) => query.has(name))) return { ok: false, reason: 'in_query' };
  const origin = request.origin?.trim();
  if (origin === undefined || origin === '') return { ok: true };
  const pageHost = hostOf(request.url);
  if (pageHost === null) return { ok: true };
  return hostOf(origin) === pageHost ? { ok: true } : { ok: false, reason: 'foreign_origin' };
}

function queryOf(url: string): Set<string> {
  const at = url.indexOf('?');
  const names = new Set<string>();
  if (at < 0) return names;
  for (const pair of url.slice(at + 1).split('#')[0]!.split('&')) {
    const name = pair.split('=')[0] ?? '';
    try {
      names.add(decodeURIComponent(name.replace(/\+/g, ' ')));
    } catch {
      names.add(name);
    }
  }
  return names;
}

/** scheme://host[:port] in lower case, or null for a relative URL or "null". */
function hostOf(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]+)/i.exec(url.trim());
  return m ? `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}` : null;
}

/** What the page says when it refuses; the page is shown again with a fresh token. */
export function describeRefusal(reason: FormTokenRefusal): { title: string; message: string } {
  const nothing = 'Nothing was changed.';
  switch (reason) {
    case 'missing':
      return { title: 'Request refused', message: `${nothing} The request did not come from this page's form (no form token). Use the buttons on this page.` };
    case 'unknown':
      return { title: 'Request refused', message: `${nothing} The form token is unknown or was already used (a page submitted twice, or opened before a restart). The page has been reloaded: submit again.` };
    case 'other_user':
      return { title: 'Request refused', message: `${nothing} The form was issued to another user. Use the page opened in your own session.` };
    case 'other_form':
      return { title: 'Request refused', message: `${nothing} The form token belongs to another page.` };
    case 'expired':
      return { title: 'Page expired', message: `${nothing} The page was open for more than ${FORM_TOKEN_TTL_MS / 3_600_000} hours. It has been reloaded: submit again.` };
    case 'in_query':
      return { title: 'Request refused', message: `${nothing} Actions are taken only from the page's own form, never from a link or address.` };
    case 'foreign_origin':
      return { title: 'Request refused', message: `${nothing} The request came from another site.` };
  }
}
