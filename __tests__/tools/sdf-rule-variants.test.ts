/**
 * More defects per rule, each made from a temporary copy of the valid fixture with one edit, so
 * the rules' other branches (warnings, missing parts, explicit preferences) are pinned too.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateProject, type Problem } from '../../tools/sdf/validate';

const VALID = join(__dirname, '..', 'fixtures', 'sdf', 'valid');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Edit = (root: string) => void;

function variant(...edits: Edit[]): Problem[] {
  const root = mkdtempSync(join(tmpdir(), 'sdf-variant-'));
  made.push(root);
  cpSync(VALID, root, { recursive: true });
  edits.forEach((e) => e(root));
  return validateProject(root);
}

const replace = (file: string, from: string | RegExp, to: string): Edit => (root) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  writeFileSync(path, next);
};
const write = (file: string, text: string): Edit => (root) => writeFileSync(join(root, file), text);
const remove = (file: string): Edit => (root) => unlinkSync(join(root, file));

const brief = (ps: Problem[]): string[] => ps.map((p) => `${p.severity ?? 'error'} ${p.rule} ${p.file}:${p.line} ${p.message}`);

const UE = 'Objects/customscript_ex_ue_customer.xml';
const MR = 'Objects/customscript_ex_mr_drain.xml';
const ROLE = 'Objects/customrole_ex_ops.xml';
const RECORD = 'Objects/customrecord_ex_outbox.xml';
const PREFS = 'InstallationPreferences';

test('a role granting a custom record that does not list the role back', () => {
  expect(brief(variant(replace(RECORD, /<permissions>[\s\S]*<\/permissions>/, '<permissions/>')))).toEqual([
    'error role-record-reciprocity Objects/customrole_ex_ops.xml:6 role customrole_ex_ops grants customrecord_ex_outbox (EDIT) but Objects/customrecord_ex_outbox.xml does not list the role in its <permissions>',
  ]);
});

test('a permission listed twice and a level that is no level', () => {
  expect(brief(variant(replace(ROLE, '<permkey>ADMI_MANAGE_OWN_OAUTH_TOKENS</permkey>', '<permkey>LIST_CUSTJOB</permkey>'), replace(ROLE, '<permlevel>VIEW</permlevel>', '<permlevel>READ</permlevel>')))).toEqual([
    'error role-permission Objects/customrole_ex_ops.xml:10 permission LIST_CUSTJOB: level "READ" is not one of NONE, VIEW, CREATE, EDIT, FULL',
    'error role-permission Objects/customrole_ex_ops.xml:14 permission LIST_CUSTJOB is listed twice',
  ]);
});

test('token permissions without the TBA feature are an error; an integration alone is a warning', () => {
  const problems = variant(replace('manifest.xml', /\s*<feature required="true">TBA<\/feature>/, ''));
  expect(brief(problems)).toEqual([
    'error manifest-features manifest.xml:1 feature TBA is not declared in <dependencies><features> but Objects/customrole_ex_ops.xml grants ADMI_MANAGE_OWN_OAUTH_TOKENS, which exists only with that feature',
  ]);
  const integrationOnly = variant(replace('manifest.xml', /\s*<feature required="true">TBA<\/feature>/, ''), replace(ROLE, /<permission>\s*<permkey>ADMI_MANAGE_OWN_OAUTH_TOKENS[\s\S]*?<\/permission>/, ''));
  expect(brief(integrationOnly)).toEqual([
    'warning manifest-features manifest.xml:1 feature TBA is not declared in <dependencies><features> but Objects/custinteg_ex_partner.xml is an integration record (warning: needed if it uses token-based authentication)',
  ]);
});

test('scripts without SERVERSIDESCRIPTING', () => {
  expect(brief(variant(replace('manifest.xml', /\s*<feature required="true">SERVERSIDESCRIPTING<\/feature>/, ''))).map((s) => s.split(' but ')[0])).toEqual([
    'error manifest-features manifest.xml:1 feature SERVERSIDESCRIPTING is not declared in <dependencies><features>',
  ]);
});

test('deployment statuses: missing, unknown, SCHEDULED without recurrence, NOTSCHEDULED with one', () => {
  // A missing or unknown status is the schema's finding, reported once.
  expect(brief(variant(replace(UE, '<status>RELEASED</status>', '')))).toEqual([`error schema ${UE}:13 usereventscript scriptdeployment needs <status>`]);
  expect(brief(variant(replace(UE, '<status>RELEASED</status>', '<status>LIVE</status>')))).toEqual([
    `error schema ${UE}:14 <status> "LIVE" is not one of the values of script_status (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2405618192.html)`,
  ]);
  expect(brief(variant(replace(UE, '<status>RELEASED</status>', '<status>INQUEUE</status>')))).toEqual([
    `error deployment-status ${UE}:14 usereventscript deployment customdeploy_ex_ue_customer is INQUEUE; it must be RELEASED to run for every user`,
  ]);
  expect(brief(variant(replace(MR, '<status>NOTSCHEDULED</status>', '<status>SCHEDULED</status>')))).toEqual([
    `error deployment-status ${MR}:6 SCHEDULED deployment customdeploy_ex_mr_drain has no <recurrence>: add one, or make it NOTSCHEDULED if it is submitted from code`,
  ]);
  expect(brief(variant(replace(MR, '<status>SCHEDULED</status>', '<status>NOTSCHEDULED</status>')))).toEqual([
    `warning deployment-status ${MR}:15 deployment customdeploy_ex_mr_sweep has a <recurrence> but is NOTSCHEDULED: the schedule will not run until an admin schedules it`,
  ]);
  expect(brief(variant(replace(MR, '<status>SCHEDULED</status>', '<status>TESTING</status>')))).toEqual([
    `error deployment-status ${MR}:12 mapreducescript deployment customdeploy_ex_mr_sweep has a <recurrence> but is TESTING: make it SCHEDULED to follow the recurrence, or NOTSCHEDULED`,
  ]);
  expect(brief(variant(replace(MR, '<startdate>2026-01-01</startdate>', '')))).toEqual([`error schema ${MR}:16 recurrence daily needs <startdate>`]);
});

test('scriptfile written without brackets, or outside the SuiteApp folder', () => {
  expect(brief(variant(replace(UE, '[/SuiteApps/com.example.app/entry/ue_customer.js]', '/SuiteApps/com.example.app/entry/ue_customer.js')))).toEqual([
    `error scriptfile ${UE}:3 <scriptfile> "/SuiteApps/com.example.app/entry/ue_customer.js" must be written [/SuiteApps/<appid>/file.js]`,
  ]);
  const outside = variant(replace(UE, '[/SuiteApps/com.example.app/entry/ue_customer.js]', '[/SuiteScripts/ue_customer.js]'));
  expect(brief(outside)).toEqual([
    `error scriptfile ${UE}:3 <scriptfile> /SuiteScripts/ue_customer.js is outside the SuiteApp folder /SuiteApps/com.example.app/`,
    `error scriptfile ${UE}:3 <scriptfile> /SuiteScripts/ue_customer.js does not exist (looked for FileCabinet/SuiteScripts/ue_customer.js; run \`npm run build\`?)`,
  ]);
});

test('a user event exporting no entry point', () => {
  const problems = variant(replace('FileCabinet/SuiteApps/com.example.app/entry/ue_customer.js', 'exports.afterSubmit = afterSubmit;', ''));
  expect(brief(problems)).toEqual([
    'error entry-exports FileCabinet/SuiteApps/com.example.app/entry/ue_customer.js:5 usereventscript customscript_ex_ue_customer must export at least one of beforeLoad, beforeSubmit, afterSubmit; the module exports nothing',
  ]);
});

test('duplicate and missing scriptids, uppercase ids, wrong object prefix', () => {
  expect(brief(variant(write('Objects/custinteg_ex_copy.xml', '<integration scriptid="custinteg_ex_partner"/>\n')))).toEqual([
    'error object-file-name Objects/custinteg_ex_partner.xml:1 scriptid "custinteg_ex_partner" is also defined in Objects/custinteg_ex_copy.xml',
    'error object-file-name Objects/custinteg_ex_copy.xml:1 file name "custinteg_ex_copy.xml" differs from scriptid "custinteg_ex_partner" (must be custinteg_ex_partner.xml)',
  ].sort((a, b) => a.split(' ')[2]!.localeCompare(b.split(' ')[2]!)));
  expect(brief(variant(write('Objects/custinteg_ex_noid.xml', '<integration/>\n')))).toEqual(['error scriptid Objects/custinteg_ex_noid.xml:1 <integration> has no scriptid attribute']);
  expect(brief(variant(remove('Objects/custinteg_ex_partner.xml'), write('Objects/integ_ex_Partner.xml', '<integration scriptid="integ_ex_Partner"/>\n')))).toEqual([
    'error scriptid-format Objects/integ_ex_Partner.xml:1 <integration> scriptid "integ_ex_Partner" must start with "custinteg"',
    'error scriptid-format Objects/integ_ex_Partner.xml:1 <integration> scriptid "integ_ex_Partner" may hold only lowercase letters, digits and underscores',
  ]);
});

test('a reference to a missing part of an existing object', () => {
  expect(brief(variant(replace(UE, '<notifyowner>F</notifyowner>', '<notifyowner>F</notifyowner>\n  <description>[scriptid=customlist_ex_status.val_unknown]</description>')))).toEqual([
    `error reference ${UE}:5 <description> references [scriptid=customlist_ex_status.val_unknown], but Objects/customlist_ex_status.xml has no "val_unknown"`,
  ]);
});

test('a known boolean field with Y, and true in any field', () => {
  expect(brief(variant(replace(UE, '<isdeployed>T</isdeployed>', '<isdeployed>Y</isdeployed>'), replace(UE, '<executioncontext>USERINTERFACE|CSVIMPORT</executioncontext>', '<executioncontext>true</executioncontext>')))).toEqual([
    `error boolean ${UE}:16 <isdeployed> is "Y"; SDF booleans are T or F`,
    `error boolean ${UE}:19 <executioncontext> is "true"; SDF booleans are T or F`,
    `error schema ${UE}:19 <executioncontext> "true" is not one of the values of execution_context (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_340964121.html)`,
  ]);
});

test('installation preferences: missing overwriting.xml, explicit entries, hiding without locking, unknown objects and paths', () => {
  expect(brief(variant(remove(`${PREFS}/overwriting.xml`)))).toEqual([
    `error installation-preferences ${PREFS}/overwriting.xml:1 overwriting.xml is missing: script deployments would be overwritten on upgrade (customers lose their deployment edits)`,
  ]);
  const explicit = variant(
    write(
      `${PREFS}/overwriting.xml`,
      [
        '<preference type="OVERWRITING">',
        '  <scriptdeployments defaultAction="PRESERVE">',
        '    <scriptdeployment scriptid="customscript_ex_mr_drain.customdeploy_ex_mr_sweep" action="OVERWRITE"/>',
        '    <scriptdeployment scriptid="customscript_ex_mr_drain.customdeploy_gone" action="PRESERVE"/>',
        '  </scriptdeployments>',
        '</preference>',
        '',
      ].join('\n'),
    ),
  );
  expect(brief(explicit)).toEqual([
    `error installation-preferences ${PREFS}/overwriting.xml:2 deployment customscript_ex_mr_drain.customdeploy_ex_mr_sweep (${MR}) is not preserved on upgrade (action OVERWRITE); set defaultAction="PRESERVE" or add it with action="PRESERVE"`,
    `error installation-preferences ${PREFS}/overwriting.xml:4 scriptdeployment "customscript_ex_mr_drain.customdeploy_gone" is not a deployment of this project (expected customscript_x.customdeploy_y)`,
  ]);
  expect(brief(variant(remove(`${PREFS}/locking.xml`)))).toEqual([
    `error installation-preferences ${PREFS}/hiding.xml:1 locking.xml is missing: SDF deploys hiding and locking preferences only together`,
  ]);
  expect(
    brief(variant(replace(`${PREFS}/locking.xml`, 'customrecord_ex_outbox', 'customrecord_ex_gone'), replace(`${PREFS}/hiding.xml`, 'app/helper.js', 'app/gone.js'))),
  ).toEqual([
    `error installation-preferences ${PREFS}/hiding.xml:3 <path>~/FileCabinet/SuiteApps/com.example.app/app/gone.js</path> is not a file of this project (paths start with ~/)`,
    `error installation-preferences ${PREFS}/locking.xml:3 <object>customrecord_ex_gone</object> is not an object in this project`,
  ]);
});

test('yes/no in free text and empty booleans are not flagged', () => {
  expect(brief(variant(replace('Objects/customlist_ex_status.xml', '<value>Done</value>', '<value>Yes</value>'), replace(UE, '<notifyowner>F</notifyowner>', '<notifyowner></notifyowner>')))).toEqual([]);
});

test('deployment fields: log level, yield minutes, concurrency', () => {
  expect(
    brief(
      variant(
        replace(UE, '<loglevel>ERROR</loglevel>', '<loglevel>WARN</loglevel>'),
        replace(MR, '<concurrencylimit>1</concurrencylimit>', '<concurrencylimit>0</concurrencylimit>\n      <yieldaftermins>90</yieldaftermins>'),
      ),
    ),
  ).toEqual([
    `error deployment-fields ${MR}:9 deployment customdeploy_ex_mr_drain: concurrencylimit "0" must be a positive whole number`,
    `error deployment-fields ${MR}:10 deployment customdeploy_ex_mr_drain: yieldaftermins "90" must be a whole number from 3 to 60`,
    `error schema ${UE}:18 <loglevel> "WARN" is not one of the values of script_loglevel (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2405618192.html)`,
  ]);
});

test('a custom record permission key may be written bare or in capitals', () => {
  expect(brief(variant(replace(ROLE, '[scriptid=customrecord_ex_outbox]', 'CUSTOMRECORD_EX_OUTBOX')))).toEqual([]);
  expect(brief(variant(replace(ROLE, '[scriptid=customrecord_ex_outbox]', 'customrecord_ex_outbox'), replace(RECORD, '<permittedlevel>EDIT</permittedlevel>', '<permittedlevel>FULL</permittedlevel>')))).toEqual([
    'error role-record-reciprocity Objects/customrole_ex_ops.xml:6 role customrole_ex_ops grants customrecord_ex_outbox at EDIT but Objects/customrecord_ex_outbox.xml:14 grants the role FULL',
  ]);
});
