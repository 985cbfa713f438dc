/**
 * SDF booleans are T or F; `true`, `false`, `Y`, `yes` and the like are rejected by the server.
 * Known boolean fields must be T or F (or empty); any other non-text field holding `true`/`false`
 * is almost surely a boolean written the JavaScript way.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { booleanFieldNames } from '../schema';

/** Fields the SDF schemas type as boolean (tools/sdf/schema, from Oracle's XML reference). */
const BOOLEAN_FIELDS = booleanFieldNames();

const WRONG_SPELLINGS = /^(true|false|yes|no|y|n)$/i;
/** Outside known boolean fields only `true`/`false` are suspicious; yes/no can be real data. */
const JS_BOOLEAN = /^(true|false)$/i;
/** Free text, where even `true` may be meant literally. */
const TEXT_FIELDS = new Set(['label', 'value', 'name', 'description', 'title', 'recordname', 'defaultvalue', 'help', 'linklabel', 'abbreviation', 'displayheight', 'displaywidth']);

export const booleans: Rule = {
  id: 'boolean',
  check({ project }) {
    const problems: Problem[] = [];
    for (const o of project.objects) {
      for (const leaf of o.leaves) {
        const known = BOOLEAN_FIELDS.has(leaf.tag);
        // An empty boolean element leaves the field at its default.
        const badKnown = known && leaf.value !== '' && leaf.value !== 'T' && leaf.value !== 'F';
        const badOther = !known && !TEXT_FIELDS.has(leaf.tag) && JS_BOOLEAN.test(leaf.value);
        if (badKnown || (badOther && WRONG_SPELLINGS.test(leaf.value))) {
          problems.push({ file: o.file, line: leaf.line, rule: this.id, message: `<${leaf.tag}> is "${leaf.value}"; SDF booleans are T or F` });
        }
      }
    }
    return problems;
  },
};
