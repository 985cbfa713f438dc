/**
 * The Suitelet server over real HTTP: a fixture Suitelet compiled from TypeScript like the
 * product's build, served at NetSuite's URL shape, with forms, POST round trips, credential
 * fields, redirects, deployment status and audience, error pages and governance.
 */
import { formAction, formToken, pathFor, SCRIPT, OWNER, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.rt.logs.length = 0;
  h.rt.ledger.reset();
  h.server.requests.length = 0;
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(h.server.url(path), { headers, redirect: 'manual' });
const post = (path: string, form: [string, string][], headers: Record<string, string> = {}) =>
  fetch(h.server.url(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

describe('the built fixture', () => {
  it('is AMD with the SuiteScript header first, as the product build emits it', () => {
    expect(h.builtSource.startsWith('/**')).toBe(true);
    expect(h.builtSource).toMatch(/@NApiVersion 2\.1/);
    expect(h.builtSource.match(/define\(/g)).toHaveLength(1);
  });
});

describe('GET renders the form as accessible HTML', () => {
  let html: string;
  let response: Response;
  beforeAll(async () => {
    response = await fetch(h.server.url(pathFor('customdeploy_fsc_sl_config')));
    html = await response.text();
  });

  it('answers 200 with an HTML page titled after the form', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<title>Freshsuccess settings for Acme</title>');
    expect(html).toContain('<h1>Freshsuccess settings for Acme</h1>');
  });

  it('renders field groups as fieldsets with legends holding their fields', () => {
    const conn = /<fieldset id="custpage_conn"[^>]*>\s*<legend>Connection<\/legend>([\s\S]*?)<\/fieldset>/.exec(html);
    expect(conn).not.toBeNull();
    expect(conn![1]).toContain('id="custpage_region"');
    expect(conn![1]).toContain('id="custpage_apikey"');
    expect(html).toMatch(/<fieldset id="custpage_opts"[^>]*>\s*<legend>Options for Acme<\/legend>/);
  });

  it('binds every label to its input and marks mandatory fields', () => {
    for (const id of ['custpage_region', 'custpage_apikey', 'custpage_name', 'custpage_active', 'custpage_dims', 'custpage_batch']) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toMatch(new RegExp(`<(input|select)[^>]* id="${id}"`));
    }
    expect(html).toMatch(/<select id="custpage_region" name="custpage_region" required aria-required="true">/);
    expect(html).toContain('<option value="eu" selected>Europe Acme</option>');
    expect(html).toMatch(/<select id="custpage_dims" name="custpage_dims" multiple>/);
    expect(html).toMatch(/<input type="checkbox" id="custpage_active" name="custpage_active" value="T" checked>/);
    expect(html).toMatch(/id="custpage_batch"[^>]*inputmode="numeric" value="50"/);
  });

  it('links help text to its field, shows INLINE values as text and carries HIDDEN ones', () => {
    expect(html).toMatch(/id="custpage_name"[^>]*aria-describedby="custpage_name_help"/);
    expect(html).toContain('<p id="custpage_name_help" class="ns-help">Shown as Acme</p>');
    expect(html).toContain('<span class="ns-inline" id="custpage_status" aria-labelledby="custpage_status_label">Last run for Acme</span>');
    expect(html).toContain('<input type="hidden" id="custpage_version" name="custpage_version" value="3">');
  });

  it('renders the credential field as a password input with the raised maximum length and no value', () => {
    expect(html).toMatch(/<input type="password" id="custpage_apikey" name="custpage_apikey"[^>]* value="" autocomplete="new-password" maxlength="256" data-credential="T">/);
    expect(html).toMatch(/<input type="password" id="custpage_shortkey"[^>]* maxlength="32" data-credential="T">/);
  });

  it('renders the sublist as a table with column headers and editable cells where NetSuite allows them', () => {
    const table = /<section class="ns-sublist" id="custpage_accounts"[^>]*>([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(table).toContain('<h2 id="custpage_accounts_title">Recent accounts</h2>');
    expect(table).toContain('<th scope="col" id="custpage_accounts_custpage_sync_h">Resync</th>');
    expect(table).toContain('<th scope="col" id="custpage_accounts_custpage_id_h">Internal ID</th>');
    expect(table.match(/<tr>/g)).toHaveLength(4); // header + 3 lines
    // LIST: checkbox editable, plain text shown and carried hidden, ENTRY editable.
    expect(table).toContain('<input type="checkbox" id="custpage_accounts_custpage_sync_0" name="custpage_accounts[0][custpage_sync]" value="T" aria-label="Resync, line 1">');
    expect(table).toContain('101<input type="hidden" name="custpage_accounts[0][custpage_id]" value="101">');
    expect(table).toContain('<input type="text" id="custpage_accounts_custpage_note_0" name="custpage_accounts[0][custpage_note]" value="first Acme" aria-label="Note, line 1">');
  });

  it('shows page messages in status and alert regions', () => {
    expect(html).toContain('<div class="ns-message ns-message-confirmation" role="status"><p class="ns-message-title"><strong>Saved</strong></p><p>Settings saved for Acme</p></div>');
    expect(html).toContain('<div class="ns-message ns-message-error" role="alert"><p class="ns-message-title"><strong>Last sync failed</strong></p><p>HTTP 429</p></div>');
  });

  it('keeps the page usable without the client script: submit works, client-function buttons are marked inactive', () => {
    expect(html).toContain('data-client-script="./cs_fixture_config.js"');
    expect(html).toContain('<button type="submit" name="submitter" value="Save settings">Save settings</button>');
    expect(html).toContain('<button type="button" id="custpage_test" name="custpage_test" data-function="testConnection" disabled aria-describedby="ns_client_note">Test connection</button>');
    expect(html).toContain('id="ns_client_note"');
    // The only scripts: RequireJS and the boot code, after the form; the module path resolved from the Suitelet's file.
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/__runtime/client/require.js">',
      '<script id="ns_client_boot" src="/__runtime/client/boot.js" data-module="SuiteApps/com.freshsync.connector/entry/cs_fixture_config" data-base-url="/__runtime/cabinet" data-n-url="/__runtime/client/N">',
    ]);
    expect(html.indexOf('<script')).toBeGreaterThan(html.indexOf('</form>'));
  });

  it('has unique ids, and every label and ARIA reference points at an element of the page', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...html.matchAll(/\s(?:for|aria-describedby|aria-labelledby)="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !ids.includes(r))).toEqual([]);
  });

  it('posts the form back to the URL it was served from', () => {
    expect(formAction(html)).toBe(pathFor('customdeploy_fsc_sl_config'));
  });
});

describe('client scripts', () => {
  it('serves RequireJS, the boot code, N/currentRecord and File Cabinet JavaScript, and nothing else', async () => {
    for (const path of ['/__runtime/client/require.js', '/__runtime/client/boot.js', '/__runtime/client/N/currentRecord.js', '/__runtime/cabinet/SuiteApps/com.freshsync.connector/entry/cs_fixture_config.js']) {
      const res = await get(path);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, 'text/javascript; charset=utf-8']);
      expect((await res.text()).length).toBeGreaterThan(500);
    }
    // No server module in the browser, no way out of the File Cabinet, nothing but scripts.
    for (const path of ['/__runtime/client/N/https.js', '/__runtime/cabinet/../package.json', '/__runtime/cabinet/%2e%2e/%2e%2e/package.js', '/__runtime/cabinet/SuiteApps/com.freshsync.connector/entry/missing.js', '/__runtime/cabinet/Objects/x.xml']) {
      expect([path, (await get(path)).status]).toEqual([path, 404]);
    }
  });

  it('fails the page, as NetSuite does, when the client script is missing or is not a 2.1 ClientScript', async () => {
    const missing = await get(`${pathFor('customdeploy_fsc_sl_config')}&clientScript=./cs_nowhere.js`);
    expect(missing.status).toBe(500);
    expect(await missing.text()).toMatch(/MODULE_DOES_NOT_EXIST[\s\S]*\/SuiteApps\/com\.freshsync\.connector\/entry\/cs_nowhere\.js/);
    const notClient = await get(`${pathFor('customdeploy_fsc_sl_config')}&clientScript=/SuiteApps/com.freshsync.connector/entry/sl_fixture_config.js`);
    expect(notClient.status).toBe(500);
    expect(await notClient.text()).toMatch(/INVALID_SCRIPT_TYPE[\s\S]*sl_fixture_config\.js is not a client script \(its @NScriptType is Suitelet\)/);
  });
});

