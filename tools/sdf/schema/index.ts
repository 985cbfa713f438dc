/**
 * The schema of every SDF object type the validator knows, by root tag. An object whose root tag
 * is not here is reported (rule `schema`): add its table before shipping such an object.
 */
import type { ElementSchema, FieldSchema } from './types';
import { CLIENTSCRIPT, MAPREDUCESCRIPT, RESTLET, SCHEDULEDSCRIPT, SUITELET, USEREVENTSCRIPT } from './scripts';
import { CUSTOMLIST, CUSTOMRECORDTYPE, ENTITYCUSTOMFIELD } from './records';
import { INTEGRATION, ROLE, SAVEDSEARCH, SECRET } from './others';

export type { ElementSchema, FieldSchema, Source, ValueList } from './types';

export const OBJECT_SCHEMAS: Readonly<Record<string, ElementSchema>> = {
  usereventscript: USEREVENTSCRIPT,
  mapreducescript: MAPREDUCESCRIPT,
  scheduledscript: SCHEDULEDSCRIPT,
  suitelet: SUITELET,
  restlet: RESTLET,
  clientscript: CLIENTSCRIPT,
  customrecordtype: CUSTOMRECORDTYPE,
  customlist: CUSTOMLIST,
  entitycustomfield: ENTITYCUSTOMFIELD,
  role: ROLE,
  integration: INTEGRATION,
  secret: SECRET,
  savedsearch: SAVEDSEARCH,
};

/** Every element schema reachable from the object schemas (each once). */
function allElementSchemas(): ElementSchema[] {
  const seen = new Set<ElementSchema>();
  const visit = (e: ElementSchema): void => {
    if (seen.has(e)) return;
    seen.add(e);
    for (const f of Object.values(e.fields)) if (f.kind === 'structure' || f.kind === 'list') visit(f.element);
  };
  Object.values(OBJECT_SCHEMAS).forEach(visit);
  return [...seen];
}

/** Tags that hold T/F somewhere in a schema: the boolean rule checks their spelling. */
export function booleanFieldNames(): Set<string> {
  const names = new Set<string>();
  for (const e of allElementSchemas()) for (const [tag, f] of Object.entries(e.fields)) if ((f as FieldSchema).kind === 'boolean') names.add(tag);
  return names;
}
