/**
 * The naive baseline (bench/naive/scripts) and the end-to-end push fixture build their Basic auth
 * header themselves: each is deployed as standalone script files that cannot load the product's
 * modules. Here each copy runs against the local runtime's N/https and must give the same
 * SecureString recipe as the product's builder (freshsuccess/authorization.ts) for the same
 * secret: the same recipe puts the same bytes on the wire.
 */
import { basicAuthorization } from '../../../src/TypeScript/freshsuccess/authorization';
import { installHttps } from '../../../emulator/runtime/https/install';
import { SecureString } from '../../../emulator/runtime/https/secureString';
import { asScript, emptyRuntime } from '../../emulator/drivers/support/real-runtime';

const SECRET_ID = 'custsecret_fsc_api_key';
const rt = emptyRuntime();
const https = installHttps(rt);
https.vault.defineApiSecret(SECRET_ID, 'k-123', { allowedScriptIds: ['customscript_x'], allowedDomains: ['api-us.freshsuccess.com'] });
jest.doMock('N/https', () => https.module);

type Copy = { basicAuth(): unknown };
const recipe = (build: () => unknown) => SecureString.internals(asScript(rt, 'customscript_x', build) as SecureString);

test.each([
  ['the naive baseline', '../../../bench/naive/scripts/naive_payloads'],
  ['the end-to-end push fixture', '../../fixtures/e2e/scripts/mr_push'],
])('%s sends the product’s Authorization header', (_name, path) => {
  const copy = require(path) as Copy;
  const product = recipe(() => basicAuthorization(https.module as never, { kind: 'secret', id: SECRET_ID }));
  // "Basic " then base64 of "api:<key>", the key filled in by NetSuite when it sends.
  expect(product).toEqual({
    tokens: [SECRET_ID],
    steps: [
      { op: 'init', template: 'Basic ', encoding: 'UTF_8' },
      { op: 'appendSecure', keepEncoding: true, recipe: [{ op: 'init', template: `api:{${SECRET_ID}}`, encoding: 'UTF_8' }, { op: 'convert', from: 'UTF_8', to: 'BASE_64' }] },
    ],
  });
  expect(recipe(() => copy.basicAuth())).toEqual(product);
});
