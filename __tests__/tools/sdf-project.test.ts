/**
 * The real SuiteApp (src/) passes the offline validator as built from the current sources. The
 * build goes to a temporary copy of the project (tsc with its own --outDir) rather than to
 * src/FileCabinet, so this test never races other tests that read the shared build output and
 * does not depend on `npm run build` having run first.
 */
import { SDF_ROOT } from '../../tools/project';
import { validateProject } from '../../tools/sdf/validate';
import { formatProblem } from '../../tools/sdf/problem';
import { readSdfProject } from '../../tools/sdf/model';
import { buildToTemp, type TempBuild } from './helpers/temp-build';

let build: TempBuild;

beforeAll(() => {
  build = buildToTemp();
}, 120_000);

afterAll(() => build?.dispose());

test('src/ validates clean once built', () => {
  const problems = validateProject(build.root).filter((p) => p.severity !== 'warning');
  expect(problems.map((p) => formatProblem(p))).toEqual([]);
});

test('the token role carries exactly the permissions of Freshsuccess\'s setup guide plus customers and contacts', () => {
  const role = readSdfProject(SDF_ROOT).roles.find((r) => r.scriptid === 'customrole_fsc_token');
  expect(role?.name).toBe('Freshsuccess Connector (Token)');
  const granted = Object.fromEntries((role?.permissions ?? []).map((p) => [p.key, p.level]));
  expect(granted).toEqual({
    ADMI_MANAGE_OWN_OAUTH_TOKENS: 'FULL',
    ADMI_MANAGE_OAUTH_TOKENS: 'FULL',
    ADMI_WEBSERVICES: 'FULL',
    ADMI_CUSTFIELD: 'VIEW',
    ADMI_CUSTBODYFIELD: 'VIEW',
    ADMI_CUSTCOLUMNFIELD: 'VIEW',
    ADMI_CUSTENTITYFIELD: 'VIEW',
    ADMI_CUSTEVENTFIELD: 'VIEW',
    ADMI_CUSTITEMFIELD: 'VIEW',
    ADMI_CUSTTRANFIELD: 'VIEW',
    ADMI_CUSTRECORD: 'VIEW',
    ADMI_CUSTTRANSACTION: 'VIEW',
    LIST_CUSTJOB: 'VIEW',
    LIST_CONTACT: 'VIEW',
  });
  expect(role?.permissions).toHaveLength(14);
});

test('the integration record ships as a reference only', () => {
  const project = readSdfProject(SDF_ROOT);
  expect(project.integrations.map((i) => i.scriptid)).toEqual(['custinteg_fsc_freshsuccess']);
  expect(project.integrations[0]?.leaves).toEqual([]);
});