describe('POST round trip', () => {
  async function submit(fields: [string, string][]) {
    const page = await (await get(pathFor('customdeploy_fsc_sl_config'))).text();
    const res = await post(formAction(page) + '&from=query', [['_emu_form', formToken(page)], ...fields]);
    expect(res.status).toBe(200);
    return (await res.json()) as { parameters: Record<string, string>; body: string; lineCount: number; lines: Record<string, string | null>[] };
  }

  it('merges query and form parameters, fills unchecked checkboxes with F and joins multi-selects', async () => {
    const got = await submit([
      ['custpage_name', 'Globex'],
      ['custpage_dims', 'industry'],
      ['custpage_dims', 'tier'],
      ['custpage_region', 'us'],
      ['custpage_version', '3'],
      ['submitter', 'Save settings'],
    ]);
    expect(got.parameters).toMatchObject({
      script: SCRIPT,
      deploy: 'customdeploy_fsc_sl_config',
      from: 'query',
      custpage_name: 'Globex',
      custpage_region: 'us',
      custpage_active: 'F',
      custpage_dims: 'industry\u0005tier',
      custpage_version: '3',
      submitter: 'Save settings',
    });
    expect(got.parameters._emu_form).toBeUndefined();
  });

  it('hands the submitted sublist to getLineCount/getSublistValue and to <group>data', async () => {
    const got = await submit([
      ['custpage_active', 'T'],
      ['custpage_accounts[0][custpage_id]', '101'],
      ['custpage_accounts[0][custpage_note]', 'edited'],
      ['custpage_accounts[1][custpage_sync]', 'T'],
      ['custpage_accounts[1][custpage_id]', '102'],
      ['custpage_accounts[1][custpage_note]', ''],
      ['custpage_accounts[2][custpage_id]', '103'],
      ['custpage_accounts[2][custpage_note]', ''],
    ]);
    expect(got.parameters.custpage_active).toBe('T');
    expect(got.lineCount).toBe(3);
    expect(got.lines).toEqual([
      { sync: 'F', id: '101', note: 'edited' },
      { sync: 'T', id: '102', note: '' },
      { sync: 'F', id: '103', note: '' },
    ]);
    expect(got.parameters.custpage_accountsfields).toBe('custpage_sync\u0001custpage_id\u0001custpage_note');
    expect(got.parameters.custpage_accountsdata!.split('\u0002')[1]).toBe('T\u0001102\u0001');
    expect(Object.keys(got.parameters).some((k) => k.includes('['))).toBe(false);
  });

  it("accepts NetSuite's own sublist encoding from a client that posts it directly", async () => {
    const res = await post(pathFor('customdeploy_fsc_sl_config'), [
      ['custpage_accountsfields', 'custpage_sync\u0001custpage_id\u0001custpage_note'],
      ['custpage_accountsdata', 'T\u0001201\u0001a\u0002F\u0001202\u0001b'],
    ]);
    const got = (await res.json()) as { lines: unknown[] };
    expect(got.lines).toEqual([
      { sync: 'T', id: '201', note: 'a' },
      { sync: 'F', id: '202', note: 'b' },
    ]);
  });
});

