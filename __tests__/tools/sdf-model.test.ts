/** readSdfProject: the typed model the validator and the local runtime share. */
import { join } from 'node:path';
import { fileCabinetPath, objectById, readSdfProject } from '../../tools/sdf/model';
import { withSdfFixture } from './support/sdf-fixture';

const valid = readSdfProject(join(__dirname, '..', 'fixtures', 'sdf', 'valid'));

test('manifest: app id and features with their lines', () => {
  expect(valid.manifest?.appId).toBe('com.example.app');
  expect(valid.manifest?.features.map((f) => [f.name, f.required, f.line])).toEqual([
    ['SERVERSIDESCRIPTING', true, 9],
    ['CUSTOMRECORDS', true, 10],
    ['TBA', true, 11],
  ]);
});

test('scripts: type, file, parameters and deployments with all their fields', () => {
  const ue = valid.scripts.find((s) => s.scriptid === 'customscript_ex_ue_customer');
  expect(ue?.type).toBe('usereventscript');
  expect(ue?.name).toBe('Example UE');
  expect(ue?.scriptfile?.path).toBe('/SuiteApps/com.example.app/entry/ue_customer.js');
  expect(fileCabinetPath(ue?.scriptfile?.path ?? '')).toBe('FileCabinet/SuiteApps/com.example.app/entry/ue_customer.js');
  expect(ue?.parameters).toEqual([expect.objectContaining({ scriptid: 'custscript_ex_status', fieldtype: 'SELECT', selectrecordtype: '[scriptid=customlist_ex_status]' })]);
  expect(ue?.deployments[0]).toEqual(
    expect.objectContaining({
      scriptid: 'customdeploy_ex_ue_customer',
      status: { value: 'RELEASED', line: 14 },
      recordtype: 'CUSTOMER',
      isdeployed: true,
      allroles: true,
      loglevel: 'ERROR',
      executioncontext: ['USERINTERFACE', 'CSVIMPORT'],
    }),
  );

  const mr = valid.scripts.find((s) => s.type === 'mapreducescript');
  const [onDemand, sweep] = mr?.deployments ?? [];
  expect(onDemand).toEqual(expect.objectContaining({ status: { value: 'NOTSCHEDULED', line: 6 }, concurrencylimit: 1, recurrence: undefined }));
  expect(sweep?.recurrence).toEqual(expect.objectContaining({ kind: 'daily', repeat: { value: 'PT1H', line: 20 } }));
  expect(sweep?.recurrence?.props.startdate?.value).toBe('2026-01-01');

  const sl = valid.scripts.find((s) => s.type === 'suitelet');
  expect(sl?.deployments[0]?.audslctrole).toEqual(['ADMINISTRATOR', '[scriptid=customrole_ex_ops]']);
});

test('custom records, lists, roles and integrations', () => {
  const outbox = valid.customRecordTypes[0];
  expect(outbox?.fields.map((f) => [f.scriptid, f.fieldtype])).toEqual([['custrecord_ex_status', 'SELECT']]);
  expect(outbox?.permissions).toEqual([{ role: '[scriptid=customrole_ex_ops]', roleScriptid: 'customrole_ex_ops', level: 'EDIT', line: 14 }]);
  expect(valid.customLists[0]?.values.map((v) => [v.scriptid, v.value])).toEqual([['val_pending', 'Pending'], ['val_done', 'Done']]);
  expect(valid.roles[0]?.permissions[0]).toEqual({ key: '[scriptid=customrecord_ex_outbox]', recordScriptid: 'customrecord_ex_outbox', level: 'EDIT', line: 6 });
  expect(valid.integrations.map((i) => i.scriptid)).toEqual(['custinteg_ex_partner']);
  expect(objectById(valid, 'customlist_ex_status')?.kind).toBe('customlist');
  expect(valid.readProblems).toEqual([]);
});

test('a malformed file is a read problem, not an exception', () => {
  const broken = withSdfFixture('malformed-xml', ({ dir }) => readSdfProject(dir));
  expect(broken.readProblems).toEqual([expect.objectContaining({ rule: 'malformed-xml', file: 'Objects/customrole_ex_ops.xml', line: 4 })]);
  expect(broken.roles).toEqual([]);
});
