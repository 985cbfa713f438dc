/**
 * The offline SDF validator on fixtures: each broken fixture is the valid one with a single defect
 * (an overlay of just the changed files, see __tests__/fixtures/sdf/README.md) and must report
 * exactly that defect, with its rule, file and line.
 */
import { validateProject, type Problem } from '../../tools/sdf/validate';
import { withSdfFixture } from './support/sdf-fixture';

const ENTRY = 'FileCabinet/SuiteApps/com.example.app/entry';

interface Expected {
  rule: string;
  file: string;
  line: number;
  message: string | RegExp;
}

function problemsOf(fixture: string): Problem[] {
  return withSdfFixture(fixture, ({ dir }) => validateProject(dir));
}

function expectExactly(fixture: string, expected: Expected[]): void {
  const actual = problemsOf(fixture);
  expect(actual.map(({ rule, file, line }) => ({ rule, file, line }))).toEqual(expected.map(({ rule, file, line }) => ({ rule, file, line })));
  actual.forEach((p, i) => {
    const want = (expected[i] as Expected).message;
    if (typeof want === 'string') expect(p.message).toContain(want);
    else expect(p.message).toMatch(want);
  });
}

test('the valid fixture has no problems at all', () => {
  expect(problemsOf('valid')).toEqual([]);
});

