/** The adapters' record, field and script ids match the SDF objects in src/Objects. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG, OUTBOX, SCRIPTS, STATE } from '../../src/TypeScript/netsuite/schema';

const OBJECTS = join(__dirname, '../../src/Objects');
const xml = (file: string) => readFileSync(join(OBJECTS, `${file}.xml`), 'utf8');
const fieldIds = (text: string) => [...text.matchAll(/<customrecordcustomfield scriptid="([^"]+)"/g)].map((m) => m[1]);

test.each([CONFIG, STATE, OUTBOX])('$type: every field the code uses is defined, and every defined field is used', (table) => {
  const { type, ...fields } = table;
  expect(readdirSync(OBJECTS)).toContain(`${type}.xml`);
  expect(fieldIds(xml(type)).sort()).toEqual(Object.values(fields).sort());
});

test('script and deployment ids used by the code exist', () => {
  for (const script of Object.values(SCRIPTS)) {
    const text = xml(script.scriptId);
    for (const [role, id] of Object.entries(script)) if (role !== 'scriptId') expect(text).toContain(`<scriptdeployment scriptid="${id}">`);
  }
});
