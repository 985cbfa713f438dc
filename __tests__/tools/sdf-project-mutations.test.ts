/**
 * The SuiteApp's own objects, each broken in one of the ways Oracle's validation rejects: the
 * offline validator must fail every one with the file and line of the defect. The objects are
 * copied (with the build output) into a temp folder and edited there.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SDF_ROOT } from '../../tools/project';
import { formatProblem, isError } from '../../tools/sdf/problem';
import { readSdfProject } from '../../tools/sdf/model';
import { OBJECT_SCHEMAS } from '../../tools/sdf/schema';
import { validateProject } from '../../tools/sdf/validate';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyOfProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'sdf-own-'));
  made.push(root);
  cpSync(SDF_ROOT, root, { recursive: true, filter: (src) => !src.startsWith(join(SDF_ROOT, 'TypeScript')) });
  return root;
}

interface Mutation {
  file: string;
  from: string;
  to: string;
  /** The text whose line the problem must point at, found in the mutated file. */
  lineOf: string;
  message: RegExp;
}

const LONG_LABEL = 'L'.repeat(201);
const MUTATIONS: Array<[string, Mutation]> = [
  ['an element the role does not have', { file: 'customrole_fsc_token.xml', from: '  <centertype>', to: '  <restrictbyip>F</restrictbyip>\n  <centertype>', lineOf: '<restrictbyip>', message: /<restrictbyip> is not an element of role/ }],
  ['a <title> in a User Event deployment', { file: 'customscript_fsc_ue_contact.xml', from: '<status>RELEASED</status>', to: '<status>RELEASED</status>\n      <title>Contact capture</title>', lineOf: '<title>', message: /<title> is not an element of usereventscript scriptdeployment/ }],
  ['a recordtype outside its values', { file: 'customscript_fsc_ue_contact.xml', from: '<recordtype>CONTACT</recordtype>', to: '<recordtype>CONTACTS</recordtype>', lineOf: '<recordtype>', message: /<recordtype> "CONTACTS" is not one of the values of generic_standard_recordtype/ }],
  ['an accesstype outside its values', { file: 'customrecord_fsc_config.xml', from: '<accesstype>USEPERMISSIONLIST</accesstype>', to: '<accesstype>NONE</accesstype>', lineOf: '<accesstype>', message: /<accesstype> "NONE" is not one of the values of customrecordtype_accesstype/ }],
  ['a fieldtype outside its values', { file: 'customrecord_fsc_outbox.xml', from: '<fieldtype>CLOBTEXT</fieldtype>', to: '<fieldtype>LONGTEXT</fieldtype>', lineOf: '<fieldtype>LONGTEXT', message: /<fieldtype> "LONGTEXT" is not one of the values of generic_customfield_fieldtype/ }],
  ['a centertype outside its values', { file: 'customrole_fsc_token.xml', from: '<centertype>BASIC</centertype>', to: '<centertype>CLASSIC</centertype>', lineOf: '<centertype>', message: /<centertype> "CLASSIC" is not one of the values of role_centertype/ }],
  ['a script name over 40 characters', { file: 'customscript_fsc_mr_drain.xml', from: '<name>FreshSync Drain</name>', to: '<name>FreshSync Drain of the Outbox to Freshsuccess</name>', lineOf: '<name>', message: /<name> is 45 characters; the limit is 40/ }],
  ['a Map/Reduce deployment without <title>', { file: 'customscript_fsc_mr_fullsync.xml', from: '\n      <title>FreshSync Full Sync</title>', to: '', lineOf: '<scriptdeployment ', message: /mapreducescript scriptdeployment needs <title>/ }],
  ['a custom field label over 200 characters', { file: 'customrecord_fsc_state.xml', from: '<label>Drain cursor</label>', to: `<label>${LONG_LABEL}</label>`, lineOf: LONG_LABEL, message: /<label> is 201 characters; the limit is 200/ }],
  ['a loglevel outside its values', { file: 'customscript_fsc_sl_admin.xml', from: '<loglevel>AUDIT</loglevel>', to: '<loglevel>VERBOSE</loglevel>', lineOf: '<loglevel>', message: /<loglevel> "VERBOSE" is not one of the values of script_loglevel/ }],
];

test('the project as shipped has no problem at all, warnings included', () => {
  expect(validateProject(copyOfProject()).map((p) => formatProblem(p))).toEqual([]);
});

test.each(MUTATIONS)('%s fails with its file and line', (_name, m) => {
  const root = copyOfProject();
  const path = join(root, 'Objects', m.file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(m.from);
  const mutated = text.replace(m.from, m.to);
  writeFileSync(path, mutated);
  const line = mutated.split('\n').findIndex((l) => l.includes(m.lineOf)) + 1;
  expect(line).toBeGreaterThan(0);

  const errors = validateProject(root).filter(isError);
  expect(errors.map(({ file, line: l, rule }) => ({ file, line: l, rule }))).toEqual([{ file: `Objects/${m.file}`, line, rule: 'schema' }]);
  expect(errors[0]?.message).toMatch(m.message);
  expect(formatProblem(errors[0]!)).toMatch(new RegExp(`^Objects/${m.file.replace('.', '\\.')}:${line}: `));
});

test('every object type the project ships has a schema', () => {
  const shipped = [...new Set(readSdfProject(SDF_ROOT).objects.map((o) => o.rootTag))].sort();
  expect(shipped.length).toBeGreaterThanOrEqual(5);
  expect(shipped.filter((tag) => !OBJECT_SCHEMAS[tag])).toEqual([]);
});
