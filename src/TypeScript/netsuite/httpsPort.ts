/**
 * The HTTP port over N/https. The Freshsuccess key is only ever a SecureString here: the
 * `Authorization: Basic …` header comes from freshsuccess/authorization.ts over N/https. No
 * string in this file ever holds the key, and error messages are reduced to NetSuite's error code
 * and a generic text.
 */
import * as https from 'N/https';
import type { TransportResult } from '../domain/classify';
import type { SecretReference } from '../domain/config';
import { basicAuthorization } from '../freshsuccess/authorization';
import type { HttpPort, HttpRequest } from '../freshsuccess/httpPort';

const TIMEOUT = /TIME_EXCEEDED|TIME_OUT|TIMEOUT/i;

export function netsuiteHttp(secret: SecretReference): HttpPort {
  let auth: https.SecureString | null = null;
  return {
    send(request: HttpRequest): TransportResult {
      try {
        auth = auth ?? basicAuthorization(https, secret);
        const headers: Record<string, string | https.SecureString> = { ...request.headers, Authorization: auth };
        const response = https.request({
          method: request.method as unknown as https.Method,
          url: request.url,
          headers: headers as unknown as Record<string, string>,
          body: request.body,
        });
        return { kind: 'response', status: response.code, headers: (response.headers ?? {}) as Record<string, string>, body: response.body ?? '' };
      } catch (e) {
        const name = String((e as { name?: unknown }).name ?? 'UNEXPECTED_ERROR');
        // An unknown or restricted key reference: NetSuite refused before anything was sent.
        if (/SECRET|GUID|CREDENTIAL/i.test(name)) return { kind: 'key_reference', message: `NetSuite refused to use the key reference (${name})` };
        return { kind: 'network', reason: TIMEOUT.test(name) ? 'timeout' : 'connection', message: name };
      }
    },
  };
}