const CASES: Array<[string, Expected[]]> = [
  ['manifest-ids', [{ rule: 'manifest', file: 'manifest.xml', line: 1, message: 'projectversion "1.0" must be x.y.z' }]],
  ['deploy-file', [{ rule: 'deploy-file', file: 'deploy.xml', line: 2, message: '<files> does not deploy ~/FileCabinet/SuiteApps/com.example.app/*' }]],
  ['malformed-xml', [{ rule: 'malformed-xml', file: 'Objects/customrole_ex_ops.xml', line: 4, message: 'malformed XML' }]],
  ['object-file-name', [{ rule: 'object-file-name', file: 'Objects/custinteg_ex_other.xml', line: 1, message: 'must be custinteg_ex_partner.xml' }]],
  ['scriptid-prefix', [{ rule: 'scriptid-format', file: 'Objects/customscript_ex_sl_admin.xml', line: 5, message: '"deploy_ex_sl_admin" must start with "customdeploy"' }]],
  ['scriptid-length', [{ rule: 'scriptid-format', file: 'Objects/customscript_ex_mr_drain.xml', line: 5, message: 'is 43 characters; the limit is 40' }]],
  ['unknown-permission', [{ rule: 'role-permission', file: 'Objects/customrole_ex_ops.xml', line: 10, message: 'unknown permission key "LIST_CUSTOMER"' }]],
  ['permission-level', [{ rule: 'role-permission', file: 'Objects/customrole_ex_ops.xml', line: 14, message: 'ADMI_MANAGE_OWN_OAUTH_TOKENS (User Access Tokens) does not accept level VIEW' }]],
  ['role-record-level', [{ rule: 'role-record-reciprocity', file: 'Objects/customrole_ex_ops.xml', line: 6, message: 'grants customrecord_ex_outbox at EDIT but Objects/customrecord_ex_outbox.xml:14 grants the role VIEW' }]],
  ['scriptfile-missing', [{ rule: 'scriptfile', file: 'Objects/customscript_ex_sl_admin.xml', line: 3, message: '/SuiteApps/com.example.app/entry/sl_admin.js does not exist' }]],
  ['header-missing', [{ rule: 'entry-header', file: `${ENTRY}/sl_admin.js`, line: 1, message: 'header is missing' }]],
  ['header-not-first', [{ rule: 'entry-header', file: `${ENTRY}/sl_admin.js`, line: 1, message: 'not the first thing in the file' }]],
  ['api-version', [{ rule: 'entry-header', file: `${ENTRY}/ue_customer.js`, line: 1, message: '@NApiVersion is 2.0' }]],
  ['script-type-mismatch', [{ rule: 'entry-header', file: `${ENTRY}/mr_drain.js`, line: 1, message: '@NScriptType is ScheduledScript but the script object expects MapReduceScript' }]],
  ['exports-missing', [{ rule: 'entry-exports', file: `${ENTRY}/mr_drain.js`, line: 5, message: 'must export map or reduce; the module exports getInputData, summarize' }]],
  ['load-time-call', [{ rule: 'load-time-n-call', file: `${ENTRY}/ue_customer.js`, line: 9, message: 'log.audit(...) calls N/log when the module loads' }]],
  ['ue-not-released', [{ rule: 'deployment-status', file: 'Objects/customscript_ex_ue_customer.xml', line: 14, message: 'is TESTING; it must be RELEASED' }]],
  ['deployment-audience', [{ rule: 'deployment-fields', file: 'Objects/customscript_ex_ue_customer.xml', line: 13, message: 'has no audience (allroles is not T and audslctrole is empty), so it runs for no one' }]],
  ['mr-not-notscheduled', [{ rule: 'deployment-status', file: 'Objects/customscript_ex_mr_drain.xml', line: 6, message: 'must be NOTSCHEDULED (it is RELEASED)' }]],
  ['recurrence-repeat', [{ rule: 'schema', file: 'Objects/customscript_ex_mr_drain.xml', line: 20, message: '<repeat> "PT5M" is not one of the values of generic_repeat_time' }]],
  ['schema-unknown-element', [{ rule: 'schema', file: 'Objects/customscript_ex_ue_customer.xml', line: 15, message: '<title> is not an element of usereventscript scriptdeployment' }]],
  ['schema-missing-required', [{ rule: 'schema', file: 'Objects/customscript_ex_mr_drain.xml', line: 5, message: 'mapreducescript scriptdeployment needs <title>' }]],
  ['schema-value-not-allowed', [{ rule: 'schema', file: 'Objects/customrecord_ex_outbox.xml', line: 3, message: '<accesstype> "PUBLIC" is not one of the values of customrecordtype_accesstype' }]],
  ['schema-too-long', [{ rule: 'schema', file: 'Objects/customlist_ex_status.xml', line: 2, message: '<name> is 32 characters; the limit is 30' }]],
  ['schema-value-kind', [{ rule: 'schema', file: 'Objects/customscript_ex_mr_drain.xml', line: 19, message: '<everyxdays> "daily" must be a whole number from 1 to 1000' }]],
  ['schema-no-schema', [{ rule: 'schema', file: 'Objects/customworkflow_ex_flow.xml', line: 1, message: '<workflow> has no schema in tools/sdf/schema' }]],
  ['schema-feature-warning', [{ rule: 'schema', file: 'Objects/customrole_ex_ops.xml', line: 4, message: '<restrictip> needs the IPADDRESSRULES feature, which manifest.xml does not declare' }]],
  ['feature-missing', [{ rule: 'manifest-features', file: 'manifest.xml', line: 1, message: 'feature CUSTOMRECORDS is not declared' }]],
  ['boolean', [{ rule: 'boolean', file: 'Objects/customscript_ex_sl_admin.xml', line: 9, message: '<isonline> is "false"; SDF booleans are T or F' }]],
  ['dangling-reference', [{ rule: 'reference', file: 'Objects/customscript_ex_sl_admin.xml', line: 11, message: '[scriptid=customrole_ex_missing], which is not an object' }]],
  [
    'deployments-not-preserved',
    ['customscript_ex_mr_drain.customdeploy_ex_mr_drain', 'customscript_ex_mr_drain.customdeploy_ex_mr_sweep', 'customscript_ex_sl_admin.customdeploy_ex_sl_admin', 'customscript_ex_ue_customer.customdeploy_ex_ue_customer'].map((d) => ({
      rule: 'installation-preferences',
      file: 'InstallationPreferences/overwriting.xml',
      line: 2,
      message: `deployment ${d} `,
    })),
  ],
];

test.each(CASES)('%s: reports exactly its defect', (fixture, expected) => {
  expectExactly(fixture, expected);
});

test('every rule is exercised by at least one broken fixture', () => {
  const { RULES } = jest.requireActual('../../tools/sdf/rules') as typeof import('../../tools/sdf/rules');
  const covered = new Set(CASES.flatMap(([, e]) => e.map((x) => x.rule)));
  expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
});
