/** Hosts and URLs of the Freshsuccess Account API v2: one host per data centre, the v2 path, the endpoints this SuiteApp uses. */
import type { Region } from '../domain/config';

export const HOSTS: Record<Region, string> = { us: 'api-us.freshsuccess.com', eu: 'api-eu.freshsuccess.com' };

export function hostFor(region: Region): string {
  return HOSTS[region];
}

export function apiUrl(region: Region, path: string, query: Record<string, string | number | boolean> = {}): string {
  const qs = Object.keys(query)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(query[k]))}`)
    .join('&');
  return `https://${hostFor(region)}/api/v2/${path}${qs ? `?${qs}` : ''}`;
}
