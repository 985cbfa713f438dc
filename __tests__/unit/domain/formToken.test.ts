import { checkFormToken, checkRequestShape, describeRefusal, FORM_TOKEN_TTL_MS, issueFormToken, parseIssued, tokenFromUuid, type FormTokenRefusal } from '../../../src/TypeScript/domain/formToken';

const FORM = 'customscript_fsc_sl_admin/customdeploy_fsc_sl_admin';
const T0 = Date.UTC(2026, 0, 5, 9);
const TOKEN = tokenFromUuid('3F2504E0-4F89-41D3-9A0C-0305E82C3301');
const issued = issueFormToken(7, FORM, T0);
const expect7 = (now = T0 + 1000) => ({ userId: 7, form: FORM, now });

test('a token is the UUID without dashes, in lower case; too little randomness is refused', () => {
  expect(TOKEN).toBe('3f2504e04f8941d39a0c0305e82c3301');
  expect(() => tokenFromUuid('1234')).toThrow(/32 hex/);
});

test('the issued token, by the same user, for the same form, before expiry, passes', () => {
  expect(checkFormToken(TOKEN, issued, expect7())).toEqual({ ok: true });
  expect(checkFormToken(TOKEN, issued, expect7(T0 + FORM_TOKEN_TTL_MS - 1))).toEqual({ ok: true });
});

test.each<[string, string | undefined, ReturnType<typeof parseIssued>, { userId: number; form: string; now: number }, FormTokenRefusal]>([
  ['no token', undefined, issued, expect7(), 'missing'],
  ['an empty token', '', issued, expect7(), 'missing'],
  ['a malformed token', 'x'.repeat(32), issued, expect7(), 'unknown'],
  ['a token the server does not hold', TOKEN, null, expect7(), 'unknown'],
  ["another user's token", TOKEN, issued, { ...expect7(), userId: 8 }, 'other_user'],
  ['a token of another form', TOKEN, issued, { ...expect7(), form: 'customscript_x/customdeploy_x' }, 'other_form'],
  ['an expired token', TOKEN, issued, expect7(T0 + FORM_TOKEN_TTL_MS), 'expired'],
])('%s is refused', (_name, presented, stored, expected, reason) => {
  expect(checkFormToken(presented, stored, expected)).toEqual({ ok: false, reason });
  expect(describeRefusal(reason).message).toMatch(/^Nothing was changed\./);
});

test('what the store holds is read back only when it has the three fields', () => {
  expect(parseIssued(JSON.parse(JSON.stringify(issued)))).toEqual(issued);
  expect(parseIssued({ userId: '7', form: FORM, expiresAt: 1 })).toBeNull();
  expect(parseIssued(null)).toBeNull();
});

test('an action or token in the query string is refused; the Origin only ever refuses', () => {
  const page = 'https://1234567.app.netsuite.com/app/site/hosting/scriptlet.nl?script=12&deploy=1';
  const params = ['custpage_form_token', 'custpage_action'];
  expect(checkRequestShape({ url: page, origin: undefined }, params)).toEqual({ ok: true });
  expect(checkRequestShape({ url: page, origin: 'https://1234567.app.netsuite.com' }, params)).toEqual({ ok: true });
  expect(checkRequestShape({ url: page, origin: 'HTTPS://1234567.APP.NETSUITE.COM' }, params)).toEqual({ ok: true });
  expect(checkRequestShape({ url: `${page}&custpage_action=fullsync`, origin: undefined }, params)).toEqual({ ok: false, reason: 'in_query' });
  expect(checkRequestShape({ url: `${page}&custpage%5Faction=fullsync`, origin: undefined }, params)).toEqual({ ok: false, reason: 'in_query' });
  expect(checkRequestShape({ url: `${page}&custpage_form_token=abc`, origin: undefined }, params)).toEqual({ ok: false, reason: 'in_query' });
  expect(checkRequestShape({ url: page, origin: 'https://evil.example' }, params)).toEqual({ ok: false, reason: 'foreign_origin' });
  expect(checkRequestShape({ url: page, origin: 'null' }, params)).toEqual({ ok: false, reason: 'foreign_origin' });
  expect(checkRequestShape({ url: page, origin: 'https://1234567.app.netsuite.com.evil.example' }, params)).toEqual({ ok: false, reason: 'foreign_origin' });
  // A relative page URL gives nothing to compare with: the token decides.
  expect(checkRequestShape({ url: '/app/site/hosting/scriptlet.nl?script=12&deploy=1', origin: 'https://evil.example' }, params)).toEqual({ ok: true });
});