describe('credential fields', () => {
  const KEY = 'fs_live_9c1f4e7a2b6d8e0f3a5c7b9d1e2f4a6c8e0b2d4f';

  it('replace the typed key by a GUID in parameters and body, and store the clear value in the vault with its restrictions', async () => {
    const page = await (await get(pathFor('customdeploy_fsc_sl_config'))).text();
    const res = await post(formAction(page), [
      ['_emu_form', formToken(page)],
      ['custpage_apikey', KEY],
      ['custpage_shortkey', KEY],
      ['custpage_name', 'Acme'],
    ]);
    const text = await res.text();
    const got = JSON.parse(text) as { parameters: Record<string, string>; body: string };
    const guid = got.parameters.custpage_apikey!;
    expect(guid).toMatch(/^[0-9a-f]{32}$/);
    expect(got.body).toContain(`custpage_apikey=${guid}`);
    expect(h.vault.reveal(guid)).toBe(KEY);
    expect(() => h.vault.assertScriptAllowed(guid, 'customscript_fsc_mr_drain')).not.toThrow();
    expect(() => h.vault.assertScriptAllowed(guid, 'customscript_other')).toThrow(/not available to script/);
    expect(() => h.vault.assertDomainAllowed(guid, 'api-eu.freshsuccess.com')).not.toThrow();
    expect(() => h.vault.assertDomainAllowed(guid, 'evil.example')).toThrow(/may not be sent/);
    // The short field kept NetSuite's default 32-character limit, as a browser enforces it.
    expect(h.vault.reveal(got.parameters.custpage_shortkey!)).toBe(KEY.slice(0, 32));

    expect(text).not.toContain(KEY.slice(0, 32));
    expect(JSON.stringify(h.server.requests)).not.toContain(KEY.slice(0, 32));
    expect(JSON.stringify(h.server.requests)).toContain(guid);
    expect(JSON.stringify(h.rt.logs)).not.toContain(KEY.slice(0, 32));
  });

  it('keep plain PASSWORD fields out of the request log while the script gets their text', async () => {
    const page = await (await get(pathFor('customdeploy_fsc_sl_config'))).text();
    expect(page).toMatch(/<input type="password" id="custpage_pin" name="custpage_pin"[^>]* value=""/);
    const res = await post(formAction(page), [['_emu_form', formToken(page)], ['custpage_pin', '246810']]);
    const got = (await res.json()) as { parameters: Record<string, string> };
    expect(got.parameters.custpage_pin).toBe('246810');
    expect(h.server.requests.at(-1)!.parameters!.custpage_pin).toBe('********');
    expect(JSON.stringify(h.server.requests)).not.toContain('246810');
  });

  it('never echo a stored value, and a blank re-post keeps the stored GUID', async () => {
    const guid = h.vault.storeCredential('stored-secret-value', { allowedScriptIds: [SCRIPT], allowedDomains: ['api-us.freshsuccess.com'] });
    const page = await (await get(pathFor('customdeploy_fsc_sl_config', { stored: guid }))).text();
    const input = /<input type="password" id="custpage_apikey"[^>]*>/.exec(page)![0];
    expect(input).toContain('value=""');
    expect(input).not.toContain(guid);
    expect(page).toContain('A value is stored. Leave this blank to keep it.');
    const res = await post(formAction(page), [['_emu_form', formToken(page)], ['custpage_apikey', '']]);
    const got = (await res.json()) as { parameters: Record<string, string> };
    expect(got.parameters.custpage_apikey).toBe(guid);
  });

  it('are scrubbed from the error page and the Execution Log when the Suitelet fails', async () => {
    const page = await (await get(pathFor('customdeploy_fsc_sl_config'))).text();
    const res = await post(formAction(page) + '&action=fail', [['_emu_form', formToken(page)], ['custpage_apikey', KEY], ['what', KEY]]);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).not.toContain(KEY);
    expect(html).toContain('********');
    expect(JSON.stringify(h.rt.logs)).not.toContain(KEY);
    expect(JSON.stringify(h.server.requests)).not.toContain(KEY);
  });
});

