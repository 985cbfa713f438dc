/**
 * The `Authorization: Basic …` header Freshsuccess accepts (user `api`, the API key as password),
 * built from NetSuite SecureStrings so no string here ever holds the key: the input names an API
 * Secret (`{custsecret_…}`) or a credential field's GUID (`{GUID}`), and NetSuite puts the key in
 * its place, base64-encoded, only when it sends the request. Written against the few SecureString
 * operations it needs, so it imports nothing of N/: netsuite/httpsPort.ts passes N/https.
 */
import type { SecretReference } from '../domain/config';

/** What the header needs of a SecureString. */
export interface SecureText<S, E> {
  appendSecureString(options: { secureString: S; keepEncoding?: boolean }): S;
  convertEncoding(options: { fromEncoding: E; toEncoding: E }): S;
}

/** What the header needs of N/https. */
export interface SecureStrings<S extends SecureText<S, E>, E> {
  createSecureString(options: { input: string }): S;
  Encoding: { UTF_8: E; BASE_64: E };
}

export function basicAuthorization<S extends SecureText<S, E>, E>(https: SecureStrings<S, E>, secret: SecretReference): S {
  const token = secret.kind === 'secret' ? secret.id : secret.guid;
  const credentials = https.createSecureString({ input: `api:{${token}}` }).convertEncoding({ fromEncoding: https.Encoding.UTF_8, toEncoding: https.Encoding.BASE_64 });
  return https.createSecureString({ input: 'Basic ' }).appendSecureString({ secureString: credentials, keepEncoding: true });
}
