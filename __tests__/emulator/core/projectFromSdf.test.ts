import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { projectFromSdf } from '../../../emulator/runtime/project/fromSdfModel';
import { SDF_ROOT } from '../../../tools/project';

/** A small SDF project written for the test (the SDF model reads it). */
function sdfProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'ns-sdf-'));
  mkdirSync(join(root, 'Objects'));
  writeFileSync(join(root, 'manifest.xml'), '<manifest projecttype="SUITEAPP"><publisherid>com.example</publisherid><projectid>app</projectid><projectname>x</projectname><projectversion>1.0.0</projectversion></manifest>');
  const obj = (name: string, xml: string) => writeFileSync(join(root, 'Objects', `${name}.xml`), xml);
  obj('customlist_x_tier', `<customlist scriptid="customlist_x_tier"><name>Tier</name><customvalues>
    <customvalue scriptid="val_gold"><value>Gold</value></customvalue><customvalue scriptid="val_silver"><value>Silver</value></customvalue>
  </customvalues></customlist>`);
  obj('customrecord_x_log', `<customrecordtype scriptid="customrecord_x_log"><recordname>Log</recordname><includename>F</includename>
    <customrecordcustomfields>
      <customrecordcustomfield scriptid="custrecord_x_customer"><label>Customer</label><fieldtype>SELECT</fieldtype><selectrecordtype>-2</selectrecordtype><ismandatory>T</ismandatory></customrecordcustomfield>
      <customrecordcustomfield scriptid="custrecord_x_tier"><label>Tier</label><fieldtype>SELECT</fieldtype><selectrecordtype>[scriptid=customlist_x_tier]</selectrecordtype></customrecordcustomfield>
      <customrecordcustomfield scriptid="custrecord_x_count"><label>Count</label><fieldtype>INTEGER</fieldtype></customrecordcustomfield>
    </customrecordcustomfields></customrecordtype>`);
  obj('custentity_x_segment', `<entitycustomfield scriptid="custentity_x_segment"><label>Segment</label><fieldtype>TEXT</fieldtype>
    <appliestocustomer>T</appliestocustomer><appliestocontact>F</appliestocontact></entitycustomfield>`);
  obj('customscript_x_ue', `<usereventscript scriptid="customscript_x_ue"><name>UE</name>
    <scriptfile>[/SuiteApps/com.example.app/ue.js]</scriptfile>
    <scriptcustomfields><scriptcustomfield scriptid="custscript_x_limit"><fieldtype>INTEGER</fieldtype><label>Limit</label><defaultvalue>5</defaultvalue></scriptcustomfield></scriptcustomfields>
    <scriptdeployments><scriptdeployment scriptid="customdeploy_x_ue">
      <status>RELEASED</status><recordtype>[scriptid=customrecord_x_log]</recordtype><isdeployed>T</isdeployed><allroles>F</allroles>
      <audslctrole>ADMINISTRATOR|[scriptid=customrole_x]</audslctrole><loglevel>AUDIT</loglevel>
      <executioncontext>USERINTERFACE|CSVIMPORT</executioncontext><eventtype>EDIT</eventtype><custscript_x_limit>9</custscript_x_limit>
    </scriptdeployment></scriptdeployments></usereventscript>`);
  return root;
}