describe('escaping', () => {
  const XSS = `<script>alert("x")</script>'"&`;
  const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&quot;&amp;';

  it('escapes every script-supplied value: title, labels, defaults, options, help, messages, sublist cells', async () => {
    const html = await (await get(pathFor('customdeploy_fsc_sl_config', { name: XSS, problem: XSS }))).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(`<title>Freshsuccess settings for ${ESCAPED}</title>`);
    expect(html).toContain(`<legend>Options for ${ESCAPED}</legend>`);
    expect(html).toContain(`value="${ESCAPED}"`);
    expect(html).toContain(`<option value="eu" selected>Europe ${ESCAPED}</option>`);
    expect(html).toContain(`<p id="custpage_name_help" class="ns-help">Shown as ${ESCAPED}</p>`);
    expect(html).toContain(`<p>Settings saved for ${ESCAPED}</p>`);
    expect(html).toContain(`<p>${ESCAPED}</p>`);
    expect(html).toContain(`value="first ${ESCAPED}"`);
  });

  it('escapes the error page too', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'fail', what: XSS }));
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;b onmouseover=&quot;x()&quot;&gt;');
  });
});

describe('redirects', () => {
  it('redirect.toSuitelet answers 302 to the resolved Suitelet URL, dropping what was written', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'toSuitelet' }));
    expect(res.status).toBe(302);
    const expected = h.support.urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_config', params: { saved: 'T' } });
    expect(res.headers.get('location')).toBe(expected);
    expect(await res.text()).toBe('');
    const followed = await get(res.headers.get('location')!);
    expect(followed.status).toBe(200);
  });

  it('ServerResponse.sendRedirect to a record answers 302 to its page', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'sendRedirect' }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/app/common/entity/contact.nl?id=9');
  });

  it('redirect.toRecord answers 302 to the record page', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'toRecord' }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/app/common/entity/custjob.nl?id=42&e=T');
  });
});

