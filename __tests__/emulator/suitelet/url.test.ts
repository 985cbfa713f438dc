/** N/url against a script catalog: script URLs, record pages, domains and query formatting. */
import { ScriptCatalog } from '../../../emulator/runtime/suitelet/catalog';
import { UrlResolver } from '../../../emulator/runtime/url/urlModule';
import { scripts, SCRIPT } from './support/harness';

const make = (accountId = 'TSTDRV1234567') => new UrlResolver({ accountId, catalog: new ScriptCatalog(scripts) });

describe('url.resolveScript', () => {
  it('returns the relative scriptlet URL with numeric internal ids, whichever ids it is given', () => {
    const urls = make();
    const byId = urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_all' });
    expect(byId).toMatch(/^\/app\/site\/hosting\/scriptlet\.nl\?script=(\d+)&deploy=(\d+)$/);
    const [, script, deploy] = /script=(\d+)&deploy=(\d+)/.exec(byId)!;
    expect(urls.resolveScript({ scriptId: Number(script), deploymentId: Number(deploy) })).toBe(byId);
    expect(urls.resolveScript({ scriptId: SCRIPT.toUpperCase(), deploymentId: deploy! })).toBe(byId);
  });

  it('appends params encoded, and numbers deployments apart', () => {
    const urls = make();
    const a = urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_config', params: { q: 'a b&c', n: 2, t: true } });
    expect(a).toMatch(/&q=a%20b%26c&n=2&t=true$/);
    const b = urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_all' });
    expect(a.split('&')[1]).not.toBe(b.split('&')[1]);
  });

  it('refuses unknown scripts, non-Suitelet scripts and missing arguments', () => {
    const urls = make();
    expect(() => urls.resolveScript({ scriptId: 'customscript_nope', deploymentId: 'x' })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SCRIPTLET_ID' }));
    expect(() => urls.resolveScript({ scriptId: 'customscript_fsc_ue_customer', deploymentId: 'customdeploy_fsc_ue_customer' })).toThrow(/no Suitelet or RESTlet/);
    expect(() => urls.resolveScript({ scriptId: SCRIPT })).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
    expect(() => urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_all', params: { a: { b: 1 } } })).toThrow(/string, number or boolean/);
  });

  it('builds external URLs on the account extforms host, sandbox ids with a dash', () => {
    const ext = make('1234567_SB1').resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_online', returnExternalUrl: true });
    expect(ext).toMatch(/^https:\/\/1234567-sb1\.extforms\.netsuite\.com\/app\/site\/hosting\/scriptlet\.nl\?script=\d+&deploy=\d+&compid=1234567_SB1&ns-at=[\w-]{20,}$/);
  });
});

describe('url.resolveRecord', () => {
  const urls = make();
  it.each([
    ['customer', '/app/common/entity/custjob.nl?id=7'],
    ['lead', '/app/common/entity/custjob.nl?id=7'],
    ['contact', '/app/common/entity/contact.nl?id=7'],
    ['employee', '/app/common/entity/employee.nl?id=7'],
    ['salesorder', '/app/accounting/transactions/salesord.nl?id=7'],
  ])('%s → %s', (recordType, expected) => {
    expect(urls.resolveRecord({ recordType, recordId: 7 })).toBe(expected);
  });

  it('adds e=T for edit mode, omits the id for a new record, and passes params', () => {
    expect(urls.resolveRecord({ recordType: 'CONTACT', recordId: '3', isEditMode: true, params: { from: 'sl' } })).toBe('/app/common/entity/contact.nl?id=3&e=T&from=sl');
    expect(urls.resolveRecord({ recordType: 'customer' })).toBe('/app/common/entity/custjob.nl');
  });

  it('points custom records at custrecordentry.nl with a stable numeric rectype', () => {
    const a = urls.resolveRecord({ recordType: 'customrecord_fsc_outbox', recordId: 5 });
    expect(a).toMatch(/^\/app\/common\/custom\/custrecordentry\.nl\?rectype=\d+&id=5$/);
    expect(urls.resolveRecord({ recordType: 'customrecord_fsc_outbox', recordId: 6 })).toBe(a.replace('id=5', 'id=6'));
    const given = new UrlResolver({ accountId: 'X', catalog: new ScriptCatalog(scripts), customRecordTypeId: () => 706 });
    expect(given.resolveRecord({ recordType: 'customrecord_fsc_outbox', recordId: 1 })).toBe('/app/common/custom/custrecordentry.nl?rectype=706&id=1');
  });

  it('refuses a record type it has no page for', () => {
    expect(() => urls.resolveRecord({ recordType: 'spaceship', recordId: 1 })).toThrow(expect.objectContaining({ name: 'INVALID_RCRD_TYPE' }));
  });
});

describe('url.resolveDomain and url.format', () => {
  const urls = make();
  it('names the account hosts', () => {
    expect(urls.resolveDomain({ hostType: 'APPLICATION' })).toBe('tstdrv1234567.app.netsuite.com');
    expect(urls.resolveDomain({ hostType: 'RESTLETS' })).toBe('tstdrv1234567.restlets.api.netsuite.com');
    expect(urls.resolveDomain({ hostType: 'FORM' })).toBe('tstdrv1234567.extforms.netsuite.com');
    expect(urls.resolveDomain({ hostType: 'APPLICATION', accountId: '555_SB2' })).toBe('555-sb2.app.netsuite.com');
    expect(() => urls.resolveDomain({ hostType: 'MOON' })).toThrow(/url.HostType/);
  });

  it('formats a query onto a domain', () => {
    expect(urls.format({ domain: 'https://x.example/p', params: { a: 1, b: 'é &' } })).toBe('https://x.example/p?a=1&b=%C3%A9%20%26');
    expect(urls.format({ domain: '/p?x=1', params: { y: 2 } })).toBe('/p?x=1&y=2');
    expect(() => urls.format({ params: {} })).toThrow(/options.domain/);
  });
});
