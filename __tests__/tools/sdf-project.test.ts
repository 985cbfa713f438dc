/**
 * The real SuiteApp (src/) passes the offline validator as built from the current sources. The
 * build goes to a temporary copy of the project (tsc with its own --outDir) rather than to
 * src/FileCabinet, so this test never races other tests that read the shared build output and
 * does not depend on `npm run build` having run first.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, SDF_ROOT, appId } from '../../tools/project';
import { validateProject } from '../../tools/sdf/validate';
import { formatProblem } from '../../tools/sdf/problem';
import { readSdfProject } from '../../tools/sdf/model';

let builtRoot: string;

function hasTypeScript(dir: string): boolean {
  return readdirSync(dir).some((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? hasTypeScript(full) : name.endsWith('.ts');
  });
}

beforeAll(() => {
  builtRoot = mkdtempSync(join(tmpdir(), 'fsc-sdf-'));
  cpSync(SDF_ROOT, builtRoot, { recursive: true, filter: (src) => !src.startsWith(join(SDF_ROOT, 'FileCabinet')) && !src.startsWith(join(SDF_ROOT, 'TypeScript')) });
  const outDir = join(builtRoot, 'FileCabinet', 'SuiteApps', appId());
  if (hasTypeScript(join(SDF_ROOT, 'TypeScript'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.json'), '--outDir', outDir], { stdio: 'pipe' });
  }
}, 120_000);

afterAll(() => {
  if (builtRoot) rmSync(builtRoot, { recursive: true, force: true });
});

test('src/ validates clean once built', () => {
  const problems = validateProject(builtRoot).filter((p) => p.severity !== 'warning');
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