describe('files and headers', () => {
  it('writeFile sends the file with its type and an attachment name; addHeader repeats a header', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'csv' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="accounts _export_.csv"');
    expect(res.headers.get('x-export')).toBe('a, b');
    expect(await res.text()).toBe('id,name\n1,Acme\n');
  });
});

describe('deployment status and audience', () => {
  const status = async (deploy: string, headers: Record<string, string> = {}) => {
    const res = await get(pathFor(deploy, { action: 'whoami' }), headers);
    return { status: res.status, text: await res.text() };
  };

  it('runs a RELEASED deployment for roles in its audience, as that role', async () => {
    const admin = await status('customdeploy_fsc_sl_config');
    expect(admin.status).toBe(200);
    expect(JSON.parse(admin.text)).toEqual({ role: 'administrator', user: -5, context: 'SUITELET' });
    const custom = await status('customdeploy_fsc_sl_config', { 'X-Emulator-Role': 'customrole_fsc_config', 'X-Emulator-User': '12' });
    expect(JSON.parse(custom.text)).toEqual({ role: 'customrole_fsc_config', user: 12, context: 'SUITELET' });
  });

  it('refuses roles outside the audience with NetSuite\'s message', async () => {
    const other = await status('customdeploy_fsc_sl_config', { 'X-Emulator-Role': 'customrole_sales' });
    expect(other.status).toBe(403);
    expect(other.text).toContain('You do not have privileges to view this page.');
    expect((await status('customdeploy_fsc_sl_all', { 'X-Emulator-Role': 'customrole_sales' })).status).toBe(200);
  });

  it('runs a TESTING deployment only for the script owner', async () => {
    expect((await status('customdeploy_fsc_sl_testing')).status).toBe(403);
    expect((await status('customdeploy_fsc_sl_testing', { 'X-Emulator-User': String(OWNER) })).status).toBe(200);
  });

  it('answers INVALID_SCRIPTLET_ID for undeployed, unknown and non-Suitelet scripts', async () => {
    for (const path of [
      pathFor('customdeploy_fsc_sl_off'),
      pathFor('customdeploy_nope'),
      '/app/site/hosting/scriptlet.nl?script=customscript_fsc_ue_customer&deploy=customdeploy_fsc_ue_customer',
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('INVALID_SCRIPTLET_ID');
    }
  });

  it('serves the external URL only for a deployment available without login, as the Online Form User', async () => {
    const online = h.support.urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_online', returnExternalUrl: true, params: { action: 'whoami' } });
    expect(online).toMatch(/^https:\/\/tstdrv1234567\.extforms\.netsuite\.com\/app\/site\/hosting\/scriptlet\.nl\?script=\d+&deploy=\d+&compid=TSTDRV1234567&ns-at=[\w-]+&action=whoami$/);
    const path = online.replace(/^https:\/\/[^/]+/, '');
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text())).toMatchObject({ role: 'online_form_user', user: -4 });

    const internalOnly = h.support.urls.resolveScript({ scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_all', returnExternalUrl: true });
    const refused = await get(internalOnly.replace(/^https:\/\/[^/]+/, ''));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('You are not allowed to go directly to this page.');
    const forged = await get(path.replace(/ns-at=[\w-]+/, 'ns-at=forged'));
    expect(forged.status).toBe(403);
  });
});

describe('url.resolveScript and the served URL', () => {
  it('resolves, inside the Suitelet, exactly the relative URL this server answers', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'whereami' }));
    const resolved = await res.text();
    expect(resolved).toMatch(/^\/app\/site\/hosting\/scriptlet\.nl\?script=\d+&deploy=\d+&action=whoami$/);
    const again = await get(resolved);
    expect(again.status).toBe(200);
    expect(JSON.parse(await again.text())).toMatchObject({ context: 'SUITELET' });
    expect(h.server.requests.map((r) => r.deploymentId)).toEqual(['customdeploy_fsc_sl_config', 'customdeploy_fsc_sl_config']);
  });
});

