/**
 * The message shown after a POST on the admin page (POST, redirect, GET). It is kept for ten
 * minutes in N/cache under a random token carried by the redirect, so the URL holds no text a
 * link could forge. 1 unit to put, 1 to read.
 */
import * as cache from 'N/cache';
import { parseJson } from './values';

export interface Notice {
  level: 'confirmation' | 'information' | 'warning' | 'error';
  title: string;
  message: string;
}

export const NOTICE_PARAM = 'fsc_notice';

function store(): cache.Cache {
  return cache.getCache({ name: 'fsc_admin', scope: cache.Scope.PROTECTED });
}

export function putNotice(notice: Notice): string {
  let token = '';
  while (token.length < 24) token += Math.random().toString(36).slice(2);
  token = token.slice(0, 24);
  store().put({ key: `notice_${token}`, value: JSON.stringify(notice), ttl: 600 });
  return token;
}

export function takeNotice(token: string | undefined): Notice | null {
  if (!token || !/^[a-z0-9]{24}$/.test(token)) return null;
  return parseJson<Notice | null>(store().get({ key: `notice_${token}` }), null);
}