describe('project definitions from src/Objects (through the SDF model)', () => {
  test('scripts, deployments, parameters, custom records, lists and entity fields', () => {
    const p = projectFromSdf(sdfProject(), 'com.example.app');
    expect(p.scripts).toEqual([
      expect.objectContaining({
        scriptId: 'customscript_x_ue', scriptType: 'USEREVENT', scriptFile: '/SuiteApps/com.example.app/ue.js',
        parameters: [expect.objectContaining({ scriptId: 'custscript_x_limit', fieldType: 'INTEGER', defaultValue: '5' })],
        deployments: [expect.objectContaining({
          scriptId: 'customdeploy_x_ue', status: 'RELEASED', isDeployed: true, recordType: 'customrecord_x_log', logLevel: 'AUDIT',
          executionContexts: ['USERINTERFACE', 'CSVIMPORT'], eventTypes: ['EDIT'], allRoles: false,
          audienceRoles: ['ADMINISTRATOR', '[scriptid=customrole_x]'], parameterValues: { custscript_x_limit: '9' },
        })],
      }),
    ]);
    expect(p.customRecordTypes[0]).toMatchObject({
      scriptId: 'customrecord_x_log', includeName: false,
      fields: [
        { scriptId: 'custrecord_x_customer', fieldType: 'SELECT', selectRecordType: 'customer', mandatory: true },
        { scriptId: 'custrecord_x_tier', selectRecordType: 'customlist_x_tier' },
        { scriptId: 'custrecord_x_count', fieldType: 'INTEGER' },
      ],
    });
    expect(p.customLists).toEqual([{ scriptId: 'customlist_x_tier', name: 'Tier', values: [{ scriptId: 'val_gold', value: 'Gold' }, { scriptId: 'val_silver', value: 'Silver' }] }]);
    expect(p.entityFields).toEqual([expect.objectContaining({ scriptId: 'custentity_x_segment', appliesToCustomer: true, appliesToContact: false })]);
  });

  test('the runtime builds its schemas from them: list values, mandatory selects, entity fields', () => {
    const rt = new NetSuiteRuntime({ sdfRoot: sdfProject() });
    expect(rt.appId).toBe('com.example.app');
    const gold = rt.records.list('customlist_x_tier').find((r) => r.values.name === 'Gold')!.id;
    const customer = rt.records.create('customer', { companyname: 'Seg', custentity_x_segment: 'SMB' });
    expect(() => rt.records.create('customrecord_x_log', { custrecord_x_count: 1 })).toThrow(expect.objectContaining({ name: 'USER_ERROR', message: expect.stringContaining('Customer') }));
    expect(() => rt.records.create('customrecord_x_log', { custrecord_x_customer: customer, custrecord_x_tier: 999 })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
    const id = rt.records.create('customrecord_x_log', { custrecord_x_customer: customer, custrecord_x_tier: gold });
    expect(rt.records.get('customrecord_x_log', id)!.values).toMatchObject({ custrecord_x_customer: String(customer), custrecord_x_tier: String(gold) });
    expect(() => rt.records.create('contact', { firstname: 'A', lastname: 'B', custentity_x_segment: 'x' })).toThrow(expect.objectContaining({ name: 'INVALID_FLD' }));
  });

  test('the repository\'s own src/Objects load', () => {
    const rt = new NetSuiteRuntime();
    // Counted from the object files themselves, so an empty project cannot pass.
    const objectFiles = readdirSync(join(SDF_ROOT, 'Objects'));
    const scriptFiles = objectFiles.filter((f) => /^customscript_.+\.xml$/.test(f));
    const recordTypeFiles = objectFiles.filter((f) => /^customrecord_.+\.xml$/.test(f));
    expect(scriptFiles.length).toBeGreaterThan(0);
    expect(recordTypeFiles.length).toBeGreaterThan(0);
    expect(rt.project.scripts.map((s) => `${s.scriptId}.xml`).sort()).toEqual(scriptFiles.sort());
    expect(rt.project.customRecordTypes.map((t) => `${t.scriptId}.xml`).sort()).toEqual(recordTypeFiles.sort());
    for (const s of rt.project.scripts) {
      expect(s.scriptFile).toMatch(/^\/SuiteApps\/com\.freshsync\.connector\/.+\.js$/);
      expect(s.deployments.length).toBeGreaterThan(0);
    }
    for (const t of rt.project.customRecordTypes) expect(rt.schemas.has(t.scriptId)).toBe(true);
  });
});

test('a deployment\'s <executioncontext> decides which saves fire the User Event', () => {
  const root = sdfProject();
  writeFileSync(join(root, 'Objects', 'customscript_x_ctx.xml'), `<usereventscript scriptid="customscript_x_ctx"><name>Context UE</name>
    <scriptfile>[/SuiteApps/com.example.app/ctx.js]</scriptfile>
    <scriptdeployments><scriptdeployment scriptid="customdeploy_x_ctx">
      <status>RELEASED</status><recordtype>CUSTOMER</recordtype><isdeployed>T</isdeployed><allroles>T</allroles>
      <executioncontext>USERINTERFACE|CSVIMPORT</executioncontext>
    </scriptdeployment></scriptdeployments></usereventscript>`);
  mkdirSync(join(root, 'FileCabinet', 'SuiteApps', 'com.example.app'), { recursive: true });
  writeFileSync(
    join(root, 'FileCabinet', 'SuiteApps', 'com.example.app', 'ctx.js'),
    `/**\n * @NApiVersion 2.1\n * @NScriptType UserEventScript\n */\n\ndefine(['N/log', 'N/runtime'], function (log, runtime) {\n  return { afterSubmit: function (ctx) { log.audit('fired', String(runtime.executionContext) + ':' + ctx.newRecord.getValue('companyname')); } };\n});\n`,
  );
  const rt = new NetSuiteRuntime({ sdfRoot: root });
  rt.ui.create('customer', { companyname: 'Ui' });
  rt.webServices.create('customer', { companyname: 'Soap' });
  rt.restWebServices.create('customer', { companyname: 'Rest' });
  rt.csvImport('customer', [{ companyname: 'Csv' }], { runServerScripts: true });
  expect(rt.logs.filter((l) => l.title === 'fired').map((l) => l.details)).toEqual(['USERINTERFACE:Ui', 'CSVIMPORT:Csv']);
});