describe('errors and governance', () => {
  it('renders an uncaught error as a 500 NetSuite-like page and logs it to the Execution Log', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'fail', what: 'config' }));
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('<strong>Error</strong>');
    expect(html).toContain('Cannot save &lt;b onmouseover=&quot;x()&quot;&gt;config&lt;/b&gt;');
    expect(html).not.toContain('    at '); // no stack trace for the user
    expect(h.rt.logs).toHaveLength(1);
    expect(h.rt.logs[0]).toMatchObject({ level: 'ERROR', title: 'Error', scriptId: SCRIPT, deploymentId: 'customdeploy_fsc_sl_config' });
    expect(h.rt.logs[0]!.details).toContain('Cannot save');
  });

  it('meters each request against the Suitelet limit of 1,000 units', async () => {
    const res = await get(pathFor('customdeploy_fsc_sl_config', { action: 'spend', count: '10' }));
    expect(await res.text()).toBe('remaining=800');
    const totals = h.rt.ledger.total({ scriptId: SCRIPT });
    expect(totals).toEqual({ units: 200, invocations: 1, byApi: { 'N/email.send': 200 } });
    expect(h.server.requests[0]).toMatchObject({ status: 200, units: 200 });

    const full = await get(pathFor('customdeploy_fsc_sl_config', { action: 'spend', count: '50' }));
    expect(await full.text()).toBe('remaining=0');
    const over = await get(pathFor('customdeploy_fsc_sl_config', { action: 'spend', count: '51' }));
    expect(over.status).toBe(500);
    expect(await over.text()).toContain('SSS_USAGE_LIMIT_EXCEEDED');
    expect(h.rt.logs.map((l) => l.title)).toEqual(['SSS_USAGE_LIMIT_EXCEEDED']);
    expect(h.rt.ledger.total({ scriptId: SCRIPT })).toMatchObject({ units: 200 + 1000 + 1000, invocations: 3 });
  });

  it('answers only GET and POST on the Suitelet path', async () => {
    const res = await fetch(h.server.url(pathFor('customdeploy_fsc_sl_all')), { method: 'PUT' });
    expect(res.status).toBe(405);
    expect((await get('/app/other.nl')).status).toBe(404);
  });
});
