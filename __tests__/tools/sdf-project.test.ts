/** The SuiteApp's own SDF objects: the token role and the integration reference. */
import { SDF_ROOT } from '../../tools/project';
import { readSdfProject } from '../../tools/sdf/model';

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

test('every User Event deployment lists every execution context explicitly, the ones capture is tested in included', () => {
  const { EXECUTION_CONTEXT } = jest.requireActual('../../tools/sdf/schema/lists') as typeof import('../../tools/sdf/schema/lists');
  const deployments = readSdfProject(SDF_ROOT).scripts.filter((s) => s.type === 'usereventscript').flatMap((s) => s.deployments);
  expect(deployments.length).toBeGreaterThanOrEqual(5);
  // The contexts __tests__/e2e/sync/capture-contexts.test.ts saves in.
  const relied = ['USERINTERFACE', 'CSVIMPORT', 'WEBSERVICES', 'RESTWEBSERVICES', 'RESTLET', 'SUITELET', 'SCHEDULED', 'MAPREDUCE', 'WORKFLOW', 'CUSTOMMASSUPDATE'];
  for (const d of deployments) {
    expect([d.scriptid, [...(d.executioncontext ?? [])].sort()]).toEqual([d.scriptid, [...EXECUTION_CONTEXT.values].sort()]);
    expect(d.executioncontext).toEqual(expect.arrayContaining(relied));
  }
});
